/**
 * Public types of the inventory-feed parser. Pure data: everything here is JSON-serialisable so a
 * header or a range can travel through Step Functions items unchanged.
 */

export type FeedFormat = 'csv' | 'json' | 'ndjson';

/** `full`: the file is a complete snapshot (locations/SKUs absent from it are out of stock). */
export type FeedMode = 'full' | 'delta';

export type FeedField = 'sku' | 'quantity' | 'location' | 'row';

/** Stable codes of per-row rejections; the rest of the file keeps parsing. */
export type RejectCode =
  | 'missing_value' // sku or quantity cell empty / JSON key absent or null
  | 'malformed_number' // quantity is not a number (or exceeds 2^53-1)
  | 'negative_quantity'
  | 'non_integer_quantity'
  | 'invalid_value' // JSON sku/location of the wrong type (object, boolean, …)
  | 'ambiguous_field' // JSON object carries two aliases of one field (qty and quantity)
  | 'line_too_long' // record longer than maxLineBytes
  | 'invalid_utf8'
  | 'duplicate_key' // same sku+location earlier in the file (firstLine says where)
  | 'wrong_column_count'
  | 'unterminated_quote' // CSV quoted field still open at end of file
  | 'malformed_json' // NDJSON line / JSON array element that JSON.parse rejects
  | 'not_an_object'; // NDJSON line / JSON array element that is not an object

export const REJECT_CODES: readonly RejectCode[] = [
  'missing_value',
  'malformed_number',
  'negative_quantity',
  'non_integer_quantity',
  'invalid_value',
  'ambiguous_field',
  'line_too_long',
  'invalid_utf8',
  'duplicate_key',
  'wrong_column_count',
  'unterminated_quote',
  'malformed_json',
  'not_an_object',
];

export interface FeedRow {
  kind: 'row';
  /** 1-based physical line where the record starts. */
  line: number;
  sku: string;
  location: string;
  quantity: number;
}

export interface FeedRejection {
  kind: 'rejected';
  line: number;
  code: RejectCode;
  field: FeedField;
  /** Human-readable, names the offending value when there is one. */
  reason: string;
  /** Start of the record text (≤ 200 bytes, lossy-decoded); absent for quantity problems. */
  raw?: string;
  /** Set when the row's sku/location parsed: lets a full-snapshot apply spare these keys. */
  sku?: string;
  location?: string;
  /** duplicate_key: line of the first occurrence. */
  firstLine?: number;
}

export type FeedRecord = FeedRow | FeedRejection;

/** Codes of errors that reject the whole file (thrown as FeedError). */
export type FeedErrorCode =
  | 'missing_column' // header lacks sku or quantity
  | 'duplicate_column' // two header columns map to one field (qty and quantity)
  | 'invalid_header' // header not UTF-8, unterminated quote, longer than maxLineBytes
  | 'invalid_directive' // `# restock:` comment with an unknown mode
  | 'mode_conflict' // file directive and caller option disagree
  | 'empty_file' // no header / no content
  | 'malformed_json' // JSON array structure broken (outside an element); rows before were yielded
  | 'invalid_gzip'
  | 'unsupported_range' // byte ranges on gzip or JSON-array input
  | 'invalid_options';

export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/**
 * What readFeedHeader learns from the start of a file; pass it to parseFeed for ranges that do not
 * start at byte 0. Byte offsets are of the stored (uncompressed) object, BOM included.
 */
export interface FeedHeader {
  format: FeedFormat;
  /** CSV only. */
  delimiter?: ',' | ';' | '\t';
  /** CSV only: normalised header names in file order ('' for unnamed columns). */
  columns?: string[];
  /** From a `# restock: mode=…` directive (CSV only). */
  mode?: FeedMode;
  /** Offset of the first data record and its line number. */
  dataStartByte: number;
  dataStartLine: number;
}

export interface ByteRange {
  index: number;
  startAtByte: number;
  endAtByte: number;
}

/** A byte range whose start is a record boundary, with the absolute line number there. */
export interface FeedRange extends ByteRange {
  startLine: number;
}

export interface ParseFeedOptions {
  /** Default: detected from the first non-whitespace byte: '[' json, '{' ndjson, else csv. */
  format?: FeedFormat;
  /** Location id for rows without a location. */
  defaultLocation: string;
  /** Longest accepted record in bytes (line terminator excluded). Default 64 KiB. */
  maxLineBytes?: number;
  /** Records per yielded batch. Default 1000. */
  batchSize?: number;
  /** Caller's view of the mode (e.g. from the S3 key); a CSV directive must agree. Default delta. */
  mode?: FeedMode;
  /** Reject repeated sku+location within this parse. Default true. */
  dedupe?: boolean;
  /**
   * Byte-range mode (CSV/NDJSON, uncompressed). The source yields the object's bytes from
   * startAtByte on. A start > 0 must be a record boundary from alignByteRanges, with `header` and
   * `startLine`. Records starting at or after endAtByte are left to the next range.
   */
  startAtByte?: number;
  endAtByte?: number;
  startLine?: number;
  header?: FeedHeader;
}

/** Filled in while parsing: format/mode/header before the first batch, counts when done. */
export interface FeedInfo {
  format: FeedFormat | undefined;
  compressed: boolean;
  mode: FeedMode;
  header: FeedHeader | undefined;
  rows: number;
  rejected: number;
  /** Distinct sku+location keys held by duplicate detection. */
  distinctKeys: number;
  done: boolean;
}

export interface FeedStream extends AsyncIterable<FeedRecord[]> {
  readonly info: FeedInfo;
}
