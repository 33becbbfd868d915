import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { Tenant, tenantSettingsSchema } from '../tenants/model.js';
import { DEFAULTS, type InventoryDefaults } from './availability.js';

const cache = new Map<string, { at: number; value: InventoryDefaults }>();
const TTL_MS = 60_000;

/**
 * The tenant's inventory defaults (thresholds, safety stock), which products override one by
 * one. Cached per container for a minute: a settings change reaches availability within it.
 */
export async function tenantInventoryDefaults(tableName: string, tenantId: string): Promise<InventoryDefaults> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: Tenant.key({ tenantId }), ProjectionExpression: 'settings' }));
  const settings = tenantSettingsSchema.safeParse(res.Item?.settings ?? {});
  const inv = settings.success ? settings.data.inventory : undefined;
  const value = inv ? { lowStockThreshold: inv.lowStockThreshold, displayThreshold: inv.displayThreshold, safetyStock: inv.safetyStock } : DEFAULTS;
  cache.set(tenantId, { at: Date.now(), value });
  return value;
}
