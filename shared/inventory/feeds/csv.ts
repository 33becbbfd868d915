/**
 * Byte-level CSV: preamble (comments, `# restock:` directive, header), record boundaries and
 * fields. Works on bytes, not strings: UTF-8 multi-byte sequences never contain bytes < 0x80, so
 * delimiters, quotes and newlines can be found without decoding, and only the sku / quantity /
 * location cells of a row are ever turned into strings.
 *
 * Quote rules (RFC 4180 plus the leniency spreadsheets need): a quote is special only as the first
 * byte of a field; inside a quoted field "" is a quote and a lone " closes it; bytes after the
 * closing quote are kept literally (`"12" pipe` → `12 pipe`). A quote elsewhere is a literal byte.
 * Records end at an LF outside quotes; a CR before that LF is dropped. Lines are counted by LF.
 */
import { isUtf8 } from 'node:buffer';
import { CR, EMPTY, LF, QUOTE } from './bytes.js';
import { type ColumnMap, normalizeName, parseQuantityBytes, parseQuantityString, resolveColumns } from './fields.js';
import { PartialRecord, type RecordSink, previewBytes } from './sink.js';
import { FeedError, type FeedHeader, type FeedMode } from './types.js';

const HASH = 35;

export const S_FIELD = 0; // at the start of a field (or just after a closing quote: same moves)
export const S_UNQ = 1; // inside an unquoted field
export const S_QUOTED = 2; // inside a quoted field
export const S_PENDING = 3; // just read a quote inside a quoted field: closes it unless "" follows

/**
 * Finds record ends (LF outside quotes) across chunk boundaries. Shared by the parser (slow path
 * and oversize skipping) and by alignByteRanges, so range boundaries agree with the parser by
 * construction.
 */
export class CsvBoundaryScanner {
  state = S_FIELD;
  /** LFs inside quoted fields since reset(): a record's extra physical lines. */
  innerLines = 0;
  /** Cached position of the next quote in qBuf at or after qFrom (-1: none). */
  private qBuf: Uint8Array | null = null;
  private qFrom = 0;
  private qPos = -1;

  constructor(readonly delim: number) {}

  reset(): void {
    this.state = S_FIELD;
    this.innerLines = 0;
  }

  /** Index of the LF ending the current record, or -1 when buf ends first (state is kept). */
  scan(buf: Buffer, pos: number): number {
    if (this.state !== S_QUOTED) {
      // Fast path: if no quote precedes the next LF, that LF ends the record whatever the state.
      if (this.qBuf !== buf || pos < this.qFrom || (this.qPos >= 0 && this.qPos < pos)) {
        this.qBuf = buf;
        this.qFrom = pos;
        this.qPos = buf.indexOf(QUOTE, pos);
      }
      const lf = buf.indexOf(LF, pos);
      if (lf >= 0 && (this.qPos < 0 || this.qPos > lf)) {
        this.state = S_FIELD;
        return lf;
      }
    }
    const delim = this.delim;
    const len = buf.length;
    let st = this.state;
    let inner = 0;
    for (let i = pos; i < len; i++) {
      const b = buf[i]!;
      if (st === S_QUOTED) {
        if (b === QUOTE) st = S_PENDING;
        else if (b === LF) inner++;
        continue;
      }
      if (b === LF) {
        this.state = S_FIELD;
        this.innerLines += inner;
        return i;
      }
      if (st === S_UNQ) {
        if (b === delim) st = S_FIELD;
      } else {
        // S_FIELD and S_PENDING move alike: quote → quoted, delimiter → next field, else unquoted.
        st = b === QUOTE ? S_QUOTED : b === delim ? S_FIELD : S_UNQ;
      }
    }
    this.state = st;
    this.innerLines += inner;
    return -1;
  }
}

/** Unescapes a quoted field [s, e) that starts with a quote. */
export function decodeQuoted(buf: Buffer, s: number, e: number): string {
  const out = Buffer.allocUnsafe(e - s);
  let n = 0;
  let i = s + 1;
  while (i < e) {
    const b = buf[i]!;
    if (b === QUOTE) {
      if (i + 1 < e && buf[i + 1] === QUOTE) {
        out[n++] = QUOTE;
        i += 2;
        continue;
      }
      i++;
      while (i < e) out[n++] = buf[i++]!;
      break;
    }
    out[n++] = b;
    i++;
  }
  return out.toString('utf8', 0, n);
}

