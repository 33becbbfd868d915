import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { logger } from '../../observability/logger.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quoted(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/') ? etag : `"${etag}"`;
}

function isRetryableStreamError(error: unknown): boolean {
  const e = error as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.name === 'PreconditionFailed' || e?.$metadata?.httpStatusCode === 412) return false;
  return ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'ERR_STREAM_PREMATURE_CLOSE'].includes(e?.code ?? '') || e?.name === 'TimeoutError' || (e?.$metadata?.httpStatusCode ?? 0) >= 500;
}

/**
 * The bytes of an object (or of [start, end)) as a stream. Ingestion reads slowly — the socket
 * waits while a batch is written — and S3 may drop an idle connection, so a broken stream is
 * resumed with a ranged GET from the last byte received. `etag` pins the object version: if the
 * merchant overwrites the file mid-run, the resume fails instead of mixing two files.
 */
export async function* objectBytes(s3: S3Client, bucket: string, key: string, opts: { start?: number; end?: number; etag?: string } = {}): AsyncGenerator<Uint8Array> {
  let offset = opts.start ?? 0;
  const end = opts.end;
  for (let attempt = 0; ; attempt++) {
    if (end !== undefined && offset >= end) return;
    const range = offset > 0 || end !== undefined ? `bytes=${offset}-${end !== undefined ? end - 1 : ''}` : undefined;
    let body: AsyncIterable<Uint8Array> | undefined;
    try {
      const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range, IfMatch: opts.etag ? quoted(opts.etag) : undefined }));
      body = res.Body as AsyncIterable<Uint8Array> | undefined;
      if (!body) return;
      for await (const chunk of body) {
        offset += chunk.length;
        attempt = 0;
        yield chunk;
      }
      return;
    } catch (error) {
      if (attempt >= 5 || !isRetryableStreamError(error)) throw error;
      logger.warn('feed object stream interrupted; resuming', { key, offset, attempt, error: (error as Error).message });
      await sleep(200 * 2 ** attempt);
    }
  }
}

/** The first `bytes` bytes of an object (format sniffing, CSV header). */
export async function objectHead(s3: S3Client, bucket: string, key: string, bytes: number, etag?: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of objectBytes(s3, bucket, key, { start: 0, end: bytes, etag })) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

export async function putJson(s3: S3Client, bucket: string, key: string, value: unknown): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(value), ContentType: 'application/json' }));
}

export async function getJson<T>(s3: S3Client, bucket: string, key: string): Promise<T | undefined> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse(await res.Body!.transformToString('utf8')) as T;
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
    throw error;
  }
}
