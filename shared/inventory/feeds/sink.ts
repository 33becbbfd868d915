/**
 * Where every format parser sends its rows: value checks shared by all formats, duplicate
 * detection, counters and batching. Batches are queued in `ready`; the driver drains the queue
 * after each input slice, which bounds the queue by the slice size.
 */
import {
  F_IGNORED,
  F_LOCATION,
  F_QUANTITY,
  F_SKU,
  type FieldId,
  Q_FRACTION,
  Q_MALFORMED,
  Q_MISSING,
  Q_NEGATIVE,
  Q_TOO_LARGE,
  checkQuantityNumber,
  fieldOf,
  parseQuantityString,
} from './fields.js';
import { SeenKeys } from './seen-keys.js';
import type { FeedField, FeedInfo, FeedRecord, RejectCode } from './types.js';

export const RAW_MAX = 200;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function show(v: string): string {
  return JSON.stringify(clip(v, 40));
}

/** Lossy preview of record bytes [s, e) (terminator excluded) for `raw`. */
export function previewBytes(buf: Buffer, s: number, e: number): string {
  return buf.toString('utf8', s, Math.min(e, s + RAW_MAX)) + (e - s > RAW_MAX ? '…' : '');
}

/**
 * A record that spans input chunks: its bytes are copied here until it completes, unless it grows
 * past the limit, after which only its first bytes (for `raw`) and its length are kept. The
 * preview matches previewBytes of the whole record, so the report does not depend on chunking.
 */
export class PartialRecord {
  parts: Buffer[] = [];
  oversize = false;
  private bytes = 0;
  private total = 0;
  private last = -1;
  private head: Buffer[] = [];
  private headBytes = 0;

  /** `limit`: longest record kept, in bytes including a CR that will be stripped. */
  constructor(private readonly limit: number) {}

  reset(): void {
    this.parts = [];
    this.oversize = false;
    this.bytes = 0;
    this.total = 0;
    this.last = -1;
    this.head = [];
    this.headBytes = 0;
  }

  add(buf: Buffer, s: number, e: number): void {
    if (e <= s) return;
    this.total += e - s;
    this.last = buf[e - 1]!;
    if (this.headBytes <= RAW_MAX) {
      const h = buf.subarray(s, Math.min(e, s + RAW_MAX + 1 - this.headBytes));
      this.head.push(Buffer.from(h));
      this.headBytes += h.length;
    }
    if (this.oversize) return;
    if (this.bytes + (e - s) > this.limit) {
      this.oversize = true;
      this.parts = [];
      return;
    }
    this.parts.push(Buffer.from(buf.subarray(s, e)));
    this.bytes += e - s;
  }

  content(): Buffer {
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
  }

  preview(): string {
    const len = this.total - (this.last === 13 ? 1 : 0);
    return previewBytes(Buffer.concat(this.head), 0, len);
  }
}

export class RecordSink {
  readonly ready: FeedRecord[][] = [];
  private batch: FeedRecord[] = [];
  private readonly seen: SeenKeys | null;
  /** JSON key → field; capped so a file with ever-new keys cannot grow it without bound. */
  private readonly keyCache = new Map<string, FieldId>();

  constructor(
    private readonly batchSize: number,
    dedupe: boolean,
    private readonly info: FeedInfo,
    readonly defaultLocation: string,
  ) {
    this.seen = dedupe ? new SeenKeys() : null;
  }

  private push(r: FeedRecord): void {
    this.batch.push(r);
    if (this.batch.length >= this.batchSize) {
      this.ready.push(this.batch);
      this.batch = [];
    }
  }

  flush(): void {
    if (this.batch.length > 0) {
      this.ready.push(this.batch);
      this.batch = [];
    }
    if (this.seen) this.info.distinctKeys = this.seen.size;
  }

  row(line: number, sku: string, location: string, quantity: number): void {
    if (this.seen) {
      const first = this.seen.check(sku, location, line);
      if (first !== 0) {
        this.info.rejected++;
        this.push({
          kind: 'rejected',
          line,
          code: 'duplicate_key',
          field: 'sku',
          reason: `sku ${show(sku)} at location ${show(location)} already appeared on line ${first}`,
          sku,
          location,
          firstLine: first,
        });
        return;
      }
    }
    this.info.rows++;
    this.push({ kind: 'row', line, sku, location, quantity });
  }

