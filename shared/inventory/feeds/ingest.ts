/**
 * Feed ingestion: validated rows → catalog lookup → diff against current stock → apply only what
 * changed. Pure of S3 (input is any byte stream) and of DynamoDB details (behind StockBackend), so
 * the same code serves the single-pass Lambda, each byte range of a split run, HTTP rows, the
 * unit tests (in-memory backend) and the benchmark.
 *
 * Cost model per batch of rows (default 1000): one BatchGet of the SKU index per 100 SKUs not yet
 * cached, one consistent BatchGet per 100 distinct products, and writes only for rows whose
 * quantity differs — an unchanged row costs no write and emits nothing. Changed rows go through
 * applyStockChanges (one conditional UpdateItem per product, then transition events), so the feed
 * path and the HTTP adjustments share one write path.
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../data/client.js';
import { tenantKey } from '../../data/entity.js';
import { transitionEvent } from '../availability.js';
import { Product } from '../model.js';
import { applyStockChanges, resolveSkus, type StockChange, type StockContext, type StockResult } from '../stock.js';
import { FeedError, parseFeed, type FeedFormat, type FeedHeader, type FeedInfo, type FeedMode, type FeedRange, type FeedRecord, type FeedRow, type FeedStream } from './parse-feed.js';
import { ReportBuilder, type ReportBody, type ReportedRejection, type SnapshotOutcome } from './report.js';
import { SeenKeys } from './seen-keys.js';

/** Location ids follow the catalog's id rule (letters, digits, `.`, `_`, `-`; ≤ 64). */
const LOCATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DEFAULT_CONCURRENCY = 8;
const DEFAULT_SKU_CACHE = 200_000;
/**
 * applyStockChanges writes all of a product's cells in one UpdateItem; DynamoDB caps an
 * expression at 4 KB (~25 bytes per cell in SET and again in the condition), so a product with
 * many changed cells in one batch is written in slices.
 */
const MAX_CELLS_PER_UPDATE = 60;
const DEFAULT_PARALLEL_BATCHES = 4;

/** The stock of one product as ingestion needs it: on-hand units per variant and location. */
export interface ProductStock {
  productId: string;
  variants: Record<string, { onHand?: Record<string, number> }>;
}