/** Splits one complete record into decoded strings (header only; rows use the byte path). */
export function splitRecord(buf: Buffer, s: number, e: number, delim: number): { fields: string[]; open: boolean } {
  const fields: string[] = [];
  let st = S_FIELD;
  let start = s;
  let quoted = false;
  const emit = (end: number): void => {
    fields.push(quoted ? decodeQuoted(buf, start, end) : buf.toString('utf8', start, end));
  };
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (st === S_QUOTED) {
      if (b === QUOTE) st = S_PENDING;
      continue;
    }
    if (b === delim) {
      emit(i);
      start = i + 1;
      st = S_FIELD;
      quoted = false;
    } else if (st === S_FIELD && b === QUOTE) {
      st = S_QUOTED;
      quoted = true;
    } else if (st === S_PENDING && b === QUOTE) st = S_QUOTED;
    else st = S_UNQ;
  }
  emit(e);
  return { fields, open: st === S_QUOTED };
}

const MODES: Record<string, FeedMode> = {
  full: 'full',
  snapshot: 'full',
  delta: 'delta',
  partial: 'delta',
  incremental: 'delta',
};

function pickDelimiter(buf: Buffer, s: number, e: number): number {
  const counts = [0, 0, 0];
  let inQ = false;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b === QUOTE) inQ = !inQ;
    else if (!inQ) {
      if (b === 44) counts[0]!++;
      else if (b === 59) counts[1]!++;
      else if (b === 9) counts[2]!++;
    }
  }
  const [c, sc, t] = counts as [number, number, number];
  return sc > c && sc >= t ? 59 : t > c && t > sc ? 9 : 44;
}

export interface CsvHeaderResult {
  header: FeedHeader;
  columns: ColumnMap;
}

function isBlank(buf: Buffer, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (buf[i] !== 32 && buf[i] !== 9) return false;
  return true;
}

/**
 * Reads blank lines, `#` comment lines and the header line. The directive is a comment line
 * before the header: `# restock: mode=full` (also snapshot; delta/partial/incremental = delta).
 * Other keys after `restock:` are ignored so later directives can be added.
 */
export class CsvPreamble {
  private pending: Buffer = EMPTY;
  /** Absolute offset of pending[0]. */
  private pendingAt: number;
  private line = 1;
  private mode: FeedMode | undefined;
  result: CsvHeaderResult | undefined;
  /** Bytes after the header line, once the header is found. */
  rest: Buffer = EMPTY;

  constructor(
    startOffset: number,
    private readonly maxLineBytes: number,
  ) {
    this.pendingAt = startOffset;
  }

  push(chunk: Buffer): boolean {
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    return this.consume(false);
  }

  /** At end of input: a header without a trailing newline still counts. */
  finish(): boolean {
    return this.result !== undefined || this.consume(true);
  }

  private consume(eof: boolean): boolean {
    const buf = this.pending;
    let p = 0;
    while (p < buf.length) {
      const lf = buf.indexOf(LF, p);
      if (lf < 0 && !eof) {
        if (buf.length - p > this.maxLineBytes + 1) {
          throw new FeedError('invalid_header', `header or comment line exceeds ${this.maxLineBytes} bytes`, this.line);
        }
        // Copy: the caller's chunk may be reused once we return.
        this.pending = Buffer.from(buf.subarray(p));
        this.pendingAt += p;
        return false;
      }
      const next = lf < 0 ? buf.length : lf + 1;
      let e = lf < 0 ? buf.length : lf;
      if (e > p && buf[e - 1] === CR) e--;
      let t = p;
      while (t < e && (buf[t] === 32 || buf[t] === 9)) t++;
      if (t === e) {
        this.line++;
      } else if (buf[t] === HASH) {
        if (e - p > this.maxLineBytes) {
          throw new FeedError('invalid_header', `comment line exceeds ${this.maxLineBytes} bytes`, this.line);
        }
        this.directive(buf.toString('utf8', t, e));
        this.line++;
      } else {
        this.result = this.header(buf, p, e, next);
        this.rest = buf.subarray(next);
        this.pending = EMPTY;
        return true;
      }
      p = next;
    }
    this.pending = EMPTY;
    this.pendingAt += p;
    if (eof) throw new FeedError('empty_file', 'the file has no header row (expected e.g. "sku,quantity,location")');
    return false;
  }

