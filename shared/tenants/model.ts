import * as z from 'zod';
import { defineEntity, tenantKey } from '../data/entity.js';
import { waitlistSettingsSchema } from '../waitlist/settings.js';
import { forecastingSettingsSchema } from '../forecast-run/settings.js';

export const tenantIdSchema = z.string().regex(/^t[a-z0-9]{10,30}$/, 'not a tenant id');

/** Tenant-wide settings; products override the inventory thresholds one by one. */
export const tenantSettingsSchema = z.object({
  inventory: z
    .object({
      lowStockThreshold: z.number().int().nonnegative().default(5),
      displayThreshold: z.number().int().nonnegative().default(3),
      safetyStock: z.number().int().nonnegative().default(0),
      /** Stores' stock counts online (ship-from-store) when their location says so. */
      shipFromStore: z.boolean().default(false),
    })
    .default({ lowStockThreshold: 5, displayThreshold: 3, safetyStock: 0, shipFromStore: false }),
  alerts: z
    .object({
      /** At most one low-stock e-mail per variant per window. */
      lowStockWindowHours: z.number().positive().max(24 * 30).default(24),
      /** Collect low-stock alerts into one daily digest instead of one e-mail each. */
      dailyDigest: z.boolean().default(false),
      email: z.email().optional(),
    })
    .default({ lowStockWindowHours: 24, dailyDigest: false }),
  /** Sign-up, double opt-in, limits and drip cadence of waitlists (shared/waitlist/settings.ts). */
  waitlist: waitlistSettingsSchema.prefault({}),
  /** Nightly forecast: service level, horizon, default lead time, review period, digest (shared/forecast-run/settings.ts). */
  forecasting: forecastingSettingsSchema.prefault({}),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

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
    // prefault: the defaults are parsed when a tenant lacks settings, not at every cold start.
    settings: tenantSettingsSchema.prefault({}),
  }),
  key: (k: { tenantId: string }) => ({ pk: tenantKey(k.tenantId), sk: 'TENANT' }),
  // The operator's index of all tenants, for scheduled per-tenant runs (forecasting, digests).
  gsi1: (t) => ({ gsi1pk: 'TENANTS', gsi1sk: t.tenantId }),
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
