import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../shared/data/client.js';
import { tenantKey } from '../../shared/data/entity.js';
import { Store } from '../../shared/data/store.js';
import { createProduct } from '../../shared/inventory/catalog.js';
import { Feed, feedObjectKey, feedOptionsSchema, feedReportKey, newFeedId, type FeedOptions } from '../../shared/inventory/feeds/feed-record.js';
import { onFeedObjectCreated, runSingle, type FeedRuntime } from '../../shared/inventory/feeds/ingest-runs.js';
import { Product } from '../../shared/inventory/model.js';
import { applyStockChanges } from '../../shared/inventory/stock.js';
import { buildLocalModel, type LocalModel } from '../../local/template/model.js';
import { synthTemplate } from '../../local/template/synth.js';
import type { components } from '../../shared/client/index.js';
import { api, client, consoleState, eventually, local, newTenant } from '../support/local.js';
import { synthTableName } from '../support/table-name.js';

const ctx = local();
const s3 = new S3Client({ forcePathStyle: true });
let model: LocalModel;
let store: Store;
let tableName: string;
let bucket: string;
let busName: string;

beforeAll(async () => {
  model = buildLocalModel(synthTemplate(), { api: ctx.urls.api, aws: ctx.urls.aws, s3: ctx.urls.s3 });
  tableName = await synthTableName();
  store = new Store(tableName);
  bucket = model.buckets.find((b) => b.eventBridge)!.name;
  busName = model.busNames.find((b) => b !== 'default')!;
});

/** Events published to a bus of the test's own are tenant-scoped evidence (the console lists them by bus). */
const privateBus = (tenantId: string) => `feeds-test-${tenantId}`;
const runtime = (bus = busName): FeedRuntime => ({ tableName, busName: bus, bucket, s3 });

type Stock = Record<string, Record<string, number>>;

/** Products with their variants' on-hand units, created through the catalog and stock code. */
async function seed(tenantId: string, products: Record<string, Stock>) {
  for (const [productId, variants] of Object.entries(products)) {
    await createProduct(store, tenantId, { productId, title: `Product ${productId}`, variants: Object.keys(variants).map((sku) => ({ sku })) });
  }
  const changes = Object.values(products).flatMap((variants) => Object.entries(variants).flatMap(([sku, onHand]) => Object.entries(onHand).map(([locationId, set]) => ({ sku, locationId, set }))));
  for (let i = 0; i < changes.length; i += 50) await applyStockChanges({ tableName, busName: `seed-${tenantId}`, tenantId }, changes.slice(i, i + 50));
}

const product = async (tenantId: string, productId: string) => (await store.get(Product, { tenantId, productId }, true))!;
async function stockOf(tenantId: string, productId: string): Promise<Stock> {
  const p = await product(tenantId, productId);
  return Object.fromEntries(Object.entries(p.variants).map(([sku, v]) => [sku, v.onHand]));
}

const admin = (adminKey: string) => client({ adminKey });

/** The merchant's way in: ask for an upload URL, PUT the bytes to it. */
async function upload(adminKey: string, filename: string, content: Buffer | string, options: Partial<FeedOptions> = {}) {
  const res = await admin(adminKey).POST('/admin/feeds', { body: { filename, ...options } });
  expect(res.response.status, JSON.stringify(res.error)).toBe(201);
  // The presigned URL is S3's, not the API's.
  const put = await fetch(res.data!.uploadUrl, { method: 'PUT', body: typeof content === 'string' ? content : new Uint8Array(content) });
  expect(put.status, await put.text()).toBe(200);
  return { feedId: res.data!.feedId, key: res.data!.feed.objectKey };
}

async function finished(adminKey: string, feedId: string, timeoutMs = 60_000): Promise<{ feed: components['schemas']['Feed']; report: components['schemas']['FeedReportSummary'] }> {
  const done = await eventually(
    async () => {
      const r = await admin(adminKey).GET('/admin/feeds/{feedId}', { params: { path: { feedId } } });
      return r.data && ['done', 'failed'].includes(r.data.feed.status) ? r.data : undefined;
    },
    `feed ${feedId} processed`,
    timeoutMs,
  );
  // A processed feed always has its report (a refused file's too).
  return { feed: done.feed, report: done.report! };
}

