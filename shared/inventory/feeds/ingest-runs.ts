/**
 * Feed runs over S3: the trigger (Object Created → single pass or split workflow), the single
 * streamed pass, the split workflow's steps (plan → ranges → finalize), and HTTP rows. Each step
 * reads the Feed record for its options: nothing the uploader controls besides the bytes.
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { once } from '../../data/idempotency.js';
import { Store } from '../../data/store.js';
import { logger } from '../../observability/logger.js';
import type { StockContext } from '../stock.js';
import { bomLength, detectFormat, isGzip } from './bytes.js';
import { Feed, feedWorkPrefix, parseFeedObjectKey, updateFeed, type Feed as FeedT } from './feed-record.js';
import {
  collectSnapshotKeys,
  DynamoStockBackend,
  ingestRange,
  ingestStream,
  rowIndexOfLine,
  rowsAsJsonFeed,
  scanForSplit,
  zeroAbsent,
  type StreamOutcome,
} from './ingest.js';
import { getJson, objectBytes, objectHead, putJson } from './ingest-s3.js';
import { alignByteRanges, FeedError, planByteRanges, readFeedHeader, type FeedFormat, type FeedHeader, type FeedMode, type FeedRange } from './parse-feed.js';
import { mergeBodies, type FeedReport, type ReportBody, type RowsReport, type SnapshotOutcome } from './report.js';

export interface FeedRuntime {
  tableName: string;
  busName: string;
  bucket: string;
  s3: S3Client;
  sfn?: SFNClient;
}

export const DEFAULT_SPLIT_THRESHOLD_BYTES = 20 * 1024 * 1024;
export const DEFAULT_RANGE_BYTES = 8 * 1024 * 1024;
/** Stop a single pass this long before the Lambda would be killed, so the feed is marked failed. */
const DEADLINE_MARGIN_MS = 60_000;
const HEADER_BYTES = 256 * 1024;

/** A single pass ran out of Lambda time: retrying would hit the same wall, so it is not retried. */
export class FeedTimeBudgetError extends Error {
  override readonly name = 'FeedTimeBudgetError';
}

const modeOf = (feed: FeedT): FeedMode | undefined => (feed.options.full ? 'full' : undefined);
const stockContext = (rt: FeedRuntime, tenantId: string): StockContext => ({ tableName: rt.tableName, busName: rt.busName, tenantId });

/**
 * Byte ranges need a splittable encoding: uncompressed CSV or NDJSON. gzip and JSON arrays take
 * the single pass whatever their size (streamed, so memory is still bounded; time is the limit).
 */
export function chooseIngestionPath(size: number, head: Uint8Array, thresholdBytes: number, format?: FeedFormat): { path: 'single' | 'split'; reason: string } {
  if (size <= thresholdBytes) return { path: 'single', reason: `${size} bytes ≤ split threshold ${thresholdBytes}` };
  if (isGzip(head)) return { path: 'single', reason: 'gzip cannot be split into byte ranges' };
  const detected = format ?? detectFormat(head, bomLength(head)) ?? 'csv';
  if (detected === 'json') return { path: 'single', reason: 'a JSON array cannot be split into byte ranges' };
  return { path: 'split', reason: `${size} bytes > split threshold ${thresholdBytes}, ${detected}` };
}

function buildReport(
  feed: FeedT,
  o: { body: ReportBody; snapshot?: SnapshotOutcome; fileError?: StreamOutcome['fileError'] },
  x: { path: FeedReport['path']; ranges?: number; startedAt: Date; mode: FeedMode; format?: FeedFormat; compressed: boolean },
): FeedReport {
  const finishedAt = new Date();
  return {
    reportVersion: 1,
    tenantId: feed.tenantId,
    feedId: feed.feedId,
    objectKey: feed.objectKey,
    filename: feed.filename,
    status: o.fileError ? 'failed' : 'done',
    dryRun: feed.options.dryRun,
    mode: x.mode,
    format: x.format,
    compressed: x.compressed,
    path: x.path,
    ...(x.ranges !== undefined ? { ranges: x.ranges } : {}),
    ...(o.snapshot ? { snapshot: o.snapshot } : {}),
    ...(o.fileError ? { fileError: o.fileError } : {}),
    startedAt: x.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - x.startedAt.getTime(),
    ...o.body,
  };
}

