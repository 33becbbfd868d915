import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { dynamo } from '../data/client.js';
import { heldIndexPk, holdKey, holdSchema, shardKey, type Hold } from './model.js';
import { probeOrder, rebalance, splitUnits } from './shards.js';

/**
 * The hold pool: the units a release offers, split over shards (one item and partition
 * each). A claim picks shards in random order and, in one transaction, takes a unit from a
 * shard (`available > 0`) and writes the shopper's hold (one per recipient and release) with
 * its expiry. The condition makes overselling impossible; the random order spreads 1,000
 * simultaneous claims over the shards instead of queueing them on one item. Lapsed holds go
 * back to their shard in the same kind of transaction (status held → lapsed, available + 1),
 * so a unit is never returned twice.
 */

export interface PoolRef {
  tableName: string;
  tenantId: string;
  releaseId: string;
  shards: number;
}

const DAY_S = 86_400;
/** Hold items stay readable (claim status, audits) for a month, then TTL removes them. */
const HOLD_RETENTION_S = 30 * DAY_S;

export async function createPool(p: PoolRef, units: number): Promise<void> {
  const sizes = splitUnits(units, p.shards);
  await Promise.all(
    sizes.map(async (available, k) => {
      try {
        await dynamo.send(
          new PutCommand({
            TableName: p.tableName,
            Item: { ...shardKey(p.tenantId, p.releaseId, k), _type: 'HoldPoolShard', tenantId: p.tenantId, releaseId: p.releaseId, shard: k, available, initial: available },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        // Created by an earlier attempt: the pool exists once, whatever retries do.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }),
  );
}

/** Free units per shard (strongly consistent). */
export async function readPool(p: PoolRef): Promise<number[]> {
  const out = new Array<number>(p.shards).fill(0);
  let keys: Record<string, unknown>[] = Array.from({ length: p.shards }, (_, k) => shardKey(p.tenantId, p.releaseId, k));
  for (let attempt = 0; keys.length; attempt++) {
    if (attempt > 8) throw new Error('BatchGetItem left pool shards unread');
    if (attempt) await sleep(20 * 2 ** attempt);
    const res = await dynamo.send(
      new BatchGetCommand({ RequestItems: { [p.tableName]: { Keys: keys, ConsistentRead: true, ProjectionExpression: '#k, available', ExpressionAttributeNames: { '#k': 'shard' } } } }),
    );
    for (const item of res.Responses?.[p.tableName] ?? []) out[Number(item.shard)] = Number(item.available ?? 0);
    keys = (res.UnprocessedKeys?.[p.tableName]?.Keys ?? []) as Record<string, unknown>[];
  }
  return out;
}

export type ClaimResult =
  | { status: 'held'; hold: Hold; probes: number }
  | { status: 'already'; hold: Hold; probes: number }
  | { status: 'none_left'; probes: number };

export interface ClaimRequest {
  entryId: string;
  productId: string;
  sku: string;
  refs: string[];
  tokenId: string;
  holdMinutes: number;
}

/**
 * Holds one unit for a recipient, or says there is none free. A shard whose condition fails
 * is empty: the next one is tried. A transaction conflict (another claim on the same shard at
 * the same instant) is retried after a short random pause, on the next shard in the order.
 */
export async function claimUnit(p: PoolRef, req: ClaimRequest, now = new Date(), random: () => number = Math.random): Promise<ClaimResult> {
  // An existing hold is found by the transaction's own condition (no read up front).
  let probes = 0;
  let conflicts = 0;
  // One read of every shard, then probes only where units were seen, in random order. An
  // empty read is re-checked once (a lapsed hold may have just come back), then "none left".
  for (let round = 0; round < 2; round++) {
    const seen = await readPool(p);
    const pending = probeOrder(p.shards, random).filter((k) => (seen[k] ?? 0) > 0);
    while (pending.length) {
      const shard = pending.shift()!;
      probes++;
      const hold: Hold = {
        tenantId: p.tenantId,
        releaseId: p.releaseId,
        entryId: req.entryId,
        productId: req.productId,
        sku: req.sku,
        status: 'held',
        shard,
        secret: randomBytes(16).toString('base64url'),
        heldAt: now.toISOString(),
        holdUntil: new Date(now.getTime() + req.holdMinutes * 60_000).toISOString(),
        refs: req.refs,
        tokenId: req.tokenId,
      };
      try {
        await dynamo.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: p.tableName,
                  Key: shardKey(p.tenantId, p.releaseId, shard),
                  UpdateExpression: 'SET available = available - :one',
                  ConditionExpression: 'available > :zero',
                  ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
                },
              },
              { Put: { TableName: p.tableName, Item: holdItem(p, hold), ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
        return { status: 'held', hold, probes };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [shardReason, holdReason] = (error.CancellationReasons ?? []).map((r) => r.Code);
        if (holdReason === 'ConditionalCheckFailed') {
          const mine = await getHold(p, req.entryId);
          if (mine) return { status: 'already', hold: mine, probes };
        }
        if (shardReason === 'ConditionalCheckFailed') continue; // emptied since the read
        // TransactionConflict (another claim on this shard at this instant): later in the round.
        if (++conflicts > 100 * p.shards) throw error;
        pending.push(shard);
        await sleep(2 + random() * 5 * Math.min(conflicts, 10));
      }
    }
    if (round === 0 && probes === 0 && seen.every((v) => v <= 0)) break;
  }
  // Nothing free: but a second claim by someone who already holds answers with their hold.
  const mine = await getHold(p, req.entryId);
  if (mine) return { status: 'already', hold: mine, probes };
  return { status: 'none_left', probes };
}

function holdItem(p: PoolRef, hold: Hold) {
  const until = Date.parse(hold.holdUntil);
  return {
    ...holdKey(p.tenantId, p.releaseId, hold.entryId),
    _type: 'Hold',
    ...hold,
    // Only held items are in the index: the sweep reads exactly the holds that can lapse.
    ...(hold.status === 'held' ? { gsi1pk: heldIndexPk(p.tenantId, p.releaseId, hold.shard), gsi1sk: `${hold.holdUntil}#${hold.entryId}` } : {}),
    expiresAt: Math.floor(until / 1000) + HOLD_RETENTION_S,
  };
}

export async function getHold(p: Pick<PoolRef, 'tableName' | 'tenantId' | 'releaseId'>, entryId: string): Promise<Hold | undefined> {
  const res = await dynamo.send(new GetCommand({ TableName: p.tableName, Key: holdKey(p.tenantId, p.releaseId, entryId), ConsistentRead: true }));
  return res.Item ? holdSchema.parse(res.Item) : undefined;
}

/** The shopper's handle on a hold: `<releaseId>.<entryId>.<secret>` (base64url parts). */
export const claimIdOf = (hold: Pick<Hold, 'releaseId' | 'entryId' | 'secret'>) =>
  [hold.releaseId, Buffer.from(hold.entryId).toString('base64url'), hold.secret].join('.');

export function parseClaimId(claimId: string): { releaseId: string; entryId: string; secret: string } | undefined {
  const parts = claimId.split('.');
  if (parts.length !== 3 || parts.some((x) => !x || x.length > 200)) return undefined;
  return { releaseId: parts[0]!, entryId: Buffer.from(parts[1]!, 'base64url').toString('utf8'), secret: parts[2]! };
}

export function secretMatches(hold: Pick<Hold, 'secret'>, secret: string): boolean {
  const a = Buffer.from(hold.secret);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A hold as the shopper sees it: held only until its time, whatever the sweep has done yet. */
export function effectiveStatus(hold: Hold, now = Date.now()): Hold['status'] {
  return hold.status === 'held' && Date.parse(hold.holdUntil) <= now ? 'lapsed' : hold.status;
}

/** Ends a hold and returns its unit to its shard, once (the status condition). */
async function endHold(p: PoolRef, hold: Hold, to: 'lapsed' | 'released', condition: string, values: Record<string, unknown>, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: p.tableName,
              Key: holdKey(p.tenantId, p.releaseId, hold.entryId),
              UpdateExpression: 'SET #s = :to, endedAt = :now REMOVE gsi1pk, gsi1sk',
              ConditionExpression: `#s = :held AND ${condition}`,
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':to': to, ':now': now.toISOString(), ':held': 'held', ...values },
            },
          },
          {
            Update: {
              TableName: p.tableName,
              Key: shardKey(p.tenantId, p.releaseId, hold.shard),
              UpdateExpression: 'ADD available :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

/** The shopper gives the unit back (DELETE claim). */
export async function releaseHold(p: PoolRef, hold: Hold, now = new Date()): Promise<boolean> {
  return endHold(p, hold, 'released', 'secret = :secret', { ':secret': hold.secret }, now);
}

/** Returns every lapsed hold's unit to its shard; returns how many. */
export async function sweepLapsedHolds(p: PoolRef, now = new Date()): Promise<number> {
  let returned = 0;
  const cutoff = now.toISOString();
  for (let shard = 0; shard < p.shards; shard++) {
    let start: Record<string, unknown> | undefined;
    do {
      const res = await dynamo.send(
        new QueryCommand({
          TableName: p.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :cut',
          ExpressionAttributeValues: { ':pk': heldIndexPk(p.tenantId, p.releaseId, shard), ':cut': cutoff },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) {
        const hold = holdSchema.parse(item);
        if (await endHold(p, hold, 'lapsed', 'holdUntil <= :cut', { ':cut': cutoff }, now)) returned++;
      }
      start = res.LastEvaluatedKey;
    } while (start);
  }
  return returned;
}

/** Holds still held (the index holds only those), per release. */
export async function countHeld(p: PoolRef): Promise<{ held: number; nextExpiry?: string }> {
  let held = 0;
  let nextExpiry: string | undefined;
  for (let shard = 0; shard < p.shards; shard++) {
    let start: Record<string, unknown> | undefined;
    do {
      const res = await dynamo.send(
        new QueryCommand({
          TableName: p.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': heldIndexPk(p.tenantId, p.releaseId, shard) },
          ProjectionExpression: 'gsi1sk',
          ExclusiveStartKey: start,
        }),
      );
      held += res.Count ?? 0;
      const first = res.Items?.[0]?.gsi1sk as string | undefined;
      if (first && (!nextExpiry || first < nextExpiry)) nextExpiry = first.split('#')[0];
      start = res.LastEvaluatedKey;
    } while (start);
  }
  return { held, nextExpiry };
}

/** A paid hold becomes a sale: the unit is not returned. True if this call converted it. */
export async function convertHold(p: Pick<PoolRef, 'tableName' | 'tenantId' | 'releaseId'>, entryId: string, orderId: string, now = new Date()): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: p.tableName,
        Key: holdKey(p.tenantId, p.releaseId, entryId),
        UpdateExpression: 'SET #s = :c, orderId = :o, endedAt = :now REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#s = :held',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':c': 'converted', ':o': orderId, ':now': now.toISOString(), ':held': 'held' },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** A sale that did not come through a hold takes a unit from the pool (if one is free). */
export async function takeUnit(p: PoolRef, random: () => number = Math.random): Promise<boolean> {
  for (const shard of probeOrder(p.shards, random)) {
    if (await decrement(p, shard, 1)) return true;
  }
  return false;
}

async function decrement(p: PoolRef, shard: number, by: number): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: p.tableName,
        Key: shardKey(p.tenantId, p.releaseId, shard),
        UpdateExpression: 'SET available = available - :d',
        ConditionExpression: 'available >= :d',
        ExpressionAttributeValues: { ':d': by },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * Brings the pool's free units to `target` (the product's sellable units less the units
 * held): a restock mid-release grows it, a sale or correction outside the release shrinks
 * it. Decrements are conditional, so a claim racing this never drives a shard negative.
 */
export async function reconcilePool(p: PoolRef, current: number[], target: number): Promise<number> {
  const deltas = rebalance(current, target);
  let applied = 0;
  await Promise.all(
    deltas.map(async (d, shard) => {
      if (d > 0) {
        await dynamo.send(new UpdateCommand({ TableName: p.tableName, Key: shardKey(p.tenantId, p.releaseId, shard), UpdateExpression: 'ADD available :d', ExpressionAttributeValues: { ':d': d } }));
        applied += d;
      } else if (d < 0) {
        // Take what is still there; a claim may have taken some meanwhile (fine: fewer to remove).
        for (let k = -d; k > 0; k--) if (await decrement(p, shard, 1)) applied -= 1;
      }
    }),
  );
  return applied;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