async function fullReport(adminKey: string, feedId: string): Promise<components['schemas']['FeedReport']> {
  const r = await admin(adminKey).GET('/admin/feeds/{feedId}/report', { params: { path: { feedId } } });
  expect(r.response.status).toBe(200);
  return r.data!;
}

/**
 * A feed whose bytes sit outside `feeds/` (no trigger fires), for tests that drive the ingestion
 * function themselves; the Feed record is the one the API would have created.
 */
async function staged(tenantId: string, content: Buffer | string, options: Partial<FeedOptions> = {}) {
  const feedId = newFeedId();
  const key = `reports/${tenantId}/staged/${feedId}.csv`;
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  const now = new Date().toISOString();
  const feed: Feed = {
    tenantId,
    feedId,
    filename: 'staged.csv',
    objectKey: feedObjectKey(tenantId, feedId, 'staged.csv'),
    reportKey: feedReportKey(tenantId, feedId),
    options: feedOptionsSchema.parse(options),
    status: 'pending',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    uploadExpiresAt: now,
  };
  await store.put(Feed, feed);
  return { feed, obj: { key, etag: put.ETag?.replaceAll('"', ''), size: body.length } };
}

async function historyCount(tenantId: string, sku: string): Promise<number> {
  const res = await dynamo.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenantKey(tenantId, 'STOCKHIST', sku) }, Select: 'COUNT' }));
  return res.Count ?? 0;
}

const eventsOn = async (tenantId: string, bus: string) => (await consoleState(tenantId)).events.filter((e) => (e as { bus?: string }).bus === bus);

