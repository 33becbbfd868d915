import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { dynamo } from '../../shared/data/client.js';
import { Store } from '../../shared/data/store.js';
import { NotFoundError } from '../../shared/errors.js';
import { httpHandler } from '../../shared/http/handler.js';
import { Tenant, tenantSettingsSchema, type Tenant as TenantT } from '../../shared/tenants/model.js';
import { byRoute, nonEmpty } from '../catalog/router.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

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

const inventory = tenantSettingsSchema.shape.inventory.unwrap().shape;
const alerts = tenantSettingsSchema.shape.alerts.unwrap().shape;
const forecasting = tenantSettingsSchema.shape.forecasting.unwrap().shape;
const patchBody = z
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

type Patch = z.infer<typeof patchBody>;

/** Deep-merges a settings patch (null removes a key) and validates the result as a whole. */
function merge(current: TenantT['settings'], patch: NonNullable<Patch['settings']>): TenantT['settings'] {
  const section = (base: Record<string, unknown>, p: Record<string, unknown> | undefined) => {
    const out = { ...base };
    for (const [k, v] of Object.entries(p ?? {})) {
      if (v === null) delete out[k];
      else if (v !== undefined) out[k] = v;
    }
    return out;
  };
  // Sections the patch does not name are kept as they are.
  return tenantSettingsSchema.parse({
    ...current,
    inventory: section(current.inventory, patch.inventory),
    alerts: section(current.alerts, patch.alerts),
    forecasting: section(current.forecasting, patch.forecasting),
  });
}

const view = (t: TenantT) => ({ settings: t.settings, allowedOrigins: t.allowedOrigins });

export const handler = byRoute({
  'GET /admin/settings': httpHandler({ tenant: true }, async ({ auth }) => {
    const tenant = await store.get(Tenant, { tenantId: auth.tenantId! });
    if (!tenant) throw new NotFoundError('Tenant');
    return { body: view(tenant) };
  }),

  /**
   * Partial update of tenant settings and storefront origins. Conditional on the settings
   * read, so two concurrent patches of different keys both land (the loser re-merges).
   */
  'PATCH /admin/settings': httpHandler({ body: patchBody, tenant: true }, async ({ body, auth }) => {
    for (let attempt = 0; ; attempt++) {
      // The raw item: the condition below compares what is stored, not its parsed defaults.
      const raw = (await dynamo.send(new GetCommand({ TableName: config.TABLE_NAME, Key: Tenant.key({ tenantId: auth.tenantId! }), ConsistentRead: true }))).Item;
      if (!raw) throw new NotFoundError('Tenant');
      const tenant = Tenant.schema.parse(raw) as TenantT;
      const settings = body.settings ? merge(tenant.settings, body.settings) : tenant.settings;
      const allowedOrigins = body.allowedOrigins ? [...new Set(body.allowedOrigins)] : tenant.allowedOrigins;
      try {
        await dynamo.send(
          new UpdateCommand({
            TableName: config.TABLE_NAME,
            Key: Tenant.key({ tenantId: auth.tenantId! }),
            UpdateExpression: 'SET settings = :s, allowedOrigins = :o',
            ConditionExpression: [
              raw.settings === undefined ? 'attribute_not_exists(settings)' : 'settings = :prevS',
              raw.allowedOrigins === undefined ? 'attribute_not_exists(allowedOrigins)' : 'allowedOrigins = :prevO',
            ].join(' AND '),
            ExpressionAttributeValues: {
              ':s': settings,
              ':o': allowedOrigins,
              ...(raw.settings === undefined ? {} : { ':prevS': raw.settings }),
              ...(raw.allowedOrigins === undefined ? {} : { ':prevO': raw.allowedOrigins }),
            },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException && attempt < 5) continue;
        throw error;
      }
      return { body: view({ ...tenant, settings, allowedOrigins }) };
    }
  }),
});