/** Report first, then the record that points at it: a crash between the two is redone by the retry. */
async function publishReport(rt: FeedRuntime, feed: FeedT, report: FeedReport): Promise<void> {
  await putJson(rt.s3, rt.bucket, feed.reportKey, report);
  await updateFeed(
    rt.tableName,
    feed,
    {
      status: report.status,
      counts: report.counts,
      events: report.events,
      format: report.format,
      compressed: report.compressed,
      mode: report.mode,
      finishedAt: report.finishedAt,
      error: report.fileError ? { code: report.fileError.code, message: report.fileError.message } : undefined,
    },
    { clearError: !report.fileError },
  );
  logger.info('feed processed', { tenantId: feed.tenantId, feedId: feed.feedId, status: report.status, path: report.path, ...report.counts, events: report.events, durationMs: report.durationMs });
}

async function markFailed(rt: FeedRuntime, feed: Pick<FeedT, 'tenantId' | 'feedId'>, error: unknown): Promise<void> {
  const message = error instanceof FeedTimeBudgetError ? error.message : `processing failed: ${String((error as Error)?.message ?? error).slice(0, 500)}`;
  try {
    await updateFeed(rt.tableName, feed, { status: 'failed', finishedAt: new Date().toISOString(), error: { code: error instanceof FeedTimeBudgetError ? 'time_budget' : 'processing_error', message } });
  } catch (e) {
    logger.error('could not mark feed failed', { tenantId: feed.tenantId, feedId: feed.feedId, error: (e as Error).message });
  }
}

export interface SingleRunHooks {
  afterBatch?: (batchNumber: number) => void | Promise<void>;
  batchSize?: number;
  parallelBatches?: number;
}

/**
 * The single streamed pass. A retry after a crash re-reads the whole file: quantities are
 * absolute, so rows the crashed attempt applied are now unchanged and cost no write; the report is
 * written once, at the end, for the whole file (its `applied` counts the final attempt's writes).
 */
export async function runSingle(rt: FeedRuntime, feed: FeedT, obj: { key: string; etag?: string; size?: number }, hooks: SingleRunHooks = {}): Promise<FeedReport> {
  const startedAt = new Date();
  await updateFeed(rt.tableName, feed, { status: 'processing', path: 'single', startedAt: startedAt.toISOString(), objectSize: obj.size }, { incrementAttempts: true, clearError: true });
  try {
    const outcome = await ingestStream(new DynamoStockBackend(stockContext(rt, feed.tenantId)), objectBytes(rt.s3, rt.bucket, obj.key, { etag: obj.etag }), {
      defaultLocation: feed.options.location,
      mode: modeOf(feed),
      format: feed.options.format,
      dryRun: feed.options.dryRun,
      batchSize: hooks.batchSize,
      afterBatch: hooks.afterBatch,
      parallelBatches: hooks.parallelBatches,
    });
    const report = buildReport(feed, outcome, {
      path: 'single',
      startedAt,
      mode: outcome.info.mode,
      format: outcome.info.format,
      compressed: outcome.info.compressed,
    });
    await publishReport(rt, feed, report);
    return report;
  } catch (error) {
    await markFailed(rt, feed, error);
    throw error;
  }
}

export interface TriggerConfig {
  splitThresholdBytes: number;
  rangeBytes: number;
  /** The split workflow; without it every file takes the single pass. */
  stateMachineArn?: string;
}

export interface S3ObjectCreatedDetail {
  bucket: { name: string };
  object: { key: string; size?: number; etag?: string; sequencer?: string };
}

export type TriggerOutcome = { outcome: 'ignored' | 'duplicate' | 'single' | 'split' | 'failed'; reason?: string; feedId?: string };

/** Identifies one PUT of an object: the sequencer grows with every write of a key. */
const runIdOf = (o: S3ObjectCreatedDetail['object']) => `r${(o.sequencer ?? o.etag ?? 'x').replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`;

/** The split workflow's input: a reference to one PUT of one feed object. */
export interface SplitRun {
  tenantId: string;
  feedId: string;
  key: string;
  etag?: string;
  size: number;
  runId: string;
}

/**
 * Object Created on the feeds bucket. Only an object whose key is exactly the one a tenant's Feed
 * record was issued for is processed; anything else (malformed keys, the report, a key under a
 * tenant prefix with no such feed) is ignored. Idempotent per PUT via once(): a redelivered event
 * does nothing, a failed run releases its claim so the platform's retry runs it again.
 */
