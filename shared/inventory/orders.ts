import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { pruneUnused } from '../data/expressions.js';
import type { Store } from '../data/store.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.js';
import { publishEvents } from '../events/publish.js';
import { Order, Product, salesMonthKey, DEFAULT_LOCATION, type Order as OrderT, type Product as ProductT } from './model.js';
import { reconcileStates, resolveSkus, transitionSchema, type StockContext, type Transition } from './stock.js';

export interface OrderLineInput {
  sku: string;
  quantity: number;
  /** Unit price in minor units. */
  price: number;
  locationId?: string;
}

export type OrderWebhook =
  | { type: 'placed'; orderId: string; placedAt?: string; currency?: string; shopper?: { id?: string; email?: string }; lines: OrderLineInput[] }
  | { type: 'cancelled'; orderId: string }
  | { type: 'returned'; orderId: string; returnId: string; restock?: boolean; lines: { sku: string; quantity: number }[] };

export const orderOutcomeSchema = z.object({
  orderId: z.string(),
  status: Order.schema.shape.status,
  duplicate: z.boolean().meta({ description: 'This delivery (order id, or return id) was seen before: nothing changed.' }),
  transitions: z.array(transitionSchema),
});
export type OrderOutcome = z.infer<typeof orderOutcomeSchema>;

const RECENT_DAYS = 14;

/** A stable pseudonym for the shopper (id or e-mail), so orders can be attributed without PII. */
export function shopperRef(tenantId: string, shopper?: { id?: string; email?: string }): string | undefined {
  const raw = shopper?.id ? `id:${shopper.id}` : shopper?.email ? `email:${shopper.email.trim().toLowerCase()}` : undefined;
  return raw && `sha256:${createHash('sha256').update(`${tenantId}\u0000${raw}`).digest('hex').slice(0, 32)}`;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * The order webhook. Each order id changes stock exactly once per transition: the Order item,
 * every product's stock delta and the daily sales counters are written in ONE DynamoDB
 * transaction guarded by the order's status, so a redelivered webhook, or a retry after a
 * crash, cannot decrement or restore twice. Availability transitions follow from the new
 * stock (reconciled after the commit, itself idempotent).
 */
export async function handleOrderWebhook(ctx: StockContext & { store: Store }, input: OrderWebhook, now = new Date()): Promise<OrderOutcome> {
  switch (input.type) {
    case 'placed':
      return placeOrder(ctx, input, now);
    case 'cancelled':
      return cancelOrder(ctx, input.orderId, now);
    case 'returned':
      return returnOrder(ctx, input, now);
  }
}

async function loadProducts(ctx: StockContext, skus: string[]) {
  const productOf = await resolveSkus(ctx, skus);
  const unknown = skus.filter((s) => !productOf.has(s));
  if (unknown.length) throw new UnprocessableError('Unknown SKU in order', unknown.map((sku) => ({ field: 'lines.sku', reason: `unknown SKU ${sku}` })));
  const ids = [...new Set(productOf.values())];
  const products = new Map<string, ProductT>();
  let keys = ids.map((productId) => Product.key({ tenantId: ctx.tenantId, productId }));
  while (keys.length) {
    const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: keys, ConsistentRead: true } } }));
    for (const item of res.Responses?.[ctx.tableName] ?? []) {
      const p = Product.schema.parse(item) as ProductT;
      products.set(p.productId, p);
    }
    keys = (res.UnprocessedKeys?.[ctx.tableName]?.Keys as typeof keys | undefined) ?? [];
  }
  return { productOf, products };
}

/** Where a sold unit comes from: the line's location, else the one holding the most units. */
function pickLocation(p: ProductT, sku: string, requested?: string): string {
  if (requested) return requested;
  const onHand = Object.entries(p.variants[sku]?.onHand ?? {}).sort((a, b) => b[1] - a[1]);
  return onHand[0]?.[0] ?? DEFAULT_LOCATION;
}

interface StockMove {
  productId: string;
  sku: string;
  locationId: string;
  delta: number;
  soldUnits: number;
  revenue: number;
  returnedUnits: number;
}