describe('feed formats', { timeout: 120_000 }, () => {
  it('applies CSV (BOM, CRLF, ";", quotes), JSON array, NDJSON and gzip uploads', { timeout: 180_000 }, async () => {
    const t = await newTenant('Formats Shop');
    await seed(t.tenantId, { fmt: { 'FMT-1': {}, 'FMT-2': {}, 'FMT-3': { main: 1 } } });

    const csv = '\uFEFFSKU;Qty;Location;Name\r\nFMT-1;5;main;"Shoe; red ""classic"""\r\nFMT-2;7;store;"two\r\nlines"\r\nFMT-3;2;;x\r\n';
    let f = await upload(t.adminKey, 'export.csv', csv);
    let done = await finished(t.adminKey, f.feedId);
    expect(done.feed.status).toBe('done');
    expect(done.report).toMatchObject({ format: 'csv', compressed: false, mode: 'delta', path: 'single', counts: { rowsRead: 3, applied: 3, unchanged: 0, rejected: 0 } });
    expect(await stockOf(t.tenantId, 'fmt')).toEqual({ 'FMT-1': { main: 5 }, 'FMT-2': { store: 7 }, 'FMT-3': { main: 2 } });

    f = await upload(t.adminKey, 'stock.json', JSON.stringify([{ sku: 'FMT-1', qty: 6 }, { sku: 'FMT-2', on_hand: '8', location: 'store', ignored: true }, { SKU: 'FMT-3', Quantity: 2 }]));
    done = await finished(t.adminKey, f.feedId);
    expect(done.report).toMatchObject({ format: 'json', counts: { rowsRead: 3, applied: 2, unchanged: 1, rejected: 0 } });
    expect(await stockOf(t.tenantId, 'fmt')).toEqual({ 'FMT-1': { main: 6 }, 'FMT-2': { store: 8 }, 'FMT-3': { main: 2 } });

    f = await upload(t.adminKey, 'stock.ndjson', '{"sku":"FMT-1","quantity":1}\n{"sku":"FMT-2","qty":9,"location":"store"}\n', { location: 'main' });
    done = await finished(t.adminKey, f.feedId);
    expect(done.report).toMatchObject({ format: 'ndjson', counts: { rowsRead: 2, applied: 2 } });
    expect(await stockOf(t.tenantId, 'fmt')).toEqual({ 'FMT-1': { main: 1 }, 'FMT-2': { store: 9 }, 'FMT-3': { main: 2 } });

    // gzip is detected from the bytes, whatever the name; rows without a location get the upload's.
    f = await upload(t.adminKey, 'stock.csv', gzipSync(Buffer.from('sku,qty\nFMT-1,3\nFMT-3,4\n')), { location: 'store' });
    done = await finished(t.adminKey, f.feedId);
    expect(done.report).toMatchObject({ format: 'csv', compressed: true, counts: { rowsRead: 2, applied: 2 } });
    expect(await stockOf(t.tenantId, 'fmt')).toEqual({ 'FMT-1': { main: 1, store: 3 }, 'FMT-2': { store: 9 }, 'FMT-3': { main: 2, store: 4 } });
  });

  it('reports each bad line with its field and reason, and still applies the good lines', async () => {
    const t = await newTenant('Malformed Shop');
    await seed(t.tenantId, { m: { 'M-1': { main: 1 }, 'M-2': { main: 1 }, 'M-3': { main: 1 } } });
    const file = ['sku,quantity,location', 'M-1,4,main', 'M-2,-1,main', 'M-3,abc,main', ',3,main', 'GHOST,2,main', 'M-1,9,main', 'M-2,3,main,extra', 'M-3,2.5,main', 'M-3,2,main', 'M-2,1,bad place'].join('\n');
    const f = await upload(t.adminKey, 'broken.csv', file);
    const done = await finished(t.adminKey, f.feedId);
    expect(done.feed.status).toBe('done');
    expect(done.report.counts).toEqual({ rowsRead: 10, applied: 2, unchanged: 0, rejected: 8, zeroed: 0 });
    const report = await fullReport(t.adminKey, f.feedId);
    expect(report.rejections.map((r) => [r.line, r.field, r.code])).toEqual([
      [3, 'quantity', 'negative_quantity'],
      [4, 'quantity', 'malformed_number'],
      [5, 'sku', 'missing_value'],
      [6, 'sku', 'unknown_sku'],
      [7, 'sku', 'duplicate_key'],
      [8, 'row', 'wrong_column_count'],
      [9, 'quantity', 'non_integer_quantity'],
      [11, 'location', 'invalid_location'],
    ]);
    expect(report.rejections.find((r) => r.line === 7)).toMatchObject({ firstLine: 2 });
    expect(report.rejections.find((r) => r.line === 6)?.reason).toContain('GHOST');
    expect(await stockOf(t.tenantId, 'm')).toEqual({ 'M-1': { main: 4 }, 'M-2': { main: 1 }, 'M-3': { main: 2 } });
    // The report object sits next to the upload.
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `feeds/${t.tenantId}/${f.feedId}/` }));
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([`feeds/${t.tenantId}/${f.feedId}/broken.csv`, `feeds/${t.tenantId}/${f.feedId}/report.json`]);
  });

  it('refuses a file whose header lacks a required column, changing nothing', async () => {
    const t = await newTenant('Header Shop');
    await seed(t.tenantId, { h: { 'H-1': { main: 1 } } });
    const f = await upload(t.adminKey, 'nohead.csv', 'sku,stock\nH-1,5\n');
    const done = await finished(t.adminKey, f.feedId);
    expect(done.feed.status).toBe('failed');
    expect(done.feed.error?.code).toBe('missing_column');
    expect(done.report.fileError?.code).toBe('missing_column');
    expect(await stockOf(t.tenantId, 'h')).toEqual({ 'H-1': { main: 1 } });
  });
});

