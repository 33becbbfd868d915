/**
 * NDJSON: one JSON object per LF-terminated line (JSON strings cannot hold a raw newline, so
 * every LF is a record boundary). Blank lines are skipped; each line is parsed on its own.
 */
import { isUtf8 } from 'node:buffer';
import { CR, LF } from './bytes.js';
import { PartialRecord, RAW_MAX, type RecordSink, previewBytes } from './sink.js';

/** Decodes UTF-8, returning null when the bytes are invalid (checked only if U+FFFD shows up). */
export function decodeStrict(buf: Buffer, s: number, e: number): string | null {
  const text = buf.toString('utf8', s, e);
  if (text.includes('\uFFFD') && !isUtf8(buf.subarray(s, e))) return null;
  return text;
}

export function parseObjectText(sink: RecordSink, buf: Buffer, s: number, e: number, line: number): void {
  const text = decodeStrict(buf, s, e);
  if (text === null) return sink.reject(line, 'invalid_utf8', 'row', 'the line is not valid UTF-8', previewBytes(buf, s, e));
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    return sink.reject(
      line,
      'malformed_json',
      'row',
      `not valid JSON: ${msg.length > 120 ? `${msg.slice(0, 120)}…` : msg}`,
      previewBytes(buf, s, e),
    );
  }
  sink.fromObject(v, line, text.length > RAW_MAX ? text.slice(0, RAW_MAX) : text);
}

export interface NdjsonParserOptions {
  sink: RecordSink;
  maxLineBytes: number;
  startOffset: number;
  startLine: number;
  endAtByte: number;
}

export class NdjsonParser {
  stopped = false;
  private readonly sink: RecordSink;
  private readonly maxLineBytes: number;
  private readonly endAtByte: number;
  private base: number;
  private line: number;
  private spanning = false;
  private readonly partial: PartialRecord;

  constructor(o: NdjsonParserOptions) {
    this.sink = o.sink;
    this.maxLineBytes = o.maxLineBytes;
    this.endAtByte = o.endAtByte;
    this.base = o.startOffset;
    this.line = o.startLine;
    this.partial = new PartialRecord(o.maxLineBytes + 1);
  }

  push(buf: Buffer): void {
    if (this.stopped) return;
    this.data(buf);
    this.base += buf.length;
  }

  end(): void {
    if (this.stopped || !this.spanning) return;
    this.spanning = false;
    this.spanDone();
  }

  private spanDone(): void {
    const p = this.partial;
    if (p.oversize) this.tooLong(this.line, p.preview());
    else {
      const rec = p.content();
      this.processLine(rec, 0, rec.length, this.line);
    }
    p.reset();
  }

  private data(buf: Buffer): void {
    const len = buf.length;
    let pos = 0;
    if (this.spanning) {
      const lf = buf.indexOf(LF);
      if (lf < 0) return this.partial.add(buf, 0, len);
      this.partial.add(buf, 0, lf);
      this.spanning = false;
      this.spanDone();
      this.line++;
      pos = lf + 1;
    }
    while (pos < len) {
      if (this.base + pos >= this.endAtByte) {
        this.stopped = true;
        return;
      }
      const lf = buf.indexOf(LF, pos);
      if (lf < 0) {
        this.spanning = true;
        this.partial.reset();
        return this.partial.add(buf, pos, len);
      }
      this.processLine(buf, pos, lf, this.line);
      this.line++;
      pos = lf + 1;
    }
  }

  private tooLong(line: number, raw: string): void {
    this.sink.reject(line, 'line_too_long', 'row', `line exceeds ${this.maxLineBytes} bytes`, raw);
  }

  private processLine(buf: Buffer, s: number, e: number, line: number): void {
    if (e > s && buf[e - 1] === CR) e--;
    if (e - s > this.maxLineBytes) return this.tooLong(line, previewBytes(buf, s, e));
    let t = s;
    while (t < e && (buf[t] === 32 || buf[t] === 9)) t++;
    if (t === e) return;
    parseObjectText(this.sink, buf, s, e, line);
  }
}
