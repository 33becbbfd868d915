import { z } from 'zod';
import { defineEntity, tenantKey } from '../data/entity.js';

export const tenantIdSchema = z.string().regex(/^t[a-z0-9]{10,30}$/, 'not a tenant id');

export const Tenant = defineEntity({
  type: 'Tenant',
  schema: z.object({
    tenantId: tenantIdSchema,
    name: z.string().min(1).max(200),
    contactEmail: z.email(),
    locale: z.string().min(2).max(10),
    status: z.enum(['active', 'suspended']),
    createdAt: z.iso.datetime(),
    allowedOrigins: z.array(z.string()).default([]),
    /** Incremented by the catalog; the onboarding workflow reads it to decide on a nudge. */
    productCount: z.number().int().nonnegative().default(0),
  }),
  key: (k: { tenantId: string }) => ({ pk: tenantKey(k.tenantId), sk: 'TENANT' }),
});
export type Tenant = z.infer<typeof Tenant.schema>;

export const ApiKeyRecord = defineEntity({
  type: 'ApiKey',
  schema: z.object({
    tenantId: tenantIdSchema,
    keyId: z.string(),
    kind: z.enum(['admin', 'publishable']),
    label: z.string().max(100).default(''),
    /** SHA-256 of the secret part; the secret itself is shown once and never stored. */
    secretHash: z.string(),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().optional(),
  }),
  key: (k: { tenantId: string; keyId: string }) => ({ pk: tenantKey(k.tenantId), sk: `APIKEY#${k.keyId}` }),
});
export type ApiKeyRecord = z.infer<typeof ApiKeyRecord.schema>;
