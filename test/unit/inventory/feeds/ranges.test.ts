import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FeedHeader,
  type FeedRange,
  type FeedRecord,
  alignByteRanges,
  planByteRanges,
  readFeedHeader,
} from '../../../../shared/inventory/feeds/parse-feed.js';
import { chunkSizes, csvFile, ndjsonFile } from './arbitraries.js';
import { bytes, chunked, gzip, parse, rows } from './helpers.js';

const RUNS = Number(process.env.FEED_FC_RUNS ?? 300);

async function parseRanges(
  file: Buffer,
  header: FeedHeader,
  ranges: FeedRange[],
  opts: { maxLineBytes?: number; openEnded?: boolean; sizes?: number[] } = {},
): Promise<FeedRecord[]> {
  const out: FeedRecord[] = [];
  for (const r of ranges) {
    // Open-ended sources check that a range stops by itself at endAtByte.
    const src = opts.openEnded ? file.subarray(r.startAtByte) : file.subarray(r.startAtByte, r.endAtByte);
    const p = await parse(
      src,
      {
        dedupe: false,
        maxLineBytes: opts.maxLineBytes,
        header,
        startAtByte: r.startAtByte,
        endAtByte: r.endAtByte,
        startLine: r.startLine,
      },
      opts.sizes,
    );
    expect(p.error).toBeUndefined();
    out.push(...p.records);
  }
  return out;
}

describe('planByteRanges', () => {
  it('covers [0, total) with contiguous ranges', () => {
    expect(planByteRanges(10, 4)).toEqual([
      { index: 0, startAtByte: 0, endAtByte: 4 },
      { index: 1, startAtByte: 4, endAtByte: 8 },
      { index: 2, startAtByte: 8, endAtByte: 10 },
    ]);
    expect(planByteRanges(0, 4)).toEqual([{ index: 0, startAtByte: 0, endAtByte: 0 }]);
    expect(() => planByteRanges(10, 0)).toThrow(/chunkBytes/);
  });
});

describe('readFeedHeader', () => {
  it('reads BOM, directive and header of a CSV', () => {
    const h = readFeedHeader(bytes('\ufeff# restock: mode=full\r\nSKU;Qty;Location\r\nA;1;L\r\n'));
    expect(h).toEqual({
      format: 'csv',
      delimiter: ';',
      columns: ['sku', 'qty', 'location'],
      mode: 'full',
      dataStartByte: 3 + '# restock: mode=full\r\nSKU;Qty;Location\r\n'.length,
      dataStartLine: 3,
    });
  });

  it('needs the whole header, or eof', () => {
    expect(() => readFeedHeader(bytes('sku,qty'))).toThrow(expect.objectContaining({ code: 'invalid_header' }));
    expect(readFeedHeader(bytes('sku,qty'), { eof: true }).dataStartByte).toBe(7);
  });

  it('knows NDJSON and refuses gzip', () => {
    expect(readFeedHeader(bytes('\ufeff{"sku":"A"}\n'))).toEqual({ format: 'ndjson', dataStartByte: 3, dataStartLine: 1 });
    expect(() => readFeedHeader(gzip('sku,qty\n'))).toThrow(expect.objectContaining({ code: 'unsupported_range' }));
  });
});

