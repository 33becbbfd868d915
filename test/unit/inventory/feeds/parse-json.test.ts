import { describe, expect, it } from 'vitest';
import { bytes, gzip, parse, rejections, report, rows } from './helpers.js';

describe('parseFeed JSON array', () => {
  it('streams objects with the line where each starts', async () => {
    const json = `[
  {"sku": "A", "quantity": 3, "location": "L1", "extra": {"nested": [1, "}]"]}},
  {
    "SKU": "B",
    "Qty": "4"
  },
  {"sku": 12345, "on_hand": 0, "location_id": null}
]`;
    const p = await parse(json);
    expect(p.info).toMatchObject({ format: 'json', mode: 'delta' });
    expect(rows(p)).toEqual([
      [2, 'A', 'L1', 3],
      [3, 'B', 'DEF', 4],
      [7, '12345', 'DEF', 0],
    ]);
  });

  it('rejects bad elements and goes on', async () => {
    const json = `[{"sku":"A","qty":1},
{"sku":"B","qty":-1},
{"sku":"C","qty":1.5},
{"sku":"D","qty":"x"},
{"sku":"","qty":1},
{"qty":1},
{"sku":"E"},
{"sku":"F","qty":true},
{"sku":{"a":1},"qty":1},
{"sku":"G","qty":1,"quantity":2},
"not an object",
42,
{"sku": bad},
{"sku":"A","qty":2},
{"sku":"H","qty":1e2}]`;
    const p = await parse(json);
    expect(rows(p)).toEqual([
      [1, 'A', 'DEF', 1],
      [15, 'H', 'DEF', 100],
    ]);
    expect(report(p)).toEqual([
      [2, 'negative_quantity', 'quantity'],
      [3, 'non_integer_quantity', 'quantity'],
      [4, 'malformed_number', 'quantity'],
      [5, 'missing_value', 'sku'],
      [6, 'missing_value', 'sku'],
      [7, 'missing_value', 'quantity'],
      [8, 'malformed_number', 'quantity'],
      [9, 'invalid_value', 'sku'],
      [10, 'ambiguous_field', 'quantity'],
      [11, 'not_an_object', 'row'],
      [12, 'not_an_object', 'row'],
      [13, 'malformed_json', 'row'],
      [14, 'duplicate_key', 'sku'],
    ]);
  });

  it('accepts an empty array, BOM and surrounding whitespace', async () => {
    expect((await parse('\ufeff \n [ ] \n')).info).toMatchObject({ format: 'json', rows: 0, done: true });
  });

  it('rejects an element longer than maxLineBytes without holding it', async () => {
    const big = `{"sku":"BIG","qty":1,"pad":"${'p'.repeat(500)}"}`;
    for (const sizes of [[], [3], [50]]) {
      const p = await parse(`[{"sku":"A","qty":1},\n${big},\n{"sku":"B","qty":2}]`, { maxLineBytes: 100 }, sizes);
      expect(rows(p)).toEqual([
        [1, 'A', 'DEF', 1],
        [3, 'B', 'DEF', 2],
      ]);
      expect(report(p)).toEqual([[2, 'line_too_long', 'row']]);
    }
  });

  it('rejects invalid UTF-8 in one element only', async () => {
    const data = Buffer.concat([bytes('[{"sku":"A","qty":1},\n{"sku":"'), Buffer.from([0xc3, 0x28]), bytes('","qty":1},\n{"sku":"C","qty":1}]')]);
    const p = await parse(data);
    expect(rows(p).map((r) => r[1])).toEqual(['A', 'C']);
    expect(report(p)).toEqual([[2, 'invalid_utf8', 'row']]);
  });

  it('throws malformed_json for a broken array structure after yielding the rows before it', async () => {
    const missingComma = await parse('[{"sku":"A","qty":1}\n{"sku":"B","qty":1}]');
    expect(rows(missingComma)).toEqual([[1, 'A', 'DEF', 1]]);
    expect(missingComma.error).toMatchObject({ code: 'malformed_json', line: 2 });
    expect((await parse('[{"sku":"A","qty":1},')).error?.code).toBe('malformed_json');
    expect((await parse('[{"sku":"A","qty":1}')).error?.code).toBe('malformed_json');
    expect((await parse('[{"sku":"A","qty":1},]')).error?.code).toBe('malformed_json');
    expect((await parse('[{"sku":"A","qty":1}] x')).error?.code).toBe('malformed_json');
    expect((await parse('{"sku":"A"}', { format: 'json' })).error?.code).toBe('malformed_json');
  });

  it('takes the mode from the caller', async () => {
    expect((await parse('[]', { mode: 'full' })).info.mode).toBe('full');
  });
});

