/**
 * Streaming inventory-feed parser: CSV / JSON array / NDJSON, optionally gzip, into batches of
 * validated rows and per-line rejections. Pure: the only I/O is consuming `source`.
 *
 * Memory is bounded whatever the file size: input is processed in ≤ 64 KiB slices, at most one
 * record (≤ maxLineBytes) is held across slices, batches are yielded as they fill, and duplicate
 * detection keeps 12 bytes per distinct sku+location (see seen-keys.ts). Format spec for merchants
 * and the range design: README.md next to this file.
 */
import { ByteInput, bomLength, buffersOf, gunzip, isGzip } from './bytes.js';
import { CsvParser } from './csv.js';
import { JsonArrayParser } from './json-array.js';
import { NdjsonParser } from './ndjson.js';
import { DEFAULT_MAX_LINE_BYTES } from './ranges.js';
import { RecordSink } from './sink.js';
import {
  FeedError,
  type FeedHeader,
  type FeedInfo,
  type FeedMode,
  type FeedRecord,
  type FeedStream,
  type ParseFeedOptions,
} from './types.js';

export * from './types.js';
export { planByteRanges, alignByteRanges, readFeedHeader, DEFAULT_MAX_LINE_BYTES } from './ranges.js';
export type { ReadFeedHeaderOptions } from './ranges.js';

export const DEFAULT_BATCH_SIZE = 1000;
/** Parsers see at most this much at once, which bounds the rows queued between yields. */
const SLICE = 64 * 1024;

interface ChunkParser {
  readonly stopped: boolean;
  push(buf: Buffer): void;
  end(): void;
}

interface Resolved {
  format: ParseFeedOptions['format'];
  defaultLocation: string;
  maxLineBytes: number;
  batchSize: number;
  mode: FeedMode | undefined;
  dedupe: boolean;
  startAtByte: number;
  endAtByte: number | undefined;
  startLine: number;
  header: FeedHeader | undefined;
}

function bad(msg: string): never {
  throw new FeedError('invalid_options', msg);
}

function isInt(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
}

function resolveOptions(o: ParseFeedOptions): Resolved {
  if (typeof o.defaultLocation !== 'string' || o.defaultLocation.trim() === '') bad('defaultLocation is required');
  if (o.format !== undefined && !['csv', 'json', 'ndjson'].includes(o.format)) bad(`unknown format ${String(o.format)}`);
  if (o.mode !== undefined && o.mode !== 'full' && o.mode !== 'delta') bad(`unknown mode ${String(o.mode)}`);
  const maxLineBytes = o.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (!isInt(maxLineBytes, 1)) bad('maxLineBytes must be a positive integer');
  const batchSize = o.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!isInt(batchSize, 1)) bad('batchSize must be a positive integer');
  const startAtByte = o.startAtByte ?? 0;
  if (!isInt(startAtByte, 0)) bad('startAtByte must be a non-negative integer');
  if (o.endAtByte !== undefined && !isInt(o.endAtByte, startAtByte)) bad('endAtByte must be an integer ≥ startAtByte');
  let startLine = 1;
  if (startAtByte > 0) {
    const h = o.header;
    if (!h) bad('startAtByte > 0 needs the header from readFeedHeader');
    if (h.format === 'json') throw new FeedError('unsupported_range', 'JSON array feeds cannot be split; parse them in one pass');
    if (!isInt(o.startLine, 1)) bad('startAtByte > 0 needs startLine (from alignByteRanges)');
    if (startAtByte < h.dataStartByte) bad('startAtByte lies inside the header');
    startLine = o.startLine;
  }
  return {
    format: o.format,
    defaultLocation: o.defaultLocation.trim(),
    maxLineBytes,
    batchSize,
    mode: o.mode,
    dedupe: o.dedupe ?? true,
    startAtByte,
    endAtByte: o.endAtByte,
    startLine,
    header: o.header,
  };
}

/**
 * Parses a feed into batches of records. The returned stream can be iterated once; its `info`
 * has format, mode and header before the first batch arrives and final counts when iteration
 * ends. Throws FeedError (after yielding the rows before the problem) for file-level errors.
 *
 * Mode: a CSV `# restock: mode=…` directive or opts.mode (JSON/NDJSON: opts.mode only); when
 * both are present they must agree (mode_conflict), since `full` zeroes whatever is missing.
 */
