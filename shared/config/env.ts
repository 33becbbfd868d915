import * as z from 'zod';

/**
 * Reads and validates a handler's configuration from its environment once, at cold start.
 * A missing or malformed variable fails the container before it serves a request, naming
 * the variable, instead of surfacing later as a confusing runtime error.
 */
export function loadConfig<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<S>> {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Variables every deployed function gets from the house function construct. */
export const baseEnv = {
  TABLE_NAME: z.string().min(3),
  EVENT_BUS_NAME: z.string().min(1),
  APP_NAME: z.string().default('restock'),
};
