/**
 * Benchmark (not a test) of the streaming inventory-feed parser.
 *
 *   npm run bench:feed-parse            # 1M rows (ROWS=… to change), 200k-row naive baseline
 *
 * Feeds are generated on the fly in 64 KiB chunks, so the file never exists in memory and peak
 * RSS reflects the parser. The naive baseline (whole file in a string, split lines, split(','))
 * runs last because it holds the whole file and would otherwise inflate the peak measured for the
 * streaming runs. Targets: ≥ 200k rows/s on one core, peak RSS < 256 MB at 1M rows.
 */
import { alignByteRanges, parseFeed, planByteRanges, readFeedHeader } from '../../shared/inventory/feeds/parse-feed.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const NAIVE_ROWS = Number(process.env.NAIVE_ROWS ?? 200_000);
const CHUNK = 64 * 1024;

function csvRow(i: number): string {
  const sku = `SKU-${String(i).padStart(7, '0')}`;
  // Every 10th name is quoted with an embedded delimiter, as spreadsheet exports do.
  const name = i % 10 === 0 ? `"Widget, size ${i % 7}"` : `Widget ${i % 97}`;
  return `${sku},${(i * 7919) % 5000},WH-${i % 5},${name}\n`;
}

function ndjsonRow(i: number): string {
  const sku = `SKU-${String(i).padStart(7, '0')}`;
  return `{"sku":"${sku}","quantity":${(i * 7919) % 5000},"location":"WH-${i % 5}","name":"Widget ${i % 97}"}\n`;
}

