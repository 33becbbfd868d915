import { BatchGetCommand, BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { defineEntity, tenantKey } from '../data/entity.js';
import type { Store } from '../data/store.js';
import { ConflictError, NotFoundError, UnprocessableError, type FieldProblem } from '../errors.js';
import { publishEvents } from '../events/publish.js';
import { DEFAULT_LOCATION, isoDate, Location, Product, PurchaseOrder, skuSchema, idSchema, Supplier, type PurchaseOrder as PurchaseOrderT, type Product as ProductT } from './model.js';
import { reconcileStates, resolveSkus, transitionSchema, type StockContext, type Transition } from './stock.js';

/**
 * Purchase orders: the incoming stock a storefront shows as a restock ETA. The PO item is
 * the source of truth for dates, quantities and status; a small pointer per (SKU, PO) lets
 * the ETA of one SKU be recomputed without scanning the tenant's orders. Pointers may go
 * stale (a crash after receiving, before cleanup): the recomputation reads the POs they
 * point to and ignores any that are no longer open, so a stale pointer never shows.
 */

/** At most this many distinct SKUs per PO: creation and receiving each fit one transaction (≤ 100 items). */
export const MAX_PO_SKUS = 98;

const DAY_MS = 86_400_000;

export const IncomingPointer = defineEntity({
  type: 'IncomingPointer',
  schema: z.object({ tenantId: z.string(), sku: skuSchema, poId: idSchema }),
  key: (k: { tenantId: string; sku: string; poId: string }) => ({ pk: tenantKey(k.tenantId, 'INCOMING', k.sku), sk: `PO#${k.poId}` }),
});

/** The ETA last announced for a SKU (RestockEtaChanged), and how many announcements so far. */
const announcementKey = (tenantId: string, sku: string) => ({ pk: tenantKey(tenantId, 'INCOMING', sku), sk: 'ANNOUNCED' });

export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** Whole days from one ISO date to another (UTC calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS);
}

export interface RestockOutlook {
  /** Earliest expected date among open POs bringing the SKU, or null when none. */
  eta: string | null;
  /** Units of the SKU on open POs. */
  incoming: number;
}

/** A SKU's ETA and incoming units, from the purchase orders that mention it (only open ones count). */
export function restockOutlook(orders: Pick<PurchaseOrderT, 'status' | 'expectedDate' | 'lines'>[], sku: string): RestockOutlook {
  let eta: string | null = null;
  let incoming = 0;
  for (const po of orders) {
    if (po.status !== 'open') continue;
    const units = po.lines.reduce((sum, l) => (l.sku === sku ? sum + l.quantity : sum), 0);
    if (units <= 0) continue;
    incoming += units;
    if (eta === null || po.expectedDate < eta) eta = po.expectedDate;
  }
  return { eta, incoming };
}

export interface SupplierStats {
  receivedOrders: number;
  /** Configured lead time until the first delivery is measured; the measured mean after. */
  leadTimeDays: number;
  leadTimeStdDays?: number;
  onTimeRate?: number;
}

/**
 * Folds one delivery into a supplier's running statistics (Welford's update of the mean
 * and population standard deviation of lead time, and the on-time share). The first
 * measured delivery replaces the configured lead time: a measurement beats a guess.
 */