export async function onFeedObjectCreated(
  rt: FeedRuntime,
  detail: S3ObjectCreatedDetail,
  cfg: TriggerConfig,
  hooks: SingleRunHooks & { remainingMs?: () => number } = {},
): Promise<TriggerOutcome> {
  if (detail?.bucket?.name !== rt.bucket) return { outcome: 'ignored', reason: 'not the feeds bucket' };
  const key = detail.object?.key ?? '';
  const ref = parseFeedObjectKey(key);
  if (!ref) return { outcome: 'ignored', reason: 'not a feed upload key' };
  const feed = await new Store(rt.tableName).get(Feed, ref, true);
  if (!feed || feed.objectKey !== key) {
    logger.warn('object under feeds/ without a matching feed record; ignored', { tenantId: ref.tenantId, feedId: ref.feedId });
    return { outcome: 'ignored', reason: 'no feed record for this key', feedId: ref.feedId };
  }
  const runId = runIdOf(detail.object);
  try {
    const r = await once(rt.tableName, { tenantId: feed.tenantId, scope: 'feed-object', id: `${feed.feedId}:${runId}` }, async (): Promise<TriggerOutcome> => {
      let size = detail.object.size;
      if (size === undefined) size = (await rt.s3.send(new HeadObjectCommand({ Bucket: rt.bucket, Key: key }))).ContentLength ?? 0;
      if (cfg.stateMachineArn && size > cfg.splitThresholdBytes) {
        const head = await objectHead(rt.s3, rt.bucket, key, 64 * 1024, detail.object.etag);
        const choice = chooseIngestionPath(size, head, cfg.splitThresholdBytes, feed.options.format);
        if (choice.path === 'split') {
          await startSplitRun(rt, feed, { tenantId: feed.tenantId, feedId: feed.feedId, key, etag: detail.object.etag, size, runId }, cfg);
          return { outcome: 'split', reason: choice.reason, feedId: feed.feedId };
        }
      }
      const started = Date.now();
      await runSingle(rt, feed, { key, etag: detail.object.etag, size }, {
        batchSize: hooks.batchSize,
        parallelBatches: hooks.parallelBatches,
        afterBatch: async (n) => {
          await hooks.afterBatch?.(n);
          if (hooks.remainingMs && hooks.remainingMs() < DEADLINE_MARGIN_MS) {
            throw new FeedTimeBudgetError(
              `the file was still being read after ${Math.round((Date.now() - started) / 1000)} s, the limit of one run; upload it uncompressed as CSV or NDJSON so it can be split into parallel ranges`,
            );
          }
        },
      });
      return { outcome: 'single', feedId: feed.feedId };
    });
    return r.ran ? r.result : { outcome: 'duplicate', feedId: feed.feedId };
  } catch (error) {
    // Already marked failed; a retry would run out of time again.
    if (error instanceof FeedTimeBudgetError) return { outcome: 'failed', reason: error.message, feedId: feed.feedId };
    throw error;
  }
}

async function startSplitRun(rt: FeedRuntime, feed: FeedT, run: SplitRun, cfg: TriggerConfig): Promise<void> {
  await updateFeed(rt.tableName, feed, { status: 'processing', path: 'split', startedAt: new Date().toISOString(), objectSize: run.size }, { incrementAttempts: true, clearError: true });
  const sfn = rt.sfn ?? new SFNClient({});
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: cfg.stateMachineArn,
        // Deterministic: a second start for the same PUT is refused by Step Functions itself.
        name: `${run.feedId}-${run.runId}`.slice(0, 80),
        input: JSON.stringify({ run, rangeBytes: cfg.rangeBytes }),
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name === 'ExecutionAlreadyExists') return;
    await markFailed(rt, feed, error);
    throw error;
  }
}

// ---- split workflow steps ------------------------------------------------------------------

export interface RangeItem extends FeedRange {
  /** First line of the next range (exclusive bound of this one's lines); null for the last. */
  endLine: number | null;
}

/** What every step after the plan needs, small enough for the state (no per-row data). */
export interface PlanShared {
  runId: string;
  mode: FeedMode;
  format?: FeedFormat;
  header?: FeedHeader;
  rangeCount: number;
  rowsRead: number;
  duplicatesKey?: string;
  snapshotBlocked?: string;
  fileError?: StreamOutcome['fileError'];
  startedAt: string;
}

export interface PlanOutput {
  ranges: RangeItem[];
  shared: PlanShared;
}

async function loadFeed(rt: FeedRuntime, run: Pick<SplitRun, 'tenantId' | 'feedId'>): Promise<FeedT> {
  const feed = await new Store(rt.tableName).get(Feed, { tenantId: run.tenantId, feedId: run.feedId }, true);
  if (!feed) throw new Error(`feed ${run.feedId} not found`);
  return feed;
}

