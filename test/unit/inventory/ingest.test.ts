import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { feedIdSchema, newFeedId, parseFeedObjectKey, sanitizeFilename } from '../../../shared/inventory/feeds/feed-record.js';
import { ingestRange, ingestStream, rowIndexOfLine, rowsAsJsonFeed, scanForSplit, type ProductStock, type StockBackend } from '../../../shared/inventory/feeds/ingest.js';
import { chooseIngestionPath } from '../../../shared/inventory/feeds/ingest-runs.js';
import { alignByteRanges, planByteRanges, readFeedHeader } from '../../../shared/inventory/feeds/parse-feed.js';
import { MAX_REPORTED_REJECTIONS, mergeBodies, type ReportBody } from '../../../shared/inventory/feeds/report.js';
import type { StockChange, StockResult } from '../../../shared/inventory/stock.js';

/** The catalog in memory, counting what ingestion reads and writes. */
class MemoryBackend implements StockBackend {
  readonly products = new Map<string, ProductStock>();
  readonly skuIndex = new Map<string, string>();
  locs: Set<string> | null = null;
  /** One per product UpdateItem the real backend would do. */
  productWrites = 0;
  cellWrites = 0;
  applyCalls = 0;
  productReads = 0;
  /** Most cells of one product in one apply call (one UpdateItem in DynamoDB). */
  maxCellsPerProductCall = 0;

  add(productId: string, variants: Record<string, Record<string, number>>): this {
    this.products.set(productId, { productId, variants: Object.fromEntries(Object.entries(variants).map(([sku, onHand]) => [sku, { onHand: { ...onHand } }])) });
    for (const sku of Object.keys(variants)) this.skuIndex.set(sku, productId);
    return this;
  }

  stock(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const p of this.products.values()) for (const [sku, v] of Object.entries(p.variants)) out[sku] = { ...v.onHand };
    return out;
  }

  async resolveSkus(skus: string[]) {
    return new Map(skus.filter((s) => this.skuIndex.has(s)).map((s) => [s, this.skuIndex.get(s)!]));
  }

  async loadProducts(ids: string[]) {
    this.productReads += ids.length;
    return new Map(ids.filter((id) => this.products.has(id)).map((id) => [id, structuredClone(this.products.get(id)!)]));
  }

  async apply(changes: StockChange[]): Promise<StockResult> {
    this.applyCalls++;
    const perProduct = new Map<string, number>();
    for (const c of changes) perProduct.set(this.skuIndex.get(c.sku) ?? '', (perProduct.get(this.skuIndex.get(c.sku) ?? '') ?? 0) + 1);
    this.maxCellsPerProductCall = Math.max(this.maxCellsPerProductCall, ...perProduct.values());
    const r: StockResult = { applied: 0, unchanged: 0, unknownSkus: [], transitions: [], available: {} };
    const touched = new Set<string>();
    for (const c of changes) {
      const pid = this.skuIndex.get(c.sku);
      const v = pid ? this.products.get(pid)?.variants[c.sku] : undefined;
      if (!pid || !v) {
        r.unknownSkus.push(c.sku);
        continue;
      }
      v.onHand ??= {};
      const before = v.onHand[c.locationId] ?? 0;
      if (c.set === before && v.onHand[c.locationId] !== undefined) {
        r.unchanged++;
        continue;
      }
      v.onHand[c.locationId] = c.set!;
      r.applied++;
      this.cellWrites++;
      touched.add(pid);
      if (before === 0 && c.set! > 0) r.transitions.push({ productId: pid, sku: c.sku, from: 'out_of_stock', to: 'in_stock', available: c.set!, seq: 1 });
    }
    this.productWrites += touched.size;
    return r;
  }

  async *listProducts() {
    const all = [...this.products.values()].map((p) => structuredClone(p));
    for (let i = 0; i < all.length; i += 2) yield all.slice(i, i + 2);
  }

  async locations() {
    return this.locs;
  }
}