export function recordDelivery(stats: SupplierStats, delivery: { leadTimeDays: number; onTime: boolean }): Required<SupplierStats> {
  const n = stats.receivedOrders;
  const x = delivery.leadTimeDays;
  if (n <= 0) return { receivedOrders: 1, leadTimeDays: x, leadTimeStdDays: 0, onTimeRate: delivery.onTime ? 1 : 0 };
  const mean = stats.leadTimeDays;
  const std = stats.leadTimeStdDays ?? 0;
  const next = n + 1;
  const nextMean = mean + (x - mean) / next;
  const m2 = Math.max(0, std * std * n + (x - mean) * (x - nextMean));
  const rate = stats.onTimeRate ?? 0;
  return {
    receivedOrders: next,
    leadTimeDays: round(nextMean),
    leadTimeStdDays: round(Math.sqrt(m2 / next)),
    onTimeRate: round((rate * n + (delivery.onTime ? 1 : 0)) / next),
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export interface NewPurchaseOrder {
  poId?: string;
  supplierId?: string;
  expectedDate: string;
  orderedAt?: string;
  lines: { sku: string; quantity: number; locationId?: string }[];
}

/** A SKU's restock ETA moved (announced as `RestockEtaChanged` with this event id). */
export const etaChangeSchema = z
  .object({
    productId: z.string(),
    sku: z.string(),
    eta: isoDate.nullable().meta({ description: 'Earliest expected date of the open purchase orders bringing the SKU; null when none.' }),
    previousEta: isoDate.nullable(),
    incoming: z.number().int().nonnegative().meta({ description: 'Units of the SKU on open purchase orders.' }),
    eventId: z.string(),
  })
  .meta({ id: 'EtaChange' });
export type EtaChange = z.infer<typeof etaChangeSchema>;

const clock = (ctx: StockContext) => ctx.now?.() ?? new Date();

export async function getPurchaseOrder(store: Store, tenantId: string, poId: string): Promise<PurchaseOrderT> {
  const po = await store.get(PurchaseOrder, { tenantId, poId }, true);
  if (!po) throw new NotFoundError('Purchase order');
  return po;
}

export async function listPurchaseOrders(store: Store, tenantId: string, q: { status?: PurchaseOrderT['status']; limit?: number; cursor?: string }) {
  return store.page(PurchaseOrder, { pk: tenantKey(tenantId, 'POS'), index: 'gsi1', skPrefix: q.status ? `${q.status}#` : undefined, limit: q.limit, cursor: q.cursor });
}

/** Location ids a PO may deliver to: the implicit default location, or one the tenant created. */
async function checkReferences(store: Store, tenantId: string, input: { supplierId?: string; lines?: { locationId?: string }[] }): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.supplierId && !(await store.get(Supplier, { tenantId, supplierId: input.supplierId }))) {
    problems.push({ field: 'supplierId', reason: `unknown supplier ${input.supplierId}` });
  }
  const locations = [...new Set((input.lines ?? []).map((l) => l.locationId ?? DEFAULT_LOCATION))].filter((l) => l !== DEFAULT_LOCATION);
  for (const locationId of locations) {
    if (!(await store.get(Location, { tenantId, locationId }))) problems.push({ field: 'lines', reason: `unknown location ${locationId}` });
  }
  return problems;
}

/**
 * Creates an open PO and its SKU pointers in one transaction, then brings each SKU's ETA
 * and incoming units up to date (announcing ETA changes).
 */
export async function createPurchaseOrder(store: Store, ctx: StockContext, input: NewPurchaseOrder): Promise<{ purchaseOrder: PurchaseOrderT; etaChanges: EtaChange[] }> {
  const tenantId = ctx.tenantId;
  const now = clock(ctx);
  const orderedAt = input.orderedAt ?? now.toISOString();
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    const key = `${l.sku}\u0000${l.locationId ?? DEFAULT_LOCATION}`;
    if (seen.has(key)) problems.push({ field: `lines.${i}`, reason: `SKU ${l.sku} appears twice for the same location` });
    seen.add(key);
  });
  const skus = [...new Set(input.lines.map((l) => l.sku))];
  if (skus.length > MAX_PO_SKUS) problems.push({ field: 'lines', reason: `at most ${MAX_PO_SKUS} distinct SKUs per purchase order` });
  if (input.expectedDate < orderedAt.slice(0, 10)) problems.push({ field: 'expectedDate', reason: 'before the order date' });
  if (orderedAt > now.toISOString()) problems.push({ field: 'orderedAt', reason: 'in the future' });
  const known = await resolveSkus(ctx, skus);
  input.lines.forEach((l, i) => {
    if (!known.has(l.sku)) problems.push({ field: `lines.${i}.sku`, reason: `unknown SKU ${l.sku}` });
  });
  problems.push(...(await checkReferences(store, tenantId, input)));
  if (problems.length) throw new UnprocessableError('Invalid purchase order', problems);

  const po = PurchaseOrder.schema.parse({
    tenantId,
    poId: input.poId ?? `po-${randomBytes(6).toString('hex')}`,
    supplierId: input.supplierId,
    status: 'open',
    orderedAt,
    expectedDate: input.expectedDate,
    lines: input.lines,
  }) as PurchaseOrderT;
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: store.tableName, Item: store.toRecord(PurchaseOrder, po, po as Record<string, unknown>), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...skus.map((sku) => ({ Put: { TableName: store.tableName, Item: store.toRecord(IncomingPointer, { tenantId, sku, poId: po.poId }, { tenantId, sku, poId: po.poId }) } })),
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
      throw new ConflictError(`Purchase order ${po.poId} already exists`);
    }
    throw error;
  }
  const etaChanges = await syncRestockEta(ctx, skus);
  return { purchaseOrder: po, etaChanges };
}