  private directive(text: string): void {
    const m = /^#\s*restock\s*:(.*)$/i.exec(text);
    if (!m) return;
    let found = false;
    for (const [, k, v] of m[1]!.matchAll(/([A-Za-z_]+)\s*=\s*([^\s,;]*)/g)) {
      if (k!.toLowerCase() !== 'mode') continue;
      const mode = MODES[v!.toLowerCase()];
      if (!mode) {
        throw new FeedError('invalid_directive', `unknown mode "${v}" (use mode=full or mode=delta)`, this.line);
      }
      if (this.mode && this.mode !== mode) {
        throw new FeedError('invalid_directive', `conflicting modes "${this.mode}" and "${mode}"`, this.line);
      }
      this.mode = mode;
      found = true;
    }
    if (!found) throw new FeedError('invalid_directive', 'a "# restock:" line must say mode=full or mode=delta', this.line);
  }

  private header(buf: Buffer, s: number, e: number, next: number): CsvHeaderResult {
    const line = this.line;
    if (e - s > this.maxLineBytes) {
      throw new FeedError('invalid_header', `header exceeds ${this.maxLineBytes} bytes`, line);
    }
    if (!isUtf8(buf.subarray(s, e))) throw new FeedError('invalid_header', 'header is not valid UTF-8', line);
    const delim = pickDelimiter(buf, s, e);
    const { fields, open } = splitRecord(buf, s, e, delim);
    if (open) throw new FeedError('invalid_header', 'header has an unterminated quote (it must fit on one line)', line);
    const names = fields.map((f) => f.trim());
    const columns = resolveColumns(names, line);
    const header: FeedHeader = {
      format: 'csv',
      delimiter: delim === 59 ? ';' : delim === 9 ? '\t' : ',',
      columns: names.map(normalizeName),
      dataStartByte: this.pendingAt + next,
      dataStartLine: line + 1,
    };
    if (this.mode) header.mode = this.mode;
    return { header, columns };
  }
}

export function delimiterByte(h: FeedHeader): number {
  return h.delimiter === ';' ? 59 : h.delimiter === '\t' ? 9 : 44;
}

export interface CsvParserOptions {
  sink: RecordSink;
  maxLineBytes: number;
  defaultLocation: string;
  /** Absolute offset of the first byte pushed. */
  startOffset: number;
  /** Line number of the first byte pushed. */
  startLine: number;
  /** Records starting at or after this offset are not parsed. */
  endAtByte: number;
  /** Range mode: header from readFeedHeader; the first byte pushed starts a record. */
  header?: FeedHeader;
  onHeader: (h: FeedHeader) => void;
}

export class CsvParser {
  stopped = false;
  private readonly sink: RecordSink;
  private readonly maxLineBytes: number;
  private readonly defaultLocation: string;
  private readonly endAtByte: number;
  private readonly onHeader: (h: FeedHeader) => void;
  private preamble: CsvPreamble | null = null;
  /** Absolute offset of buf[0] of the buffer being parsed. */
  private base: number;
  /** Line number where the next record starts. */
  private line: number;

  private delim = 44;
  private cols: ColumnMap = { count: 0, sku: 0, quantity: 0, location: -1 };
  /** Fields beyond the header's count are counted, not stored. */
  private cap = 0;
  private fStart = new Int32Array(0);
  private fEnd = new Int32Array(0);
  /** 0 unquoted, 1 quoted without escapes (strip the quotes), 2 needs decodeQuoted. */
  private fKind = new Uint8Array(0);
  private nf = 0;
  private acc = 0;
  private lastStart = 0;
  private scanner = new CsvBoundaryScanner(44);

  /** A record spanning buffers (+1: a CR before the LF is not counted against the limit). */
  private spanning = false;
  private readonly partial: PartialRecord;
  private recLine = 0;

  constructor(o: CsvParserOptions) {
    this.sink = o.sink;
    this.maxLineBytes = o.maxLineBytes;
    this.defaultLocation = o.defaultLocation;
    this.endAtByte = o.endAtByte;
    this.onHeader = o.onHeader;
    this.base = o.startOffset;
    this.line = o.startLine;
    this.partial = new PartialRecord(o.maxLineBytes + 1);
    if (o.header) {
      this.startData(o.header, resolveColumns(o.header.columns ?? [], o.header.dataStartLine - 1));
    } else {
      this.preamble = new CsvPreamble(o.startOffset, o.maxLineBytes);
    }
  }

