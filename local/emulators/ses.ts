import type { Server } from 'node:http';
import { freePort } from './ports.js';

/** `aws-ses-v2-local`: SES v2 over the wire, with its mail viewer at `/` and JSON at `/store`. */
export async function startSes(opts: { port?: number }): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const mod = (await import('aws-ses-v2-local')) as unknown as { default: any };
  const start = (mod.default?.default ?? mod.default) as (c: { host: string; port: number }) => Promise<Server>;
  const port = opts.port || (await freePort());
  const server = await start({ host: '127.0.0.1', port });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from SDK clients would hold close() open.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
