import { describe, expect, it } from 'vitest';
import { parse, rejections, report, rows } from './helpers.js';

describe('parseFeed CSV', () => {
  it('parses a plain comma file with default location and ignored columns', async () => {
    const p = await parse('sku,quantity,location,name\nA-1,5,WH1,Shirt\nB-2,0,,Hat\n', { defaultLocation: 'MAIN' });
    expect(rows(p)).toEqual([
      [2, 'A-1', 'WH1', 5],
      [3, 'B-2', 'MAIN', 0],
    ]);
    expect(p.info).toMatchObject({ format: 'csv', mode: 'delta', compressed: false, rows: 2, rejected: 0, done: true });
    expect(p.info.header).toMatchObject({ delimiter: ',', columns: ['sku', 'quantity', 'location', 'name'], dataStartLine: 2 });
  });

  it('accepts header aliases, case and padding (qty, on_hand, location_id, "On Hand")', async () => {
    expect(rows(await parse(' SKU , Qty ,Location_ID\nA,1,L\n'))).toEqual([[2, 'A', 'L', 1]]);
    expect(rows(await parse('sku,On Hand\nA,7\n'))).toEqual([[2, 'A', 'DEF', 7]]);
    expect(rows(await parse('Sku,on_hand,location-id\nA,7,X\n'))).toEqual([[2, 'A', 'X', 7]]);
  });

  it('strips a UTF-8 BOM', async () => {
    const p = await parse('\ufeffsku,qty\nA,1\n');
    expect(rows(p)).toEqual([[2, 'A', 'DEF', 1]]);
    expect(p.info.header?.dataStartByte).toBe(3 + 'sku,qty\n'.length);
  });

  it('handles CRLF line endings (no CR leaks into values)', async () => {
    const p = await parse('sku,qty,location\r\nA,1,L1\r\nB,2,\r\n"C","3","L3"\r\n');
    expect(rows(p)).toEqual([
      [2, 'A', 'L1', 1],
      [3, 'B', 'DEF', 2],
      [4, 'C', 'L3', 3],
    ]);
  });

  it('auto-detects ";" (European Excel) from the header', async () => {
    const p = await parse('sku;quantity;location;note\nA;4;L;a, b, c\nB;5;;x\n');
    expect(p.info.header?.delimiter).toBe(';');
    expect(rows(p)).toEqual([
      [2, 'A', 'L', 4],
      [3, 'B', 'DEF', 5],
    ]);
  });

  it('handles quoted fields with embedded delimiter, quotes and newlines; line = record start', async () => {
    const csv = [
      'sku,qty,note,location',
      '"A,1",1,"said ""hi""",L',
      'B,2,"line one',
      'line two',
      'line three",L',
      '"C ""x""",3,"",L',
      'D,4,"a;b\r\nc",L',
      '',
    ].join('\n');
    const p = await parse(csv);
    expect(rows(p)).toEqual([
      [2, 'A,1', 'L', 1],
      [3, 'B', 'L', 2],
      [6, 'C "x"', 'L', 3],
      [7, 'D', 'L', 4],
    ]);
  });

  it('keeps bytes after a closing quote and treats a mid-field quote as a literal', async () => {
    const p = await parse('sku,qty\n"12" pipe,1\nab"c,2\n');
    expect(rows(p)).toEqual([
      [2, '12 pipe', 'DEF', 1],
      [3, 'ab"c', 'DEF', 2],
    ]);
  });

  it('skips blank lines but counts them', async () => {
    const p = await parse('\n\nsku,qty\n\nA,1\n   \n\r\nB,2');
    expect(rows(p)).toEqual([
      [5, 'A', 'DEF', 1],
      [8, 'B', 'DEF', 2],
    ]);
  });

  it('names each bad line of a malformed file while good lines still parse', async () => {
    const csv = [
      'sku,quantity,location', // 1
      'GOOD-1,10,L', // 2
      ',5,L', // 3 missing sku
      'X,,L', // 4 missing quantity
      'Y,abc,L', // 5 malformed
      'Z,-3,L', // 6 negative
      'W,2.5,L', // 7 non-integer
      'V,1,L,extra', // 8 wrong count
      'U,1', // 9 wrong count
      'T,99999999999999999999,L', // 10 too large
      'GOOD-2,1e3,L', // 11 exponent is not accepted in CSV
      'GOOD-3,7.0,L', // 12 whole number written with .0: fine
      'GOOD-4, 8 ,L', // 13 padded: fine
      'GOOD-5,+2,L', // 14 explicit plus: fine
      'GOOD-6,-0,L', // 15
      'GOOD-7,1 000,L', // 16 thousands separator
    ].join('\n');
    const p = await parse(csv);
    expect(rows(p)).toEqual([
      [2, 'GOOD-1', 'L', 10],
      [12, 'GOOD-3', 'L', 7],
      [13, 'GOOD-4', 'L', 8],
      [14, 'GOOD-5', 'L', 2],
      [15, 'GOOD-6', 'L', 0],
    ]);
    expect(report(p)).toEqual([
      [3, 'missing_value', 'sku'],
      [4, 'missing_value', 'quantity'],
      [5, 'malformed_number', 'quantity'],
      [6, 'negative_quantity', 'quantity'],
      [7, 'non_integer_quantity', 'quantity'],
      [8, 'wrong_column_count', 'row'],
      [9, 'wrong_column_count', 'row'],
      [10, 'malformed_number', 'quantity'],
      [11, 'malformed_number', 'quantity'],
      [16, 'malformed_number', 'quantity'],
    ]);
    const r = rejections(p);
    expect(r[2]).toMatchObject({ reason: 'quantity "abc" is not a number', sku: 'Y', location: 'L' });
    expect(r[5]).toMatchObject({ reason: 'expected 3 fields like the header, found 4', raw: 'V,1,L,extra' });
    expect(p.info).toMatchObject({ rows: 5, rejected: 10 });
  });

  it('rejects a line with invalid UTF-8 and continues', async () => {
    const data = Buffer.concat([
      Buffer.from('sku,qty,note\nA,1,café\nB,2,'),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from('\nC,3,\u00e9t\u00e9\n'),
    ]);
    const p = await parse(data);
    expect(rows(p)).toEqual([
      [2, 'A', 'DEF', 1],
      [4, 'C', 'DEF', 3],
    ]);
    expect(report(p)).toEqual([[3, 'invalid_utf8', 'row']]);
  });

  it('decodes non-ASCII SKUs and locations', async () => {
    expect(rows(await parse('sku,qty,location\nÆØÅ-1,1,Zürich\n"日本",2,東京\n'))).toEqual([
      [2, 'ÆØÅ-1', 'Zürich', 1],
      [3, '日本', '東京', 2],
    ]);
  });

  it('rejects a line longer than maxLineBytes, in one chunk or spread over many', async () => {
    const long = `L,1,${'x'.repeat(200)}`;
    const csv = `sku,qty,note\nA,1,ok\n${long}\nB,2,ok\n"M",1,"${'y\n'.repeat(100)}"\nC,3,ok`;
    for (const sizes of [[], [1], [7, 13], [64]]) {
      const p = await parse(csv, { maxLineBytes: 100 }, sizes);
      expect(rows(p)).toEqual([
        [2, 'A', 'DEF', 1],
        [4, 'B', 'DEF', 2],
        [106, 'C', 'DEF', 3],
      ]);
      expect(report(p)).toEqual([
        [3, 'line_too_long', 'row'],
        [5, 'line_too_long', 'row'],
      ]);
      expect(rejections(p)[0]!.raw).toMatch(/^L,1,x+…?$/);
    }
  });

  it('reports an unterminated quote at EOF on the line where the record starts', async () => {
    const p = await parse('sku,qty,note\nA,1,x\nB,2,"never closed\nC,3,x\nD,4,x\n');
    expect(rows(p)).toEqual([[2, 'A', 'DEF', 1]]);
    expect(report(p)).toEqual([[3, 'unterminated_quote', 'row']]);
  });

  it('rejects the second occurrence of a sku+location, naming the first line', async () => {
    const p = await parse('sku,qty,location\nA,1,L1\nA,2,L2\nA,3,L1\nA,4,\nA,5,DEF\n');
    expect(rows(p)).toEqual([
      [2, 'A', 'L1', 1],
      [3, 'A', 'L2', 2],
      [5, 'A', 'DEF', 4],
    ]);
    expect(rejections(p)).toEqual([
      expect.objectContaining({ line: 4, code: 'duplicate_key', firstLine: 2, sku: 'A', location: 'L1' }),
      expect.objectContaining({ line: 6, code: 'duplicate_key', firstLine: 5, sku: 'A', location: 'DEF' }),
    ]);
    expect(rejections(p)[0]!.reason).toContain('line 2');
    expect(p.info.distinctKeys).toBe(3);
    // dedupe: false is for byte ranges, where the caller deduplicates across ranges.
    expect(rows(await parse('sku,qty\nA,1\nA,2\n', { dedupe: false }))).toHaveLength(2);
  });

  it('yields batches of at most batchSize', async () => {
    const csv = `sku,qty\n${Array.from({ length: 2500 }, (_, i) => `S${i},${i}`).join('\n')}\n`;
    const p = await parse(csv, { batchSize: 1000 });
    expect(p.batches).toBe(3);
    expect(p.info.rows).toBe(2500);
  });

  describe('file-level errors', () => {
    it('rejects the whole file when the header lacks sku or quantity', async () => {
      const p = await parse('sku,name\nA,x\n');
      expect(p.error).toMatchObject({ code: 'missing_column', line: 1 });
      expect(p.error!.message).toContain('quantity');
      expect(p.records).toEqual([]);
      expect((await parse('qty,location\n1,L\n')).error?.code).toBe('missing_column');
    });

    it('rejects ambiguous headers', async () => {
      expect((await parse('sku,qty,quantity\nA,1,2\n')).error?.code).toBe('duplicate_column');
    });

    it('rejects an empty file', async () => {
      expect((await parse('')).error?.code).toBe('empty_file');
      expect((await parse('\ufeff\n\n# just a comment\n')).error?.code).toBe('empty_file');
    });

    it('rejects a header with invalid UTF-8 or longer than maxLineBytes', async () => {
      expect((await parse(Buffer.from([0x73, 0x6b, 0x75, 0xff, 0x2c, 0x71, 0x0a]))).error?.code).toBe('invalid_header');
      expect((await parse(`sku,qty,${'n'.repeat(50)}\n`, { maxLineBytes: 20 })).error?.code).toBe('invalid_header');
    });

    it('accepts a header without a trailing newline', async () => {
      expect((await parse('sku,qty')).info).toMatchObject({ rows: 0, done: true });
    });
  });

  describe('snapshot mode directive', () => {
    it('reads "# restock: mode=full" before the header', async () => {
      const p = await parse('# restock: mode=full\nsku,qty\nA,1\n');
      expect(p.info.mode).toBe('full');
      expect(rows(p)).toEqual([[3, 'A', 'DEF', 1]]);
    });

    it('accepts spacing/case variants, synonyms and other comments', async () => {
      for (const d of ['#restock:mode=FULL', '# Restock: mode = snapshot', '# exported by ERP\n# restock: mode=full foo=bar']) {
        expect((await parse(`${d}\nsku,qty\nA,1\n`)).info.mode).toBe('full');
      }
      expect((await parse('# restock: mode=delta\nsku,qty\n')).info.mode).toBe('delta');
      expect((await parse('# just a comment\nsku,qty\n')).info.mode).toBe('delta');
    });

    it('rejects unknown or conflicting directives', async () => {
      expect((await parse('# restock: mode=ful\nsku,qty\n')).error).toMatchObject({ code: 'invalid_directive', line: 1 });
      expect((await parse('# restock: full\nsku,qty\n')).error?.code).toBe('invalid_directive');
      expect((await parse('# restock: mode=full\n# restock: mode=delta\nsku,qty\n')).error?.code).toBe('invalid_directive');
    });

    it('takes the caller option when there is no directive and rejects a disagreement', async () => {
      expect((await parse('sku,qty\n', { mode: 'full' })).info.mode).toBe('full');
      expect((await parse('# restock: mode=full\nsku,qty\n', { mode: 'full' })).info.mode).toBe('full');
      expect((await parse('# restock: mode=full\nsku,qty\n', { mode: 'delta' })).error?.code).toBe('mode_conflict');
    });
  });

  it('detects CSV from a first byte that is not [ or {', async () => {
    expect((await parse('  sku,qty\nA,1\n')).info.format).toBe('csv');
    expect((await parse('#restock: mode=full\nsku,qty\n')).info.format).toBe('csv');
  });
});