/**
 * Moves an open PO's expected date, changes its supplier, or cancels it. The PO write is
 * conditional on what was read (status and date), so a concurrent receive or move is never
 * overwritten; a cancelled or received PO answers 409.
 */
export async function updatePurchaseOrder(
  store: Store,
  ctx: StockContext,
  poId: string,
  patch: { expectedDate?: string; supplierId?: string | null; status?: 'cancelled' },
): Promise<{ purchaseOrder: PurchaseOrderT; etaChanges: EtaChange[] }> {
  const tenantId = ctx.tenantId;
  if (patch.supplierId) {
    const problems = await checkReferences(store, tenantId, { supplierId: patch.supplierId });
    if (problems.length) throw new UnprocessableError('Invalid purchase order', problems);
  }
  for (let attempt = 0; ; attempt++) {
    const po = await getPurchaseOrder(store, tenantId, poId);
    if (po.status !== 'open') throw new ConflictError(`Purchase order ${poId} is ${po.status}`);
    if (patch.expectedDate && patch.expectedDate < po.orderedAt.slice(0, 10)) {
      throw new UnprocessableError('Invalid purchase order', [{ field: 'expectedDate', reason: 'before the order date' }]);
    }
    const next = PurchaseOrder.schema.parse({
      ...po,
      expectedDate: patch.expectedDate ?? po.expectedDate,
      supplierId: patch.supplierId === null ? undefined : (patch.supplierId ?? po.supplierId),
      status: patch.status ?? po.status,
    }) as PurchaseOrderT;
    try {
      await dynamo.send(
        new PutCommand({
          TableName: store.tableName,
          Item: store.toRecord(PurchaseOrder, next, next as Record<string, unknown>),
          ConditionExpression: '#st = :open AND #ed = :ed',
          ExpressionAttributeNames: { '#st': 'status', '#ed': 'expectedDate' },
          ExpressionAttributeValues: { ':open': 'open', ':ed': po.expectedDate },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && attempt < 5) continue;
      throw error;
    }
    const skus = [...new Set(next.lines.map((l) => l.sku))];
    if (next.status !== 'open') await deletePointers(store.tableName, tenantId, poId, skus);
    const etaChanges = next.status !== po.status || next.expectedDate !== po.expectedDate ? await syncRestockEta(ctx, skus) : [];
    return { purchaseOrder: next, etaChanges };
  }
}

export interface Receipt {
  /** ISO date the goods arrived; defaults to today. */
  receivedDate?: string;
  /** Actual units per line; lines not listed arrived with 0 units. Omitted: everything as ordered. */
  lines?: { sku: string; locationId?: string; quantity: number }[];
}

export const receiveResultSchema = z.object({
  purchaseOrder: PurchaseOrder.schema,
  applied: z.array(z.object({ sku: z.string(), locationId: z.string(), quantity: z.number().int().positive() })).meta({ description: 'Units booked into stock, per SKU and location.' }),
  skipped: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive(), reason: z.string() })).meta({ description: 'Units that could not be booked because their variant no longer exists.' }),
  supplier: Supplier.schema.optional().meta({ description: 'The supplier with the delivery folded into its statistics (when the order names one that exists).' }),
  transitions: z.array(transitionSchema),
  etaChanges: z.array(etaChangeSchema),
});
export type ReceiveResult = z.infer<typeof receiveResultSchema>;

