import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { inventoryEnv } from '../../shared/inventory/env.js';
import { failSplit, finalizeSplit, planSplit, processRangeStep } from '../../shared/inventory/feeds/ingest-runs.js';

const config = loadConfig(inventoryEnv);
const runtime = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, bucket: config.FEEDS_BUCKET, s3: new S3Client({}) };

const run = z.object({ tenantId: z.string(), feedId: z.string(), key: z.string(), etag: z.string().optional(), size: z.number().int().nonnegative(), runId: z.string() });
const input = z.discriminatedUnion('step', [
  z.object({ step: z.literal('plan'), run, rangeBytes: z.number().int().positive() }),
  z.object({ step: z.literal('range'), run, shared: z.any(), range: z.any() }),
  z.object({ step: z.literal('finalize'), run, shared: z.any() }),
  z.object({ step: z.literal('fail'), run, error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional() }),
]);

/** Tasks of the split-feed workflow (plan → Map over byte ranges → finalize; fail on error). */
export async function handler(raw: unknown) {
  const i = input.parse(raw);
  switch (i.step) {
    case 'plan':
      return planSplit(runtime, i);
    case 'range':
      return processRangeStep(runtime, i);
    case 'finalize':
      return finalizeSplit(runtime, i);
    case 'fail':
      return failSplit(runtime, i);
  }
}
