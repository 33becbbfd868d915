/**
 * The nightly forecast run, step by step (the Step Functions workflow calls these):
 * list tenants a page at a time → plan a tenant (partitions of ≤ PARTITION_SKUS SKUs by
 * product-id range) → forecast each partition → finish the run.
 *
 * A partition reads its inputs in batches, runs `forecastSku` per SKU, publishes
 * `PredictedStockout` / `ReorderSuggested` for SKUs that entered that state on this run
 * date, adds them to the merchant's digest, and stores each forecast twice (`RUN#<date>`
 * and `LATEST`). Everything is keyed by (tenant, SKU, run date): a retried or repeated
 * partition rewrites the same items, and each event is claimed once by its deterministic
 * id before it is published, so concurrent runs of one tenant publish it once.
 */
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import { publishEvents, type OutgoingEvent } from '../events/publish.js';
import { forecastSku, type SkuForecast } from '../forecasting/index.js';
import { addDigestEntry } from '../inventory/alerts.js';
import type { Product as ProductT, VariantStock } from '../inventory/model.js';
import { logger } from '../observability/logger.js';
import { Tenant } from '../tenants/model.js';
import { latestForecasts, openPurchaseOrders, productsInRange, queryAll, salesMonths, stockHistory, suppliers as readSuppliers, inParallel } from './inputs.js';
import {
  Forecast,
  ForecastRun,
  HISTORY_DAYS,
  LATEST_TTL_DAYS,
  latestIndexKeys,
  ReorderSuggestion,
  RUN_TTL_DAYS,
  SIGNAL_DAYS,
  SUGGESTION_TTL_DAYS,
  suggestionIndexPk,
  type Forecast as ForecastT,
  type ForecastInputs,
  type PartitionSummary,
  type ReorderSuggestion as ReorderSuggestionT,
} from './model.js';
import {
  addDays,
  arrivalsFor,
  censoredDays,
  dailyUnits,
  dayNumber,
  firstSaleIndex,
  recentObservedMean,
  stockPosition,
  supplierFor,
  urgencyKey,
} from './series.js';
import { forecastingSettingsSchema, type ForecastingSettings } from './settings.js';
import { readDemandSignals, readWaitlists } from './signals.js';

export interface RunContext {
  tableName: string;
  busName: string;
  now?: () => Date;
}

/** Target SKUs per partition; large tenants get larger partitions so the plan stays small. */
export const PARTITION_SKUS = 500;
export const MAX_PARTITIONS = 1000;
export const TENANT_PAGE = 1000;

const epochSeconds = (isoDate: string, plusDays: number) => (dayNumber(isoDate) + plusDays) * 86_400;
const round = (v: number, digits = 3) => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : 0);

// ---------------------------------------------------------------- tenants

export interface TenantPage {
  runDate: string;
  tenants: string[];
  cursor: string | null;
}

/** One page of active tenants from the operator's index (gsi1 `TENANTS`). */
export async function listTenantsPage(
  tableName: string,
  input: { startTime?: string; runDate?: string | null; cursor?: string | null },
  limit = TENANT_PAGE,
): Promise<TenantPage> {
  const runDate = input.runDate ?? (input.startTime ?? new Date().toISOString()).slice(0, 10);
  const res = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': 'TENANTS' },
      ProjectionExpression: 'tenantId, #s',
      ExpressionAttributeNames: { '#s': 'status' },
      Limit: limit,
      ExclusiveStartKey: input.cursor ? (JSON.parse(Buffer.from(input.cursor, 'base64url').toString('utf8')) as Record<string, unknown>) : undefined,
    }),
  );
  return {
    runDate,
    tenants: (res.Items ?? []).filter((i) => i.status !== 'suspended' && typeof i.tenantId === 'string').map((i) => i.tenantId as string),
    cursor: res.LastEvaluatedKey ? Buffer.from(JSON.stringify(res.LastEvaluatedKey)).toString('base64url') : null,
  };
}

// ---------------------------------------------------------------- plan

export interface Partition {
  index: number;
  /** Product ids, inclusive: the partition reads the products index between them. */
  first: string;
  last: string;
  skus: number;
}

/**
 * Cuts products (in index order) into contiguous partitions of at most `size` SKUs (a
 * product bigger than that is a partition of its own); with more than `maxPartitions`,
 * the size grows so the plan — which travels in the workflow state — stays bounded.
 */