const partKey = (run: SplitRun, index: number) => `${feedWorkPrefix(run.tenantId, run.feedId, run.runId)}part-${String(index).padStart(5, '0')}.json`;

/**
 * Plan: header from the first 256 KiB, record-aligned byte ranges (sequential pre-scan), and one
 * parse-only pass that finds rows duplicating a pair from an earlier range (stored in S3 for the
 * ranges) and anything that must stop the run or its zeroing.
 */
export async function planSplit(rt: FeedRuntime, input: { run: SplitRun; rangeBytes: number }): Promise<PlanOutput> {
  const { run } = input;
  const feed = await loadFeed(rt, run);
  const startedAt = new Date().toISOString();
  const body = (opts: { start?: number; end?: number } = {}) => objectBytes(rt.s3, rt.bucket, run.key, { ...opts, etag: run.etag });
  const fail = (fileError: NonNullable<StreamOutcome['fileError']>, mode: FeedMode = feed.options.full ? 'full' : 'delta'): PlanOutput => ({
    ranges: [],
    shared: { runId: run.runId, mode, rangeCount: 0, rowsRead: 0, fileError, startedAt },
  });
  let header: FeedHeader;
  try {
    const head = await objectHead(rt.s3, rt.bucket, run.key, HEADER_BYTES, run.etag);
    header = readFeedHeader(head, { eof: run.size <= HEADER_BYTES, format: feed.options.format });
  } catch (error) {
    if (error instanceof FeedError) return fail({ code: error.code, message: error.message, ...(error.line !== undefined ? { line: error.line } : {}) });
    throw error;
  }
  if (header.mode && feed.options.full && header.mode !== 'full') {
    return fail({ code: 'mode_conflict', message: `the file declares mode=${header.mode} but the upload asked for a full snapshot` });
  }
  const mode: FeedMode = header.mode ?? (feed.options.full ? 'full' : 'delta');
  const aligned = await alignByteRanges(body(), planByteRanges(run.size, Math.max(1, input.rangeBytes)), { header });
  const ranges: RangeItem[] = aligned.map((r, i) => ({ ...r, endLine: aligned[i + 1]?.startLine ?? null }));
  const scan = await scanForSplit(body(), { defaultLocation: feed.options.location, mode: modeOf(feed), format: header.format, ranges: aligned });
  if (scan.fileError) return fail(scan.fileError, mode);
  let duplicatesKey: string | undefined;
  if (scan.crossDuplicates.length) {
    duplicatesKey = `${feedWorkPrefix(run.tenantId, run.feedId, run.runId)}cross-range-duplicates.json`;
    await putJson(rt.s3, rt.bucket, duplicatesKey, scan.crossDuplicates);
  }
  const shared: PlanShared = {
    runId: run.runId,
    mode,
    format: header.format,
    header,
    rangeCount: ranges.length,
    rowsRead: scan.info.rows + scan.info.rejected,
    startedAt,
  };
  if (duplicatesKey) shared.duplicatesKey = duplicatesKey;
  if (mode === 'full' && scan.unidentified > 0) {
    shared.snapshotBlocked = `${scan.unidentified} rejected row(s) could not be tied to a SKU; zeroing absent SKUs might zero one of them. Fix those rows and upload again.`;
  }
  logger.info('feed split planned', { tenantId: run.tenantId, feedId: run.feedId, ranges: ranges.length, rows: shared.rowsRead, crossDuplicates: scan.crossDuplicates.length });
  return { ranges, shared };
}

/** One byte range: validate, diff, apply; its partial report goes to S3 for the finalize step. */
export async function processRangeStep(rt: FeedRuntime, input: { run: SplitRun; shared: PlanShared; range: RangeItem }): Promise<{ index: number; rowsRead: number }> {
  const { run, shared, range } = input;
  const feed = await loadFeed(rt, run);
  let crossDuplicates: Map<number, number> | undefined;
  if (shared.duplicatesKey) {
    const all = (await getJson<[number, number][]>(rt.s3, rt.bucket, shared.duplicatesKey)) ?? [];
    crossDuplicates = new Map(all.filter(([line]) => line >= range.startLine && (range.endLine === null || line < range.endLine)));
  }
  const source = range.endAtByte > range.startAtByte ? objectBytes(rt.s3, rt.bucket, run.key, { start: range.startAtByte, end: range.endAtByte, etag: run.etag }) : (async function* () {})();
  const outcome = await ingestRange(new DynamoStockBackend(stockContext(rt, run.tenantId)), source, {
    defaultLocation: feed.options.location,
    mode: modeOf(feed),
    header: shared.header!,
    range,
    dryRun: feed.options.dryRun,
    crossDuplicates,
  });
  if (outcome.fileError) throw new Error(`range ${range.index}: ${outcome.fileError.code}: ${outcome.fileError.message}`);
  await putJson(rt.s3, rt.bucket, partKey(run, range.index), { index: range.index, body: outcome.body });
  return { index: range.index, rowsRead: outcome.body.counts.rowsRead };
}