/**
 * Receives an open PO exactly once. One DynamoDB transaction flips the PO open → received,
 * adds the received units to each product's stock and folds the delivery into the
 * supplier's statistics: all or nothing, so a retry or a concurrent second receive can
 * neither double the stock nor the statistics (it answers 409). Availability transitions
 * (BackInStock …) and the SKUs' new ETAs follow, both idempotent recomputations.
 */
export async function receivePurchaseOrder(store: Store, ctx: StockContext, poId: string, receipt: Receipt): Promise<ReceiveResult> {
  const tenantId = ctx.tenantId;
  const now = clock(ctx);
  const today = dayOf(now);
  for (let attempt = 0; ; attempt++) {
    const po = await getPurchaseOrder(store, tenantId, poId);
    if (po.status !== 'open') throw new ConflictError(`Purchase order ${poId} is ${po.status}`);
    const receivedDate = receipt.receivedDate ?? today;
    const problems: FieldProblem[] = [];
    if (receivedDate < po.orderedAt.slice(0, 10)) problems.push({ field: 'receivedDate', reason: 'before the order date' });
    if (daysBetween(today, receivedDate) > 1) problems.push({ field: 'receivedDate', reason: 'in the future' });
    const cell = (sku: string, loc: string) => `${sku}\u0000${loc}`;
    const ordered = new Map(po.lines.map((l) => [cell(l.sku, l.locationId), l]));
    const received = new Map<string, number>();
    if (receipt.lines) {
      receipt.lines.forEach((l, i) => {
        const locationId = l.locationId ?? po.lines.find((o) => o.sku === l.sku)?.locationId ?? DEFAULT_LOCATION;
        const key = cell(l.sku, locationId);
        if (!ordered.has(key)) problems.push({ field: `lines.${i}`, reason: `SKU ${l.sku} at ${locationId} is not on this purchase order` });
        else if (received.has(key)) problems.push({ field: `lines.${i}`, reason: `SKU ${l.sku} at ${locationId} appears twice` });
        else received.set(key, l.quantity);
      });
    } else for (const l of po.lines) received.set(cell(l.sku, l.locationId), l.quantity);
    if (problems.length) throw new UnprocessableError('Invalid receipt', problems);

    const receivedLines = po.lines.map((l) => ({ sku: l.sku, locationId: l.locationId, quantity: received.get(cell(l.sku, l.locationId)) ?? 0 }));
    const productOf = await resolveSkus(ctx, receivedLines.map((l) => l.sku));
    const products = new Map<string, ProductT>();
    for (const productId of new Set(productOf.values())) {
      const p = await store.get(Product, { tenantId, productId }, true);
      if (p) products.set(productId, p);
    }
    const applied: ReceiveResult['applied'] = [];
    const skipped: ReceiveResult['skipped'] = [];
    const byProduct = new Map<string, typeof receivedLines>();
    for (const l of receivedLines) {
      if (l.quantity === 0) continue;
      const productId = productOf.get(l.sku);
      if (!productId || !products.get(productId)?.variants[l.sku]) {
        skipped.push({ sku: l.sku, quantity: l.quantity, reason: 'unknown SKU' });
        continue;
      }
      applied.push(l);
      byProduct.set(productId, [...(byProduct.get(productId) ?? []), l]);
    }

    const at = receivedDate === today ? now.toISOString() : `${receivedDate}T00:00:00.000Z`;
    const done = PurchaseOrder.schema.parse({
      ...po,
      status: 'received',
      receivedAt: at,
      receivedLines: receivedLines.map(({ sku, quantity }) => ({ sku, quantity })),
    }) as PurchaseOrderT;
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: store.tableName,
          Item: store.toRecord(PurchaseOrder, done, done as Record<string, unknown>),
          ConditionExpression: '#st = :open AND #ed = :ed',
          ExpressionAttributeNames: { '#st': 'status', '#ed': 'expectedDate' },
          ExpressionAttributeValues: { ':open': 'open', ':ed': po.expectedDate },
        },
      },
    ];
    for (const [productId, lines] of byProduct) items.push({ Update: stockIncrement(store.tableName, tenantId, productId, lines, now) });

    let supplier: ReceiveResult['supplier'];
    if (po.supplierId) {
      const current = await store.get(Supplier, { tenantId, supplierId: po.supplierId }, true);
      if (current) {
        const stats = recordDelivery(current, { leadTimeDays: Math.max(0, daysBetween(po.orderedAt, receivedDate)), onTime: receivedDate <= po.expectedDate });
        supplier = { ...current, ...stats };
        items.push({
          Update: {
            TableName: store.tableName,
            Key: Supplier.key({ tenantId, supplierId: po.supplierId }),
            UpdateExpression: 'SET receivedOrders = :n, leadTimeDays = :lt, leadTimeStdDays = :sd, onTimeRate = :ot',
            ConditionExpression: 'receivedOrders = :prev',
            ExpressionAttributeValues: { ':n': stats.receivedOrders, ':lt': stats.leadTimeDays, ':sd': stats.leadTimeStdDays, ':ot': stats.onTimeRate, ':prev': current.receivedOrders },
          },
        });
      }
    }
    if (items.length > 100) throw new UnprocessableError('Purchase order spans too many products to receive at once', [{ field: 'lines', reason: 'too many products' }]);

    try {
      await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      // A concurrent change (a receive, a move, a variant removed, the supplier's stats) —
      // re-read and decide again: a PO no longer open answers 409 on the next pass.
      if (error instanceof TransactionCanceledException && attempt < 5) continue;
      throw error;
    }

    const skus = [...new Set(po.lines.map((l) => l.sku))];
    await deletePointers(store.tableName, tenantId, poId, skus);
    const transitions: Transition[] = [];
    for (const [productId, lines] of byProduct) {
      const p = await store.get(Product, { tenantId, productId }, true);
      if (p) transitions.push(...(await reconcileStates(ctx, p, [...new Set(lines.map((l) => l.sku))])));
    }
    const etaChanges = await syncRestockEta(ctx, skus);
    return { purchaseOrder: done, applied, skipped, supplier, transitions, etaChanges };
  }
}