export function partitionProducts(products: readonly { productId: string; skus: number }[], size = PARTITION_SKUS, maxPartitions = MAX_PARTITIONS): Partition[] {
  const total = products.reduce((s, p) => s + p.skus, 0);
  const target = Math.max(size, Math.ceil(total / maxPartitions));
  const out: Partition[] = [];
  let current: Partition | undefined;
  for (const p of products) {
    if (p.skus <= 0) continue;
    if (current && current.skus + p.skus > target) {
      out.push(current);
      current = undefined;
    }
    if (!current) current = { index: out.length, first: p.productId, last: p.productId, skus: 0 };
    current.last = p.productId;
    current.skus += p.skus;
  }
  if (current) out.push(current);
  return out;
}

export interface TenantPlan {
  tenantId: string;
  runDate: string;
  trigger: 'schedule' | 'manual';
  /** Why nothing runs (unknown or suspended tenant), when nothing does. */
  skipped?: string;
  settings: ForecastingSettings;
  partitions: Partition[];
  partitionCount: number;
  plannedSkus: number;
}

export async function planTenant(ctx: RunContext, input: { tenantId: string; runDate?: string; trigger?: 'schedule' | 'manual' }): Promise<TenantPlan> {
  const now = ctx.now?.() ?? new Date();
  const runDate = input.runDate ?? now.toISOString().slice(0, 10);
  const trigger = input.trigger ?? 'schedule';
  const raw = (await dynamo.send(new GetCommand({ TableName: ctx.tableName, Key: Tenant.key({ tenantId: input.tenantId }) }))).Item;
  const tenant = raw ? Tenant.schema.safeParse(raw) : undefined;
  const base = { tenantId: input.tenantId, runDate, trigger, partitions: [], partitionCount: 0, plannedSkus: 0 };
  if (!tenant?.success) return { ...base, skipped: 'unknown tenant', settings: forecastingSettingsSchema.parse({}) };
  const settings = tenant.data.settings.forecasting;
  if (tenant.data.status !== 'active') return { ...base, skipped: 'tenant suspended', settings };

  const products: { productId: string; skus: number }[] = [];
  for (const item of await queryAll({
    TableName: ctx.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': tenantKey(input.tenantId, 'PRODUCTS') },
    ProjectionExpression: 'productId, #s, variants',
    ExpressionAttributeNames: { '#s': 'status' },
  })) {
    if (item.status === 'archived') continue;
    products.push({ productId: String(item.productId), skus: Object.keys((item.variants as Record<string, unknown> | undefined) ?? {}).length });
  }
  const partitions = partitionProducts(products);
  const plannedSkus = partitions.reduce((s, p) => s + p.skus, 0);
  await dynamo.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: {
        ...ForecastRun.key({ tenantId: input.tenantId, runDate }),
        _type: 'ForecastRun',
        ...ForecastRun.schema.parse({ tenantId: input.tenantId, runDate, trigger, status: 'running', startedAt: now.toISOString(), plannedSkus, partitionCount: partitions.length, parts: {} }),
        expiresAt: epochSeconds(runDate, RUN_TTL_DAYS),
      },
    }),
  );
  return { ...base, settings, partitions, partitionCount: partitions.length, plannedSkus };
}

// ---------------------------------------------------------------- partition

export interface PartitionTask {
  tenantId: string;
  runDate: string;
  settings?: Partial<ForecastingSettings>;
  partition: Partition;
}

interface SkuRow {
  product: ProductT;
  variant: VariantStock;
  sku: string;
}

/** Claims event ids (one conditional write each, kept a week); returns the ones this caller won. */
async function claimEvents(tableName: string, tenantId: string, ids: string[]): Promise<string[]> {
  const won: string[] = [];
  await inParallel(ids, 8, async (id) => {
    try {
      await dynamo.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: tenantKey(tenantId, 'IDEMP', 'forecast-event', id), sk: 'IDEMP', _type: 'Idempotency', expiresAt: Math.floor(Date.now() / 1000) + 7 * 86_400 },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      won.push(id);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  });
  return won;
}

async function releaseEvents(tableName: string, tenantId: string, ids: string[]): Promise<void> {
  await inParallel(ids, 8, async (id) => {
    await dynamo.send(new DeleteCommand({ TableName: tableName, Key: { pk: tenantKey(tenantId, 'IDEMP', 'forecast-event', id), sk: 'IDEMP' } }));
  });
}

