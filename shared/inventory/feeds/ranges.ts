/**
 * Byte-range splitting for a Step Functions Distributed Map over one large CSV/NDJSON object.
 *
 * Rule: a range may only start on a record boundary, and boundaries come from a sequential
 * pre-scan (alignByteRanges), never from guessing at an arbitrary offset. Guessing cannot work for
 * CSV in general: from the middle of a file you cannot tell whether an LF is inside a quoted field
 * ("a\n"b" is ambiguous without the bytes before it). The pre-scan runs the same quote state
 * machine as the parser (CsvBoundaryScanner), so ranges agree with a single pass by construction,
 * and it counts LFs on the way, which gives each range its absolute starting line number. It does
 * no decoding or validation (memchr-speed indexOf when there are no quotes; see the benchmark for
 * its throughput), so one coordinator Lambda can afford it before fanning out.
 *
 * Flow:
 *   const header = readFeedHeader(first256KiB, { eof: size <= 256 KiB });
 *   const ranges = await alignByteRanges(getObject(key), planByteRanges(size, 64 << 20), { header });
 *   // per item: parseFeed(getObject(key, `bytes=${r.startAtByte}-${r.endAtByte - 1}`),
 *   //   { defaultLocation, header, startAtByte: r.startAtByte, endAtByte: r.endAtByte, startLine: r.startLine })
 *
 * Duplicate sku+location detection is per parse, so across ranges it is the caller's job (e.g. a
 * conditional write keyed by feed run + sku + location, or a reduce step over the reports).
 * gzip objects and JSON arrays cannot be split: parse them in one pass.
 */
import { CsvBoundaryScanner, CsvPreamble, delimiterByte } from './csv.js';
import { LF, bomLength, buffersOf, detectFormat, isGzip, toBuffer } from './bytes.js';
import { FeedError, type ByteRange, type FeedFormat, type FeedHeader, type FeedRange } from './types.js';

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

function checkInt(name: string, v: number, min: number): void {
  if (!Number.isSafeInteger(v) || v < min) throw new FeedError('invalid_options', `${name} must be an integer ≥ ${min}`);
}

/** Nominal equal-size ranges covering [0, totalBytes); an empty file gets one empty range. */
export function planByteRanges(totalBytes: number, chunkBytes: number): ByteRange[] {
  checkInt('totalBytes', totalBytes, 0);
  checkInt('chunkBytes', chunkBytes, 1);
  const out: ByteRange[] = [];
  for (let s = 0, i = 0; s < totalBytes || i === 0; s += chunkBytes, i++) {
    out.push({ index: i, startAtByte: s, endAtByte: Math.min(s + chunkBytes, totalBytes) });
  }
  return out;
}

export interface ReadFeedHeaderOptions {
  format?: FeedFormat;
  maxLineBytes?: number;
  /** firstBytes is the whole object (a header without a trailing newline is then complete). */
  eof?: boolean;
}

/**
 * Reads the preamble (BOM, comment/directive lines, header) from the first bytes of an object.
 * Pass enough bytes to hold it (e.g. 256 KiB, or the whole object with eof: true); throws
 * invalid_header if the header is not complete within them.
 */
export function readFeedHeader(firstBytes: Uint8Array, opts: ReadFeedHeaderOptions = {}): FeedHeader {
  const buf = toBuffer(firstBytes);
  if (isGzip(buf)) throw new FeedError('unsupported_range', 'gzip feeds cannot be split into byte ranges; parse them in one pass');
  const max = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const bom = bomLength(buf);
  const format = opts.format ?? detectFormat(buf, bom) ?? (opts.eof ? 'csv' : undefined);
  if (!format) throw new FeedError('invalid_header', `only whitespace in the first ${buf.length} bytes; pass more bytes`);
  if (format !== 'csv') return { format, dataStartByte: bom, dataStartLine: 1 };
  const pre = new CsvPreamble(bom, max);
  if (!pre.push(buf.subarray(bom))) {
    if (!opts.eof) {
      throw new FeedError('invalid_header', `header not complete within the first ${buf.length} bytes; pass more bytes`);
    }
    pre.finish();
  }
  return pre.result!.header;
}

/**
 * Moves each nominal range start forward to the first record boundary at or after it (from the
 * data start on: never inside the preamble) and attaches the absolute line number there. Reads
 * the object sequentially from byte 0 and stops once the last start is placed. Ranges that become
 * empty (a record longer than the chunk) are dropped and the rest renumbered.
 */
export async function alignByteRanges(
  source: AsyncIterable<Uint8Array>,
  ranges: readonly ByteRange[],
  opts: { header: FeedHeader },
): Promise<FeedRange[]> {
  const { header } = opts;
  if (header.format === 'json') throw new FeedError('unsupported_range', 'JSON array feeds cannot be split; parse them in one pass');
  const n = ranges.length;
  if (n === 0) return [];
  for (let i = 0; i < n; i++) {
    const r = ranges[i]!;
    const prevEnd = i === 0 ? 0 : ranges[i - 1]!.endAtByte;
    if (r.startAtByte !== prevEnd || r.endAtByte < r.startAtByte) {
      throw new FeedError('invalid_options', 'ranges must be contiguous from byte 0 (use planByteRanges)');
    }
  }
  const starts: { at: number; line: number }[] = [{ at: 0, line: 1 }];
  let recAt = header.dataStartByte;
  let line = header.dataStartLine;
  const place = (): boolean => {
    while (starts.length < n && ranges[starts.length]!.startAtByte <= recAt) starts.push({ at: recAt, line });
    return starts.length === n;
  };
  let base = 0;
  if (!place()) {
    const scanner = header.format === 'csv' ? new CsvBoundaryScanner(delimiterByte(header)) : null;
    let first = true;
    outer: for await (const buf of buffersOf(source)) {
      if (first && isGzip(buf)) throw new FeedError('unsupported_range', 'gzip feeds cannot be split into byte ranges');
      first = false;
      const len = buf.length;
      // Bytes before the data start (BOM, preamble) are skipped, not scanned.
      let pos = Math.max(0, recAt - base);
      while (pos < len) {
        let e: number;
        if (scanner) {
          e = scanner.scan(buf, pos);
          if (e < 0) break;
          line += 1 + scanner.innerLines;
          scanner.innerLines = 0;
        } else {
          e = buf.indexOf(LF, pos);
          if (e < 0) break;
          line++;
        }
        pos = e + 1;
        recAt = base + pos;
        if (place()) break outer;
      }
      base += len;
    }
    // Starts past the last record boundary fall at end of file: empty ranges.
    const eofAt = Math.max(base, recAt);
    while (starts.length < n) starts.push({ at: eofAt, line });
  }
  const last = ranges[n - 1]!.endAtByte;
  const out: FeedRange[] = [];
  for (let i = 0; i < n; i++) {
    const s = starts[i]!;
    const end = i + 1 < n ? starts[i + 1]!.at : Math.max(last, s.at);
    if (i === 0 || end > s.at) out.push({ index: out.length, startAtByte: s.at, endAtByte: end, startLine: s.line });
  }
  return out;
}
