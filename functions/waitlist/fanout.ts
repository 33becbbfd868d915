import * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { waitlistEnv } from '../../shared/waitlist/env.js';
import { fanOutJobSchema, planFanOut, processRange } from '../../shared/waitlist/fanout.js';
import type { LifecycleDeps } from '../../shared/waitlist/lifecycle.js';
import { WaitlistRepository } from '../../shared/waitlist/repository.js';

const config = loadConfig(waitlistEnv);
const deps: LifecycleDeps = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, publicApiUrl: config.PUBLIC_API_URL, repo: new WaitlistRepository(config.TABLE_NAME) };

/** Deferred messages (quiet hours, caps) are retried this many times per range, then left to the daily sweep. */
const MAX_RANGE_ATTEMPTS = 3;

const input = z.discriminatedUnion('step', [
  z.object({ step: z.literal('plan'), job: fanOutJobSchema, fromBucket: z.number().int().nonnegative().nullable().default(0) }),
  z.object({ step: z.literal('range'), job: fanOutJobSchema, range: z.object({ fromSeq: z.number().int(), toSeq: z.number().int() }), attempt: z.number().int().nonnegative().default(0) }),
]);

/** Tasks of the waitlist fan-out state machine: plan ranges, process one range. */
export async function handler(event: unknown) {
  const task = input.parse(event);
  if (task.step === 'plan') return planFanOut(deps, task.job, task.fromBucket ?? 0);
  const result = await processRange(deps, task.job, task.range);
  const attempt = task.attempt + 1;
  const { retryAt, ...counts } = result;
  // A Wait state sleeps until retryAt, then the same range runs again (sent entries are skipped).
  return retryAt && attempt < MAX_RANGE_ATTEMPTS ? { ...counts, attempt, retryAt } : { ...counts, attempt };
}