async function batchWrite(tableName: string, requests: Record<string, unknown>[]): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  await inParallel(chunks, 4, async (chunk) => {
    let pending = chunk;
    for (let attempt = 0; pending.length; attempt++) {
      const res = await dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = (res.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined) ?? [];
      if (pending.length) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
    }
  });
}

function digestLine(f: ForecastT): string {
  const parts = [`${f.productTitle} (${f.sku})`];
  if (f.suggestedOrderQty > 0) parts.push(`order ${f.suggestedOrderQty}`);
  parts.push(f.stockoutDate ? `expected to run out ${f.stockoutDate}` : `no stockout expected in ${f.forecast.length} days`);
  parts.push(`${f.inputs.onHand} on hand`);
  const incoming = f.inputs.incoming.reduce((s, a) => s + a.quantity, 0);
  if (incoming > 0) parts.push(`${incoming} on order`);
  parts.push(`lead time ${f.inputs.leadTimeDays} d${f.inputs.supplierId ? ` (${f.inputs.supplierId})` : ''}`);
  return parts.join(' — ');
}

/**
 * Forecasts one partition of a tenant's SKUs. Returns what it did; a SKU whose data makes
 * the model fail is logged (by SKU) and counted, and the rest of the partition goes on.
 */
export async function forecastPartition(ctx: RunContext, task: PartitionTask): Promise<PartitionSummary> {
  const started = Date.now();
  const now = ctx.now?.() ?? new Date();
  const { tenantId, runDate } = task;
  const settings = forecastingSettingsSchema.parse(task.settings ?? {});
  const asOf = addDays(runDate, -1);
  const historyFrom = addDays(asOf, -(HISTORY_DAYS - 1));

  const products = await productsInRange(ctx.tableName, tenantId, task.partition.first, task.partition.last);
  const rows: SkuRow[] = products.flatMap((product) => Object.values(product.variants).map((variant) => ({ product, variant, sku: variant.sku })));
  const skus = rows.map((r) => r.sku);
  const summary: PartitionSummary = { skus: rows.length, forecasts: 0, failed: 0, reorderSuggested: 0, predictedStockouts: 0, digestEntries: 0, ms: 0 };
  if (!rows.length) return recordPartition(ctx, task, { ...summary, ms: Date.now() - started });

  const [sales, history, orders, previous, waitlists, signals] = await Promise.all([
    salesMonths(ctx.tableName, tenantId, skus, historyFrom, asOf),
    stockHistory(ctx.tableName, tenantId, skus, `${historyFrom}T00:00:00.000Z`),
    openPurchaseOrders(ctx.tableName, tenantId, skus),
    latestForecasts(ctx.tableName, tenantId, skus),
    readWaitlists(ctx.tableName, tenantId, skus),
    readDemandSignals(
      ctx.tableName,
      tenantId,
      rows.map((r) => ({ sku: r.sku, productId: r.product.productId, singleVariant: Object.keys(r.product.variants).length === 1 })),
      asOf,
      SIGNAL_DAYS,
    ),
  ]);

  const supplierOf = new Map(
    rows.map((r) => {
      const prev = previous.get(r.sku);
      return [
        r.sku,
        supplierFor({
          orders: orders.get(r.sku) ?? [],
          sku: r.sku,
          previous: prev ? { supplierId: prev.inputs.supplierId, supplierSource: prev.inputs.supplierSource } : undefined,
          productSupplierId: r.product.attributes.supplierId,
        }),
      ];
    }),
  );
  const supplierById = await readSuppliers(
    ctx.tableName,
    tenantId,
    [...supplierOf.values()].flatMap((s) => (s.supplierId ? [s.supplierId] : [])),
  );

  // Series first: the category priors for new SKUs come from their established neighbours.
  const historyStart = dayNumber(historyFrom);
  const series = rows.map((r) => {
    const units = dailyUnits(sales.get(r.sku) ?? [], historyFrom, asOf);
    const records = history.get(r.sku) ?? [];
    const censored = censoredDays(records, { from: historyFrom, to: asOf, createdAt: r.product.createdAt, currentState: r.variant.state });
    // The series starts when the SKU existed: at its creation, or earlier if sales or stock
    // history say so (imported history); leading days before that are not zero demand.
    const n = units.length;
    const candidates = [dayNumber(r.product.createdAt) - historyStart, firstSaleIndex(units), ...records.map((x) => dayNumber(x.at) - historyStart)].filter((i) => i >= 0);
    const start = Math.min(n - 1, Math.max(0, candidates.length ? Math.min(...candidates) : n - 1));
    return { units: units.subarray(start), censored: censored.slice(start), from: addDays(historyFrom, start) };
  });
  const priorSums = new Map<string, { sum: number; count: number }>();
  rows.forEach((r, i) => {
    const s = series[i]!;
    const observed = s.censored.reduce((c, x) => c + (x ? 0 : 1), 0);
    const category = r.product.category;
    if (!category || observed < 28) return;
    const mean = recentObservedMean(s.units, s.censored, 90);
    if (!Number.isFinite(mean)) return;
    const acc = priorSums.get(category) ?? { sum: 0, count: 0 };
    acc.sum += mean;
    acc.count++;
    priorSums.set(category, acc);
  });

  const forecasts: ForecastT[] = [];
  const events: OutgoingEvent[] = [];
  const newlyFlagged: ForecastT[] = [];
  const generatedAt = now.toISOString();
  rows.forEach((r, i) => {
    const s = series[i]!;
    const prev = previous.get(r.sku);
    const chosen = supplierOf.get(r.sku)!;
    const supplier = chosen.supplierId ? supplierById.get(chosen.supplierId) : undefined;
    const supplierId = supplier ? chosen.supplierId : null;
    const supplierSource = supplier ? chosen.source : 'tenant-default';
    const leadTimeDays = supplier?.leadTimeDays ?? settings.defaultLeadTimeDays;
    const leadTimeSdDays = supplier?.leadTimeStdDays ?? 0;
    const minOrderQty = supplier?.minOrderQty ?? 1;
    const casePack = supplier?.casePack ?? 1;
    const { onHand, backlog } = stockPosition(r.variant);
    const incoming = arrivalsFor(orders.get(r.sku) ?? [], r.sku);
    const waitlist = waitlists.get(r.sku);
    // Units already promised (backlog) and expected from the waitlist are served first.
    const pending = (waitlist ? waitlist.waiting * waitlist.conversionRate : 0) + backlog;
    const prior = r.product.category ? priorSums.get(r.product.category) : undefined;
    const categoryPrior = prior && prior.count > 0 ? prior.sum / prior.count : undefined;
    const horizonDays = Math.max(settings.horizonDays, Math.ceil(leadTimeDays + settings.reviewPeriodDays));

    let result: SkuForecast;
    try {
      result = forecastSku({
        sku: r.sku,
        history: s.units,
        outOfStock: s.censored,
        asOf,
        horizonDays,
        onHand,
        incoming,
        leadTimeDays,
        leadTimeSdDays,
        reviewPeriodDays: settings.reviewPeriodDays,
        serviceLevel: settings.serviceLevel,
        waitlist: pending > 0 ? { waiting: pending, conversionRate: 1 } : undefined,
        minOrderQty,
        casePack,
        categoryPrior,
      });
    } catch (error) {
      summary.failed++;
      logger.error('forecast failed for a SKU', { tenantId, sku: r.sku, error: (error as Error).message });
      return;
    }

    const reorderDue = result.suggestedOrderQty > 0;
    const stockoutRisk = result.daysUntilStockout !== null && result.daysUntilStockout <= Math.ceil(leadTimeDays);
    // A spell starts on the run date the condition first holds; the events go out that day only.
    const carried = (since: string | null | undefined) => (since && since <= runDate ? since : runDate);
    const reorderSince = reorderDue ? carried(prev?.reorderSince) : null;
    const stockoutSince = stockoutRisk ? carried(prev?.stockoutSince) : null;
    const observedDays = s.censored.reduce((c, x) => c + (x ? 0 : 1), 0);
    const signal = signals.get(r.sku);
    const inputs: ForecastInputs = {
      historyFrom: s.from,
      historyDays: s.units.length,
      observedDays,
      censoredDays: s.units.length - observedDays,
      unitsSold: s.units.reduce((a, b) => a + b, 0),
      onHand,
      backlog,
      incoming,
      supplierId,
      supplierSource,
      leadTimeDays,
      leadTimeSdDays,
      reviewPeriodDays: settings.reviewPeriodDays,
      serviceLevel: settings.serviceLevel,
      minOrderQty,
      casePack,
      categoryPrior: categoryPrior === undefined ? null : round(categoryPrior),
      waitlist: waitlist ? { waiting: waitlist.waiting, conversionRate: round(waitlist.conversionRate), source: waitlist.source } : null,
      demandSignals: signal ?? null,
    };
    const forecast: ForecastT = {
      tenantId,
      sku: r.sku,
      productId: r.product.productId,
      productTitle: r.product.title,
      category: r.product.category ?? null,
      runDate,
      asOf,
      generatedAt,
      demandClass: result.demandClass,
      model: result.model,
      components: result.components,
      forecast: result.forecast.map((v) => round(v)),
      forecastTotal: round(result.forecastTotal),
      meanDailyDemand: round(result.forecast.length ? result.forecastTotal / result.forecast.length : 0),
      stockoutDate: result.stockoutDate,
      daysUntilStockout: result.daysUntilStockout,
      protectionDays: result.protectionDays,
      reorderPoint: round(result.reorderPoint),
      safetyStock: round(result.safetyStock),
      demandDistribution: result.demandDistribution,
      inventoryPosition: round(result.inventoryPosition),
      waitlistDemand: round(result.waitlistDemand),
      suggestedOrderQty: result.suggestedOrderQty,
      daysOfCover: result.daysOfCover === null ? null : round(result.daysOfCover, 1),
      backtestOrigins: result.backtestOrigins,
      reorderSince,
      stockoutSince,
      inputs,
    };
    forecasts.push(forecast);
    summary.forecasts++;

    const incomingUnits = incoming.reduce((a, b) => a + b.quantity, 0);
    if (stockoutSince === runDate && result.stockoutDate && result.daysUntilStockout !== null) {
      events.push({
        name: 'PredictedStockout',
        tenantId,
        eventId: `forecast:${r.sku}:${runDate}:stockout`,
        occurredAt: generatedAt,
        data: {
          productId: r.product.productId,
          sku: r.sku,
          productTitle: r.product.title,
          runDate,
          stockoutDate: result.stockoutDate,
          daysUntilStockout: result.daysUntilStockout,
          leadTimeDays,
          onHand,
          incoming: incomingUnits,
          meanDailyDemand: forecast.meanDailyDemand,
          suggestedOrderQty: result.suggestedOrderQty,
          model: result.model,
        },
      });
    }
    if (reorderSince === runDate) {
      events.push({
        name: 'ReorderSuggested',
        tenantId,
        eventId: `forecast:${r.sku}:${runDate}:reorder`,
        occurredAt: generatedAt,
        data: {
          productId: r.product.productId,
          sku: r.sku,
          productTitle: r.product.title,
          runDate,
          suggestedOrderQty: result.suggestedOrderQty,
          reorderPoint: forecast.reorderPoint,
          safetyStock: forecast.safetyStock,
          inventoryPosition: forecast.inventoryPosition,
          waitlistDemand: forecast.waitlistDemand,
          stockoutDate: result.stockoutDate,
          supplierId,
          leadTimeDays,
          model: result.model,
          demandClass: result.demandClass,
        },
      });
    }
    if (stockoutSince === runDate || reorderSince === runDate) newlyFlagged.push(forecast);
  });

  // Events first, then the digest, then the items that remember the spell began: a crash in
  // between repeats the events (claims absorb repeats), it never loses one.
  if (events.length) {
    const won = new Set(await claimEvents(ctx.tableName, tenantId, events.map((e) => e.eventId!)));
    const toPublish = events.filter((e) => won.has(e.eventId!));
    try {
      if (toPublish.length) await publishEvents(ctx.busName, toPublish);
    } catch (error) {
      await releaseEvents(ctx.tableName, tenantId, [...won]);
      throw error;
    }
    summary.predictedStockouts = events.filter((e) => e.name === 'PredictedStockout').length;
    summary.reorderSuggested = events.filter((e) => e.name === 'ReorderSuggested').length;
  }
  if (settings.digest) {
    await inParallel(newlyFlagged, 4, async (f) => {
      await addDigestEntry(ctx.tableName, tenantId, { kind: 'reorder', sku: f.sku, productId: f.productId, title: f.productTitle, line: digestLine(f) }, now);
    });
    summary.digestEntries = newlyFlagged.length;
  }

  const writes: Record<string, unknown>[] = [];
  for (const f of forecasts) {
    const record = { ...f, _type: 'Forecast' };
    writes.push({ PutRequest: { Item: { ...record, ...Forecast.key({ tenantId, sku: f.sku, run: runDate }), expiresAt: epochSeconds(runDate, RUN_TTL_DAYS) } } });
    writes.push({
      PutRequest: { Item: { ...record, ...Forecast.key({ tenantId, sku: f.sku, run: 'LATEST' }), ...latestIndexKeys(tenantId, f.sku), expiresAt: epochSeconds(runDate, LATEST_TTL_DAYS) } },
    });
    if (f.suggestedOrderQty > 0) {
      const suggestion: ReorderSuggestionT = {
        tenantId,
        sku: f.sku,
        productId: f.productId,
        productTitle: f.productTitle,
        runDate,
        suggestedOrderQty: f.suggestedOrderQty,
        reorderPoint: f.reorderPoint,
        safetyStock: f.safetyStock,
        inventoryPosition: f.inventoryPosition,
        onHand: f.inputs.onHand,
        waitlistDemand: f.waitlistDemand,
        stockoutDate: f.stockoutDate,
        daysUntilStockout: f.daysUntilStockout,
        daysOfCover: f.daysOfCover,
        supplierId: f.inputs.supplierId,
        leadTimeDays: f.inputs.leadTimeDays,
        minOrderQty: f.inputs.minOrderQty,
        casePack: f.inputs.casePack,
        model: f.model,
        demandClass: f.demandClass,
      };
      writes.push({
        PutRequest: {
          Item: {
            ...suggestion,
            _type: 'ReorderSuggestion',
            ...ReorderSuggestion.key({ tenantId, sku: f.sku }),
            gsi1pk: suggestionIndexPk(tenantId),
            gsi1sk: urgencyKey({ daysUntilStockout: f.daysUntilStockout, inventoryPosition: f.inventoryPosition, reorderPoint: f.reorderPoint, sku: f.sku }),
            expiresAt: epochSeconds(runDate, SUGGESTION_TTL_DAYS),
          },
        },
      });
    } else if ((previous.get(f.sku)?.suggestedOrderQty ?? 0) > 0) {
      writes.push({ DeleteRequest: { Key: ReorderSuggestion.key({ tenantId, sku: f.sku }) } });
    }
  }
  await batchWrite(ctx.tableName, writes);
  return recordPartition(ctx, task, { ...summary, ms: Date.now() - started });
}