describe('idempotence and events', () => {
  it('the same file twice: the second run writes nothing and emits nothing', async () => {
    const t = await newTenant('Twice Shop');
    await seed(t.tenantId, { tw: { 'TW-1': { main: 0 }, 'TW-2': { main: 20 }, 'TW-3': { main: 7 } } });
    const file = 'sku,qty\nTW-1,12\nTW-2,0\nTW-3,7\n';
    const first = await upload(t.adminKey, 'a.csv', file);
    const r1 = await finished(t.adminKey, first.feedId);
    expect(r1.report.counts).toMatchObject({ applied: 2, unchanged: 1 });
    expect(r1.report.events).toBe(2); // TW-1 back in stock, TW-2 depleted
    const after1 = await product(t.tenantId, 'tw');
    const history1 = await Promise.all(['TW-1', 'TW-2', 'TW-3'].map((s) => historyCount(t.tenantId, s)));

    const second = await upload(t.adminKey, 'a.csv', file);
    const r2 = await finished(t.adminKey, second.feedId);
    expect(r2.report.counts).toEqual({ rowsRead: 3, applied: 0, unchanged: 3, rejected: 0, zeroed: 0 });
    expect(r2.report.transitions).toBe(0);
    expect(r2.report.events).toBe(0);
    const after2 = await product(t.tenantId, 'tw');
    // No write at all: updatedAt and every transition counter are untouched, no history added.
    expect(after2.updatedAt).toBe(after1.updatedAt);
    expect(after2.variants).toEqual(after1.variants);
    expect(await Promise.all(['TW-1', 'TW-2', 'TW-3'].map((s) => historyCount(t.tenantId, s)))).toEqual(history1);

    // And on the bus: the same file run again publishes nothing (counted on a bus of its own).
    const s = await staged(t.tenantId, file);
    await runSingle(runtime(privateBus(t.tenantId)), s.feed, s.obj);
    await new Promise((r) => setTimeout(r, 300));
    expect(await eventsOn(t.tenantId, privateBus(t.tenantId))).toEqual([]);
    expect((await product(t.tenantId, 'tw')).updatedAt).toBe(after1.updatedAt);
  });

  it('a transition produces exactly one event', async () => {
    const t = await newTenant('Event Shop');
    await seed(t.tenantId, { ev: { 'EV-1': {}, 'EV-2': {}, 'EV-3': { main: 30 } } });
    const bus = privateBus(t.tenantId);
    // EV-1 comes back in stock; EV-2 stays at 0; EV-3 moves 30 → 25, still in stock: one transition.
    const s = await staged(t.tenantId, 'sku,qty\nEV-1,10\nEV-2,0\nEV-3,25\n');
    const report = await runSingle(runtime(bus), s.feed, s.obj);
    expect(report.counts).toMatchObject({ applied: 2, unchanged: 1 });
    expect(report.transitions).toBe(1);
    expect(report.events).toBe(1);
    const events = await eventually(async () => {
      const e = await eventsOn(t.tenantId, bus);
      return e.length ? e : undefined;
    }, 'the BackInStock event');
    await new Promise((r) => setTimeout(r, 300));
    expect((await eventsOn(t.tenantId, bus)).map((e) => e.detailType)).toEqual(['BackInStock']);
    expect(events[0]!.source).toBe('restock.inventory');
    const p = await product(t.tenantId, 'ev');
    expect(p.variants['EV-1']).toMatchObject({ state: 'in_stock', transitionSeq: 1, onHand: { main: 10 } });
    expect(await historyCount(t.tenantId, 'EV-1')).toBe(1);
  });

  it('a crash mid-file then a retry ends in the exact state of one clean run', async () => {
    const t = await newTenant('Crash Shop');
    const products: Record<string, Stock> = {};
    const lines = ['sku,qty,location'];
    const expected: Record<string, number> = {};
    for (let p = 0; p < 4; p++) {
      products[`c${p}`] = {};
      for (let v = 0; v < 10; v++) {
        const sku = `C${p}-${v}`;
        products[`c${p}`]![sku] = { main: 1 };
        const qty = 10 + p * 10 + v;
        lines.push(`${sku},${qty},main`);
        expected[sku] = qty;
      }
    }
    lines.splice(25, 0, 'C9-9,3,main'); // unknown SKU on line 26
    await seed(t.tenantId, products);
    const s = await staged(t.tenantId, lines.join('\n') + '\n');
    const rt = runtime(privateBus(t.tenantId));

    // One batch at a time, so the crash leaves a known half-applied state.
    await expect(runSingle(rt, s.feed, s.obj, { batchSize: 10, parallelBatches: 1, afterBatch: (n) => { if (n === 2) throw new Error('simulated crash after batch 2'); } })).rejects.toThrow('simulated crash');
    const crashed = await store.get(Feed, s.feed, true);
    expect(crashed).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'processing_error' } });
    // Half-way: the first two batches (20 rows) are in, the rest not.
    expect((await stockOf(t.tenantId, 'c1'))['C1-9']).toEqual({ main: expected['C1-9'] });
    expect((await stockOf(t.tenantId, 'c2'))['C2-0']).toEqual({ main: 1 });

    const report = await runSingle(rt, s.feed, s.obj, { batchSize: 10 });
    expect(report.status).toBe('done');
    expect(report.counts).toEqual({ rowsRead: 41, applied: 20, unchanged: 20, rejected: 1, zeroed: 0 });
    expect(report.rejections).toEqual([expect.objectContaining({ line: 26, code: 'unknown_sku', sku: 'C9-9' })]);
    for (let p = 0; p < 4; p++) {
      const stock = await stockOf(t.tenantId, `c${p}`);
      for (const [sku, onHand] of Object.entries(stock)) expect(onHand, sku).toEqual({ main: expected[sku] });
    }
    expect(await store.get(Feed, s.feed, true)).toMatchObject({ status: 'done', attempts: 2, counts: report.counts });
    expect((await store.get(Feed, s.feed, true))?.error).toBeUndefined();
  });

  it('per upload, the trigger runs once; a failed run releases its claim for the retry', async () => {
    const t = await newTenant('Once Shop');
    await seed(t.tenantId, { o: { 'O-1': { main: 1 }, 'O-2': { main: 1 }, 'O-3': { main: 1 } } });
    const f = await upload(t.adminKey, 'o.csv', 'sku,qty\nO-1,2\nO-2,3\nO-3,4\n');
    await finished(t.adminKey, f.feedId);
    const detail = { bucket: { name: bucket }, object: { key: f.key, sequencer: `0TEST${Date.now()}` } };
    const cfg = { splitThresholdBytes: 1 << 30, rangeBytes: 1 << 20 };
    const rt = runtime(privateBus(t.tenantId));
    await expect(onFeedObjectCreated(rt, detail, cfg, { batchSize: 1, afterBatch: (n) => { if (n === 2) throw new Error('simulated crash'); } })).rejects.toThrow('simulated crash');
    expect((await store.get(Feed, { tenantId: t.tenantId, feedId: f.feedId }, true))?.status).toBe('failed');
    expect(await onFeedObjectCreated(rt, detail, cfg)).toMatchObject({ outcome: 'single' });
    expect(await onFeedObjectCreated(rt, detail, cfg)).toMatchObject({ outcome: 'duplicate' });
    expect((await store.get(Feed, { tenantId: t.tenantId, feedId: f.feedId }, true))?.status).toBe('done');
    expect(await stockOf(t.tenantId, 'o')).toEqual({ 'O-1': { main: 2 }, 'O-2': { main: 3 }, 'O-3': { main: 4 } });
  });
});

