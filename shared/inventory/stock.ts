import { BatchGetCommand, BatchWriteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { pruneUnused } from '../data/expressions.js';
import { publishEvents, type OutgoingEvent } from '../events/publish.js';
import { effectiveSettings, sellable, stateOf, transitionEvent, type InventoryDefaults } from './availability.js';
import { tenantInventoryDefaults } from './tenant-defaults.js';
import { availabilityStates, Product, SkuIndex, stockHistoryKey, type Product as ProductT } from './model.js';

export interface StockChange {
  sku: string;
  locationId: string;
  /** Absolute quantity (feeds, `set` adjustments) … */
  set?: number;
  /** … or a relative one (orders, returns, `delta` adjustments). */
  delta?: number;
}

/** A variant's availability state changed (published once as an event, id `<sku>:<seq>`). */
export const transitionSchema = z
  .object({
    productId: z.string(),
    sku: z.string(),
    from: z.enum(availabilityStates),
    to: z.enum(availabilityStates),
    /** Sellable units after the change. */
    available: z.number().int(),
    /** The variant's transition counter after this transition. */
    seq: z.number().int().nonnegative(),
  })
  .meta({ id: 'StockTransition' });
export type Transition = z.infer<typeof transitionSchema>;

export const stockResultSchema = z.object({
  applied: z.number().int().nonnegative().meta({ description: 'Cells (SKU × location) whose quantity changed.' }),
  unchanged: z.number().int().nonnegative().meta({ description: 'Changes that left a cell as it was (no write).' }),
  unknownSkus: z.array(z.string()).meta({ description: 'SKUs of this tenant’s catalog that do not exist; their changes were skipped.' }),
  transitions: z.array(transitionSchema),
  available: z.record(z.string(), z.number().int()).meta({ description: 'Sellable units per touched SKU after the change.' }),
});
export type StockResult = z.infer<typeof stockResultSchema>;

export interface StockContext {
  tableName: string;
  busName: string;
  tenantId: string;
  now?: () => Date;
  /** Tenant defaults for thresholds; read (and cached) from the tenant when absent. */
  defaults?: InventoryDefaults;
}

async function defaultsOf(ctx: StockContext): Promise<InventoryDefaults> {
  return ctx.defaults ?? (ctx.defaults = await tenantInventoryDefaults(ctx.tableName, ctx.tenantId));
}

const MAX_RETRIES = 8;

/** Resolves SKUs to their products (BatchGet of the SKU index, 100 keys per call). */
export async function resolveSkus(ctx: StockContext, skus: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(skus)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys = unique.slice(i, i + 100).map((sku) => SkuIndex.key({ tenantId: ctx.tenantId, sku }));
    while (keys.length) {
      const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: keys, ProjectionExpression: 'sku, productId' } } }));
      for (const item of res.Responses?.[ctx.tableName] ?? []) out.set(item.sku as string, item.productId as string);
      keys = (res.UnprocessedKeys?.[ctx.tableName]?.Keys as typeof keys | undefined) ?? [];
    }
  }
  return out;
}

/**
 * Applies stock changes. Per product, one conditional UpdateItem writes only the locations
 * whose quantity really changes (an unchanged `set` costs no write); deltas are atomic
 * increments, so concurrent orders never lose units. Availability states are then
 * reconciled, and each real transition is recorded in the stock history and published once
 * (its event id is `<sku>:<seq>`, so a retry after a crash re-publishes the same id).
 */
export async function applyStockChanges(ctx: StockContext, changes: StockChange[]): Promise<StockResult> {
  const result: StockResult = { applied: 0, unchanged: 0, unknownSkus: [], transitions: [], available: {} };
  const productOf = await resolveSkus(ctx, changes.map((c) => c.sku));
  const byProduct = new Map<string, StockChange[]>();
  for (const c of changes) {
    const productId = productOf.get(c.sku);
    if (!productId) {
      result.unknownSkus.push(c.sku);
      continue;
    }
    byProduct.set(productId, [...(byProduct.get(productId) ?? []), c]);
  }
  for (const [productId, group] of byProduct) {
    const { applied, unchanged, product } = await updateProductStock(ctx, productId, group);
    result.applied += applied;
    result.unchanged += unchanged;
    if (applied) result.transitions.push(...(await reconcileStates(ctx, product, [...new Set(group.map((c) => c.sku))])));
    const s = effectiveSettings(product.settings, await defaultsOf(ctx));
    for (const c of group) {
      const v = product.variants[c.sku];
      if (v) result.available[c.sku] = sellable(v, s);
    }
  }
  return result;
}

async function getProduct(ctx: StockContext, productId: string): Promise<ProductT | undefined> {
  const res = await dynamo.send(new GetCommand({ TableName: ctx.tableName, Key: Product.key({ tenantId: ctx.tenantId, productId }), ConsistentRead: true }));
  return res.Item ? (Product.schema.parse(res.Item) as ProductT) : undefined;
}