/** One product's stock increments: atomic ADDs on the exact (variant, location) paths. */
function stockIncrement(tableName: string, tenantId: string, productId: string, lines: { sku: string; locationId: string; quantity: number }[], now: Date) {
  const names: Record<string, string> = { '#v': 'variants', '#oh': 'onHand', '#u': 'updatedAt' };
  const values: Record<string, unknown> = { ':now': now.toISOString(), ':zero': 0 };
  const sets = ['#u = :now'];
  const conditions: string[] = [];
  lines.forEach((l, i) => {
    names[`#s${i}`] = l.sku;
    names[`#l${i}`] = l.locationId;
    values[`:d${i}`] = l.quantity;
    const path = `#v.#s${i}.#oh.#l${i}`;
    sets.push(`${path} = if_not_exists(${path}, :zero) + :d${i}`);
    conditions.push(`attribute_exists(#v.#s${i})`);
  });
  return {
    TableName: tableName,
    Key: Product.key({ tenantId, productId }),
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: [...new Set(conditions)].join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

async function deletePointers(tableName: string, tenantId: string, poId: string, skus: string[]) {
  for (let i = 0; i < skus.length; i += 25) {
    let requests: any[] = skus.slice(i, i + 25).map((sku) => ({ DeleteRequest: { Key: IncomingPointer.key({ tenantId, sku, poId }) } }));
    for (let attempt = 0; requests.length; attempt++) {
      const res = await dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = res.UnprocessedItems?.[tableName] ?? [];
      if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
    }
  }
}

/** The open POs that bring a SKU (pointers to POs no longer open are skipped). */
export async function openOrdersFor(tableName: string, tenantId: string, sku: string): Promise<PurchaseOrderT[]> {
  const pointers: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :po)',
        ExpressionAttributeValues: { ':pk': IncomingPointer.key({ tenantId, sku, poId: 'x' }).pk, ':po': 'PO#' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) pointers.push(item.poId as string);
    start = res.LastEvaluatedKey;
  } while (start);
  const orders: PurchaseOrderT[] = [];
  for (let i = 0; i < pointers.length; i += 100) {
    let keys = pointers.slice(i, i + 100).map((poId) => PurchaseOrder.key({ tenantId, poId }));
    while (keys.length) {
      const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of res.Responses?.[tableName] ?? []) {
        const po = PurchaseOrder.schema.parse(item) as PurchaseOrderT;
        if (po.status === 'open') orders.push(po);
      }
      keys = (res.UnprocessedKeys?.[tableName]?.Keys as typeof keys | undefined) ?? [];
    }
  }
  return orders;
}

