import * as z from 'zod';

/**
 * Configuration from the environment, declared once per capability.
 *
 * Each capability owns one schema (`shared/<capability>/env.ts`) for every variable its
 * functions read. Infra sets the variables from the same schema (`EnvValues` makes it supply
 * each one; `infra/constructs/capability.ts`), and handlers read them with `loadConfig`, which
 * validates at cold start: a missing or malformed variable fails the container before it
 * serves a request, naming the variable.
 */

/** What the platform gives every function: the table, the bus, the app's name. */
export const platformEnv = {
  TABLE_NAME: z.string().min(3),
  EVENT_BUS_NAME: z.string().min(1),
  APP_NAME: z.string().default('restock'),
};
export type PlatformEnvKey = keyof typeof platformEnv;

/** An ARN, as infra passes it. */
export const arnVar = z.string().regex(/^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/, 'an ARN');
/** A positive integer given as text. */
export const positiveIntVar = z.coerce.number().int().positive();

/** A capability's environment: the platform's variables and its own. */
export function defineEnv<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...platformEnv, ...shape });
}

/** The values infra must supply for an environment (the platform's are set for every function). */
export type EnvValues<E extends z.ZodObject> = Omit<{ [K in keyof z.input<E>]: string }, PlatformEnvKey>;

export function loadConfig<E extends z.ZodObject>(schema: E, env: NodeJS.ProcessEnv = process.env): z.output<E> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Functions that need only the platform's variables (the authorizers). */
export const baseEnv = defineEnv({});
