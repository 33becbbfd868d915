import { mkdirSync } from 'node:fs';
import { freePort } from './ports.js';

export interface S3EventRecord {
  eventName: string; // e.g. ObjectCreated:Put
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } };
}

/**
 * `s3rver` for S3. Clients reach it on 127.0.0.1, for which the SDK uses path-style
 * addressing by itself. Object events are handed to `onEvent`, which applies the bucket's
 * notification configuration from the template.
 */
export async function startS3(opts: {
  port?: number;
  dataDir: string;
  buckets: string[];
  onEvent: (record: S3EventRecord) => void;
}): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const S3rver = ((await import('s3rver')) as any).default;
  mkdirSync(opts.dataDir, { recursive: true });
  const port = opts.port || (await freePort());
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory: opts.dataDir,
    allowMismatchedSignatures: true,
    configureBuckets: opts.buckets.map((name) => ({ name })),
  });
  server.on('event', (event: { Records: S3EventRecord[] }) => {
    for (const record of event.Records ?? []) opts.onEvent(record);
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
