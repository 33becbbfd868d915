import { gzipSync } from 'node:zlib';
import {
  type FeedInfo,
  type FeedRecord,
  type FeedRejection,
  type ParseFeedOptions,
  parseFeed,
} from '../../../../shared/inventory/feeds/parse-feed.js';

export const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

/** Yields `data` cut at the given sizes (cycled), or whole. Fresh copies: no shared memory. */
export async function* chunked(data: Uint8Array, sizes: readonly number[] = []): AsyncGenerator<Uint8Array> {
  if (sizes.length === 0) {
    if (data.length > 0) yield Uint8Array.from(data);
    return;
  }
  let pos = 0;
  let k = 0;
  while (pos < data.length) {
    const n = Math.max(1, sizes[k++ % sizes.length]!);
    yield Uint8Array.from(data.subarray(pos, pos + n));
    pos += n;
  }
}

export interface Parsed {
  records: FeedRecord[];
  batches: number;
  info: FeedInfo;
  error?: { code: string; message: string; line?: number };
}

export async function parse(
  data: Uint8Array | string,
  opts: Partial<ParseFeedOptions> = {},
  sizes: readonly number[] = [],
): Promise<Parsed> {
  const buf = typeof data === 'string' ? bytes(data) : data;
  const stream = parseFeed(chunked(buf, sizes), { defaultLocation: 'DEF', ...opts });
  const records: FeedRecord[] = [];
  let batches = 0;
  try {
    for await (const b of stream) {
      batches++;
      records.push(...b);
    }
  } catch (e) {
    const err = e as { code: string; message: string; line?: number };
    return { records, batches, info: stream.info, error: { code: err.code, message: err.message, line: err.line } };
  }
  return { records, batches, info: stream.info };
}

export function rows(p: Parsed): [number, string, string, number][] {
  return p.records.flatMap((r) => (r.kind === 'row' ? [[r.line, r.sku, r.location, r.quantity] as [number, string, string, number]] : []));
}

export function rejections(p: Parsed): FeedRejection[] {
  return p.records.filter((r): r is FeedRejection => r.kind === 'rejected');
}

/** [line, code, field] of each rejection: the "report" a merchant would see. */
export function report(p: Parsed): [number, string, string][] {
  return rejections(p).map((r) => [r.line, r.code, r.field]);
}

export const gzip = (b: Uint8Array | string): Buffer => gzipSync(typeof b === 'string' ? bytes(b) : b);
