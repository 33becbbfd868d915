import * as z from 'zod';
import { nonEmpty } from '../../shared/http/paging.js';
import { defineRoutes } from '../../shared/http/route.js';
import { apiKeyViewSchema, MAX_GRACE_SECONDS } from '../../shared/tenants/keys.js';
import { Tenant, tenantSettingsSchema } from '../../shared/tenants/model.js';

/** A storefront origin exactly as browsers send it: scheme, host, optional port; no path. */
const origin = z
  .string()
  .max(300)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
    } catch {
      return false;
    }
  }, 'an origin like "https://shop.example" (scheme and host, no path or trailing slash)');

const tenantView = Tenant.schema.meta({ id: 'Tenant' });

const inventory = tenantSettingsSchema.shape.inventory.unwrap().shape;
const alerts = tenantSettingsSchema.shape.alerts.unwrap().shape;
const forecasting = tenantSettingsSchema.shape.forecasting.unwrap().shape;
export const settingsPatch = z
  .strictObject({
    settings: z
      .strictObject({
        inventory: z
          .strictObject({
            lowStockThreshold: inventory.lowStockThreshold.unwrap().optional(),
            displayThreshold: inventory.displayThreshold.unwrap().optional(),
            safetyStock: inventory.safetyStock.unwrap().optional(),
            shipFromStore: inventory.shipFromStore.unwrap().optional(),
          })
          .optional(),
        alerts: z
          .strictObject({
            lowStockWindowHours: alerts.lowStockWindowHours.unwrap().optional(),
            dailyDigest: alerts.dailyDigest.unwrap().optional(),
            // null: alerts go back to the tenant's contact e-mail.
            email: alerts.email.unwrap().nullable().optional(),
          })
          .optional(),
        forecasting: z
          .strictObject({
            serviceLevel: forecasting.serviceLevel.unwrap().optional(),
            horizonDays: forecasting.horizonDays.unwrap().optional(),
            defaultLeadTimeDays: forecasting.defaultLeadTimeDays.unwrap().optional(),
            reviewPeriodDays: forecasting.reviewPeriodDays.unwrap().optional(),
            digest: forecasting.digest.unwrap().optional(),
          })
          .optional(),
      })
      .optional(),
    allowedOrigins: z.array(origin).max(20).optional(),
  })
  .refine(nonEmpty, 'nothing to change');

const settingsView = z.object({ settings: tenantSettingsSchema, allowedOrigins: z.array(z.string()) });
const keyPath = z.object({ keyId: z.string().regex(/^[0-9a-f]{12}$/, 'not a key id') });
const issuedKey = z.object({ key: apiKeyViewSchema, secret: z.string().meta({ description: 'The whole key; shown in this answer only (Restock keeps its hash).' }) });

/** Onboarding, for the deployment's operator. */
export const tenantsOperator = defineRoutes({
  capability: 'tenants',
  entry: 'functions/tenants/operator.ts',
  routes: {
    createTenant: {
      method: 'POST',
      path: '/operator/tenants',
      auth: 'operator',
      summary: 'Onboard a merchant',
      description: 'Creates the tenant with its first admin key and announces `TenantCreated` (the onboarding e-mails follow).',
      body: z.object({
        name: z.string().trim().min(1).max(200),
        contactEmail: z.email(),
        locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a locale like "en" or "it-IT"').default('en'),
        allowedOrigins: z.array(z.url()).max(20).optional(),
      }),
      responses: { 201: { description: 'The tenant and its admin key (shown in this answer only).', body: z.object({ tenant: tenantView, adminKey: z.string() }) } },
    },
  },
});

/** The merchant's own tenant: who they are, their keys, their settings. */
export const tenantsAdmin = defineRoutes({
  capability: 'tenants',
  entry: 'functions/tenants/admin.ts',
  routes: {
    getTenant: {
      method: 'GET',
      path: '/admin/tenant',
      auth: 'admin',
      summary: 'The calling merchant’s tenant',
      responses: { 200: { description: 'The tenant the key belongs to.', body: z.object({ tenant: tenantView }) } },
      errors: [404],
    },
    issueKey: {
      method: 'POST',
      path: '/admin/keys',
      auth: 'admin',
      summary: 'Issue an admin or publishable key',
      body: z.strictObject({ kind: z.enum(['admin', 'publishable']), label: z.string().trim().max(100).default('') }),
      responses: { 201: { description: 'The new key; its secret is in this answer only.', body: issuedKey } },
    },
    listKeys: {
      method: 'GET',
      path: '/admin/keys',
      auth: 'admin',
      summary: 'List keys (never their secrets)',
      responses: { 200: { description: 'Every key of the tenant.', body: z.object({ items: z.array(apiKeyViewSchema) }) } },
    },
    revokeKey: {
      method: 'DELETE',
      path: '/admin/keys/{keyId}',
      auth: 'admin',
      summary: 'Revoke a key (not the last admin key)',
      params: keyPath,
      responses: { 200: { description: 'The revoked key.', body: z.object({ key: apiKeyViewSchema }) } },
      errors: [404, 409],
    },
    rotateKey: {
      method: 'POST',
      path: '/admin/keys/{keyId}/rotate',
      auth: 'admin',
      summary: 'Replace a key, optionally keeping the old one working for a grace period',
      params: keyPath,
      body: z.strictObject({ graceSeconds: z.number().int().min(0).max(MAX_GRACE_SECONDS).default(0) }).optional(),
      responses: { 201: { description: 'The new key (secret shown once) and the previous one.', body: issuedKey.extend({ previous: apiKeyViewSchema }) } },
      errors: [404, 409],
    },
    getSettings: {
      method: 'GET',
      path: '/admin/settings',
      auth: 'admin',
      summary: 'Tenant settings and allowed storefront origins',
      responses: { 200: { description: 'The settings, defaults filled in.', body: settingsView } },
      errors: [404],
    },
    patchSettings: {
      method: 'PATCH',
      path: '/admin/settings',
      auth: 'admin',
      summary: 'Change some settings (a partial update; null removes a value)',
      description: 'Merges into the current settings: sections and keys the patch does not name are kept. `allowedOrigins`, when given, replaces the list.',
      body: settingsPatch,
      responses: { 200: { description: 'The settings after the change.', body: settingsView } },
      errors: [404],
    },
  },
});
