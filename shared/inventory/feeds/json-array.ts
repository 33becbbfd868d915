/**
 * Streaming tokenizer for a JSON array of objects: it only tracks strings and bracket depth to
 * find where each element ends, then JSON.parse-s that one element. Memory: one element (at most
 * maxLineBytes; longer ones are skipped while still tracking depth).
 *
 * Errors inside an element (bad JSON, not an object) reject that element and parsing goes on;
 * errors in the array structure itself (missing comma, truncated file, trailing data) cannot be
 * resynchronised reliably and throw FeedError('malformed_json') after the rows before it.
 */
import { LF, QUOTE } from './bytes.js';
import { parseObjectText } from './ndjson.js';
import { PartialRecord, type RecordSink, previewBytes } from './sink.js';
import { FeedError } from './types.js';

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

const P_PRE = 0; // before '['
const P_FIRST = 1; // after '[': element or ']'
const P_ELEM = 2; // after ',': element required
const P_IN = 3; // inside an element
const P_AFTER = 4; // after an element: ',' or ']'
const P_DONE = 5; // after ']': only whitespace

export interface JsonArrayParserOptions {
  sink: RecordSink;
  maxLineBytes: number;
  startLine: number;
}

export class JsonArrayParser {
  readonly stopped = false;
  private readonly sink: RecordSink;
  private readonly maxLineBytes: number;
  private phase = P_PRE;
  private line: number;
  // Current element.
  private scalar = false;
  private depth = 0;
  private inStr = false;
  private esc = false;
  private spanning = false;
  private elemLine = 0;
  private readonly partial: PartialRecord;

  constructor(o: JsonArrayParserOptions) {
    this.sink = o.sink;
    this.maxLineBytes = o.maxLineBytes;
    this.line = o.startLine;
    this.partial = new PartialRecord(o.maxLineBytes);
  }

  private fail(msg: string): never {
    throw new FeedError('malformed_json', msg, this.line);
  }

  push(buf: Buffer): void {
    const len = buf.length;
    let i = 0;
    while (i < len) {
      if (this.phase === P_IN) {
        i = this.scanElement(buf, i);
        continue;
      }
      const b = buf[i]!;
      if (b === LF) {
        this.line++;
        i++;
        continue;
      }
      if (b === 32 || b === 9 || b === 13) {
        i++;
        continue;
      }
      switch (this.phase) {
        case P_PRE:
          if (b !== OPEN_BRACKET) this.fail('expected "[" at the start of a JSON array feed');
          this.phase = P_FIRST;
          i++;
          break;
        case P_FIRST:
        case P_ELEM:
          if (b === CLOSE_BRACKET) {
            if (this.phase === P_ELEM) this.fail('trailing "," before "]"');
            this.phase = P_DONE;
            i++;
            break;
          }
          if (b === COMMA) this.fail('unexpected ","; expected an object');
          this.startElement(b);
          break; // scanElement consumes the element's first byte
        case P_AFTER:
          if (b === COMMA) this.phase = P_ELEM;
          else if (b === CLOSE_BRACKET) this.phase = P_DONE;
          else this.fail(`expected "," or "]" after an element, found "${String.fromCharCode(b)}"`);
          i++;
          break;
        default:
          this.fail('unexpected data after the closing "]"');
      }
    }
  }

  end(): void {
    if (this.phase === P_IN && this.scalar) {
      // A scalar can end at end of input; the array is unclosed all the same.
      this.completeSpanning();
    }
    if (this.phase !== P_DONE) {
      this.fail(this.phase === P_PRE ? 'expected a JSON array' : 'unexpected end of file: the JSON array is not closed');
    }
  }

  private startElement(b: number): void {
    this.phase = P_IN;
    this.scalar = b !== OPEN_BRACE && b !== OPEN_BRACKET && b !== QUOTE;
    this.depth = 0;
    this.inStr = false;
    this.esc = false;
    this.elemLine = this.line;
    this.spanning = false;
    this.partial.reset();
  }

  /** Scans from i; returns the index after the element, or buf.length if it continues. */
  private scanElement(buf: Buffer, i: number): number {
    const start = i;
    const len = buf.length;
    let end = -1;
    if (this.scalar) {
      for (; i < len; i++) {
        const b = buf[i]!;
        if (b === COMMA || b === CLOSE_BRACKET || b === 32 || b === 9 || b === 10 || b === 13) {
          end = i;
          break;
        }
      }
    } else {
      let depth = this.depth;
      let inStr = this.inStr;
      let esc = this.esc;
      let lines = 0;
      for (; i < len; i++) {
        const b = buf[i]!;
        if (inStr) {
          if (esc) esc = false;
          else if (b === BACKSLASH) esc = true;
          else if (b === QUOTE) {
            inStr = false;
            if (depth === 0) {
              end = i + 1;
              break;
            }
          } else if (b === LF) lines++;
        } else if (b === QUOTE) inStr = true;
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
        else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
          depth--;
          if (depth === 0) {
            end = i + 1;
            break;
          }
        } else if (b === LF) lines++;
      }
      this.depth = depth;
      this.inStr = inStr;
      this.esc = esc;
      this.line += lines;
    }
    if (end < 0) {
      this.partial.add(buf, start, len);
      this.spanning = true;
      return len;
    }
    if (!this.spanning) this.completeElement(buf, start, end);
    else {
      this.partial.add(buf, start, end);
      this.completeSpanning();
    }
    return end;
  }

  private completeSpanning(): void {
    this.spanning = false;
    const p = this.partial;
    if (p.oversize) {
      this.phase = P_AFTER;
      this.tooLong(p.preview());
    } else {
      const rec = p.content();
      this.completeElement(rec, 0, rec.length);
    }
    p.reset();
  }

  private tooLong(raw: string): void {
    this.sink.reject(this.elemLine, 'line_too_long', 'row', `element exceeds ${this.maxLineBytes} bytes`, raw);
  }

  private completeElement(buf: Buffer, s: number, e: number): void {
    this.phase = P_AFTER;
    if (e - s > this.maxLineBytes) return this.tooLong(previewBytes(buf, s, e));
    parseObjectText(this.sink, buf, s, e, this.elemLine);
  }
}
