import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { dynamo } from '../data/client.js';
import { logger } from '../observability/logger.js';
import { campaignHash, planFanOut, processRange, type FanOutJob } from './fanout.js';
import type { LifecycleDeps } from './lifecycle.js';
import { SWEEP_SHARDS, sweepShardPk, WaitlistIndex } from './model.js';
import { tenantOf } from './signup.js';

/**
 * The daily sweep over every list that has people waiting (the sharded `WAITLISTS#n` index):
 * silence updates ("we are working on it"), "still interested?" questions and expiry. Small
 * lists are handled right here; a large one gets its own fan-out execution. Safe to re-run:
 * every per-entry action is guarded by the entry's own state and the day's campaign id.
 */

const sfn = new SFNClient({});

/** Lists up to this size are swept inline; larger ones get a fan-out execution. */
export const INLINE_MAX = 500;
const LISTS_PER_PAGE = 25;

/** Starts the fan-out state machine for one list; an execution of the same name means it is already running or done. */
export async function startFanOut(stateMachineArn: string, job: FanOutJob, name: string): Promise<'started' | 'exists'> {
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ job, plan: { nextBucket: 0 } }) }));
    return 'started';
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists || (error as { name?: string }).name === 'ExecutionAlreadyExists' || (error as { code?: string }).code === 'ExecutionAlreadyExists') return 'exists';
    throw error;
  }
}

/** Execution names: ≤ 80 characters of [A-Za-z0-9-_]. */
export const executionName = (prefix: string, ...parts: string[]) => `${prefix}-${campaignHash(parts.join('|'))}`;

export interface SweepCursor {
  shard: number;
  cursor?: string;
}

export async function sweepPage(deps: LifecycleDeps, fanOutArn: string, at: SweepCursor, now = new Date()): Promise<SweepCursor & { done: boolean; lists: number }> {
  const res = await dynamo.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': sweepShardPk(at.shard) },
      Limit: LISTS_PER_PAGE,
      ExclusiveStartKey: at.cursor ? (JSON.parse(Buffer.from(at.cursor, 'base64url').toString('utf8')) as Record<string, unknown>) : undefined,
    }),
  );
  const day = now.toISOString().slice(0, 10);
  const activeTenants = new Map<string, boolean>();
  let lists = 0;
  for (const raw of res.Items ?? []) {
    const parsed = WaitlistIndex.schema.safeParse(raw);
    if (!parsed.success) continue;
    const { tenantId, listId } = parsed.data;
    if (!activeTenants.has(tenantId)) activeTenants.set(tenantId, await tenantOf(deps.tableName, tenantId).then((t) => t.status === 'active', () => false));
    if (!activeTenants.get(tenantId)) continue;
    const summary = await deps.repo.summary(tenantId, listId, true);
    if (!summary || summary.active <= 0) {
      await deps.repo.unindexIfEmpty(tenantId, listId);
      continue;
    }
    lists++;
    const job: FanOutJob = { tenantId, listId, kind: 'sweep', campaignId: `silence-${day}` };
    try {
      if (summary.active <= INLINE_MAX) await runInline(deps, job, now);
      else await startFanOut(fanOutArn, job, executionName('sweep', day, tenantId, listId));
      await deps.repo.touchSummary(tenantId, listId, 'lastSweepAt', now.toISOString());
    } catch (error) {
      // One list's trouble must not stop the sweep of every other shop's lists.
      logger.error('waitlist sweep failed for a list', { tenantId, listId, error: (error as Error).message });
    }
  }
  if (res.LastEvaluatedKey) return { shard: at.shard, cursor: Buffer.from(JSON.stringify(res.LastEvaluatedKey)).toString('base64url'), done: false, lists };
  const next = at.shard + 1;
  return { shard: next, done: next >= SWEEP_SHARDS, lists };
}

/** A whole (small) list, range by range, in this invocation. */
export async function runInline(deps: LifecycleDeps, job: FanOutJob, now = new Date()) {
  let fromBucket: number | null = 0;
  while (fromBucket !== null) {
    const plan: Awaited<ReturnType<typeof planFanOut>> = await planFanOut(deps, job, fromBucket);
    for (const range of plan.ranges) await processRange(deps, job, range, now);
    fromBucket = plan.nextBucket;
  }
}