describe('options', () => {
  it('dry run validates and reports what would change, and changes nothing', async () => {
    const t = await newTenant('Dry Shop');
    await seed(t.tenantId, { d: { 'D-1': { main: 5 }, 'D-2': { main: 5, store: 1 } } });
    const before = await product(t.tenantId, 'd');
    const f = await upload(t.adminKey, 'dry.csv', 'sku,qty\nD-1,9\nD-2,5\nD-3,1\n', { dryRun: true, full: true });
    const done = await finished(t.adminKey, f.feedId);
    expect(done.feed.status).toBe('done');
    expect(done.report).toMatchObject({ dryRun: true, mode: 'full', counts: { rowsRead: 3, applied: 1, unchanged: 1, rejected: 1, zeroed: 1 }, events: 0 });
    const after = await product(t.tenantId, 'd');
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.variants).toEqual(before.variants);
  });

  it('a full snapshot zeroes every SKU and location the file does not name', async () => {
    const t = await newTenant('Snapshot Shop');
    await seed(t.tenantId, { s: { 'S-1': { main: 5 }, 'S-2': { main: 3, store: 2 }, 'S-3': { main: 1 } }, z: { 'Z-1': { store: 4 } } });
    const f = await upload(t.adminKey, 'full.csv', 'sku,qty,location\nS-1,6,main\nS-3,1,store\n', { full: true });
    const done = await finished(t.adminKey, f.feedId);
    expect(done.report).toMatchObject({ mode: 'full', snapshot: { zeroed: 4 }, counts: { rowsRead: 2, applied: 2, zeroed: 4 } });
    expect(await stockOf(t.tenantId, 's')).toEqual({ 'S-1': { main: 6 }, 'S-2': { main: 0, store: 0 }, 'S-3': { main: 0, store: 1 } });
    expect(await stockOf(t.tenantId, 'z')).toEqual({ 'Z-1': { store: 0 } });

    // A partial file (the default) leaves absent SKUs alone.
    const partial = await upload(t.adminKey, 'partial.csv', 'sku,qty\nS-2,8\n');
    await finished(t.adminKey, partial.feedId);
    expect(await stockOf(t.tenantId, 's')).toEqual({ 'S-1': { main: 6 }, 'S-2': { main: 8, store: 0 }, 'S-3': { main: 0, store: 1 } });
  });
});