/** Everything ingestion reads and writes, so tests and the benchmark can swap DynamoDB out. */
export interface StockBackend {
  /** SKU → productId for the SKUs that exist. */
  resolveSkus(skus: string[]): Promise<Map<string, string>>;
  /** Current stock of these products (strongly consistent: a stale read would skip a write). */
  loadProducts(productIds: string[]): Promise<Map<string, ProductStock>>;
  apply(changes: StockChange[]): Promise<StockResult>;
  /** The tenant's whole catalog, page by page (full snapshots). */
  listProducts(): AsyncIterable<ProductStock[]>;
  /** The tenant's declared locations, or null when it declared none (any valid id is accepted). */
  locations(): Promise<ReadonlySet<string> | null>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DynamoStockBackend implements StockBackend {
  constructor(private readonly ctx: StockContext) {}

  /** The SKU index in BatchGets of 100, four in flight (a batch of 1000 new SKUs is 10 calls). */
  async resolveSkus(skus: string[]): Promise<Map<string, string>> {
    const chunks: string[][] = [];
    for (let i = 0; i < skus.length; i += 100) chunks.push(skus.slice(i, i + 100));
    const out = new Map<string, string>();
    await inLanes(chunks, 4, async (chunk) => {
      for (const [sku, productId] of await resolveSkus(this.ctx, chunk)) out.set(sku, productId);
    });
    return out;
  }

  async loadProducts(productIds: string[]): Promise<Map<string, ProductStock>> {
    const out = new Map<string, ProductStock>();
    const chunks: string[][] = [];
    for (let i = 0; i < productIds.length; i += 100) chunks.push(productIds.slice(i, i + 100));
    await inLanes(chunks, 4, async (ids) => {
      let keys: Record<string, unknown>[] = ids.map((productId) => Product.key({ tenantId: this.ctx.tenantId, productId }));
      for (let attempt = 0; keys.length; attempt++) {
        const res = await dynamo.send(
          new BatchGetCommand({
            RequestItems: {
              [this.ctx.tableName]: { Keys: keys, ConsistentRead: true, ProjectionExpression: '#p, #v', ExpressionAttributeNames: { '#p': 'productId', '#v': 'variants' } },
            },
          }),
        );
        for (const item of res.Responses?.[this.ctx.tableName] ?? []) out.set(item.productId as string, item as ProductStock);
        keys = (res.UnprocessedKeys?.[this.ctx.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        if (keys.length) await sleep(50 * 2 ** Math.min(attempt, 6));
      }
    });
    return out;
  }

  apply(changes: StockChange[]): Promise<StockResult> {
    return applyStockChanges(this.ctx, changes);
  }

  /**
   * Reads the catalog through gsi1 (one item per product, variants and stock inside): cost is the
   * catalog's size in 4 KB units, halved by eventual consistency — e.g. 10k products of 10
   * variants (~3 KB each) ≈ 4k RCU per snapshot. A product created seconds ago may be missed (the
   * index is eventually consistent); it has no stock a snapshot would need to zero yet.
   */
  async *listProducts(): AsyncIterable<ProductStock[]> {
    let cursor: Record<string, unknown> | undefined;
    do {
      const res = await dynamo.send(
        new QueryCommand({
          TableName: this.ctx.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': tenantKey(this.ctx.tenantId, 'PRODUCTS') },
          ProjectionExpression: '#p, #v',
          ExpressionAttributeNames: { '#p': 'productId', '#v': 'variants' },
          ExclusiveStartKey: cursor,
        }),
      );
      if (res.Items?.length) yield res.Items as ProductStock[];
      cursor = res.LastEvaluatedKey;
    } while (cursor);
  }

  async locations(): Promise<ReadonlySet<string> | null> {
    const ids = new Set<string>();
    let cursor: Record<string, unknown> | undefined;
    do {
      const res = await dynamo.send(
        new QueryCommand({
          TableName: this.ctx.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': tenantKey(this.ctx.tenantId), ':sk': 'LOCATION#' },
          ProjectionExpression: 'locationId',
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of res.Items ?? []) ids.add(item.locationId as string);
      cursor = res.LastEvaluatedKey;
    } while (cursor);
    return ids.size ? ids : null;
  }
}

/** Runs `fn` over items with at most `lanes` in flight. */
async function inLanes<T>(items: T[], lanes: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, worker));
}

interface Change extends StockChange {
  productId: string;
  set: number;
  line?: number;
}

interface ApplyTotals {
  applied: number;
  unchanged: number;
  transitions: number;
  events: number;
  /** Changes whose SKU vanished between lookup and write. */
  unknown: Change[];
}

/**
 * Applies changes with up to `lanes` products in flight: each product is one conditional
 * UpdateItem in applyStockChanges, so products never conflict with each other.
 */
async function applyChanges(backend: StockBackend, changes: Change[], lanes: number): Promise<ApplyTotals> {
  const totals: ApplyTotals = { applied: 0, unchanged: 0, transitions: 0, events: 0, unknown: [] };
  const byProduct = new Map<string, Change[]>();
  for (const c of changes) {
    const g = byProduct.get(c.productId);
    if (g) g.push(c);
    else byProduct.set(c.productId, [c]);
  }
  // A product's changes stay in one lane (no two writers on one item); within a lane, call k
  // carries the k-th slice of every product, so no UpdateItem exceeds MAX_CELLS_PER_UPDATE.
  const laneCount = Math.max(1, Math.min(lanes, byProduct.size));
  const laneCalls: Change[][][] = Array.from({ length: laneCount }, () => []);
  let i = 0;
  for (const group of byProduct.values()) {
    const calls = laneCalls[i++ % laneCount]!;
    for (let k = 0; k * MAX_CELLS_PER_UPDATE < group.length; k++) (calls[k] ??= []).push(...group.slice(k * MAX_CELLS_PER_UPDATE, (k + 1) * MAX_CELLS_PER_UPDATE));
  }
  await Promise.all(
    laneCalls.map(async (calls) => {
      for (const call of calls) {
        const r = await backend.apply(call.map(({ sku, locationId, set }) => ({ sku, locationId, set })));
        totals.applied += r.applied;
        totals.unchanged += r.unchanged;
        totals.transitions += r.transitions.length;
        totals.events += r.transitions.filter((t) => transitionEvent(t.from, t.to)).length;
        if (r.unknownSkus.length) {
          const gone = new Set(r.unknownSkus);
          totals.unknown.push(...call.filter((c) => gone.has(c.sku)));
        }
      }
    }),
  );
  return totals;
}

/**
 * The SKU×location pairs a full snapshot names, for zeroing the rest. Rejected rows still name
 * their pair when it parsed (a row with a bad quantity must not have its stock zeroed); a rejected
 * row whose SKU could not be read at all blocks zeroing, since it may have been any SKU.
 */
export class SnapshotKeys {
  private readonly pairs = new SeenKeys(1 << 16);
  private readonly skus = new Set<string>();
  validRows = 0;
  unidentified = 0;
  private firstUnidentified: { line: number; code: string } | undefined;

  note(r: FeedRecord): void {
    if (r.kind === 'row') {
      this.validRows++;
      this.pairs.check(r.sku, r.location, r.line);
    } else if (r.sku !== undefined && r.location !== undefined) this.pairs.check(r.sku, r.location, r.line);
    else if (r.sku !== undefined) this.skus.add(r.sku);
    else {
      this.unidentified++;
      this.firstUnidentified ??= { line: r.line, code: r.code };
    }
  }

  /**
   * Whether the file names this pair. Visiting a pair records it, which is harmless because the
   * catalog walk visits each SKU×location once (a SKU belongs to one product).
   */
  has(sku: string, location: string): boolean {
    return this.skus.has(sku) || this.pairs.check(sku, location, 1) !== 0;
  }

  blockedReason(): string | undefined {
    if (this.unidentified > 0) {
      const f = this.firstUnidentified!;
      return `${this.unidentified} rejected row(s) could not be tied to a SKU (first: line ${f.line}, ${f.code}); zeroing absent SKUs might zero one of them. Fix those rows and upload again.`;
    }
    if (this.validRows === 0) return 'the snapshot has no valid rows; zeroing would empty the whole catalog, so it was not done.';
    return undefined;
  }
}

/** Full snapshot: every SKU×location of the catalog with stock that the file does not name → 0. */
export async function zeroAbsent(
  backend: StockBackend,
  keys: SnapshotKeys,
  opts: { dryRun: boolean; concurrency?: number },
): Promise<SnapshotOutcome & { transitions: number; events: number }> {
  const skipped = keys.blockedReason();
  if (skipped) return { zeroed: 0, skipped, transitions: 0, events: 0 };
  const out = { zeroed: 0, transitions: 0, events: 0 };
  for await (const page of backend.listProducts()) {
    const changes: Change[] = [];
    for (const p of page) {
      for (const [sku, v] of Object.entries(p.variants ?? {})) {
        for (const [loc, qty] of Object.entries(v.onHand ?? {})) {
          if (qty !== 0 && !keys.has(sku, loc)) changes.push({ productId: p.productId, sku, locationId: loc, set: 0 });
        }
      }
    }
    if (!changes.length) continue;
    if (opts.dryRun) {
      out.zeroed += changes.length;
      continue;
    }
    const t = await applyChanges(backend, changes, opts.concurrency ?? DEFAULT_CONCURRENCY);
    out.zeroed += t.applied;
    out.transitions += t.transitions;
    out.events += t.events;
  }
  return out;
}

export interface ApplierOptions {
  dryRun: boolean;
  /** Products written in parallel. */
  concurrency?: number;
  /** Range runs: lines that repeat a SKU×location first seen in an earlier range → first line. */
  crossDuplicates?: ReadonlyMap<number, number>;
  /** Bound on the SKU → product cache (memory stays flat however many SKUs the file has). */
  skuCacheSize?: number;
}

/** Validates, diffs and applies batches of parsed records into one report body. */
export class FeedApplier {
  readonly report = new ReportBuilder();
  private readonly skuCache = new Map<string, string | null>();
  private locations: Promise<ReadonlySet<string> | null> | undefined;
  /** Batches may finish out of order; their rejections join the report in file order. */
  private started = 0;
  private flushed = 0;
  private readonly finished = new Map<number, ReportedRejection[]>();
  private readonly locationVerdicts = new Map<string, 'ok' | 'invalid' | 'unknown'>();

  constructor(
    private readonly backend: StockBackend,
    private readonly opts: ApplierOptions,
  ) {}

  get body(): ReportBody {
    return this.report.body;
  }

  /**
   * Safe to run for several batches at once (call in file order): batches never share a
   * SKU×location (the parser rejects repeats), and two batches writing one product each go
   * through applyStockChanges' conditional update, which re-reads and retries on conflict.
   */
  async processBatch(records: FeedRecord[]): Promise<void> {
    const seq = this.started++;
    // Rejections of a batch are found in two phases (parse, then catalog lookup): sorted per
    // batch and flushed in batch order, the report lists them in file order.
    const rejected: ReportedRejection[] = [];
    try {
      await this.diffAndApply(records, rejected);
    } finally {
      rejected.sort((a, b) => a.line - b.line);
      this.finished.set(seq, rejected);
      for (let next = this.finished.get(this.flushed); next; next = this.finished.get(this.flushed)) {
        this.finished.delete(this.flushed++);
        for (const r of next) this.report.reject(r);
      }
    }
  }

  private async diffAndApply(records: FeedRecord[], rejected: ReportedRejection[]): Promise<void> {
    this.locations ??= this.backend.locations();
    const locations = await this.locations;
    const counts = this.report.body.counts;
    const rows: FeedRow[] = [];
    for (const r of records) {
      counts.rowsRead++;
      if (r.kind === 'rejected') {
        rejected.push(r);
        continue;
      }
      const firstLine = this.opts.crossDuplicates?.get(r.line);
      if (firstLine !== undefined) {
        rejected.push({
          line: r.line,
          code: 'duplicate_key',
          field: 'sku',
          reason: `sku ${JSON.stringify(r.sku)} at location ${JSON.stringify(r.location)} already appeared on line ${firstLine}`,
          sku: r.sku,
          location: r.location,
          firstLine,
        });
        continue;
      }
      // A file names few locations: each distinct one is checked once.
      let verdict = this.locationVerdicts.get(r.location);
      if (verdict === undefined) {
        verdict = !LOCATION_ID.test(r.location) ? 'invalid' : locations && !locations.has(r.location) ? 'unknown' : 'ok';
        if (this.locationVerdicts.size < 10_000) this.locationVerdicts.set(r.location, verdict);
      }
      if (verdict === 'invalid') {
        rejected.push({ line: r.line, code: 'invalid_location', field: 'location', reason: `location ${JSON.stringify(r.location.slice(0, 80))} is not a valid location id (letters, digits, ".", "_", "-"; at most 64)`, sku: r.sku, location: r.location });
        continue;
      }
      if (verdict === 'unknown') {
        rejected.push({ line: r.line, code: 'unknown_location', field: 'location', reason: `unknown location ${JSON.stringify(r.location)}`, sku: r.sku, location: r.location });
        continue;
      }
      rows.push(r);
    }
    if (!rows.length) return;

    const productOf = new Map<string, string | null>();
    const missing: string[] = [];
    for (const r of rows) {
      if (productOf.has(r.sku)) continue;
      const cached = this.skuCache.get(r.sku);
      if (cached === undefined) missing.push(r.sku);
      productOf.set(r.sku, cached ?? null);
    }
    if (missing.length) {
      const found = await this.backend.resolveSkus(missing);
      if (this.skuCache.size + missing.length > (this.opts.skuCacheSize ?? DEFAULT_SKU_CACHE)) this.skuCache.clear();
      for (const s of missing) {
        const p = found.get(s) ?? null;
        this.skuCache.set(s, p);
        productOf.set(s, p);
      }
    }
    const productIds = [...new Set([...productOf.values()].filter((p): p is string => !!p))];
    const products = productIds.length ? await this.backend.loadProducts(productIds) : new Map<string, ProductStock>();

    const changes: Change[] = [];
    for (const r of rows) {
      const productId = productOf.get(r.sku);
      const variant = productId ? products.get(productId)?.variants?.[r.sku] : undefined;
      if (!productId || !variant) {
        rejected.push({ line: r.line, code: 'unknown_sku', field: 'sku', reason: `unknown SKU ${JSON.stringify(r.sku)}`, sku: r.sku, location: r.location });
        continue;
      }
      // An absent location holds no units: setting it to 0 changes nothing and costs nothing.
      if ((variant.onHand?.[r.location] ?? 0) === r.quantity) counts.unchanged++;
      else changes.push({ productId, sku: r.sku, locationId: r.location, set: r.quantity, line: r.line });
    }
    if (!changes.length) return;
    if (this.opts.dryRun) {
      counts.applied += changes.length;
      return;
    }
    const t = await applyChanges(this.backend, changes, this.opts.concurrency ?? DEFAULT_CONCURRENCY);
    counts.applied += t.applied;
    // Set to the same value by someone else since our read: nothing left to do.
    counts.unchanged += t.unchanged;
    this.report.body.transitions += t.transitions;
    this.report.body.events += t.events;
    for (const c of t.unknown) {
      this.skuCache.delete(c.sku);
      rejected.push({ line: c.line ?? 0, code: 'unknown_sku', field: 'sku', reason: `unknown SKU ${JSON.stringify(c.sku)} (removed during ingestion)`, sku: c.sku, location: c.locationId });
    }
  }
}

/**
 * Feeds batches to the applier with up to `parallel` in flight: DynamoDB round trips, not CPU,
 * bound the rate, so overlapping batches multiplies throughput while memory stays at a few
 * batches. On the first failure it stops reading, lets in-flight batches settle, and throws.
 */
async function drive(
  stream: FeedStream,
  applier: FeedApplier,
  opts: { parallel?: number; onBatch?: (batch: FeedRecord[]) => void; afterBatch?: (completed: number) => void | Promise<void> },
): Promise<void> {
  const parallel = Math.max(1, opts.parallel ?? DEFAULT_PARALLEL_BATCHES);
  const inflight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let streamError: { error: unknown } | undefined;
  let completed = 0;
  try {
    for await (const batch of stream) {
      opts.onBatch?.(batch);
      const tracked: Promise<void> = applier
        .processBatch(batch)
        .then(() => opts.afterBatch?.(++completed))
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inflight.delete(tracked));
      inflight.add(tracked);
      while (inflight.size >= parallel && !failure) await Promise.race(inflight);
      if (failure) break;
    }
  } catch (error) {
    streamError = { error };
  }
  await Promise.allSettled([...inflight]);
  // An infrastructure failure wins over a file error: the run must be retried, not reported.
  if (failure) throw failure.error;
  if (streamError) throw streamError.error;
}

export interface StreamOptions {
  defaultLocation: string;
  /** 'full' from the upload options; undefined lets a CSV directive decide (default delta). */
  mode?: FeedMode;
  format?: FeedFormat;
  dryRun: boolean;
  batchSize?: number;
  concurrency?: number;
  /** Called after each applied batch; throwing aborts the run (deadline guard, crash tests). */
  afterBatch?: (batchNumber: number) => void | Promise<void>;
  /** Batches in flight at once (default 4). */
  parallelBatches?: number;
}

export interface StreamOutcome {
  body: ReportBody;
  info: FeedInfo;
  snapshot?: SnapshotOutcome;
  fileError?: { code: string; message: string; line?: number };
}

function fileErrorOf(e: FeedError) {
  return { code: e.code, message: e.message, ...(e.line !== undefined ? { line: e.line } : {}) };
}

/**
 * One streamed pass over a whole feed: parse → validate → diff → apply batch by batch, then, for
 * a full snapshot, zero what the file did not name. A file-level problem (bad header, broken JSON)
 * ends the pass with `fileError`: rows before it stay applied (they were valid absolute values)
 * and zeroing is skipped. Infrastructure errors propagate (the caller retries the whole file,
 * which is safe: quantities are absolute and unchanged rows cost nothing).
 */
export async function ingestStream(backend: StockBackend, source: AsyncIterable<Uint8Array>, opts: StreamOptions): Promise<StreamOutcome> {
  const applier = new FeedApplier(backend, { dryRun: opts.dryRun, concurrency: opts.concurrency });
  const stream = parseFeed(source, { defaultLocation: opts.defaultLocation, mode: opts.mode, format: opts.format, batchSize: opts.batchSize });
  let keys: SnapshotKeys | undefined;
  let fileError: StreamOutcome['fileError'];
  try {
    await drive(stream, applier, {
      parallel: opts.parallelBatches,
      afterBatch: opts.afterBatch,
      onBatch: (batch) => {
        // The mode is known before the first batch (the CSV directive precedes the header).
        if (stream.info.mode === 'full') {
          keys ??= new SnapshotKeys();
          for (const r of batch) keys.note(r);
        }
      },
    });
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    fileError = fileErrorOf(error);
  }
  const body = applier.body;
  let snapshot: SnapshotOutcome | undefined;
  if (stream.info.mode === 'full') {
    if (fileError) snapshot = { zeroed: 0, skipped: `the file could not be read to its end (${fileError.code}), so absent SKUs were not zeroed.` };
    else {
      const z = await zeroAbsent(backend, keys ?? new SnapshotKeys(), { dryRun: opts.dryRun, concurrency: opts.concurrency });
      snapshot = z.skipped ? { zeroed: 0, skipped: z.skipped } : { zeroed: z.zeroed };
      body.counts.zeroed = z.zeroed;
      body.transitions += z.transitions;
      body.events += z.events;
    }
  }
  return { body, info: stream.info, snapshot, fileError };
}

/** The part of a split run one range processes. */
export interface RangeOptions {
  defaultLocation: string;
  mode?: FeedMode;
  header: FeedHeader;
  range: FeedRange;
  dryRun: boolean;
  crossDuplicates?: ReadonlyMap<number, number>;
  concurrency?: number;
  parallelBatches?: number;
}

/** Validates, diffs and applies the records that start in one byte range. `source` starts at range.startAtByte. */
export async function ingestRange(backend: StockBackend, source: AsyncIterable<Uint8Array>, opts: RangeOptions): Promise<StreamOutcome> {
  const applier = new FeedApplier(backend, { dryRun: opts.dryRun, concurrency: opts.concurrency, crossDuplicates: opts.crossDuplicates });
  const { range, header } = opts;
  const stream = parseFeed(source, {
    defaultLocation: opts.defaultLocation,
    mode: opts.mode,
    header,
    format: header.format,
    startAtByte: range.startAtByte,
    endAtByte: range.endAtByte,
    ...(range.startAtByte > 0 ? { startLine: range.startLine } : {}),
  });
  let fileError: StreamOutcome['fileError'];
  try {
    await drive(stream, applier, { parallel: opts.parallelBatches });
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    fileError = fileErrorOf(error);
  }
  return { body: applier.body, info: stream.info, fileError };
}

/** What the coordinator of a split run learns from one parse-only pass over the whole file. */
export interface ScanOutcome {
  info: FeedInfo;
  /** [line, firstLine] of rows repeating a SKU×location first seen in an earlier range. */
  crossDuplicates: [number, number][];
  /** Rejections whose SKU could not be read (they block full-snapshot zeroing). */
  unidentified: number;
  fileError?: StreamOutcome['fileError'];
}

/**
 * Duplicate detection is per parse, so ranges alone would apply both copies of a SKU×location
 * that appears in two ranges (last writer wins, in any order). This pass finds those rows up
 * front — exactly the ones a single pass would reject — and the ranges reject them too. Parsing
 * without DynamoDB runs at hundreds of thousands of rows per second (see the benchmark).
 */
export async function scanForSplit(source: AsyncIterable<Uint8Array>, opts: { defaultLocation: string; mode?: FeedMode; format?: FeedFormat; ranges: FeedRange[] }): Promise<ScanOutcome> {
  const starts = opts.ranges.map((r) => r.startLine);
  const rangeOf = (line: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const stream = parseFeed(source, { defaultLocation: opts.defaultLocation, mode: opts.mode, format: opts.format, batchSize: 4096 });
  const out: ScanOutcome = { info: stream.info, crossDuplicates: [], unidentified: 0 };
  try {
    for await (const batch of stream) {
      for (const r of batch) {
        if (r.kind !== 'rejected') continue;
        if (r.sku === undefined) out.unidentified++;
        if (r.code === 'duplicate_key' && r.firstLine !== undefined && rangeOf(r.line) !== rangeOf(r.firstLine)) out.crossDuplicates.push([r.line, r.firstLine]);
      }
    }
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    out.fileError = fileErrorOf(error);
  }
  return out;
}

/** The pairs a full snapshot names, from a parse-only pass (split runs collect them at the end). */
export async function collectSnapshotKeys(source: AsyncIterable<Uint8Array>, opts: { defaultLocation: string; mode?: FeedMode; format?: FeedFormat }): Promise<SnapshotKeys> {
  const keys = new SnapshotKeys();
  // No duplicate detection here: a repeated pair is still a named pair.
  const stream = parseFeed(source, { ...opts, dedupe: false, batchSize: 4096 });
  for await (const batch of stream) for (const r of batch) keys.note(r);
  return keys;
}

/**
 * HTTP rows (POST /admin/stock/rows): the same validation as a JSON-array feed, because they are
 * one — each row becomes one element on its own line, so line L is row L − 2.
 */
export function rowsAsJsonFeed(rows: unknown[]): Buffer {
  return Buffer.from(`[\n${rows.map((r) => JSON.stringify(r) ?? 'null').join(',\n')}\n]\n`, 'utf8');
}
export const rowIndexOfLine = (line: number) => line - 2;