  reject(
    line: number,
    code: RejectCode,
    field: FeedField,
    reason: string,
    raw?: string,
    sku?: string,
    location?: string,
  ): void {
    this.info.rejected++;
    const r: FeedRecord = { kind: 'rejected', line, code, field, reason };
    if (raw !== undefined) r.raw = raw;
    if (sku !== undefined) r.sku = sku;
    if (location !== undefined) r.location = location;
    this.push(r);
  }

  /** Reports a negative parseQuantity* result. */
  quantityError(line: number, q: number, text: string, sku: string, location: string): void {
    switch (q) {
      case Q_MISSING:
        return this.reject(line, 'missing_value', 'quantity', 'quantity is empty', undefined, sku, location);
      case Q_NEGATIVE:
        return this.reject(line, 'negative_quantity', 'quantity', `quantity ${show(text)} is negative`, undefined, sku, location);
      case Q_FRACTION:
        return this.reject(line, 'non_integer_quantity', 'quantity', `quantity ${show(text)} is not a whole number`, undefined, sku, location);
      case Q_TOO_LARGE:
        return this.reject(line, 'malformed_number', 'quantity', `quantity ${show(text)} exceeds ${Number.MAX_SAFE_INTEGER}`, undefined, sku, location);
      case Q_MALFORMED:
      default:
        return this.reject(line, 'malformed_number', 'quantity', `quantity ${show(text)} is not a number`, undefined, sku, location);
    }
  }

  private fieldOfKey(k: string): FieldId {
    let f = this.keyCache.get(k);
    if (f === undefined) {
      f = fieldOf(k);
      if (this.keyCache.size < 1024) this.keyCache.set(k, f);
    }
    return f;
  }

  /** One parsed NDJSON line / JSON array element. */
  fromObject(v: unknown, line: number, text: string): void {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      return this.reject(line, 'not_an_object', 'row', 'expected a JSON object', clip(text, RAW_MAX));
    }
    const o = v as Record<string, unknown>;
    let skuV: unknown;
    let qtyV: unknown;
    let locV: unknown;
    let have = 0;
    for (const k in o) {
      const f = this.fieldOfKey(k);
      if (f === F_IGNORED) continue;
      if (have & (1 << f)) {
        const name = ['sku', 'quantity', 'location'][f] as FeedField;
        return this.reject(line, 'ambiguous_field', name, `object has more than one key meaning ${name}`, clip(text, RAW_MAX));
      }
      have |= 1 << f;
      if (f === F_SKU) skuV = o[k];
      else if (f === F_QUANTITY) qtyV = o[k];
      else if (f === F_LOCATION) locV = o[k];
    }
    let sku: string;
    if (typeof skuV === 'string') sku = skuV.trim();
    else if (typeof skuV === 'number' && Number.isFinite(skuV)) sku = String(skuV);
    else if (skuV === undefined || skuV === null) sku = '';
    else return this.reject(line, 'invalid_value', 'sku', `sku must be a string, got ${typeof skuV}`, clip(text, RAW_MAX));
    if (sku === '') return this.reject(line, 'missing_value', 'sku', 'sku is missing', clip(text, RAW_MAX));
    let location: string;
    if (typeof locV === 'string') location = locV.trim();
    else if (typeof locV === 'number' && Number.isFinite(locV)) location = String(locV);
    else if (locV === undefined || locV === null) location = '';
    else {
      return this.reject(line, 'invalid_value', 'location', `location must be a string, got ${typeof locV}`, clip(text, RAW_MAX), sku);
    }
    if (location === '') location = this.defaultLocation;
    let q: number;
    let qText: string;
    if (typeof qtyV === 'number') {
      q = checkQuantityNumber(qtyV);
      qText = String(qtyV);
    } else if (typeof qtyV === 'string') {
      q = parseQuantityString(qtyV);
      qText = qtyV.trim();
    } else if (qtyV === undefined || qtyV === null) {
      q = Q_MISSING;
      qText = '';
    } else {
      q = Q_MALFORMED;
      qText = JSON.stringify(qtyV) ?? String(qtyV);
    }
    if (q < 0) return this.quantityError(line, q, qText, sku, location);
    this.row(line, sku, location, q);
  }
}
