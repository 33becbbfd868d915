import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { dynamo } from '../../shared/data/client.js';
import { Store } from '../../shared/data/store.js';
import { NotFoundError } from '../../shared/errors.js';
import { serve } from '../../shared/http/handler.js';
import { tenantsEnv } from '../../shared/tenants/env.js';
import { issueKey, listKeys, revokeKey, rotateKey, viewOf } from '../../shared/tenants/keys.js';
import { Tenant, tenantSettingsSchema, type Tenant as TenantT } from '../../shared/tenants/model.js';
import { tenantsAdmin, type settingsPatch } from './routes.js';

const config = loadConfig(tenantsEnv);
const store = new Store(config.TABLE_NAME);

type Patch = z.infer<typeof settingsPatch>;

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

export const handler = serve(tenantsAdmin, {
  /** The calling merchant's own tenant (the key decides which). */
  getTenant: async ({ tenantId }) => {
    const tenant = await store.get(Tenant, { tenantId });
    if (!tenant) throw new NotFoundError('Tenant');
    return { body: { tenant } };
  },

  /** The secret is in this answer only; Restock keeps just its hash. */
  issueKey: async ({ body, tenantId }) => ({ status: 201, body: await issueKey(store, tenantId, body.kind, body.label) }),

  listKeys: async ({ tenantId }) => {
    const now = new Date();
    return { body: { items: (await listKeys(store, tenantId)).map((k) => viewOf(k, now)) } };
  },

  revokeKey: async ({ path, tenantId }) => ({ body: { key: await revokeKey(store, tenantId, path.keyId) } }),

  rotateKey: async ({ path, body, tenantId }) => ({ status: 201, body: await rotateKey(store, tenantId, path.keyId, body?.graceSeconds ?? 0) }),

  getSettings: async ({ tenantId }) => {
    const tenant = await store.get(Tenant, { tenantId });
    if (!tenant) throw new NotFoundError('Tenant');
    return { body: view(tenant) };
  },

  /**
   * Partial update of tenant settings and storefront origins. Conditional on the settings
   * read, so two concurrent patches of different keys both land (the loser re-merges).
   */
  patchSettings: async ({ body, tenantId }) => {
    for (let attempt = 0; ; attempt++) {
      // The raw item: the condition below compares what is stored, not its parsed defaults.
      const raw = (await dynamo.send(new GetCommand({ TableName: config.TABLE_NAME, Key: Tenant.key({ tenantId: tenantId }), ConsistentRead: true }))).Item;
      if (!raw) throw new NotFoundError('Tenant');
      const tenant = Tenant.schema.parse(raw) as TenantT;
      const settings = body.settings ? merge(tenant.settings, body.settings) : tenant.settings;
      const allowedOrigins = body.allowedOrigins ? [...new Set(body.allowedOrigins)] : tenant.allowedOrigins;
      try {
        await dynamo.send(
          new UpdateCommand({
            TableName: config.TABLE_NAME,
            Key: Tenant.key({ tenantId: tenantId }),
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
  },
});
