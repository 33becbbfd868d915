/**
 * Byte plumbing: Buffer views over the caller's chunks, a peekable input (format/gzip/BOM
 * detection without losing bytes), and streaming gunzip.
 */
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FeedError, type FeedFormat } from './types.js';

export const LF = 10;
export const CR = 13;
export const QUOTE = 34;

export const EMPTY = Buffer.alloc(0);

/** A Buffer view (no copy), so parsers can use indexOf/toString on any Uint8Array. */
export function toBuffer(c: Uint8Array | string): Buffer {
  if (typeof c === 'string') return Buffer.from(c, 'utf8');
  return Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

export async function* buffersOf(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const c of source) if (c.length > 0) yield toBuffer(c);
}

export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

export function bomLength(b: Uint8Array): number {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
}

function isWs(b: number): boolean {
  return b === 32 || b === 9 || b === LF || b === CR;
}

/** Format from the first non-whitespace byte at or after `from`; undefined if there is none. */
export function detectFormat(b: Uint8Array, from: number): FeedFormat | undefined {
  for (let i = from; i < b.length; i++) {
    const c = b[i]!;
    if (isWs(c)) continue;
    return c === 0x5b ? 'json' : c === 0x7b ? 'ndjson' : 'csv';
  }
  return undefined;
}

/** Whitespace-only prefixes longer than this are not worth holding just to pick a format. */
const DETECT_LIMIT = 1 << 20;

export class ByteInput {
  private readonly it: AsyncIterator<Buffer>;
  private head: Buffer[] = [];
  private headLen = 0;
  private eof = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  /** Buffers chunks until at least n bytes (or EOF) and returns that prefix, still unconsumed. */
  async peek(n: number): Promise<Buffer> {
    while (!this.eof && this.headLen < n) {
      const r = await this.it.next();
      if (r.done) this.eof = true;
      else {
        this.head.push(r.value);
        this.headLen += r.value.length;
      }
    }
    if (this.head.length > 1) this.head = [Buffer.concat(this.head)];
    return this.head[0] ?? EMPTY;
  }

  skip(n: number): void {
    const h = this.head[0];
    if (!h || this.head.length !== 1 || h.length < n) throw new Error('skip past peeked bytes');
    this.head = [h.subarray(n)];
    this.headLen -= n;
  }

  async detectFormat(): Promise<FeedFormat> {
    for (;;) {
      const h = await this.peek(this.headLen + 1);
      const f = detectFormat(h, 0);
      if (f) return f;
      if (this.eof || this.headLen > DETECT_LIMIT) return 'csv';
    }
  }

  async *stream(): AsyncGenerator<Buffer> {
    try {
      const head = this.head;
      this.head = [];
      for (const h of head) if (h.length > 0) yield h;
      while (!this.eof) {
        const r = await this.it.next();
        if (r.done) break;
        yield r.value;
      }
    } finally {
      // Closes the source (e.g. the S3 body) when the consumer stops early.
      await this.it.return?.();
    }
  }
}

function isZlibError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** Streaming gunzip (multi-member files too); memory stays at zlib's window plus one chunk. */
export async function* gunzip(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const out = pipeline(Readable.from(source, { objectMode: false }), createGunzip(), () => {
    // Errors reach the consumer through the iterator below.
  });
  try {
    for await (const c of out as AsyncIterable<Buffer>) yield c;
  } catch (e) {
    if (isZlibError(e)) throw new FeedError('invalid_gzip', `gzip stream is corrupt: ${(e as Error).message}`);
    throw e;
  }
}