export function parseFeed(source: AsyncIterable<Uint8Array>, opts: ParseFeedOptions): FeedStream {
  const o = resolveOptions(opts);
  const info: FeedInfo = {
    format: undefined,
    compressed: false,
    mode: o.mode ?? 'delta',
    header: undefined,
    rows: 0,
    rejected: 0,
    distinctKeys: 0,
    done: false,
  };
  let started = false;
  return {
    info,
    [Symbol.asyncIterator](): AsyncIterator<FeedRecord[]> {
      if (started) throw new FeedError('invalid_options', 'a feed stream can only be iterated once');
      started = true;
      return run(source, o, info);
    },
  };
}

function setHeader(info: FeedInfo, o: Resolved, h: FeedHeader): void {
  info.header = h;
  if (h.mode && o.mode && h.mode !== o.mode) {
    throw new FeedError('mode_conflict', `the file declares mode=${h.mode} but the caller expects ${o.mode}`);
  }
  info.mode = h.mode ?? o.mode ?? 'delta';
}

async function* run(source: AsyncIterable<Uint8Array>, o: Resolved, info: FeedInfo): AsyncGenerator<FeedRecord[]> {
  const sink = new RecordSink(o.batchSize, o.dedupe, info, o.defaultLocation);
  let input = new ByteInput(buffersOf(source));
  const endAtByte = o.endAtByte ?? Number.POSITIVE_INFINITY;
  const onHeader = (h: FeedHeader): void => setHeader(info, o, h);
  let parser: ChunkParser;

  if (o.startAtByte > 0) {
    // Range mode: the source starts on a record boundary (alignByteRanges), header known.
    const h = o.header!;
    info.format = h.format;
    const common = { sink, maxLineBytes: o.maxLineBytes, startOffset: o.startAtByte, startLine: o.startLine, endAtByte };
    if (h.format === 'csv') {
      parser = new CsvParser({ ...common, defaultLocation: o.defaultLocation, header: h, onHeader });
    } else {
      setHeader(info, o, h);
      parser = new NdjsonParser(common);
    }
  } else {
    let head = await input.peek(3);
    if (isGzip(head)) {
      // By magic bytes, not by name: merchants upload .csv files that are gzipped and vice versa.
      if (o.endAtByte !== undefined) throw new FeedError('unsupported_range', 'gzip feeds cannot be split into byte ranges');
      info.compressed = true;
      input = new ByteInput(gunzip(input.stream()));
      head = await input.peek(3);
    }
    const bom = bomLength(head);
    if (bom > 0) input.skip(bom);
    // A range reader may see only part of the file: trust the header's format over detection.
    const format = o.header?.format ?? o.format ?? (await input.detectFormat());
    info.format = format;
    if (format === 'json' && o.endAtByte !== undefined) {
      throw new FeedError('unsupported_range', 'JSON array feeds cannot be split; parse them in one pass');
    }
    const common = { sink, maxLineBytes: o.maxLineBytes, startOffset: bom, startLine: 1, endAtByte };
    if (format === 'csv') {
      parser = new CsvParser({ ...common, defaultLocation: o.defaultLocation, onHeader });
    } else {
      info.mode = o.mode ?? 'delta';
      parser = format === 'ndjson' ? new NdjsonParser(common) : new JsonArrayParser(common);
    }
  }

  try {
    outer: for await (const chunk of input.stream()) {
      for (let off = 0; off < chunk.length; off += SLICE) {
        parser.push(chunk.length <= SLICE ? chunk : chunk.subarray(off, off + SLICE));
        while (sink.ready.length > 0) yield sink.ready.shift()!;
        // Leaving the loop closes the source: a range reader stops once past its end.
        if (parser.stopped) break outer;
      }
    }
    if (!parser.stopped) parser.end();
  } catch (err) {
    // Hand over the rows parsed before a file-level error, then report it.
    sink.flush();
    while (sink.ready.length > 0) yield sink.ready.shift()!;
    throw err;
  }
  sink.flush();
  while (sink.ready.length > 0) yield sink.ready.shift()!;
  info.done = true;
}
