import * as z from 'zod';

/**
 * An entity is a zod schema plus the functions that derive its keys. Every key starts with
 * the tenant, so a query can only ever reach one tenant's items; and keys are derived only
 * here, never assembled by hand in handlers.
 */
export interface EntityDef<S extends z.ZodObject, K> {
  type: string;
  schema: S;
  key: (k: K) => { pk: string; sk: string };
  gsi1?: (item: z.infer<S>) => { gsi1pk: string; gsi1sk: string } | undefined;
}

export function defineEntity<S extends z.ZodObject, K extends { tenantId: string }>(def: EntityDef<S, K>): EntityDef<S, K> {
  return def;
}

/** Builds a key segment list scoped by tenant: `T#<tenant>#PRODUCT#<id>`. */
export function tenantKey(tenantId: string, ...parts: (string | number)[]): string {
  if (!tenantId) throw new Error('tenantId is required in every key');
  return ['T', tenantId, ...parts].join('#');
}