describe('large files', () => {
  it('splits a large CSV into byte ranges processed by the Map workflow, into one report', { timeout: 240_000 }, async () => {
    const trigger = model.functions.find((f) => f.logicalId.includes('FeedObjectCreated'))!;
    const threshold = Number(trigger.environment.FEED_SPLIT_THRESHOLD_BYTES);
    const rangeBytes = Number(trigger.environment.FEED_RANGE_BYTES);
    const t = await newTenant('Big Shop');
    const products: Record<string, Stock> = {};
    for (let p = 0; p < 2; p++) {
      products[`b${p}`] = {};
      for (let v = 0; v < 50; v++) products[`b${p}`]![`B${p}-${v}`] = {};
    }
    products.b0!['B0-0'] = { L0: 99 };
    await seed(t.tenantId, products);
    const lines = ['\uFEFFsku,qty,location,note'];
    // What one clean pass leaves: a cell is written only when its quantity changes.
    const expected: Record<string, Record<string, number>> = { 'B0-0': { L0: 99 } };
    let applied = 0;
    let n = 0;
    // SKU-major, as exports usually are: 1,000 rows, ~20 kB.
    for (let p = 0; p < 2; p++) {
      for (let v = 0; v < 50; v++) {
        for (let l = 0; l < 10; l++) {
          const sku = `B${p}-${v}`;
          const qty = (p * 50 + v + l) % 13;
          // Quoted multi-line notes shift line numbers: ranges must still report absolute lines.
          lines.push(`${sku},${qty},L${l},${n++ % 50 === 0 ? '"line one\nline two"' : 'plain'}`);
          const cell = (expected[sku] ??= {});
          if ((cell[`L${l}`] ?? 0) !== qty) {
            cell[`L${l}`] = qty;
            applied++;
          }
        }
      }
    }
    lines.push('B0-0,7,L0,late duplicate of line 2', 'B1-1,-5,L3,bad', 'NOPE-1,1,L0,unknown');
    const csv = Buffer.from(lines.join('\r\n') + '\r\n');
    const splitByTrigger = csv.length > threshold;

    let feedId: string;
    let executionName: string;
    if (splitByTrigger) {
      const f = await upload(t.adminKey, 'big.csv', csv);
      feedId = f.feedId;
      executionName = feedId;
    } else {
      // The stack was synthesized with the default 20 MiB threshold (set
      // RESTOCK_FEED_SPLIT_THRESHOLD_BYTES=8192 RESTOCK_FEED_RANGE_BYTES=4096 to go through the
      // trigger): start the workflow as the trigger would.
      const s = await staged(t.tenantId, csv);
      feedId = s.feed.feedId;
      executionName = `${feedId}-rtest`;
      const machine = model.stateMachines.find((m) => m.logicalId.includes('SplitFeed'))!;
      await new SFNClient({}).send(
        new StartExecutionCommand({
          stateMachineArn: machine.arn,
          name: executionName,
          input: JSON.stringify({ run: { tenantId: t.tenantId, feedId, key: s.obj.key, etag: s.obj.etag, size: s.obj.size, runId: 'rtest' }, rangeBytes: 4096 }),
        }),
      );
    }
    const done = await finished(t.adminKey, feedId, 200_000);
    expect(done.feed.status, JSON.stringify(done.feed.error)).toBe('done');
    if (splitByTrigger) expect(done.feed.path).toBe('split');
    const report = await fullReport(t.adminKey, feedId);
    expect(report.path).toBe('split');
    expect(report.ranges).toBeGreaterThan(3);
    expect(report.counts).toEqual({ rowsRead: 1003, applied, unchanged: 1000 - applied, rejected: 3, zeroed: 0 });
    const dupLine = 2 + 1000 + 20; // header line 1, 1,000 rows spanning 20 extra lines, then the duplicate
    expect(report.rejections.map((r) => [r.line, r.code])).toEqual([
      [dupLine, 'duplicate_key'],
      [dupLine + 1, 'negative_quantity'],
      [dupLine + 2, 'unknown_sku'],
    ]);
    expect(report.rejections[0]!.firstLine).toBe(2);
    // The first occurrence wins, as in one pass; everything else is exact.
    for (let p = 0; p < 2; p++) {
      const stock = await stockOf(t.tenantId, `b${p}`);
      for (const [sku, onHand] of Object.entries(stock)) expect(onHand, sku).toEqual(expected[sku]);
    }
    const execution = (await consoleState()).executions.find((e) => e.executionArn.includes(executionName));
    expect(execution?.status).toBe('SUCCEEDED');
    expect(execution?.states).toEqual(expect.arrayContaining(['Plan byte ranges', 'Process ranges', 'Finalize report']));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `feeds/${t.tenantId}/${feedId}/` }));
    expect(listed.Contents?.filter((o) => o.Key!.endsWith('report.json'))).toHaveLength(1);
  });
});