async function updateProductStock(ctx: StockContext, productId: string, changes: StockChange[]) {
  for (let attempt = 0; ; attempt++) {
    const product = await getProduct(ctx, productId);
    if (!product) throw new Error(`Product ${productId} vanished while its SKU index exists`);
    const names: Record<string, string> = { '#v': 'variants', '#oh': 'onHand', '#u': 'updatedAt' };
    const values: Record<string, unknown> = { ':now': (ctx.now?.() ?? new Date()).toISOString(), ':zero': 0 };
    const sets: string[] = ['#u = :now'];
    const conditions: string[] = [];
    let applied = 0;
    let unchanged = 0;
    // Net effect per (sku, location): several rows for the same cell combine.
    const cells = new Map<string, { sku: string; loc: string; set?: number; delta: number }>();
    for (const c of changes) {
      const key = `${c.sku}\u0000${c.locationId}`;
      const cell = cells.get(key) ?? { sku: c.sku, loc: c.locationId, delta: 0 };
      if (c.set !== undefined) {
        cell.set = c.set;
        cell.delta = 0;
      } else cell.delta += c.delta ?? 0;
      cells.set(key, cell);
    }
    let n = 0;
    for (const cell of cells.values()) {
      const current = product.variants[cell.sku]?.onHand[cell.loc];
      const target = cell.set !== undefined ? cell.set + cell.delta : undefined;
      if ((target !== undefined && target === (current ?? 0) && current !== undefined) || (target === undefined && cell.delta === 0)) {
        unchanged++;
        continue;
      }
      n++;
      names[`#s${n}`] = cell.sku;
      names[`#l${n}`] = cell.loc;
      const path = `#v.#s${n}.#oh.#l${n}`;
      if (target !== undefined) {
        // Absolute: guard against a concurrent change since we read (optimistic).
        values[`:q${n}`] = target;
        sets.push(`${path} = :q${n}`);
        if (current === undefined) conditions.push(`attribute_not_exists(${path})`);
        else {
          values[`:o${n}`] = current;
          conditions.push(`${path} = :o${n}`);
        }
      } else {
        values[`:d${n}`] = cell.delta;
        sets.push(`${path} = if_not_exists(${path}, :zero) + :d${n}`);
        conditions.push(`attribute_exists(#v.#s${n})`);
      }
      applied++;
    }
    if (!applied) return { applied, unchanged, product };
    try {
      const res = await dynamo.send(
        new UpdateCommand({
          TableName: ctx.tableName,
          Key: Product.key({ tenantId: ctx.tenantId, productId }),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: conditions.join(' AND '),
          ...pruneUnused(names, values, `SET ${sets.join(', ')}`, conditions.join(' AND ')),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { applied, unchanged, product: Product.schema.parse(res.Attributes) as ProductT };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && attempt < MAX_RETRIES) continue;
      throw error;
    }
  }
}

/**
 * Brings the stored state of each SKU in line with its stock. The state write is conditional
 * on the SKU's transition counter, so concurrent writers agree on one transition each.
 */
export async function reconcileStates(ctx: StockContext, product: ProductT, skus: string[]): Promise<Transition[]> {
  const transitions: Transition[] = [];
  const pending: ReturnType<typeof transitionRecords>[] = [];
  const now = (ctx.now?.() ?? new Date()).toISOString();
  let current = product;
  for (const sku of skus) {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const v = current.variants[sku];
      if (!v) break;
      const s = effectiveSettings(current.settings, await defaultsOf(ctx));
      const available = sellable(v, s);
      const to = stateOf(available, s);
      if (to === v.state) break;
      const seq = v.transitionSeq + 1;
      try {
        await dynamo.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: Product.key({ tenantId: ctx.tenantId, productId: product.productId }),
            UpdateExpression: 'SET #v.#s.#st = :to, #v.#s.#since = :now, #v.#s.#seq = :seq',
            ConditionExpression: '#v.#s.#seq = :prev',
            ExpressionAttributeNames: { '#v': 'variants', '#s': sku, '#st': 'state', '#since': 'stateSince', '#seq': 'transitionSeq' },
            ExpressionAttributeValues: { ':to': to, ':now': now, ':seq': seq, ':prev': v.transitionSeq },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          current = (await getProduct(ctx, product.productId)) ?? current;
          continue;
        }
        throw error;
      }
      const t: Transition = { productId: product.productId, sku, from: v.state, to, available, seq };
      transitions.push(t);
      pending.push(transitionRecords(ctx, current, t, v.stateSince ?? null, now, v.eta ?? null));
      break;
    }
  }
  await flushTransitions(ctx, pending);
  return transitions;
}

function transitionRecords(ctx: StockContext, product: ProductT, t: Transition, previousStateSince: string | null, at: string, eta: string | null) {
  const history = { ...stockHistoryKey(ctx.tenantId, t.sku, at, t.seq), _type: 'StockHistory', sku: t.sku, productId: t.productId, from: t.from, to: t.to, available: t.available, at };
  const name = transitionEvent(t.from, t.to);
  const event: OutgoingEvent | undefined = name && {
    name,
    tenantId: ctx.tenantId,
    eventId: `${t.sku}:${t.seq}`,
    occurredAt: at,
    data: { productId: t.productId, sku: t.sku, fromState: t.from, toState: t.to, available: t.available, previousStateSince, transitionSeq: t.seq, productTitle: product.title, eta },
  };
  return { history, event };
}

/** Stock history in BatchWrites of 25 (retrying unprocessed items), events in PutEvents of 10. */
export async function flushTransitions(ctx: StockContext, records: ReturnType<typeof transitionRecords>[]) {
  for (let i = 0; i < records.length; i += 25) {
    let requests: any[] = records.slice(i, i + 25).map((r) => ({ PutRequest: { Item: r.history } }));
    for (let attempt = 0; requests.length; attempt++) {
      const res = await dynamo.send(new BatchWriteCommand({ RequestItems: { [ctx.tableName]: requests } }));
      requests = res.UnprocessedItems?.[ctx.tableName] ?? [];
      if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
    }
  }
  const events = records.flatMap((r) => (r.event ? [r.event] : []));
  if (events.length) await publishEvents(ctx.busName, events);
}
