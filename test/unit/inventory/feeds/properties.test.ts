import { parse as csvParse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenKeys } from '../../../../shared/inventory/feeds/seen-keys.js';
import { chunkSizes, csvFile, jsonArrayFile, ndjsonFile, validCsvFile } from './arbitraries.js';
import { gzip, parse, rows } from './helpers.js';

// FEED_FC_RUNS=5000 for a deeper soak.
const RUNS = Number(process.env.FEED_FC_RUNS ?? 300);

describe('random chunking of the input stream gives identical output', () => {
  const same = async (file: Buffer, sizes: number[], opts = {}): Promise<void> => {
    const whole = await parse(file, opts);
    const cut = await parse(file, opts, sizes);
    expect(cut.records).toEqual(whole.records);
    expect(cut.error).toEqual(whole.error);
    expect(cut.info).toEqual(whole.info);
  };

  it('CSV', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, chunkSizes, fc.constantFrom(undefined, 40), (f, sizes, maxLineBytes) =>
        same(f.bytes, sizes, { maxLineBytes }),
      ),
      { numRuns: RUNS },
    );
  });

  it('NDJSON', async () => {
    await fc.assert(
      fc.asyncProperty(ndjsonFile, chunkSizes, fc.constantFrom(undefined, 64), (f, sizes, maxLineBytes) => same(f, sizes, { maxLineBytes })),
      { numRuns: RUNS },
    );
  });

  it('JSON array', async () => {
    await fc.assert(
      fc.asyncProperty(jsonArrayFile, chunkSizes, fc.constantFrom(undefined, 64), (f, sizes, maxLineBytes) => same(f, sizes, { maxLineBytes })),
      { numRuns: RUNS },
    );
  });

  it('gzip (cut inside the compressed stream)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvFile.map((f) => f.bytes), ndjsonFile, jsonArrayFile), chunkSizes, async (f, sizes) => {
        const z = gzip(f);
        const plain = await parse(f);
        const cut = await parse(z, {}, sizes);
        expect(cut.records).toEqual(plain.records);
        expect(cut.error).toEqual(plain.error);
        expect(cut.info).toEqual({ ...plain.info, compressed: true });
      }),
      { numRuns: 100 },
    );
  });
});

describe('CSV agrees with an independent parser (csv-parse) on well-formed files', () => {
  it('same values, and line numbers where each record starts', async () => {
    await fc.assert(
      fc.asyncProperty(validCsvFile, chunkSizes, async (f, sizes) => {
        const ours = await parse(f.bytes, { dedupe: false }, sizes);
        expect(ours.error).toBeUndefined();
        const theirs = csvParse(f.bytes, { delimiter: f.delim, bom: true, skip_empty_lines: false, columns: true }) as Record<
          string,
          string
        >[];
        const expected = theirs.map((r, i) => {
          const get = (...names: string[]): string => {
            const k = Object.keys(r).find((key) => names.includes(key.trim().toLowerCase()));
            return k === undefined ? '' : r[k]!.trim();
          };
          return [f.goodLines[i], get('sku'), get('location', 'location_id') || 'DEF', Number(get('qty', 'quantity', 'on_hand'))];
        });
        expect(rows(ours)).toEqual(expected);
        expect(ours.info.rejected).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('duplicate detection', () => {
  it('SeenKeys behaves like a Map of first lines', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B', 'AB', '', 'é'), fc.constantFrom('L', 'LL', 'BL', '')), { maxLength: 200 }), (keys) => {
        const seen = new SeenKeys(16);
        const ref = new Map<string, number>();
        keys.forEach(([sku, loc], i) => {
          const line = i + 1;
          const k = `${sku}\u0000${loc}`;
          expect(seen.check(sku, loc, line)).toBe(ref.get(k) ?? 0);
          if (!ref.has(k)) ref.set(k, line);
        });
        expect(seen.size).toBe(ref.size);
      }),
    );
  });

  it('holds 300k distinct keys without false duplicates in ~12 bytes a slot', () => {
    const seen = new SeenKeys();
    let falseDuplicates = 0;
    for (let i = 1; i <= 300_000; i++) if (seen.check(`SKU-${i}`, `WH-${i % 7}`, i) !== 0) falseDuplicates++;
    expect(falseDuplicates).toBe(0);
    expect(seen.check('SKU-123', `WH-${123 % 7}`, 1e6)).toBe(123);
    expect(seen.bytes).toBeLessThanOrEqual(2 ** 19 * 12);
  });
});