describe('parseFeed NDJSON', () => {
  it('parses one object per line, CRLF and blank lines included', async () => {
    const p = await parse('{"sku":"A","qty":1}\r\n\r\n{"sku":"B","qty":2,"location":"X"}\r\n  \n{"sku":"C","on_hand":"3"}');
    expect(p.info.format).toBe('ndjson');
    expect(rows(p)).toEqual([
      [1, 'A', 'DEF', 1],
      [3, 'B', 'X', 2],
      [5, 'C', 'DEF', 3],
    ]);
  });

  it('rejects bad lines with their line numbers and goes on', async () => {
    const data = Buffer.concat([
      bytes('{"sku":"A","qty":1}\n{"sku":"B",\n[1,2]\n{"sku":"'),
      Buffer.from([0xff]),
      bytes(`"}\n{"sku":"L","pad":"${'x'.repeat(300)}"}\n{"sku":"A","qty":1}\n{"sku":"Z","qty":-1}\n{"sku":"OK","qty":9}\n`),
    ]);
    for (const sizes of [[], [1], [5, 11]]) {
      const p = await parse(data, { maxLineBytes: 128 }, sizes);
      expect(rows(p)).toEqual([
        [1, 'A', 'DEF', 1],
        [8, 'OK', 'DEF', 9],
      ]);
      expect(report(p)).toEqual([
        [2, 'malformed_json', 'row'],
        [3, 'not_an_object', 'row'],
        [4, 'invalid_utf8', 'row'],
        [5, 'line_too_long', 'row'],
        [6, 'duplicate_key', 'sku'],
        [7, 'negative_quantity', 'quantity'],
      ]);
    }
  });

  it('honours an explicit format over detection', async () => {
    const p = await parse('{"sku":"A","qty":1}\n', { format: 'ndjson' });
    expect(rows(p)).toEqual([[1, 'A', 'DEF', 1]]);
    expect((await parse('sku,qty\nA,1\n', { format: 'ndjson' })).records[0]).toMatchObject({ code: 'malformed_json' });
  });
});

describe('parseFeed gzip', () => {
  it('detects gzip by magic bytes for every format', async () => {
    const csv = await parse(gzip('\ufeffsku;qty\r\nA;1\r\n"B";"2"\r\n'));
    expect(csv.info).toMatchObject({ compressed: true, format: 'csv' });
    expect(rows(csv)).toEqual([
      [2, 'A', 'DEF', 1],
      [3, 'B', 'DEF', 2],
    ]);
    expect(rows(await parse(gzip('[{"sku":"A","qty":1}]')))).toEqual([[1, 'A', 'DEF', 1]]);
    expect(rows(await parse(gzip('{"sku":"A","qty":1}\n'), {}, [1]))).toEqual([[1, 'A', 'DEF', 1]]);
  });

  it('reads concatenated gzip members', async () => {
    const p = await parse(Buffer.concat([gzip('sku,qty\nA,1\n'), gzip('B,2\n')]));
    expect(rows(p).map((r) => r[1])).toEqual(['A', 'B']);
  });

  it('reports a corrupt or truncated gzip stream', async () => {
    const z = gzip(`sku,qty\n${'A,1\n'.repeat(1000)}`);
    const truncated = await parse(z.subarray(0, z.length - 20));
    expect(truncated.error?.code).toBe('invalid_gzip');
    const corrupt = Buffer.from(z);
    corrupt[20] = corrupt[20]! ^ 0xff;
    expect((await parse(corrupt)).error?.code).toBe('invalid_gzip');
  });
});

describe('parseFeed options', () => {
  it('validates options', async () => {
    await expect(parse('', { defaultLocation: '' })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(parse('x', { maxLineBytes: 0 })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(parse('x', { startAtByte: 5 })).rejects.toMatchObject({ code: 'invalid_options' });
  });

  it('slices one huge input chunk and still yields bounded batches', async () => {
    const csv = `sku,qty\n${Array.from({ length: 30_000 }, (_, i) => `SKU-${i},${i % 100}`).join('\n')}\n`;
    const p = await parse(csv, { batchSize: 500 });
    expect(p.info.rows).toBe(30_000);
    expect(p.batches).toBe(60);
    expect(rows(p).at(-1)).toEqual([30_001, 'SKU-29999', 'DEF', 99]);
  });

  it('stops a gzip stream early without hanging', async () => {
    const z = gzip(`sku,qty\n${Array.from({ length: 50_000 }, (_, i) => `S${i},1`).join('\n')}`);
    const { parseFeed } = await import('../../../../shared/inventory/feeds/parse-feed.js');
    const { chunked } = await import('./helpers.js');
    let n = 0;
    for await (const batch of parseFeed(chunked(z, [4096]), { defaultLocation: 'D' })) {
      n += batch.length;
      if (n >= 2000) break;
    }
    expect(n).toBe(2000);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    let pulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield bytes('sku,qty\n');
        for (;;) {
          pulled++;
          yield bytes('A,1\n'.repeat(10).replace(/A/g, () => `S${pulled}-${Math.random()}`));
        }
      } finally {
        closed = true;
      }
    }
    const { parseFeed } = await import('../../../../shared/inventory/feeds/parse-feed.js');
    for await (const batch of parseFeed(source(), { defaultLocation: 'D', batchSize: 5 })) {
      expect(batch.length).toBe(5);
      break;
    }
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(5);
  });
});