async function* once(buf: Uint8Array) {
  yield buf;
}
async function* chunks(buf: Uint8Array, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
const csv = (text: string) => Buffer.from(text, 'utf8');
const run = (b: StockBackend, data: Uint8Array, opts: Partial<Parameters<typeof ingestStream>[2]> = {}) =>
  ingestStream(b, chunks(data, 7), { defaultLocation: 'main', dryRun: false, ...opts });

const catalog = () =>
  new MemoryBackend()
    .add('shoe', { 'SH-40': { main: 5 }, 'SH-41': { main: 0 }, 'SH-42': { main: 3, store: 2 } })
    .add('bag', { 'BG-1': { main: 10 }, 'BG-2': {} });

describe('diff and apply', () => {
  it('writes only rows whose quantity changes; an identical second pass writes nothing', async () => {
    const b = catalog();
    const file = csv('sku,qty,location\nSH-40,5,main\nSH-41,4,main\nSH-42,3,main\nBG-1,9,\nBG-2,0,main\n');
    const first = await run(b, file);
    expect(first.body.counts).toEqual({ rowsRead: 5, applied: 2, unchanged: 3, rejected: 0, zeroed: 0 });
    expect(b.stock()['SH-41']).toEqual({ main: 4 });
    expect(b.stock()['BG-1']).toEqual({ main: 9 });
    // An absent location holds 0 units: setting it to 0 is no change.
    expect(b.stock()['BG-2']).toEqual({});
    expect(b.cellWrites).toBe(2);

    const writesBefore = { calls: b.applyCalls, cells: b.cellWrites };
    const second = await run(b, file);
    expect(second.body.counts).toEqual({ rowsRead: 5, applied: 0, unchanged: 5, rejected: 0, zeroed: 0 });
    expect(second.body.events).toBe(0);
    expect({ calls: b.applyCalls, cells: b.cellWrites }).toEqual(writesBefore);
  });

  it('reports unknown SKUs and bad or unknown locations with line and field, and applies the good rows', async () => {
    const b = catalog();
    b.locs = new Set(['main', 'store']);
    const file = csv('sku,quantity,location\nSH-40,6,main\nNOPE,1,main\nSH-41,2,warehouse-9\nSH-42,1,bad location\nBG-1,-3,main\nBG-1,7,store\n');
    const o = await run(b, file);
    expect(o.body.counts).toEqual({ rowsRead: 6, applied: 2, unchanged: 0, rejected: 4, zeroed: 0 });
    expect(o.body.rejections.map((r) => [r.line, r.field, r.code])).toEqual([
      [3, 'sku', 'unknown_sku'],
      [4, 'location', 'unknown_location'],
      [5, 'location', 'invalid_location'],
      [6, 'quantity', 'negative_quantity'],
    ]);
    expect(o.body.rejectedByCode).toEqual({ unknown_sku: 1, unknown_location: 1, invalid_location: 1, negative_quantity: 1 });
    expect(b.stock()['SH-40']).toEqual({ main: 6 });
    expect(b.stock()['BG-1']).toEqual({ main: 10, store: 7 });
  });

  it('writes a product with many changed cells in slices small enough for one UpdateItem each', async () => {
    const variants: Record<string, Record<string, number>> = {};
    const lines = ['sku,qty,location'];
    for (let v = 0; v < 50; v++) {
      variants[`W-${v}`] = {};
      for (const loc of ['a', 'b', 'c', 'd']) lines.push(`W-${v},${v + 1},${loc}`);
    }
    const b = new MemoryBackend().add('wide', variants);
    const o = await run(b, csv(lines.join('\n')));
    expect(o.body.counts.applied).toBe(200);
    expect(b.stock()['W-49']).toEqual({ a: 50, b: 50, c: 50, d: 50 });
    expect(b.maxCellsPerProductCall).toBeLessThanOrEqual(60);
    expect(b.applyCalls).toBeGreaterThanOrEqual(4);
  });

  it('counts events only for transitions that have one', async () => {
    const b = catalog();
    const o = await run(b, csv('sku,qty\nSH-41,3\n'));
    expect(o.body.transitions).toBe(1);
    expect(o.body.events).toBe(1);
  });

  it('dry run: diffs and counts what would change, writes nothing', async () => {
    const b = catalog();
    const o = await run(b, csv('sku,qty\nSH-40,1\nSH-41,0\nNOPE,2\n'), { dryRun: true, mode: 'full' });
    expect(o.body.counts).toEqual({ rowsRead: 3, applied: 1, unchanged: 1, rejected: 1, zeroed: 3 });
    expect(b.applyCalls).toBe(0);
    expect(b.stock()).toEqual(catalog().stock());
  });

  it('accepts JSON arrays, NDJSON and gzip with the same results', async () => {
    const rows = [
      { sku: 'SH-40', qty: 1 },
      { sku: 'BG-1', quantity: 2, location: 'store' },
    ];
    const expected = { 'SH-40': { main: 1 }, 'BG-1': { main: 10, store: 2 } };
    for (const data of [csv(JSON.stringify(rows)), csv(rows.map((r) => JSON.stringify(r)).join('\n')), gzipSync(csv('sku,qty,location\nSH-40,1,\nBG-1,2,store\n'))]) {
      const b = catalog();
      const o = await run(b, data);
      expect(o.body.counts.applied).toBe(2);
      expect({ 'SH-40': b.stock()['SH-40'], 'BG-1': b.stock()['BG-1'] }).toEqual(expected);
    }
  });

  it('keeps the rows before a file-level error and says where it stopped', async () => {
    const b = catalog();
    const o = await run(b, csv('[{"sku":"SH-40","qty":1},{"sku":"BG-1","qty":2}'), { mode: 'full' });
    expect(o.fileError?.code).toBe('malformed_json');
    expect(b.stock()['SH-40']).toEqual({ main: 1 });
    expect(o.snapshot?.skipped).toMatch(/could not be read to its end/);
    expect(b.stock()['SH-42']).toEqual({ main: 3, store: 2 });
  });

  it('after a crash mid-file, a rerun ends in the same state as one clean run and writes only what is left', async () => {
    const lines = ['sku,qty,location'];
    const b = new MemoryBackend();
    const clean = new MemoryBackend();
    for (let p = 0; p < 10; p++) {
      const variants: Record<string, Record<string, number>> = {};
      for (let v = 0; v < 10; v++) variants[`P${p}-${v}`] = { main: 1 };
      b.add(`p${p}`, variants);
      clean.add(`p${p}`, variants);
      for (let v = 0; v < 10; v++) lines.push(`P${p}-${v},${(p * 10 + v) % 7},main`);
    }
    lines.push('P0-0,9,main', 'GHOST,1,main');
    const file = csv(lines.join('\n') + '\n');
    await expect(run(b, file, { batchSize: 10, afterBatch: (n) => { if (n === 4) throw new Error('simulated crash'); } })).rejects.toThrow('simulated crash');
    const cellsAfterCrash = b.cellWrites;
    expect(cellsAfterCrash).toBeGreaterThan(0);

    const retry = await run(b, file, { batchSize: 10 });
    const reference = await run(clean, file, { batchSize: 10 });
    expect(b.stock()).toEqual(clean.stock());
    expect(retry.body.counts.rowsRead).toBe(reference.body.counts.rowsRead);
    expect(retry.body.counts.rejected).toBe(2); // the duplicate P0-0 and GHOST
    expect(retry.body.counts.applied + cellsAfterCrash).toBe(reference.body.counts.applied);
    expect(retry.body.counts.applied + retry.body.counts.unchanged).toBe(reference.body.counts.applied + reference.body.counts.unchanged);
  });
});

describe('batches in flight', () => {
  it('several batches at once end in the same state and report as one at a time', async () => {
    const make = () => {
      const b = new MemoryBackend();
      for (let p = 0; p < 30; p++) {
        const variants: Record<string, Record<string, number>> = {};
        for (let v = 0; v < 5; v++) variants[`Q${p}-${v}`] = { a: 1, b: 2 };
        b.add(`q${p}`, variants);
      }
      return b;
    };
    const lines = ['sku,qty,location'];
    for (let p = 0; p < 30; p++) for (let v = 0; v < 5; v++) for (const loc of ['a', 'b', 'c']) lines.push(`Q${p}-${v},${(p + v) % 4},${loc}`);
    for (let i = 0; i < 40; i += 3) lines.splice(5 + i * 7, 0, `BAD${i},1,a`);
    const file = csv(lines.join('\n'));
    const one = make();
    const sequential = await run(one, file, { batchSize: 7, parallelBatches: 1 });
    const many = make();
    const parallel = await run(many, file, { batchSize: 7, parallelBatches: 6 });
    expect(many.stock()).toEqual(one.stock());
    expect(parallel.body.counts).toEqual(sequential.body.counts);
    expect(parallel.body.rejections).toEqual(sequential.body.rejections);
    expect(parallel.body.rejections.map((r) => r.line)).toEqual([...parallel.body.rejections.map((r) => r.line)].sort((a, b) => a - b));
  });
});

describe('full snapshots', () => {
  it('zeroes every SKU×location the file does not name, at every location', async () => {
    const b = catalog();
    const o = await run(b, csv('# restock: mode=full\nsku,qty,location\nSH-40,5,main\nSH-42,4,main\n'));
    expect(o.info.mode).toBe('full');
    expect(o.snapshot).toEqual({ zeroed: 2 });
    expect(o.body.counts.zeroed).toBe(2);
    expect(b.stock()).toEqual({ 'SH-40': { main: 5 }, 'SH-41': { main: 0 }, 'SH-42': { main: 4, store: 0 }, 'BG-1': { main: 0 }, 'BG-2': {} });
  });

  it('spares pairs named by rejected rows whose SKU and location could be read', async () => {
    const b = catalog();
    const o = await run(b, csv('sku,qty,location\nSH-40,5,main\nBG-1,-1,main\nSH-42,abc,store\n'), { mode: 'full' });
    expect(o.snapshot?.skipped).toBeUndefined();
    expect(b.stock()['BG-1']).toEqual({ main: 10 });
    expect(b.stock()['SH-42']).toEqual({ main: 0, store: 2 });
  });

  it('skips zeroing when a rejected row cannot be tied to a SKU, or when nothing valid was read', async () => {
    const b = catalog();
    const o = await run(b, csv('sku,qty,location\nSH-40,5,main\n,3,main\n'), { mode: 'full' });
    expect(o.snapshot?.zeroed).toBe(0);
    expect(o.snapshot?.skipped).toMatch(/line 3, missing_value/);
    expect(b.stock()['BG-1']).toEqual({ main: 10 });

    const empty = await run(b, csv('sku,qty\n'), { mode: 'full' });
    expect(empty.snapshot?.skipped).toMatch(/no valid rows/);
    expect(b.stock()['BG-1']).toEqual({ main: 10 });
  });
});

describe('split runs agree with one pass', () => {
  // Quoted multi-line cells, CRLF, a BOM, bad rows, and a SKU repeated far away (another range).
  function bigCsv(): { data: Buffer; backend: () => MemoryBackend } {
    const out = ['\uFEFFsku;qty;location;note'];
    const make = () => {
      const b = new MemoryBackend();
      for (let p = 0; p < 20; p++) {
        const variants: Record<string, Record<string, number>> = {};
        for (let v = 0; v < 10; v++) variants[`S${p}-${v}`] = { main: 2, store: 1 };
        b.add(`p${p}`, variants);
      }
      return b;
    };
    for (let p = 0; p < 20; p++) {
      for (let v = 0; v < 10; v++) {
        const note = v % 4 === 0 ? `"multi\nline; ""quoted"""` : `plain ${p}`;
        out.push(`S${p}-${v};${(p + v) % 5};main;${note}`);
        if (v % 3 === 0) out.push(`S${p}-${v};${v};store;x`);
      }
      if (p % 6 === 5) out.push(`S${p}-1;-4;main;bad`, `UNKNOWN-${p};1;main;x`, `S${p}-2;1.5;main;x`);
    }
    out.push('S0-1;4;main;late duplicate', 'S3-3;9;main;late duplicate');
    return { data: Buffer.from(out.join('\r\n') + '\r\n', 'utf8'), backend: make };
  }

  for (const rangeBytes of [97, 512, 1500]) {
    it(`byte ranges of ${rangeBytes} B: same stock, counts and rejected lines`, async () => {
      const { data, backend } = bigCsv();
      const single = backend();
      const reference = await ingestStream(single, once(data), { defaultLocation: 'main', dryRun: false });

      const split = backend();
      const header = readFeedHeader(data.subarray(0, 4096), { eof: data.length <= 4096 });
      const ranges = await alignByteRanges(chunks(data, 333), planByteRanges(data.length, rangeBytes), { header });
      expect(ranges.length).toBeGreaterThan(1);
      const scan = await scanForSplit(chunks(data, 1000), { defaultLocation: 'main', format: header.format, ranges });
      expect(scan.crossDuplicates.length).toBeGreaterThan(0);
      const parts: ReportBody[] = [];
      // Ranges run in any order in the Map: reverse them to prove it does not matter.
      for (const r of [...ranges].reverse()) {
        const next = ranges[r.index + 1];
        const dups = new Map(scan.crossDuplicates.filter(([line]) => line >= r.startLine && (!next || line < next.startLine)));
        const o = await ingestRange(split, chunks(data.subarray(r.startAtByte, r.endAtByte), 50), { defaultLocation: 'main', header, range: r, dryRun: false, crossDuplicates: dups });
        parts[r.index] = o.body;
      }
      const merged = mergeBodies(parts);
      expect(split.stock()).toEqual(single.stock());
      expect(merged.counts).toEqual(reference.body.counts);
      expect(merged.rejections.map((r) => [r.line, r.code])).toEqual(reference.body.rejections.map((r) => [r.line, r.code]));
      expect(merged.counts.rowsRead).toBe(scan.info.rows + scan.info.rejected);
    });
  }
});

describe('report', () => {
  it('caps the detailed list and keeps counts exact', async () => {
    const b = catalog();
    const n = MAX_REPORTED_REJECTIONS + 57;
    const o = await run(b, csv(`sku,qty\n${Array.from({ length: n }, (_, i) => `X${i},1`).join('\n')}\nSH-40,1\n`));
    expect(o.body.counts.rejected).toBe(n);
    expect(o.body.rejections).toHaveLength(MAX_REPORTED_REJECTIONS);
    expect(o.body.rejectionsTruncated).toBe(true);
    expect(o.body.rejections.at(-1)!.line).toBe(MAX_REPORTED_REJECTIONS + 1);
    expect(b.stock()['SH-40']).toEqual({ main: 1 });
  });

  it('merges parts in range order and caps across them', () => {
    const part = (lines: number[]): ReportBody => ({
      counts: { rowsRead: lines.length + 1, applied: 1, unchanged: 0, rejected: lines.length, zeroed: 0 },
      rejectedByCode: { unknown_sku: lines.length },
      rejections: lines.map((line) => ({ line, field: 'sku', code: 'unknown_sku', reason: 'x' })),
      rejectionsTruncated: false,
      transitions: 1,
      events: 1,
    });
    const big = Array.from({ length: MAX_REPORTED_REJECTIONS - 1 }, (_, i) => i + 2);
    const m = mergeBodies([part([1]), part(big), part([20_000, 20_001])]);
    expect(m.counts).toEqual({ rowsRead: big.length + 6, applied: 3, unchanged: 0, rejected: big.length + 3, zeroed: 0 });
    expect(m.rejections).toHaveLength(MAX_REPORTED_REJECTIONS);
    expect(m.rejections[0]!.line).toBe(1);
    expect(m.rejectionsTruncated).toBe(true);
    expect(m.events).toBe(3);
  });
});

describe('keys, names and paths', () => {
  it('reads tenant, feed and file from upload keys only', () => {
    const feedId = newFeedId();
    expect(feedIdSchema.parse(feedId)).toBe(feedId);
    expect(parseFeedObjectKey(`feeds/tabcdefghij12/${feedId}/stock.csv`)).toEqual({ tenantId: 'tabcdefghij12', feedId, filename: 'stock.csv' });
    for (const bad of [
      `feeds/tabcdefghij12/${feedId}/report.json`,
      `feeds/tabcdefghij12/${feedId}/sub/stock.csv`,
      `feeds/tabcdefghij12/${feedId}/../x.csv`,
      `feeds/TABC/${feedId}/x.csv`,
      `feeds/tabcdefghij12/notafeed/x.csv`,
      `reports/tabcdefghij12/${feedId}/x.csv`,
      'feeds/x.csv',
    ]) {
      expect(parseFeedObjectKey(bad), bad).toBeUndefined();
    }
  });

  it('feed ids sort by creation time', () => {
    const a = newFeedId(1_700_000_000_000);
    const b = newFeedId(1_700_000_000_001);
    expect(a < b).toBe(true);
  });

  it('sanitizes file names into safe key segments, never the report name', () => {
    expect(sanitizeFilename('C:\\exports\\Stock Export (1).csv')).toBe('Stock_Export_1_.csv');
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('report.json')).toBe('feed-report.json');
    expect(sanitizeFilename('...')).toBe('feed');
    const long = sanitizeFilename(`${'a'.repeat(300)}.csv.gz`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('.csv.gz')).toBe(true);
    expect(parseFeedObjectKey(`feeds/tabcdefghij12/${newFeedId()}/${long}`)).toBeDefined();
  });

  it('splits only large, uncompressed CSV or NDJSON', () => {
    const big = 100;
    expect(chooseIngestionPath(50, csv('sku,qty\n'), big).path).toBe('single');
    expect(chooseIngestionPath(500, csv('sku,qty\n'), big).path).toBe('split');
    expect(chooseIngestionPath(500, csv('\uFEFF \n{"sku":"a"}'), big).path).toBe('split');
    expect(chooseIngestionPath(500, csv('\uFEFF  \r\n[{"sku":"a"}'), big).path).toBe('single');
    expect(chooseIngestionPath(500, gzipSync(csv('sku,qty\n')), big).path).toBe('single');
    expect(chooseIngestionPath(500, csv('sku,qty\n'), big, 'json').path).toBe('single');
  });

  it('HTTP rows become a JSON array with one row per line', async () => {
    const rows = [{ sku: 'SH-40', qty: 2 }, 'not an object', { sku: 'BG-1', quantity: -1 }, { sku: 'SH-40', qty: 3 }];
    const b = catalog();
    const o = await ingestStream(b, once(rowsAsJsonFeed(rows)), { defaultLocation: 'main', format: 'json', dryRun: false });
    expect(o.body.rejections.map((r) => [rowIndexOfLine(r.line), r.code])).toEqual([
      [1, 'not_an_object'],
      [2, 'negative_quantity'],
      [3, 'duplicate_key'],
    ]);
    expect(b.stock()['SH-40']).toEqual({ main: 2 });
  });
});