describe('HTTP rows', () => {
  it('applies small updates through the same checks, reporting bad rows by index', async () => {
    const t = await newTenant('Rows Shop');
    await seed(t.tenantId, { r: { 'R-1': { main: 1 }, 'R-2': { main: 2 } } });
    const res = await admin(t.adminKey).POST('/admin/stock/rows', {
      body: { rows: [{ sku: 'R-1', qty: 4 }, { sku: 'R-2', quantity: 2 }, { sku: 'R-3', qty: 1 }, { sku: 'R-1', qty: -2, location: 'store' }, 'nonsense'], location: 'main' },
    });
    expect(res.response.status, JSON.stringify(res.error)).toBe(200);
    expect(res.data!.counts).toEqual({ rowsRead: 5, applied: 1, unchanged: 1, rejected: 3, zeroed: 0 });
    expect(res.data!.rejections.map((r) => [r.row, r.code])).toEqual([
      [2, 'unknown_sku'],
      [3, 'negative_quantity'],
      [4, 'not_an_object'],
    ]);
    expect(await stockOf(t.tenantId, 'r')).toEqual({ 'R-1': { main: 4 }, 'R-2': { main: 2 } });

    const dry = await admin(t.adminKey).POST('/admin/stock/rows', { body: { rows: [{ sku: 'R-2', qty: 0 }], dryRun: true } });
    expect(dry.data).toMatchObject({ dryRun: true, counts: { applied: 1 } });
    expect(await stockOf(t.tenantId, 'r')).toEqual({ 'R-1': { main: 4 }, 'R-2': { main: 2 } });

    const tooMany = await api('POST', '/admin/stock/rows', { key: t.adminKey, body: { rows: Array.from({ length: 1001 }, () => ({ sku: 'R-1', qty: 1 })) } });
    expect(tooMany.status).toBe(400);
  });
});