/** Records the partition's summary on the run item (idempotent: one map entry per partition). */
async function recordPartition(ctx: RunContext, task: PartitionTask, summary: PartitionSummary): Promise<PartitionSummary> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: ForecastRun.key({ tenantId: task.tenantId, runDate: task.runDate }),
        UpdateExpression: 'SET #parts.#i = :s',
        ConditionExpression: 'attribute_exists(#parts)',
        ExpressionAttributeNames: { '#parts': 'parts', '#i': String(task.partition.index) },
        ExpressionAttributeValues: { ':s': summary },
      }),
    );
  } catch (error) {
    // No run item: the partition ran outside a planned run (tests, a manual replay).
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return summary;
}

// ---------------------------------------------------------------- finish

export async function finishRun(ctx: RunContext, input: { tenantId: string; runDate: string; failed?: boolean }) {
  const key = ForecastRun.key({ tenantId: input.tenantId, runDate: input.runDate });
  const item = (await dynamo.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }))).Item;
  if (!item) return { tenantId: input.tenantId, runDate: input.runDate, status: 'missing' as const };
  const run = ForecastRun.schema.parse(item);
  const totals = { skus: 0, forecasts: 0, failed: 0, reorderSuggested: 0, predictedStockouts: 0, digestEntries: 0 };
  for (const p of Object.values(run.parts)) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += p[k];
  const status = input.failed ? 'failed' : 'succeeded';
  const finishedAt = (ctx.now?.() ?? new Date()).toISOString();
  await dynamo.send(
    new UpdateCommand({
      TableName: ctx.tableName,
      Key: key,
      UpdateExpression: 'SET #st = :st, finishedAt = :f, totals = :t',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':st': status, ':f': finishedAt, ':t': totals },
    }),
  );
  logger.info('forecast run finished', { tenantId: input.tenantId, runDate: input.runDate, status, ...totals });
  return { tenantId: input.tenantId, runDate: input.runDate, status, totals };
}
