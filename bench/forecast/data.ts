/**
 * Loaders for the benchmark data in ../shared/data/forecast (never copied into the repo).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function dataDir(): string {
  return process.env.RESTOCK_FORECAST_DATA ?? resolve(REPO_ROOT, '../shared/data/forecast');
}

export function requireDataDir(files: readonly string[]): string {
  const dir = dataDir();
  const missing = files.filter((f) => !existsSync(resolve(dir, f)));
  if (missing.length > 0) {
    console.error(
      `Forecast benchmark data not found: ${missing.join(', ')} missing in ${dir}.\n` +
        'Put the data set folder at ../shared/data/forecast relative to the repo root, ' +
        'or set RESTOCK_FORECAST_DATA to its path.',
    );
    process.exit(2);
  }
  return dir;
}

/** Splits one CSV line, honouring double-quoted fields (the M3 descriptions contain commas). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else q = false;
      } else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function readCsv(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsv(lines[0]!);
  return { header, rows: lines.slice(1).map(splitCsv) };
}

export interface BenchSeries {
  id: string;
  train: Float64Array;
  test: Float64Array;
  /** Seasonal period. */
  m: number;
  /** Grouping for per-frequency tables. */
  group: string;
}

export interface CarPartsData {
  series: BenchSeries[];
  total: number;
  withGaps: number;
}

export const CARPARTS_TRAIN = 39;
export const CARPARTS_TEST = 12;

export function loadCarParts(dir: string): CarPartsData {
  const { rows } = readCsv(resolve(dir, 'carparts_long.csv'));
  const byId = new Map<string, { t: number; v: string }[]>();
  for (const r of rows) {
    const id = r[0]!;
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push({ t: Number(r[1]), v: r[4] ?? '' });
  }
  const series: BenchSeries[] = [];
  let withGaps = 0;
  for (const [id, list] of byId) {
    list.sort((a, b) => a.t - b.t);
    if (list.some((p) => p.v === '') || list.length !== CARPARTS_TRAIN + CARPARTS_TEST) {
      withGaps++;
      continue;
    }
    const vals = Float64Array.from(list, (p) => Number(p.v));
    series.push({ id, train: vals.slice(0, CARPARTS_TRAIN), test: vals.slice(CARPARTS_TRAIN), m: 12, group: 'all' });
  }
  return { series, total: byId.size, withGaps };
}

export function loadM3(dir: string): BenchSeries[] {
  const meta = readCsv(resolve(dir, 'm3_meta.csv'));
  const info = new Map<string, { period: string; m: number; h: number }>();
  for (const r of meta.rows) info.set(r[0]!, { period: r[2]!, m: Number(r[3]), h: Number(r[5]) });
  const { rows } = readCsv(resolve(dir, 'm3_long.csv'));
  const acc = new Map<string, { train: { t: number; v: number }[]; test: { t: number; v: number }[] }>();
  for (const r of rows) {
    const id = r[0]!;
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { train: [], test: [] }));
    (r[1] === 'test' ? a.test : a.train).push({ t: Number(r[2]), v: Number(r[3]) });
  }
  const out: BenchSeries[] = [];
  for (const [id, a] of acc) {
    const i = info.get(id);
    if (!i) continue;
    a.train.sort((x, y) => x.t - y.t);
    a.test.sort((x, y) => x.t - y.t);
    out.push({
      id,
      train: Float64Array.from(a.train, (p) => p.v),
      test: Float64Array.from(a.test, (p) => p.v),
      m: i.m,
      group: i.period,
    });
  }
  return out;
}

export interface ReferenceRow {
  name: string;
  values: Record<string, string>;
}

export function loadReference(dir: string, file: string): ReferenceRow[] {
  const { header, rows } = readCsv(resolve(dir, file));
  return rows.map((r) => ({
    name: r[0]!,
    values: Object.fromEntries(header.slice(1).map((h, i) => [h, r[i + 1] ?? ''])),
  }));
}

/** Dev split: the last h training values become a pseudo-test; the real test is never read. */
export function devSplit(s: BenchSeries): BenchSeries {
  const h = s.test.length;
  return { ...s, train: s.train.slice(0, s.train.length - h), test: s.train.slice(s.train.length - h) };
}