describe('tenant isolation', () => {
  it("tenant A can neither read B's feeds and reports nor change B's stock", async () => {
    const a = await newTenant('Shop A');
    const b = await newTenant('Shop B');
    await seed(b.tenantId, { bp: { 'BP-1': { main: 5 } } });
    const fb = await upload(b.adminKey, 'b.csv', 'sku,qty\nBP-1,6\n');
    await finished(b.adminKey, fb.feedId);

    expect((await api('GET', `/admin/feeds/${fb.feedId}`, { key: a.adminKey })).status).toBe(404);
    expect((await api('GET', `/admin/feeds/${fb.feedId}/report`, { key: a.adminKey })).status).toBe(404);
    expect((await admin(a.adminKey).GET('/admin/feeds')).data!.feeds).toEqual([]);
    expect((await admin(b.adminKey).GET('/admin/feeds')).data!.feeds.map((f) => [f.feedId, f.status])).toEqual([[fb.feedId, 'done']]);

    // A's upload URL only ever points under A's prefix, and A's rows only reach A's catalog.
    const created = (await admin(a.adminKey).POST('/admin/feeds', { body: { filename: `../../${b.tenantId}/x.csv` } })).data!;
    expect(created.feed.objectKey).toBe(`feeds/${a.tenantId}/${created.feedId}/x.csv`);
    expect(new URL(created.uploadUrl).pathname).toContain(`/feeds/${a.tenantId}/`);
    const rows = await admin(a.adminKey).POST('/admin/stock/rows', { body: { rows: [{ sku: 'BP-1', qty: 0 }] } });
    expect(rows.data!.rejections).toEqual([expect.objectContaining({ code: 'unknown_sku' })]);

    // Objects that reach B's prefix without B's feed record are ignored: A's feed id under B's
    // prefix, a made-up feed id, a malformed key.
    const rt = runtime();
    const cfg = { splitThresholdBytes: 1 << 30, rangeBytes: 1 << 20 };
    for (const key of [feedObjectKey(b.tenantId, created.feedId, 'x.csv'), feedObjectKey(b.tenantId, newFeedId(), 'x.csv'), `feeds/${b.tenantId}/x.csv`, feedObjectKey(b.tenantId, fb.feedId, 'other.csv')]) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'sku,qty\nBP-1,0\n' }));
      expect(await onFeedObjectCreated(rt, { bucket: { name: bucket }, object: { key, sequencer: `0X${Date.now()}` } }, cfg), key).toMatchObject({ outcome: 'ignored' });
    }
    await new Promise((r) => setTimeout(r, 1500)); // the real trigger saw those objects too
    expect(await stockOf(b.tenantId, 'bp')).toEqual({ 'BP-1': { main: 6 } });
    expect((await admin(a.adminKey).GET('/admin/feeds')).data!.feeds.map((f) => f.status)).toEqual(['pending']);
  });
});

describe('CLI', () => {
  function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.resolve('bin/restock.mjs'), ...args], { env: { ...process.env, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('uploads with progress, waits for the report and prints the summary and rejected rows', async () => {
    const t = await newTenant('CLI Shop');
    await seed(t.tenantId, { k: { 'K-1': { main: 1 }, 'K-2': { main: 2 } } });
    const dir = mkdtempSync(path.join(tmpdir(), 'restock-cli-'));
    const file = path.join(dir, 'stock export.csv');
    writeFileSync(file, 'sku,qty\nK-1,5\nK-2,2\nK-2,x\n');
    const r = await cli(['feed', 'upload', file, '--api', ctx.urls.api], { RESTOCK_ADMIN_KEY: t.adminKey });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/Uploading .*100%/);
    expect(r.stdout).toMatch(/rows read 3 · applied 1 · unchanged 1 · rejected 1/);
    expect(r.stdout).toMatch(/line\s+4\s+quantity\s+malformed_number/);
    expect(await stockOf(t.tenantId, 'k')).toEqual({ 'K-1': { main: 5 }, 'K-2': { main: 2 } });

    const bad = await cli(['feed', 'upload', file, '--api', ctx.urls.api, '--key', 'rk_nope'], {});
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/→ 40[13]/);
  });
});