async function* generate(rows: number, header: string, row: (i: number) => string): AsyncGenerator<Buffer> {
  let parts: string[] = [header];
  let size = header.length;
  for (let i = 1; i <= rows; i++) {
    const r = row(i);
    parts.push(r);
    size += r.length;
    if (size >= CHUNK) {
      yield Buffer.from(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''));
}

const CSV_HEADER = 'sku,quantity,location,name\n';
const csv = (n: number) => generate(n, CSV_HEADER, csvRow);
const ndjson = (n: number) => generate(n, '', ndjsonRow);

function rssMB(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function timeGeneration(src: AsyncIterable<Buffer>): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  let bytes = 0;
  for await (const c of src) bytes += c.length;
  return { ms: performance.now() - t0, bytes };
}

async function timeParse(label: string, src: AsyncIterable<Buffer>, rows: number, genMs: number): Promise<number> {
  const t0 = performance.now();
  const stream = parseFeed(src, { defaultLocation: 'WH-0' });
  let n = 0;
  for await (const batch of stream) n += batch.length;
  const ms = performance.now() - t0;
  const { info } = stream;
  if (info.rows !== rows || info.rejected !== 0) throw new Error(`${label}: expected ${rows} rows, got ${JSON.stringify(info)}`);
  console.log(
    `${label.padEnd(22)} ${fmt(n)} rows  ${fmt(ms)} ms  ${fmt((n / ms) * 1000)} rows/s end-to-end` +
      `  (${fmt((n / Math.max(1, ms - genMs)) * 1000)} rows/s parser only)  peak RSS ${rssMB().toFixed(0)} MB`,
  );
  return (n / ms) * 1000;
}

function naive(text: string): number {
  // The obvious implementation: whole file in memory, no quotes, no line numbers, no limits.
  const lines = text.split('\n');
  const header = lines[0]!.split(',');
  const si = header.indexOf('sku');
  const qi = header.indexOf('quantity');
  const li = header.indexOf('location');
  const seen = new Set<string>();
  const out: { sku: string; location: string; quantity: number }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const f = line.split(',');
    const sku = f[si]!;
    const location = f[li] || 'WH-0';
    const key = `${sku}\u0000${location}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ sku, location, quantity: Number.parseInt(f[qi]!, 10) });
  }
  return out.length;
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${ROWS.toLocaleString('en-US')} rows, one core (single-threaded)`);
  console.log(`RSS at start ${rssMB().toFixed(0)} MB (node + tsx loader)`);
  // Warm the JIT so the generator-only times below are comparable with the timed runs.
  for (let i = 0; i < 2; i++) {
    for await (const _ of parseFeed(csv(50_000), { defaultLocation: 'WH-0' }));
    for await (const _ of parseFeed(ndjson(50_000), { defaultLocation: 'WH-0' }));
    await timeGeneration(csv(50_000));
    await timeGeneration(ndjson(50_000));
  }
  console.log(`RSS after warm-up ${rssMB().toFixed(0)} MB\n`);

  const gCsv = await timeGeneration(csv(ROWS));
  console.log(`generator only (csv)    ${fmt(gCsv.ms)} ms for ${(gCsv.bytes / 2 ** 20).toFixed(1)} MiB`);
  const gNd = await timeGeneration(ndjson(ROWS));
  console.log(`generator only (ndjson) ${fmt(gNd.ms)} ms for ${(gNd.bytes / 2 ** 20).toFixed(1)} MiB\n`);

  const csvRate = await timeParse('parseFeed csv', csv(ROWS), ROWS, gCsv.ms);
  const ndRate = await timeParse('parseFeed ndjson', ndjson(ROWS), ROWS, gNd.ms);

  // The coordinator's pre-scan for byte-range splitting (no decoding, quote-aware). Timed on a
  // cycled pool of 16 pre-built chunks (1 MiB) so the generator does not dominate the figure.
  const pool: Buffer[] = [];
  for await (const c of csv(ROWS)) if (pool.push(c) === 16) break;
  const poolBytes = pool.reduce((a, c) => a + c.length, 0);
  const cycles = Math.max(1, Math.round(gCsv.bytes / poolBytes));
  async function* cycled(): AsyncGenerator<Buffer> {
    for (let k = 0; k < cycles; k++) for (let j = k === 0 ? 0 : 1; j < pool.length; j++) yield pool[j]!;
  }
  let total = 0;
  for await (const c of cycled()) total += c.length;
  const header = readFeedHeader(Buffer.from(CSV_HEADER));
  const t0 = performance.now();
  const ranges = await alignByteRanges(cycled(), planByteRanges(total, 8 << 20), { header });
  const alignMs = performance.now() - t0;
  // The scan stops once the last range start is placed.
  const scanned = ranges.at(-1)!.startAtByte;
  console.log(
    `${'alignByteRanges csv'.padEnd(22)} ${ranges.length} ranges of ${(total / 2 ** 20).toFixed(1)} MiB, scanned ${(scanned / 2 ** 20).toFixed(1)} MiB` +
      `  ${fmt(alignMs)} ms  ${((scanned / 2 ** 20 / alignMs) * 1000).toFixed(0)} MiB/s  peak RSS ${rssMB().toFixed(0)} MB`,
  );
  pool.length = 0;
  const peak = rssMB();
  const slowest = Math.min(csvRate, ndRate);
  console.log(
    `\npeak RSS after the ${ROWS.toLocaleString('en-US')}-row streaming runs: ${peak.toFixed(0)} MB\n` +
      `target >= 200k rows/s end-to-end: ${slowest >= 200_000 ? 'PASS' : 'FAIL'} (slowest ${fmt(slowest)})\n` +
      `target peak RSS < 256 MB:        ${peak < 256 ? 'PASS' : 'FAIL'} (${peak.toFixed(0)} MB)\n`,
  );

  // Same 200k-row file through both, the naive one last (it holds the whole file).
  const gSmall = await timeGeneration(csv(NAIVE_ROWS));
  await timeParse(`parseFeed csv ${NAIVE_ROWS / 1000}k`, csv(NAIVE_ROWS), NAIVE_ROWS, gSmall.ms);
  const parts: string[] = [];
  for await (const c of csv(NAIVE_ROWS)) parts.push(c.toString('utf8'));
  const text = parts.join('');
  parts.length = 0;
  const t1 = performance.now();
  const n = naive(text);
  const ms = performance.now() - t1;
  console.log(
    `${`naive split ${NAIVE_ROWS / 1000}k`.padEnd(22)} ${fmt(n)} rows  ${fmt(ms)} ms  ${fmt((n / ms) * 1000)} rows/s` +
      ` (parse only, file already in memory; wrong on quoted commas)  peak RSS ${rssMB().toFixed(0)} MB`,
  );
}

await main();