describe('alignByteRanges + ranged parseFeed', () => {
  const csv = 'sku,qty,note\nA,1,"x\ny"\nB,2,z\nC,3,"p,q"\nD,4,w\n';

  it('moves starts to record boundaries outside quotes, with absolute line numbers', async () => {
    const file = bytes(csv);
    const header = readFeedHeader(file);
    const ranges = await alignByteRanges(chunked(file), planByteRanges(file.length, 8), { header });
    // Nominal starts 0, 8, 16, 24, 32, 40: 8 is in the header, 16 inside "x\ny", 40 past the
    // last record start (empty, dropped).
    expect(ranges).toEqual([
      { index: 0, startAtByte: 0, endAtByte: 13, startLine: 1 },
      { index: 1, startAtByte: 13, endAtByte: 23, startLine: 2 },
      { index: 2, startAtByte: 23, endAtByte: 29, startLine: 4 },
      { index: 3, startAtByte: 29, endAtByte: 39, startLine: 5 },
      { index: 4, startAtByte: 39, endAtByte: 45, startLine: 6 },
    ]);
    const single = await parse(file, { dedupe: false });
    expect(await parseRanges(file, header, ranges)).toEqual(single.records);
    expect(rows(single).map((r) => r[0])).toEqual([2, 4, 5, 6]);
  });

  it('drops ranges swallowed by one long record and keeps the rest', async () => {
    const file = bytes(`sku,qty,note\nA,1,"${'n\n'.repeat(20)}"\nB,2,x\n`);
    const header = readFeedHeader(file);
    const ranges = await alignByteRanges(chunked(file, [3]), planByteRanges(file.length, 5), { header });
    expect(ranges.map((r) => r.startLine)).toEqual([1, 2, 23]);
    expect(await parseRanges(file, header, ranges)).toEqual((await parse(file, { dedupe: false })).records);
  });

  it('refuses gzip and JSON arrays', async () => {
    const h = readFeedHeader(bytes('sku,qty\n'));
    await expect(alignByteRanges(chunked(gzip('sku,qty\n')), planByteRanges(30, 10), { header: h })).rejects.toMatchObject({
      code: 'unsupported_range',
    });
    const j = readFeedHeader(bytes('[{"sku":"A","qty":1}]'));
    await expect(alignByteRanges(chunked(bytes('[]')), planByteRanges(2, 1), { header: j })).rejects.toMatchObject({
      code: 'unsupported_range',
    });
    expect((await parse(gzip('sku,qty\n'), { endAtByte: 5 })).error?.code).toBe('unsupported_range');
  });

  it('requires header and startLine for a start > 0', async () => {
    const header = readFeedHeader(bytes(csv));
    await expect(parse('B,2,z\n', { startAtByte: 23, header })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(parse('B,2,z\n', { startAtByte: 5, startLine: 2, header })).rejects.toMatchObject({ code: 'invalid_options' });
    const p = await parse('B,2,z\n', { startAtByte: 23, startLine: 4, header });
    expect(rows(p)).toEqual([[4, 'B', 'DEF', 2]]);
    expect(p.info).toMatchObject({ format: 'csv', header });
  });

  it('property: the union of all ranges equals a single pass (CSV, boundaries anywhere, quoted newlines included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvFile,
        fc.integer({ min: 1, max: 120 }),
        chunkSizes,
        fc.boolean(),
        fc.constantFrom(undefined, 40),
        async (f, chunkBytes, sizes, openEnded, maxLineBytes) => {
          const file = f.bytes;
          const single = await parse(file, { dedupe: false, maxLineBytes });
          if (single.error) {
            // Header-level problems (header longer than maxLineBytes) surface before any range.
            expect(() => readFeedHeader(file, { eof: true, maxLineBytes })).toThrow();
            return;
          }
          const header = readFeedHeader(file, { eof: true, maxLineBytes });
          const ranges = await alignByteRanges(chunked(file, sizes), planByteRanges(file.length, chunkBytes), { header });
          expect(ranges[0]!.startAtByte).toBe(0);
          ranges.forEach((r, i) => {
            expect(r.index).toBe(i);
            expect(r.endAtByte).toBe(ranges[i + 1]?.startAtByte ?? file.length);
          });
          expect(await parseRanges(file, header, ranges, { maxLineBytes, openEnded, sizes })).toEqual(single.records);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('property: the union of all ranges equals a single pass (NDJSON)', async () => {
    await fc.assert(
      fc.asyncProperty(ndjsonFile, fc.integer({ min: 1, max: 120 }), chunkSizes, fc.boolean(), async (file, chunkBytes, sizes, openEnded) => {
        const single = await parse(file, { dedupe: false, maxLineBytes: 64 });
        const header = readFeedHeader(file, { eof: true });
        const ranges = await alignByteRanges(chunked(file, sizes), planByteRanges(file.length, chunkBytes), { header });
        expect(await parseRanges(file, header, ranges, { maxLineBytes: 64, openEnded, sizes })).toEqual(single.records);
      }),
      { numRuns: RUNS },
    );
  });
});