function productUpdates(ctx: StockContext, moves: StockMove[], products: Map<string, ProductT>, atIso: string, salesDayIso = atIso) {
  const byProduct = new Map<string, StockMove[]>();
  for (const m of moves) byProduct.set(m.productId, [...(byProduct.get(m.productId) ?? []), m]);
  const today = day(salesDayIso);
  const oldest = day(new Date(Date.parse(atIso) - RECENT_DAYS * 86_400_000).toISOString());
  return [...byProduct].map(([productId, list]) => {
    const names: Record<string, string> = { '#v': 'variants', '#oh': 'onHand', '#rs': 'recentSales', '#u': 'updatedAt', '#today': today };
    const values: Record<string, unknown> = { ':zero': 0, ':now': atIso };
    const sets = ['#u = :now'];
    const removes: string[] = [];
    const conditions: string[] = [];
    list.forEach((m, i) => {
      names[`#s${i}`] = m.sku;
      names[`#l${i}`] = m.locationId;
      values[`:d${i}`] = m.delta;
      const path = `#v.#s${i}.#oh.#l${i}`;
      if (m.delta !== 0) sets.push(`${path} = if_not_exists(${path}, :zero) + :d${i}`);
      if (m.soldUnits !== 0) {
        values[`:sold${i}`] = m.soldUnits;
        sets.push(`#v.#s${i}.#rs.#today = if_not_exists(#v.#s${i}.#rs.#today, :zero) + :sold${i}`);
      }
      conditions.push(`attribute_exists(#v.#s${i}.#rs)`);
      // Days that fell out of the 14-day window are dropped as we go (read just before).
      for (const d of Object.keys(products.get(productId)?.variants[m.sku]?.recentSales ?? {})) {
        if (d < oldest) {
          const n = `#old${i}_${d.replace(/-/g, '')}`;
          names[n] = d;
          removes.push(`#v.#s${i}.#rs.${n}`);
        }
      }
    });
    const update = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${[...new Set(removes)].join(', ')}` : ''}`;
    const condition = conditions.join(' AND ');
    return {
      Update: {
        TableName: ctx.tableName,
        Key: Product.key({ tenantId: ctx.tenantId, productId }),
        UpdateExpression: update,
        ConditionExpression: condition,
        ...pruneUnused(names, values, update, condition),
      },
    };
  });
}

/** Daily sales counters per SKU and month: units `uDD`, revenue `rDD`, returns `xDD`. */
function salesUpdates(ctx: StockContext, moves: StockMove[], atIso: string) {
  const dd = atIso.slice(8, 10);
  const month = atIso.slice(0, 7);
  const bySku = new Map<string, { units: number; revenue: number; returned: number }>();
  for (const m of moves) {
    const s = bySku.get(m.sku) ?? { units: 0, revenue: 0, returned: 0 };
    s.units += m.soldUnits;
    s.revenue += m.revenue;
    s.returned += m.returnedUnits;
    bySku.set(m.sku, s);
  }
  return [...bySku].map(([sku, s]) => ({
    Update: {
      TableName: ctx.tableName,
      Key: salesMonthKey(ctx.tenantId, sku, month),
      UpdateExpression: 'ADD #u :u, #r :r, #x :x SET #t = :type, #sku = :sku',
      ExpressionAttributeNames: { '#u': `u${dd}`, '#r': `r${dd}`, '#x': `x${dd}`, '#t': '_type', '#sku': 'sku' },
      ExpressionAttributeValues: { ':u': s.units, ':r': s.revenue, ':x': s.returned, ':type': 'SalesMonth', ':sku': sku },
    },
  }));
}

async function commit(items: object[]) {
  if (items.length > 100) throw new UnprocessableError('Order too large (at most 40 lines)', [{ field: 'lines', reason: 'too many lines' }]);
  await dynamo.send(new TransactWriteCommand({ TransactItems: items as never }));
}

async function settle(ctx: StockContext, products: Map<string, ProductT>, skus: Map<string, string>) {
  const transitions: Transition[] = [];
  for (const [productId, product] of products) {
    const mine = [...skus].filter(([, p]) => p === productId).map(([s]) => s);
    transitions.push(...(await reconcileStates(ctx, { ...product, variants: (await fresh(ctx, productId)) ?? product.variants }, mine)));
  }
  return transitions;
}

