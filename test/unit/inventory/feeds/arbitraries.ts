/**
 * fast-check generators of feed files: well-formed rows plus the nasty cases (quoted newlines,
 * stray quotes, invalid UTF-8, over-long lines, blank lines), so equivalence properties cover
 * them.
 */
import fc from 'fast-check';

export interface GoodRow {
  sku: string;
  qty: string;
  loc: string;
  note: string;
  quoteAll: boolean;
}

export type CsvRow = { kind: 'good'; row: GoodRow } | { kind: 'junk'; bytes: number[] } | { kind: 'blank' };

export interface CsvFile {
  bytes: Buffer;
  delim: ',' | ';';
  /** Line where each generated good row starts, in order (meaningful when there is no junk). */
  goodLines: number[];
  goods: GoodRow[];
}

const HEADERS: string[][] = [
  ['sku', 'qty', 'location', 'note'],
  ['note', 'Quantity', 'SKU'],
  ['Location_ID', 'on_hand', 'sku', 'x', 'note'],
];

const textChar = fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '"', '\n', '\r\n', 'é', '€', '\t', '#');
const text = fc.array(textChar, { maxLength: 8 }).map((a) => a.join(''));

const goodRow = (valid: boolean): fc.Arbitrary<GoodRow> =>
  fc.record({
    sku: valid ? fc.constantFrom('A', 'B', 'c d', 'x,y', 'q"t', 'é-1', 'S;2', 'l\nf') : fc.constantFrom('A', 'B', '', ' ', 'x,y', 'q"t', 'l\nf'),
    qty: valid
      ? fc.constantFrom('0', '1', '42', ' 7 ', '3.0', '+5')
      : fc.constantFrom('0', '1', '42', ' 7 ', '-1', '1.5', 'abc', '', '3.0', '99999999999999999999'),
    loc: fc.constantFrom('', 'L1', 'L2', 'Zürich', ' L3 '),
    note: valid ? text.filter((t) => !t.includes('#')) : text,
    quoteAll: fc.boolean(),
  });

const junkByte = fc.constantFrom(0x61, 0x2c, 0x3b, 0x22, 0x0a, 0x0d, 0xff, 0xc3, 0x20, 0x31);

const csvRow: fc.Arbitrary<CsvRow> = fc.oneof(
  { weight: 6, arbitrary: goodRow(false).map((row) => ({ kind: 'good' as const, row })) },
  { weight: 2, arbitrary: fc.array(junkByte, { minLength: 1, maxLength: 12 }).map((bytes) => ({ kind: 'junk' as const, bytes })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 20, max: 120 }).map((n) => ({ kind: 'junk' as const, bytes: [...Buffer.from(`LONG,1,,${'y'.repeat(n)}`)] })),
  },
);

function cell(v: string, delim: string, quote: boolean): string {
  const needs = v.includes(delim) || v.includes('"') || v.includes('\n') || v.includes('\r') || v !== v.trim();
  return quote || needs ? `"${v.replace(/"/g, '""')}"` : v;
}

function serialize(header: string[], r: GoodRow, delim: string): string {
  return header
    .map((h) => {
      const k = h.toLowerCase();
      const v = k === 'sku' ? r.sku : k === 'qty' || k === 'quantity' || k === 'on_hand' ? r.qty : k.startsWith('location') ? r.loc : r.note;
      return cell(v, delim, r.quoteAll);
    })
    .join(delim);
}

function build(
  header: string[],
  rows: CsvRow[],
  delim: ',' | ';',
  eol: string,
  bom: boolean,
  directive: boolean,
  finalEol: boolean,
): CsvFile {
  const parts: Buffer[] = [];
  let line = 1;
  const push = (s: string | Buffer): void => {
    const b = typeof s === 'string' ? Buffer.from(s) : s;
    for (const c of b) if (c === 10) line++;
    parts.push(b);
  };
  if (bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  if (directive) push(`# restock: mode=full${eol}`);
  push(header.join(delim));
  const goodLines: number[] = [];
  const goods: GoodRow[] = [];
  for (const r of rows) {
    push(eol);
    if (r.kind === 'good') {
      goodLines.push(line);
      goods.push(r.row);
      push(serialize(header, r.row, delim));
    } else if (r.kind === 'junk') push(Buffer.from(r.bytes));
  }
  if (finalEol) push(eol);
  return { bytes: Buffer.concat(parts), delim, goodLines, goods };
}

/** Any CSV feed, including broken rows. */
export const csvFile: fc.Arbitrary<CsvFile> = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(csvRow, { maxLength: 25 }),
    fc.constantFrom<',' | ';'>(',', ';'),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([h, rows, d, eol, bom, dir, fin]) => build(h, rows, d, eol, bom, dir, fin));

/** Only well-formed, valid rows (for comparison with an independent CSV parser). */
export const validCsvFile: fc.Arbitrary<CsvFile> = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(goodRow(true), { maxLength: 25 }),
    fc.constantFrom<',' | ';'>(',', ';'),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([h, rows, d, eol, bom, fin]) =>
    build(
      h,
      rows.map((row) => ({ kind: 'good' as const, row })),
      d,
      eol,
      bom,
      false,
      fin,
    ),
  );

const jsonValue = fc.oneof(
  fc.constantFrom('A', 'B', 'é', 'x"y', '}]', '\\', 'line\nbreak', ''),
  fc.constantFrom(0, 1, -1, 2.5, 42, 1e3),
  fc.constant(null),
);

const jsonObject = fc
  .record(
    {
      sku: jsonValue,
      qty: jsonValue,
      location: fc.constantFrom('L1', 'L2', '', null),
      extra: fc.constantFrom({ nested: [1, '}', { a: '[' }] }, 'x', [], {}),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o, null, 0));

const ndjsonLine = fc.oneof(
  { weight: 6, arbitrary: jsonObject },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '[1]', '"str"', '{"sku":', 'garbage', `{"sku":"LONG","pad":"${'p'.repeat(90)}"}`) },
);

export const ndjsonFile: fc.Arbitrary<Buffer> = fc
  .tuple(fc.array(ndjsonLine, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([lines, eol, bom, fin, badUtf8]) => {
    const body = Buffer.from(`${lines.join(eol)}${fin ? eol : ''}`);
    const withBad = badUtf8 && body.length > 2 ? Buffer.concat([body.subarray(0, 2), Buffer.from([0xff]), body.subarray(2)]) : body;
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), withBad]) : withBad;
  })
  // An ndjson file must start with "{" to be detected as such; other starts are csv, which
  // other properties cover.
  .filter((b) => /^(\ufeff)?\s*\{/.test(b.toString('utf8')));

const ws = fc.constantFrom('', ' ', '\n', '\r\n  ', '\t');

export const jsonArrayFile: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 8, arbitrary: jsonObject }, { weight: 1, arbitrary: fc.constantFrom('5', '"s"', '[{}]', 'null', '{"sku": x}') }), {
      maxLength: 20,
    }),
    ws,
    ws,
    fc.boolean(),
  )
  .map(([els, a, b, truncated]) => {
    const s = `${a}[${b}${els.join(`,${b}`)}${a}]`;
    return Buffer.from(truncated ? s.slice(0, Math.floor(s.length * 0.7)) : s);
  })
  .filter((b) => /^\s*\[/.test(b.toString('utf8')));

/** Random cut points for re-chunking an input stream. */
export const chunkSizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 });
