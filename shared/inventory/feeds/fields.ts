/**
 * Column names, aliases and the quantity grammar shared by every format.
 */
import { FeedError } from './types.js';

export const F_SKU = 0;
export const F_QUANTITY = 1;
export const F_LOCATION = 2;
export const F_IGNORED = 3;
export type FieldId = 0 | 1 | 2 | 3;

const ALIASES: Record<string, FieldId> = {
  sku: F_SKU,
  quantity: F_QUANTITY,
  qty: F_QUANTITY,
  on_hand: F_QUANTITY,
  location: F_LOCATION,
  location_id: F_LOCATION,
};

/** "On Hand" and "location-id" are what spreadsheets produce for on_hand / location_id. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function fieldOf(name: string): FieldId {
  return ALIASES[normalizeName(name)] ?? F_IGNORED;
}

export interface ColumnMap {
  count: number;
  sku: number;
  quantity: number;
  /** -1 when the file has no location column. */
  location: number;
}

export function resolveColumns(names: readonly string[], line: number): ColumnMap {
  const idx = [-1, -1, -1];
  names.forEach((n, i) => {
    const f = fieldOf(n);
    if (f === F_IGNORED) return;
    const prev = idx[f]!;
    if (prev >= 0) {
      throw new FeedError(
        'duplicate_column',
        `header columns "${names[prev]}" and "${n}" both mean ${['sku', 'quantity', 'location'][f]}`,
        line,
      );
    }
    idx[f] = i;
  });
  const missing = [idx[F_SKU]! < 0 ? 'sku' : '', idx[F_QUANTITY]! < 0 ? 'quantity (or qty, on_hand)' : '']
    .filter(Boolean)
    .join(' and ');
  if (missing) {
    throw new FeedError(
      'missing_column',
      `header lacks ${missing}; found columns: ${names.map((n) => JSON.stringify(n)).join(', ')}`,
      line,
    );
  }
  return { count: names.length, sku: idx[F_SKU]!, quantity: idx[F_QUANTITY]!, location: idx[F_LOCATION]! };
}

/** Negative results of parseQuantity; any value ≥ 0 is the quantity. */
export const Q_MISSING = -1;
export const Q_MALFORMED = -2;
export const Q_NEGATIVE = -3;
export const Q_FRACTION = -4;
export const Q_TOO_LARGE = -5;

/**
 * Parses a trimmed decimal quantity straight from bytes (no string allocated on the hot path).
 * Grammar: [+-]? digits* ('.' digits*)? with at least one digit. "5.0" is accepted as 5 because
 * spreadsheets write whole numbers that way; exponents and thousands separators are malformed.
 */
export function parseQuantityBytes(buf: Uint8Array, s: number, e: number): number {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
  if (s === e) return Q_MISSING;
  let neg = false;
  if (buf[s] === 45) {
    neg = true;
    s++;
  } else if (buf[s] === 43) s++;
  let v = 0;
  let digits = 0;
  let fracNonZero = false;
  while (s < e) {
    const d = buf[s]! - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    digits++;
    s++;
  }
  if (s < e && buf[s] === 46) {
    s++;
    while (s < e) {
      const d = buf[s]! - 48;
      if (d < 0 || d > 9) break;
      if (d !== 0) fracNonZero = true;
      digits++;
      s++;
    }
  }
  if (s !== e || digits === 0) return Q_MALFORMED;
  if (neg && (v !== 0 || fracNonZero)) return Q_NEGATIVE;
  if (fracNonZero) return Q_FRACTION;
  // Once past 2^53 the running value can only stay above it, so this catches every overflow.
  if (v > Number.MAX_SAFE_INTEGER) return Q_TOO_LARGE;
  return v;
}

export function parseQuantityString(s: string): number {
  return parseQuantityBytes(Buffer.from(s, 'utf8'), 0, Buffer.byteLength(s, 'utf8'));
}

/** JSON numbers: 1e3 is a valid JSON spelling of 1000, so only the value is checked. */
export function checkQuantityNumber(q: number): number {
  if (!Number.isFinite(q)) return Q_MALFORMED;
  if (q < 0) return Q_NEGATIVE;
  if (!Number.isInteger(q)) return Q_FRACTION;
  if (q > Number.MAX_SAFE_INTEGER) return Q_TOO_LARGE;
  return q === 0 ? 0 : q; // folds -0
}