/** Merges the partial reports into the one report, zeroes a full snapshot's absent pairs, closes the feed. */
export async function finalizeSplit(rt: FeedRuntime, input: { run: SplitRun; shared: PlanShared }): Promise<{ status: FeedReport['status']; counts: FeedReport['counts'] }> {
  const { run, shared } = input;
  const feed = await loadFeed(rt, run);
  const parts: ReportBody[] = [];
  for (let i = 0; i < shared.rangeCount; i += 16) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(16, shared.rangeCount - i) }, async (_, j) => {
        const part = await getJson<{ body: ReportBody }>(rt.s3, rt.bucket, partKey(run, i + j));
        if (!part) throw new Error(`partial report of range ${i + j} is missing`);
        return part.body;
      }),
    );
    parts.push(...batch);
  }
  const body = mergeBodies(parts);
  if (!shared.fileError && body.counts.rowsRead !== shared.rowsRead) {
    throw new Error(`ranges read ${body.counts.rowsRead} rows but the file has ${shared.rowsRead}`);
  }
  let snapshot: SnapshotOutcome | undefined;
  if (shared.mode === 'full') {
    if (shared.fileError) snapshot = { zeroed: 0, skipped: `the file could not be read (${shared.fileError.code}), so absent SKUs were not zeroed.` };
    else if (shared.snapshotBlocked) snapshot = { zeroed: 0, skipped: shared.snapshotBlocked };
    else {
      const keys = await collectSnapshotKeys(objectBytes(rt.s3, rt.bucket, run.key, { etag: run.etag }), { defaultLocation: feed.options.location, mode: modeOf(feed), format: shared.format });
      const z = await zeroAbsent(new DynamoStockBackend(stockContext(rt, run.tenantId)), keys, { dryRun: feed.options.dryRun });
      snapshot = z.skipped ? { zeroed: 0, skipped: z.skipped } : { zeroed: z.zeroed };
      body.counts.zeroed = z.zeroed;
      body.transitions += z.transitions;
      body.events += z.events;
    }
  }
  const report = buildReport(feed, { body, snapshot, fileError: shared.fileError }, {
    path: 'split',
    ranges: shared.rangeCount,
    startedAt: new Date(shared.startedAt),
    mode: shared.mode,
    format: shared.format,
    compressed: false,
  });
  await publishReport(rt, feed, report);
  return { status: report.status, counts: report.counts };
}

/** The workflow's catch: the feed is marked failed with the cause. */
export async function failSplit(rt: FeedRuntime, input: { run: SplitRun; error?: { Error?: string; Cause?: string } }): Promise<{ status: 'failed' }> {
  const cause = input.error?.Cause ?? input.error?.Error ?? 'unknown error';
  let message = cause;
  try {
    message = (JSON.parse(cause) as { errorMessage?: string }).errorMessage ?? cause;
  } catch {
    /* not a Lambda error payload */
  }
  await markFailed(rt, input.run, new Error(message));
  return { status: 'failed' };
}

// ---- HTTP rows ------------------------------------------------------------------------------

export type { RowsReport };

/** POST /admin/stock/rows: the feed pipeline on a small JSON body, synchronously. */
export async function ingestHttpRows(ctx: StockContext, rows: unknown[], opts: { location: string; dryRun: boolean }): Promise<RowsReport> {
  const feed = rowsAsJsonFeed(rows);
  const outcome = await ingestStream(new DynamoStockBackend(ctx), (async function* () {
    yield feed;
  })(), { defaultLocation: opts.location, format: 'json', dryRun: opts.dryRun });
  if (outcome.fileError) throw new Error(`rows could not be read: ${outcome.fileError.message}`);
  const { rejections, ...rest } = outcome.body;
  return {
    dryRun: opts.dryRun,
    ...rest,
    rejections: rejections.map(({ line, ...r }) => ({ row: rowIndexOfLine(line), line, ...r })),
  };
}