  private startData(h: FeedHeader, cols: ColumnMap): void {
    this.delim = delimiterByte(h);
    this.cols = cols;
    this.cap = cols.count;
    this.fStart = new Int32Array(this.cap);
    this.fEnd = new Int32Array(this.cap);
    this.fKind = new Uint8Array(this.cap);
    this.scanner = new CsvBoundaryScanner(this.delim);
    this.onHeader(h);
  }

  push(buf: Buffer): void {
    if (this.stopped) return;
    if (this.preamble) {
      if (!this.preamble.push(buf)) return;
      this.afterPreamble();
      return;
    }
    this.data(buf);
    this.base += buf.length;
  }

  end(): void {
    if (this.stopped) return;
    if (this.preamble) {
      this.preamble.finish();
      this.afterPreamble();
    }
    if (this.spanning) this.spanAtEof();
  }

  private afterPreamble(): void {
    const p = this.preamble!;
    const r = p.result!;
    this.preamble = null;
    this.line = r.header.dataStartLine;
    this.base = r.header.dataStartByte;
    this.startData(r.header, r.columns);
    const rest = p.rest;
    this.data(rest);
    this.base += rest.length;
  }

  private data(buf: Buffer): void {
    const len = buf.length;
    let pos = 0;
    if (this.spanning) {
      const e = this.scanner.scan(buf, 0);
      if (e < 0) {
        this.partial.add(buf, 0, len);
        return;
      }
      this.spanEnd(buf, e);
      pos = e + 1;
    }
    while (pos < len) {
      if (this.base + pos >= this.endAtByte) {
        this.stopped = true;
        return;
      }
      const r = this.scanFast(buf, pos, len);
      if (r >= 0) {
        let end = r;
        if (end > pos && buf[end - 1] === CR) {
          end--;
          if (this.nf <= this.cap) this.fEnd[this.nf - 1] = end;
        }
        this.finishRecord(buf, pos, end, this.line);
        this.line++;
        pos = r + 1;
        continue;
      }
      this.scanner.reset();
      const e = this.scanner.scan(buf, pos);
      if (e >= 0) {
        this.processRecord(buf, pos, e, this.line);
        this.line += 1 + this.scanner.innerLines;
        pos = e + 1;
        continue;
      }
      // Too long or not: the scanner keeps tracking quotes to find where the record ends.
      this.spanning = true;
      this.recLine = this.line;
      this.partial.reset();
      this.partial.add(buf, pos, len);
      return;
    }
  }

  private spanEnd(buf: Buffer, e: number): void {
    const line = this.recLine;
    this.spanning = false;
    this.line = line + 1 + this.scanner.innerLines;
    const p = this.partial;
    p.add(buf, 0, e);
    if (p.oversize) this.tooLong(line, p.preview());
    else {
      const rec = p.content();
      this.processRecord(rec, 0, rec.length, line);
    }
    p.reset();
  }

  private spanAtEof(): void {
    const line = this.recLine;
    const p = this.partial;
    this.spanning = false;
    if (this.scanner.state === S_QUOTED) {
      this.sink.reject(
        line,
        'unterminated_quote',
        'row',
        'a quoted field opened in this record is never closed; the rest of the file was read as part of it',
        p.preview(),
      );
    } else if (p.oversize) {
      this.tooLong(line, p.preview());
    } else {
      const rec = p.content();
      this.processRecord(rec, 0, rec.length, line);
    }
    p.reset();
  }

  private tooLong(line: number, raw: string): void {
    this.sink.reject(line, 'line_too_long', 'row', `record exceeds ${this.maxLineBytes} bytes`, raw);
  }

  /**
   * Fast path for quote-free records: one pass finds the fields and the LF. Returns the LF index,
   * -1 when a quote is seen (caller takes the slow path), -2 when `end` comes first.
   */
  private scanFast(buf: Buffer, pos: number, end: number): number {
    const delim = this.delim;
    const cap = this.cap;
    const fs = this.fStart;
    const fe = this.fEnd;
    const fk = this.fKind;
    let nf = 0;
    let start = pos;
    let acc = 0;
    for (let i = pos; i < end; i++) {
      const b = buf[i]!;
      if (b === LF) {
        if (nf < cap) {
          fs[nf] = start;
          fe[nf] = i;
          fk[nf] = 0;
        }
        this.nf = nf + 1;
        this.acc = acc;
        return i;
      }
      if (b === delim) {
        if (nf < cap) {
          fs[nf] = start;
          fe[nf] = i;
          fk[nf] = 0;
        }
        nf++;
        start = i + 1;
      } else if (b === QUOTE) {
        return -1;
      } else acc |= b;
    }
    this.nf = nf;
    this.lastStart = start;
    this.acc = acc;
    return -2;
  }

