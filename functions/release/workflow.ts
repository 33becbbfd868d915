import * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { releaseEnv } from '../../shared/release/env.js';
import { defaultPorts } from '../../shared/release/ports.js';
import { commit, sendPage, tick, type ReleaseContext } from '../../shared/release/workflow.js';

const config = loadConfig(releaseEnv);
const ctx: ReleaseContext = {
  tableName: config.TABLE_NAME,
  busName: config.EVENT_BUS_NAME,
  ports: defaultPorts({ tableName: config.TABLE_NAME, publicApiUrl: config.PUBLIC_API_URL }),
  now: () => new Date(),
};

const base = { tenantId: z.string().min(1), releaseId: z.string().min(1), execution: z.string().min(1) };
const page = z.object({ from: z.string(), through: z.string(), count: z.number().int() });
const input = z.discriminatedUnion('step', [
  z.object({ step: z.literal('tick'), ...base, iteration: z.number().int().nonnegative().default(0) }),
  z.object({ step: z.literal('send'), ...base, jobId: z.string(), page }),
  z.object({ step: z.literal('commit'), ...base, jobId: z.string(), batch: z.number().int() }),
]);

/** The release workflow's tasks: tick (decide), send (one page), commit (after the Map). */
export async function handler(event: unknown) {
  const e = input.parse(event);
  switch (e.step) {
    case 'tick':
      return tick(ctx, e);
    case 'send':
      return sendPage(ctx, e);
    case 'commit':
      return commit(ctx, e);
  }
}
