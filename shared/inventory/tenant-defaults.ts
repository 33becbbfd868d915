import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { Tenant, tenantSettingsSchema } from '../tenants/model.js';
import { tenantKey } from '../data/entity.js';
import { DEFAULTS, type InventoryDefaults } from './availability.js';

const cache = new Map<string, { at: number; value: InventoryDefaults }>();
const TTL_MS = 60_000;

/**
 * The tenant's inventory defaults (thresholds, safety stock), which products override one by
 * one, and the locations whose stock does not count online (stores, unless the tenant ships
 * from store; any location that opted out), so stored states and events speak of what can be
 * bought online, as the storefront does. Cached per container for a minute: a settings or
 * location change reaches availability within it.
 */
export async function tenantInventoryDefaults(tableName: string, tenantId: string): Promise<InventoryDefaults> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const [res, locations] = await Promise.all([
    dynamo.send(new GetCommand({ TableName: tableName, Key: Tenant.key({ tenantId }), ProjectionExpression: 'settings' })),
    queryLocations(tableName, tenantId),
  ]);
  const settings = tenantSettingsSchema.safeParse(res.Item?.settings ?? {});
  const inv = settings.success ? settings.data.inventory : undefined;
  const shipFromStore = inv?.shipFromStore ?? false;
  const offlineLocations = locations.filter((l) => l.countsOnline === false || (l.kind === 'store' && !shipFromStore)).map((l) => l.locationId);
  const value: InventoryDefaults = {
    ...(inv ? { lowStockThreshold: inv.lowStockThreshold, displayThreshold: inv.displayThreshold, safetyStock: inv.safetyStock } : DEFAULTS),
    ...(offlineLocations.length ? { offlineLocations } : {}),
  };
  cache.set(tenantId, { at: Date.now(), value });
  return value;
}

interface LocationFlags {
  locationId: string;
  kind?: string;
  countsOnline?: boolean;
}

async function queryLocations(tableName: string, tenantId: string): Promise<LocationFlags[]> {
  const out: LocationFlags[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :loc)',
        ExpressionAttributeValues: { ':pk': tenantKey(tenantId), ':loc': 'LOCATION#' },
        ProjectionExpression: 'locationId, kind, countsOnline',
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((res.Items ?? []) as LocationFlags[]));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}
