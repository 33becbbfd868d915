import { api, client, issuePublishableKey, local, newTenant } from '../support/local.js';
import { synthTableName } from '../support/table-name.js';
import type { NewProduct } from '../../shared/inventory/catalog.js';
import type { StockChange } from '../../shared/inventory/stock.js';

/**
 * Storefront test fixtures: a tenant with a publishable key, and catalog and stock written
 * through the inventory data layer (createProduct, applyStockChanges) — the same code the
 * admin API and feeds run. Shared modules are imported after `local()` so their SDK
 * clients reach the local stack.
 */
local();
const BUS = 'Restock-bus';

export async function shop(opts: { allowedOrigins?: string[]; name?: string } = {}) {
  const t = await newTenant(opts.name ?? 'Storefront Shop', opts.allowedOrigins ? { allowedOrigins: opts.allowedOrigins } : {});
  return { ...t, key: await issuePublishableKey(t.tenantId) };
}

export async function store() {
  const { Store } = await import('../../shared/data/store.js');
  return new Store(await synthTableName());
}

export async function product(tenantId: string, input: Partial<NewProduct> & Pick<NewProduct, 'productId' | 'variants'>) {
  const { createProduct } = await import('../../shared/inventory/catalog.js');
  return createProduct(await store(), tenantId, { title: input.productId, ...input } as NewProduct);
}

export async function stock(tenantId: string, changes: StockChange[]) {
  const { applyStockChanges } = await import('../../shared/inventory/stock.js');
  return applyStockChanges({ tableName: await synthTableName(), busName: BUS, tenantId }, changes);
}

/** Sets on-hand units at the default location for several SKUs. */
export const onHand = (tenantId: string, units: Record<string, number>, locationId = 'main') =>
  stock(tenantId, Object.entries(units).map(([sku, set]) => ({ sku, locationId, set })));

/** What the purchase-order code writes on a variant: the earliest open PO's date and units. */
export async function setEta(tenantId: string, productId: string, sku: string, eta: string, incoming: number) {
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dynamo } = await import('../../shared/data/client.js');
  const { Product } = await import('../../shared/inventory/model.js');
  await dynamo.send(
    new UpdateCommand({
      TableName: await synthTableName(),
      Key: Product.key({ tenantId, productId }),
      UpdateExpression: 'SET variants.#s.eta = :eta, variants.#s.incoming = :n',
      ExpressionAttributeNames: { '#s': sku },
      ExpressionAttributeValues: { ':eta': eta, ':n': incoming },
    }),
  );
}

export async function location(tenantId: string, loc: { locationId: string; name: string; kind: 'warehouse' | 'store'; city?: string; address?: string; openingHours?: string; countsOnline?: boolean; pickup?: boolean }) {
  const { Location } = await import('../../shared/inventory/model.js');
  await (await store()).put(Location, { tenantId, countsOnline: true, pickup: false, ...loc });
}

/** Changes tenant inventory settings (thresholds, ship-from-store) as the settings API would. */
export async function tenantInventory(tenantId: string, patch: Record<string, number | boolean>) {
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dynamo } = await import('../../shared/data/client.js');
  const { Tenant } = await import('../../shared/tenants/model.js');
  const entries = Object.entries(patch);
  await dynamo.send(
    new UpdateCommand({
      TableName: await synthTableName(),
      Key: Tenant.key({ tenantId }),
      UpdateExpression: `SET ${entries.map((_, i) => `settings.inventory.#k${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#k${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
    }),
  );
}

/** What the order webhook keeps on a variant: units sold on a day (here, `daysAgo` days back). */
export async function recentSales(tenantId: string, productId: string, sku: string, units: number, daysAgo = 0) {
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dynamo } = await import('../../shared/data/client.js');
  const { Product } = await import('../../shared/inventory/model.js');
  const day = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await dynamo.send(
    new UpdateCommand({
      TableName: await synthTableName(),
      Key: Product.key({ tenantId, productId }),
      UpdateExpression: 'SET variants.#s.recentSales.#d = :n',
      ExpressionAttributeNames: { '#s': sku, '#d': day },
      ExpressionAttributeValues: { ':n': units },
    }),
  );
}

/** The typed client with the shop's publishable key (good paths). */
export const storefrontClient = (key: string) => client({ publishableKey: key });

/** A raw storefront call with the publishable key (and optional browser headers): bad input, errors, conditional requests. */
export const sf = (key: string, path: string, opts: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  api(opts.method ?? 'GET', path, { body: opts.body, headers: { 'x-restock-key': key, ...opts.headers } });
