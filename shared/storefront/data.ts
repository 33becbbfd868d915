import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { Location, Product, type Product as ProductT } from '../inventory/model.js';
import { Tenant } from '../tenants/model.js';
import { factsOf, type CandidateFacts } from './alternatives.js';
import { StorefrontConfigEntity, defaultConfig, storefrontConfigSchema, type StorefrontConfig } from './config.js';
import { demandDayPk, demandExpiry, demandKey, dayOf, rowOf, type DemandRow, type DemandSignalType, type DemandSubject } from './demand.js';
import { rateLimitKey, type Window } from './rate-limit.js';
import type { LocationInfo, StorefrontInventorySettings } from './view.js';

/**
 * The storefront's reads and writes. Reads are shaped for the hot paths: a product is one
 * GetItem, a listing one BatchGetItem (recent sales live on the variants), and the
 * tenant's settings, locations and storefront config one Query of the tenant partition,
 * cached per container for a minute (the authorizer caches keys for as long).
 */

export interface TenantContext {
  tenantId: string;
  locale: string;
  allowedOrigins: string[];
  inventory: StorefrontInventorySettings;
  locations: Map<string, LocationInfo>;
  config: StorefrontConfig;
}

const CONTEXT_TTL_MS = 60_000;
const MAX_CACHED_TENANTS = 1000;
const contexts = new Map<string, { at: number; value: Promise<TenantContext> }>();

export function tenantContext(tableName: string, tenantId: string, now = Date.now()): Promise<TenantContext> {
  const hit = contexts.get(tenantId);
  if (hit && now - hit.at < CONTEXT_TTL_MS) return hit.value;
  const value = loadTenantContext(tableName, tenantId);
  if (contexts.size >= MAX_CACHED_TENANTS) contexts.delete(contexts.keys().next().value!);
  contexts.set(tenantId, { at: now, value });
  value.catch(() => contexts.delete(tenantId));
  return value;
}

/** Forgets cached tenant contexts (tests, and after a settings write in the same container). */
export function forgetTenantContext(tenantId?: string): void {
  if (tenantId) contexts.delete(tenantId);
  else contexts.clear();
}

async function queryAll(input: QueryCommandInput, maxItems = Infinity): Promise<{ items: Record<string, unknown>[]; truncated: boolean }> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start && items.length < maxItems);
  return { items: items.slice(0, maxItems), truncated: !!start || items.length > maxItems };
}

async function loadTenantContext(tableName: string, tenantId: string): Promise<TenantContext> {
  const { items } = await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: '#type IN (:tenant, :location, :config)',
    ExpressionAttributeNames: { '#type': '_type' },
    ExpressionAttributeValues: { ':pk': tenantKey(tenantId), ':tenant': Tenant.type, ':location': Location.type, ':config': StorefrontConfigEntity.type },
  });
  const tenantItem = items.find((i) => i._type === Tenant.type);
  if (!tenantItem) throw new UnauthorizedError();
  const tenant = Tenant.schema.parse(tenantItem);
  if (tenant.status !== 'active') throw new ForbiddenError('This shop is not active');
  const configItem = items.find((i) => i._type === StorefrontConfigEntity.type);
  const locations = new Map<string, LocationInfo>();
  for (const i of items.filter((i) => i._type === Location.type)) {
    const loc = Location.schema.safeParse(i);
    if (loc.success) locations.set(loc.data.locationId, loc.data);
  }
  return {
    tenantId,
    locale: tenant.locale,
    allowedOrigins: tenant.allowedOrigins,
    inventory: tenant.settings.inventory,
    locations,
    config: configItem ? storefrontConfigSchema.parse(configItem) : defaultConfig(tenantId),
  };
}

/** Products are parsed with the catalog's own schema; unknown attributes (counters) are read raw. */
export function parseProduct(raw: Record<string, unknown>): ProductT {
  return Product.schema.parse(raw) as ProductT;
}