/**
 * Brings each SKU's `eta` and `incoming` on its product in line with its open POs, and
 * announces an ETA that differs from the last one announced (RestockEtaChanged).
 *
 * Concurrent PO changes for one SKU converge: every writer re-reads the POs after writing
 * and writes again if what it wrote is already stale. The announcement is published before
 * it is recorded, with an id derived from (SKU, announcement number, ETA): a crash in
 * between re-publishes the same id, which consumers' idempotency absorbs; nothing is lost.
 */
export async function syncRestockEta(ctx: StockContext, skus: string[]): Promise<EtaChange[]> {
  const changes: EtaChange[] = [];
  const productOf = await resolveSkus(ctx, skus);
  for (const sku of skus) {
    const productId = productOf.get(sku);
    if (!productId) continue;
    let written: RestockOutlook | undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      const outlook = restockOutlook(await openOrdersFor(ctx.tableName, ctx.tenantId, sku), sku);
      const announced = await dynamo.send(new GetCommand({ TableName: ctx.tableName, Key: announcementKey(ctx.tenantId, sku), ConsistentRead: true }));
      const previousEta = (announced.Item?.eta as string | null | undefined) ?? null;
      const seq = (announced.Item?.seq as number | undefined) ?? 0;
      if (written && written.eta === outlook.eta && written.incoming === outlook.incoming && previousEta === outlook.eta) break;
      const variantGone = !(await writeOutlook(ctx, productId, sku, outlook));
      written = outlook;
      if (variantGone) break;
      if (previousEta === outlook.eta) continue;
      const eventId = `eta:${sku}:${seq + 1}:${outlook.eta ?? 'none'}`;
      await publishEvents(ctx.busName, [{ name: 'RestockEtaChanged', tenantId: ctx.tenantId, eventId, data: { productId, sku, eta: outlook.eta, previousEta, incoming: outlook.incoming } }]);
      try {
        await dynamo.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: { ...announcementKey(ctx.tenantId, sku), _type: 'EtaAnnouncement', eta: outlook.eta, seq: seq + 1 },
            ConditionExpression: seq ? 'seq = :seq' : 'attribute_not_exists(pk)',
            ExpressionAttributeValues: seq ? { ':seq': seq } : undefined,
          }),
        );
        changes.push({ productId, sku, eta: outlook.eta, previousEta, incoming: outlook.incoming, eventId });
      } catch (error) {
        // Another writer announced first: re-read and check again.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }
  return changes;
}

/** Writes a SKU's ETA and incoming units on its product; false if the variant is gone. */
async function writeOutlook(ctx: StockContext, productId: string, sku: string, outlook: RestockOutlook): Promise<boolean> {
  const names = { '#v': 'variants', '#s': sku, '#eta': 'eta', '#in': 'incoming' };
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: Product.key({ tenantId: ctx.tenantId, productId }),
        UpdateExpression: outlook.eta ? 'SET #v.#s.#eta = :eta, #v.#s.#in = :in' : 'SET #v.#s.#in = :in REMOVE #v.#s.#eta',
        ConditionExpression: 'attribute_exists(#v.#s)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: outlook.eta ? { ':eta': outlook.eta, ':in': outlook.incoming } : { ':in': outlook.incoming },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