async function fresh(ctx: StockContext, productId: string) {
  const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: [Product.key({ tenantId: ctx.tenantId, productId })], ConsistentRead: true } } }));
  const item = res.Responses?.[ctx.tableName]?.[0];
  return item ? (Product.schema.parse(item) as ProductT).variants : undefined;
}

async function placeOrder(ctx: StockContext & { store: Store }, input: Extract<OrderWebhook, { type: 'placed' }>, now: Date): Promise<OrderOutcome> {
  const atIso = input.placedAt ?? now.toISOString();
  const { productOf, products } = await loadProducts(ctx, input.lines.map((l) => l.sku));
  const lines = input.lines.map((l) => ({ ...l, locationId: pickLocation(products.get(productOf.get(l.sku)!)!, l.sku, l.locationId), returned: 0 }));
  const order: OrderT = {
    tenantId: ctx.tenantId,
    orderId: input.orderId,
    status: 'placed',
    placedAt: atIso,
    currency: input.currency ?? 'EUR',
    shopperRef: shopperRef(ctx.tenantId, input.shopper),
    lines,
    updatedAt: now.toISOString(),
  };
  const moves: StockMove[] = lines.map((l) => ({ productId: productOf.get(l.sku)!, sku: l.sku, locationId: l.locationId, delta: -l.quantity, soldUnits: l.quantity, revenue: l.quantity * l.price, returnedUnits: 0 }));
  let duplicate = false;
  try {
    await commit([
      { Put: { TableName: ctx.tableName, Item: ctx.store.toRecord(Order, order, Order.schema.parse(order) as Record<string, unknown>), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...productUpdates(ctx, moves, products, atIso),
      ...salesUpdates(ctx, moves, atIso),
    ]);
  } catch (error) {
    if (!(error instanceof TransactionCanceledException) || error.CancellationReasons?.[0]?.Code !== 'ConditionalCheckFailed') throw error;
    duplicate = true;
  }
  const transitions = await settle(ctx, products, productOf);
  const stored = duplicate ? await ctx.store.get(Order, { tenantId: ctx.tenantId, orderId: input.orderId }, true) : order;
  // Re-published on a duplicate too: it covers a crash between commit and publish, and
  // consumers de-duplicate on the deterministic event id.
  await publishEvents(ctx.busName, [
    {
      name: 'OrderPlaced',
      tenantId: ctx.tenantId,
      eventId: `order:${input.orderId}:placed`,
      occurredAt: atIso,
      data: { orderId: input.orderId, shopperRef: stored?.shopperRef, lines: (stored?.lines ?? lines).map((l) => ({ sku: l.sku, productId: productOf.get(l.sku)!, quantity: l.quantity, price: l.price })) },
    },
  ]);
  return { orderId: input.orderId, status: stored?.status ?? 'placed', duplicate, transitions };
}

async function cancelOrder(ctx: StockContext & { store: Store }, orderId: string, now: Date): Promise<OrderOutcome> {
  const order = await ctx.store.get(Order, { tenantId: ctx.tenantId, orderId }, true);
  if (!order) throw new NotFoundError('Order');
  if (order.status === 'cancelled') return { orderId, status: 'cancelled', duplicate: true, transitions: [] };
  if (order.status !== 'placed') throw new ConflictError(`Order is ${order.status}; it can no longer be cancelled`);
  const { productOf, products } = await loadProducts(ctx, order.lines.map((l) => l.sku));
  const atIso = now.toISOString();
  // Sales are counted on the day of the order, so a cancellation takes them back on that day.
  const moves: StockMove[] = order.lines.map((l) => ({ productId: productOf.get(l.sku)!, sku: l.sku, locationId: l.locationId, delta: l.quantity, soldUnits: -l.quantity, revenue: -l.quantity * l.price, returnedUnits: 0 }));
  try {
    await commit([
      {
        Update: {
          TableName: ctx.tableName,
          Key: Order.key({ tenantId: ctx.tenantId, orderId }),
          UpdateExpression: 'SET #s = :c, #u = :now',
          ConditionExpression: '#s = :placed',
          ExpressionAttributeNames: { '#s': 'status', '#u': 'updatedAt' },
          ExpressionAttributeValues: { ':c': 'cancelled', ':placed': 'placed', ':now': atIso },
        },
      },
      ...productUpdates(ctx, moves, products, atIso, order.placedAt),
      ...salesUpdates(ctx, moves, order.placedAt),
    ]);
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
      return { orderId, status: 'cancelled', duplicate: true, transitions: [] };
    }
    throw error;
  }
  return { orderId, status: 'cancelled', duplicate: false, transitions: await settle(ctx, products, productOf) };
}

async function returnOrder(ctx: StockContext & { store: Store }, input: Extract<OrderWebhook, { type: 'returned' }>, now: Date, attempt?: number): Promise<OrderOutcome> {
  const order = await ctx.store.get(Order, { tenantId: ctx.tenantId, orderId: input.orderId }, true);
  if (!order) throw new NotFoundError('Order');
  const lines = order.lines.map((l) => ({ ...l }));
  for (const r of input.lines) {
    const line = lines.find((l) => l.sku === r.sku);
    if (!line) throw new UnprocessableError('Returned SKU is not in the order', [{ field: 'lines.sku', reason: `${r.sku} not in order` }]);
    if (line.returned + r.quantity > line.quantity) throw new UnprocessableError('More units returned than ordered', [{ field: 'lines.quantity', reason: `${r.sku}: at most ${line.quantity - line.returned}` }]);
    line.returned += r.quantity;
  }
  const { productOf, products } = await loadProducts(ctx, input.lines.map((l) => l.sku));
  const atIso = now.toISOString();
  const restock = input.restock ?? true;
  const moves: StockMove[] = input.lines.map((r) => {
    const line = order.lines.find((l) => l.sku === r.sku)!;
    return { productId: productOf.get(r.sku)!, sku: r.sku, locationId: line.locationId, delta: restock ? r.quantity : 0, soldUnits: 0, revenue: 0, returnedUnits: r.quantity };
  });
  const status: OrderT['status'] = lines.every((l) => l.returned === l.quantity) ? 'returned' : 'partially_returned';
  try {
    await commit([
      {
        // The return id makes the webhook idempotent: the same return is applied once, and the
        // order's version guards against two different returns racing on stale line counts.
        Update: {
          TableName: ctx.tableName,
          Key: Order.key({ tenantId: ctx.tenantId, orderId: input.orderId }),
          UpdateExpression: 'SET #s = :status, #lines = :lines, #u = :now ADD #rids :rid',
          ConditionExpression: '(attribute_not_exists(#rids) OR NOT contains(#rids, :ridValue)) AND #u = :prevUpdated',
          ExpressionAttributeNames: { '#s': 'status', '#lines': 'lines', '#u': 'updatedAt', '#rids': 'returnIds' },
          ExpressionAttributeValues: { ':status': status, ':lines': lines, ':now': atIso, ':rid': new Set([input.returnId]), ':ridValue': input.returnId, ':prevUpdated': order.updatedAt },
        },
      },
      ...productUpdates(ctx, moves, products, atIso),
      ...salesUpdates(ctx, moves, atIso),
    ]);
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
      const now2 = (await ctx.store.get(Order, { tenantId: ctx.tenantId, orderId: input.orderId }, true)) as (OrderT & { returnIds?: Set<string> }) | undefined;
      const seen = (await dynamo.send(new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: [Order.key({ tenantId: ctx.tenantId, orderId: input.orderId })], ConsistentRead: true, ProjectionExpression: 'returnIds' } } }))).Responses?.[ctx.tableName]?.[0]?.returnIds as Set<string> | undefined;
      if (seen?.has(input.returnId)) return { orderId: input.orderId, status: now2?.status ?? order.status, duplicate: true, transitions: [] };
      if ((attempt ?? 0) < 3) return returnOrder(ctx, input, now, (attempt ?? 0) + 1); // another return raced us: redo on fresh counts
    }
    throw error;
  }
  return { orderId: input.orderId, status, duplicate: false, transitions: await settle(ctx, products, productOf) };
}