export async function getProductRaw(tableName: string, tenantId: string, productId: string): Promise<Record<string, unknown> | undefined> {
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: Product.key({ tenantId, productId }) }));
  return res.Item;
}

/** What listings and alternatives read of a product: everything but the long description. */
const LISTING_ATTRIBUTES = ['tenantId', 'productId', 'title', 'category', 'brand', 'price', 'currency', 'attributes', 'tags', 'url', 'imageUrl', 'related', 'status', 'settings', 'variants', 'createdAt', 'updatedAt'];
const LISTING_PROJECTION = {
  ProjectionExpression: LISTING_ATTRIBUTES.map((_, i) => `#p${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(LISTING_ATTRIBUTES.map((n, i) => [`#p${i}`, n])),
};

const MAX_BATCH_ATTEMPTS = 8;

/**
 * Up to 100 products in one BatchGetItem. DynamoDB may hand back unprocessed keys (throttling,
 * or 16 MB reached); those are retried with backoff, so the answer is complete. `roundTrips`
 * says how many calls it took (1 unless DynamoDB pushed back).
 */
export async function batchGetProducts(tableName: string, tenantId: string, productIds: string[]): Promise<{ items: Map<string, Record<string, unknown>>; roundTrips: number }> {
  if (productIds.length > 100) throw new Error('At most 100 products per batch');
  const items = new Map<string, Record<string, unknown>>();
  if (!productIds.length) return { items, roundTrips: 0 };
  const projection = LISTING_PROJECTION;
  let keys: Record<string, unknown>[] = [...new Set(productIds)].map((productId) => Product.key({ tenantId, productId }));
  let roundTrips = 0;
  for (let attempt = 0; keys.length; attempt++) {
    if (attempt >= MAX_BATCH_ATTEMPTS) throw new Error(`BatchGetItem left ${keys.length} keys unprocessed after ${attempt} attempts`);
    if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt) * (0.5 + Math.random())));
    const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ...projection } } }));
    roundTrips++;
    for (const item of res.Responses?.[tableName] ?? []) items.set(String(item.productId), item);
    keys = (res.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
  }
  return { items, roundTrips };
}

/** Adds one request to the client's counter for this window; returns the count so far. */
export async function hitRateLimit(tableName: string, tenantId: string, client: string, window: Window): Promise<number> {
  const res = await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: rateLimitKey(tenantId, client, window.id),
      UpdateExpression: 'ADD #n :one SET expiresAt = if_not_exists(expiresAt, :exp)',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':one': 1, ':exp': window.expiresAt },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(res.Attributes?.n ?? 1);
}

