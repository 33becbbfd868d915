/**
 * Batched reads of one partition's inputs: products in a product-id range, sales month
 * items (BatchGet), stock history and open-PO pointers (one Query per SKU, a few in
 * flight), purchase orders, suppliers and previous forecasts (BatchGet).
 */
import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import { IncomingPointer } from '../inventory/purchase-orders.js';
import { Product, PurchaseOrder, salesMonthKey, stockHistoryKey, Supplier, type Product as ProductT, type PurchaseOrder as PurchaseOrderT, type Supplier as SupplierT } from '../inventory/model.js';
import { Forecast, forecastSchema, type Forecast as ForecastT } from './model.js';
import { monthsBetween, type SalesMonthItem, type StockHistoryRecord } from './series.js';

type Key = { pk: string; sk: string };

/** Runs `fn` over items with at most `limit` in flight. */
export async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** BatchGetItem over any number of keys (100 per call, a few calls in flight, unprocessed keys retried). */
export async function batchGetAll(tableName: string, keys: Key[], opts: { concurrency?: number; consistent?: boolean } = {}): Promise<Record<string, unknown>[]> {
  const chunks: Key[][] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
  const out: Record<string, unknown>[] = [];
  await inParallel(chunks, opts.concurrency ?? 8, async (chunk) => {
    let pending: Record<string, unknown>[] = chunk;
    for (let attempt = 0; pending.length; attempt++) {
      const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: opts.consistent } } }));
      out.push(...((res.Responses?.[tableName] as Record<string, unknown>[] | undefined) ?? []));
      pending = (res.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      if (pending.length) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
    }
  });
  return out;
}

export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...((res.Items as Record<string, unknown>[] | undefined) ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Active products with ids in [first, last] (the partition's range of the products index). */
export async function productsInRange(tableName: string, tenantId: string, first: string, last: string): Promise<ProductT[]> {
  const items = await queryAll({
    TableName: tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :first AND :last',
    ExpressionAttributeValues: { ':pk': tenantKey(tenantId, 'PRODUCTS'), ':first': first, ':last': last },
  });
  return items.map((i) => Product.schema.parse(i) as ProductT).filter((p) => p.status === 'active');
}

/** Sales month items per SKU for the months covering from..to. */
export async function salesMonths(tableName: string, tenantId: string, skus: string[], from: string, to: string): Promise<Map<string, SalesMonthItem[]>> {
  const months = monthsBetween(from, to);
  const keys = skus.flatMap((sku) => months.map((m) => salesMonthKey(tenantId, sku, m)));
  const prefix = tenantKey(tenantId, 'SALES', '');
  const out = new Map<string, SalesMonthItem[]>(skus.map((s) => [s, []]));
  for (const item of await batchGetAll(tableName, keys)) {
    const sku = String(item.pk).slice(prefix.length);
    out.get(sku)?.push(item as SalesMonthItem);
  }
  return out;
}

/** Stock transitions of each SKU since `fromIso`. */
export async function stockHistory(tableName: string, tenantId: string, skus: string[], fromIso: string): Promise<Map<string, StockHistoryRecord[]>> {
  const out = new Map<string, StockHistoryRecord[]>();
  await inParallel(skus, 16, async (sku) => {
    const pk = stockHistoryKey(tenantId, sku, fromIso, 0).pk;
    const items = await queryAll({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND sk >= :from',
      ExpressionAttributeValues: { ':pk': pk, ':from': fromIso },
      ProjectionExpression: '#at, #from, #to',
      ExpressionAttributeNames: { '#at': 'at', '#from': 'from', '#to': 'to' },
    });
    out.set(
      sku,
      items.filter((i) => typeof i.at === 'string').map((i) => ({ at: String(i.at), from: String(i.from), to: String(i.to) })),
    );
  });
  return out;
}

/** Open purchase orders bringing each SKU (through the per-SKU pointers the PO writes). */
export async function openPurchaseOrders(tableName: string, tenantId: string, skus: string[]): Promise<Map<string, PurchaseOrderT[]>> {
  const idsBySku = new Map<string, string[]>();
  await inParallel(skus, 16, async (sku) => {
    const items = await queryAll({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :po)',
      ExpressionAttributeValues: { ':pk': IncomingPointer.key({ tenantId, sku, poId: 'x' }).pk, ':po': 'PO#' },
      ProjectionExpression: 'poId',
    });
    idsBySku.set(sku, items.map((i) => String(i.poId)));
  });
  const poIds = [...new Set([...idsBySku.values()].flat())];
  const orders = new Map<string, PurchaseOrderT>();
  for (const item of await batchGetAll(tableName, poIds.map((poId) => PurchaseOrder.key({ tenantId, poId })))) {
    const po = PurchaseOrder.schema.safeParse(item);
    if (po.success && po.data.status === 'open') orders.set(po.data.poId, po.data as PurchaseOrderT);
  }
  return new Map(skus.map((sku) => [sku, (idsBySku.get(sku) ?? []).flatMap((id) => orders.get(id) ?? [])]));
}

export async function suppliers(tableName: string, tenantId: string, ids: string[]): Promise<Map<string, SupplierT>> {
  const out = new Map<string, SupplierT>();
  for (const item of await batchGetAll(tableName, [...new Set(ids)].map((supplierId) => Supplier.key({ tenantId, supplierId })))) {
    const s = Supplier.schema.safeParse(item);
    if (s.success) out.set(s.data.supplierId, s.data as SupplierT);
  }
  return out;
}

/** The LATEST forecast of each SKU that has one (its flags carry over to this run). */
export async function latestForecasts(tableName: string, tenantId: string, skus: string[]): Promise<Map<string, ForecastT>> {
  const out = new Map<string, ForecastT>();
  for (const item of await batchGetAll(tableName, skus.map((sku) => Forecast.key({ tenantId, sku, run: 'LATEST' })))) {
    const f = forecastSchema.safeParse(item);
    if (f.success) out.set(f.data.sku, f.data);
  }
  return out;
}