  /** Fields of a record containing quotes; same transitions as CsvBoundaryScanner. */
  private tokenizeQuoted(buf: Buffer, s: number, end: number): void {
    const delim = this.delim;
    const cap = this.cap;
    let st = S_FIELD;
    let start = s;
    let kind = 0;
    let nf = 0;
    let acc = 0;
    for (let i = s; i < end; i++) {
      const b = buf[i]!;
      acc |= b;
      if (st === S_QUOTED) {
        if (b === QUOTE) st = S_PENDING;
        continue;
      }
      if (b === delim) {
        if (nf < cap) {
          this.fStart[nf] = start;
          this.fEnd[nf] = i;
          this.fKind[nf] = kind;
        }
        nf++;
        start = i + 1;
        st = S_FIELD;
        kind = 0;
      } else if (st === S_FIELD) {
        if (b === QUOTE) {
          st = S_QUOTED;
          kind = 1;
        } else st = S_UNQ;
      } else if (st === S_PENDING) {
        // "" is an escaped quote; anything else after a closing quote is kept literally.
        st = b === QUOTE ? S_QUOTED : S_UNQ;
        kind = 2;
      }
    }
    if (nf < cap) {
      this.fStart[nf] = start;
      this.fEnd[nf] = end;
      this.fKind[nf] = st === S_QUOTED ? 2 : kind;
    }
    this.nf = nf + 1;
    this.acc = acc;
  }

  /** A complete record [s, e) where e is its LF (or end of input). */
  private processRecord(buf: Buffer, s: number, e: number, line: number): void {
    let end = e;
    if (end > s && buf[end - 1] === CR) end--;
    const r = this.scanFast(buf, s, end);
    if (r === -2) {
      const nf = this.nf;
      if (nf < this.cap) {
        this.fStart[nf] = this.lastStart;
        this.fEnd[nf] = end;
        this.fKind[nf] = 0;
      }
      this.nf = nf + 1;
    } else {
      this.tokenizeQuoted(buf, s, end);
    }
    this.finishRecord(buf, s, end, line);
  }

  private finishRecord(buf: Buffer, s: number, end: number, line: number): void {
    const sink = this.sink;
    if (end - s > this.maxLineBytes) return this.tooLong(line, previewBytes(buf, s, end));
    const ascii = (this.acc & 0x80) === 0;
    if (!ascii && !isUtf8(buf.subarray(s, end))) {
      return sink.reject(line, 'invalid_utf8', 'row', 'the line is not valid UTF-8', previewBytes(buf, s, end));
    }
    const cols = this.cols;
    if (this.nf !== cols.count) {
      if (this.nf === 1 && isBlank(buf, s, end)) return;
      return sink.reject(
        line,
        'wrong_column_count',
        'row',
        `expected ${cols.count} fields like the header, found ${this.nf}`,
        previewBytes(buf, s, end),
      );
    }
    const sku = this.text(buf, cols.sku, ascii);
    if (sku === '') return sink.reject(line, 'missing_value', 'sku', 'sku is empty', previewBytes(buf, s, end));
    let location = cols.location >= 0 ? this.text(buf, cols.location, ascii) : '';
    if (location === '') location = this.defaultLocation;
    const k = cols.quantity;
    const kind = this.fKind[k]!;
    const q =
      kind === 0
        ? parseQuantityBytes(buf, this.fStart[k]!, this.fEnd[k]!)
        : kind === 1
          ? parseQuantityBytes(buf, this.fStart[k]! + 1, this.fEnd[k]! - 1)
          : parseQuantityString(decodeQuoted(buf, this.fStart[k]!, this.fEnd[k]!));
    if (q < 0) return sink.quantityError(line, q, this.text(buf, k, ascii), sku, location);
    sink.row(line, sku, location, q);
  }

  /** Trimmed cell text; latin1 decoding is exact (and cheapest) for an all-ASCII record. */
  private text(buf: Buffer, k: number, ascii: boolean): string {
    let s = this.fStart[k]!;
    let e = this.fEnd[k]!;
    const kind = this.fKind[k]!;
    if (kind === 2) return decodeQuoted(buf, s, e).trim();
    if (kind === 1) {
      s++;
      e--;
    }
    while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
    while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
    if (s === e) return '';
    return ascii ? buf.toString('latin1', s, e) : buf.toString('utf8', s, e).trim();
  }
}