/** One atomic counter increment per signal. */
export async function recordDemand(tableName: string, tenantId: string, type: DemandSignalType, subject: DemandSubject, now = new Date()): Promise<void> {
  const day = dayOf(now);
  const names: Record<string, string> = { '#type': type, '#day': 'day', '#kind': 'kind' };
  const values: Record<string, unknown> = { ':one': 1, ':day': day, ':kind': subject.kind, ':exp': demandExpiry(now) };
  const sets = ['#day = :day', '#kind = :kind', 'expiresAt = if_not_exists(expiresAt, :exp)'];
  for (const field of ['sku', 'productId', 'query'] as const) {
    const value = subject[field];
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: demandKey(tenantId, day, subject.sk),
      UpdateExpression: `ADD #type :one SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Counter rows of the given days (one partition each), read a few days at a time. */
export async function readDemand(tableName: string, tenantId: string, days: string[], concurrency = 8): Promise<DemandRow[]> {
  const rows: DemandRow[][] = new Array(days.length);
  let next = 0;
  const worker = async () => {
    while (next < days.length) {
      const i = next++;
      const { items } = await queryAll({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': demandDayPk(tenantId, days[i]!) } });
      rows[i] = items.map(rowOf).filter((r) => r.total > 0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, days.length) }, worker));
  return rows.flat();
}

/** Shopper ids are stored only as a tenant-salted hash: recent interests, not identities. */
export function shopperHash(tenantId: string, shopperId: string): string {
  return createHash('sha256').update(`${tenantId}\u0000shopper\u0000${shopperId}`).digest('base64url').slice(0, 27);
}

const INTEREST_TTL_DAYS = 30;
const INTEREST_PREFIX = 'c#';
const interestKey = (tenantId: string, shopperId: string) => ({ pk: tenantKey(tenantId, 'SHOPPER', shopperHash(tenantId, shopperId)), sk: 'INTERESTS' });

/** Remembers that the shopper looked at a category (one write; the item expires in 30 days). */
export async function recordInterest(tableName: string, tenantId: string, shopperId: string, category: string, now = new Date()): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: interestKey(tenantId, shopperId),
      UpdateExpression: 'SET #c = :at, expiresAt = :exp',
      ExpressionAttributeNames: { '#c': `${INTEREST_PREFIX}${category}` },
      ExpressionAttributeValues: { ':at': now.toISOString(), ':exp': Math.floor(now.getTime() / 1000) + INTEREST_TTL_DAYS * 86_400 },
    }),
  );
}

/** The shopper's recent categories, most recent first (at most `limit`). */
export async function readInterests(tableName: string, tenantId: string, shopperId: string, now = new Date(), limit = 5): Promise<string[]> {
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: interestKey(tenantId, shopperId) }));
  const since = new Date(now.getTime() - INTEREST_TTL_DAYS * 86_400_000).toISOString();
  return Object.entries(res.Item ?? {})
    .filter(([k, v]) => k.startsWith(INTEREST_PREFIX) && typeof v === 'string' && v >= since)
    .sort((a, b) => String(b[1]).localeCompare(String(a[1])))
    .slice(0, limit)
    .map(([k]) => k.slice(INTEREST_PREFIX.length));
}

/**
 * Scaling limit: alternatives draw candidates from the first MAX_CANDIDATES products of the
 * tenant's catalog (the products index, read page by page and kept for a minute per
 * container). Enough for small and mid-size shops; a catalog larger than this needs a
 * per-category index written with the product (see the storefront README notes).
 */
export const MAX_CANDIDATES = 500;
const CATALOG_TTL_MS = 60_000;
const catalogs = new Map<string, { at: number; value: Promise<{ facts: CandidateFacts[]; truncated: boolean }> }>();

export function candidateCatalog(tableName: string, tenantId: string, now = Date.now()): Promise<{ facts: CandidateFacts[]; truncated: boolean }> {
  const hit = catalogs.get(tenantId);
  if (hit && now - hit.at < CATALOG_TTL_MS) return hit.value;
  const names = ['productId', 'category', 'brand', 'price', 'attributes', 'tags', 'related', 'status', 'variants'];
  const value = queryAll(
    {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': tenantKey(tenantId, 'PRODUCTS') },
      ProjectionExpression: names.map((_, i) => `#c${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#c${i}`, n])),
      Limit: 250,
    },
    MAX_CANDIDATES,
  ).then(({ items, truncated }) => ({
    facts: items.map((i) =>
      factsOf({
        productId: String(i.productId),
        category: i.category as string | undefined,
        brand: i.brand as string | undefined,
        price: i.price as number | undefined,
        attributes: (i.attributes ?? {}) as Record<string, string>,
        tags: (i.tags ?? []) as string[],
        related: (i.related ?? []) as string[],
        status: (i.status ?? 'active') as 'active' | 'archived',
        variants: (i.variants ?? {}) as ProductT['variants'],
      }),
    ),
    truncated,
  }));
  if (catalogs.size >= MAX_CACHED_TENANTS) catalogs.delete(catalogs.keys().next().value!);
  catalogs.set(tenantId, { at: now, value });
  value.catch(() => catalogs.delete(tenantId));
  return value;
}
