import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { logger } from '../observability/logger.js';
import { sweepAction, updateVerdict } from './cadence.js';
import { leave, type LifecycleDeps } from './lifecycle.js';
import { activeSk, bucketOf, PointsLedgerRow, shopperRefOf, type WaitlistEntry } from './model.js';
import { exclusiveContentFor, keepUrl, mapLimit, productFacts, sendToEntry, type ProductFacts } from './notify.js';
import { planRanges, type SeqRange } from './position.js';
import type { WaitlistSettings } from './settings.js';
import { tenantOf } from './signup.js';

/**
 * Fan-outs over one list: an ETA update, the daily sweep (silence updates, "still
 * interested?", expiry) or loyalty points on a product's return. A fan-out is one Step
 * Functions execution per list (not per person): `plan` cuts the line into sequence ranges
 * from the bucket counters, a Map runs `processRange` on each in parallel, and each range
 * pages through its entries and asks the pure drip rules (cadence.ts) what to do with each.
 * Every message's purpose is derived from the entry and the campaign, so a retried range
 * never sends twice.
 */

export const fanOutJobSchema = z.object({
  tenantId: z.string(),
  listId: z.string(),
  kind: z.enum(['eta', 'sweep', 'points']),
  /** Unique per fan-out (event or day): part of every message purpose. */
  campaignId: z.string(),
  eta: z.string().nullable().optional(),
  points: z.number().int().positive().optional(),
  /** When the product returned (points ledger time). */
  at: z.string().optional(),
});
export type FanOutJob = z.infer<typeof fanOutJobSchema>;

/** About this many active entries per Map item; at most this many items per plan round. */
export const PER_RANGE = 2000;
export const MAX_RANGES = 100;
const SEND_CONCURRENCY = 10;

export async function planFanOut(deps: LifecycleDeps, job: FanOutJob, fromBucket = 0): Promise<{ ranges: SeqRange[]; nextBucket: number | null }> {
  const buckets = await deps.repo.buckets(job.tenantId, job.listId, { fromBucket });
  return planRanges(buckets, { perRange: PER_RANGE, maxRanges: MAX_RANGES, fromBucket });
}

export interface RangeResult {
  examined: number;
  sent: number;
  expired: number;
  asked: number;
  points: number;
  deferred: number;
  /** Earliest time a deferred message may be retried (quiet hours, caps). */
  retryAt?: string;
}

interface RangeContext {
  settings: WaitlistSettings;
  facts: ProductFacts;
  now: Date;
}

export const campaignHash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 16);

/** Works through the active entries with sequence in `range`, page by page. */
export async function processRange(deps: LifecycleDeps, job: FanOutJob, range: Pick<SeqRange, 'fromSeq' | 'toSeq'>, now = new Date()): Promise<RangeResult> {
  const tenant = await tenantOf(deps.tableName, job.tenantId);
  const first = await deps.repo.pageActive(job.tenantId, job.listId, { fromSeq: range.fromSeq, toSeq: range.toSeq, limit: 1 });
  const sample = first.entries[0];
  const result: RangeResult = { examined: 0, sent: 0, expired: 0, asked: 0, points: 0, deferred: 0 };
  if (!sample) return result;
  const ctx: RangeContext = {
    settings: tenant.settings.waitlist,
    facts: await productFacts(deps.tableName, job.tenantId, sample.productId, sample.sku, tenant.settings.waitlist.productUrlTemplate),
    now,
  };
  // Position in messages: entries before this range, then one more per entry in join order.
  let position = job.kind === 'points' ? 0 : (await deps.repo.buckets(job.tenantId, job.listId, { belowBucket: bucketOf(range.fromSeq) })).reduce((n, b) => n + b.n, 0);
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await deps.repo.pageActive(job.tenantId, job.listId, { fromSeq: range.fromSeq, toSeq: range.toSeq, limit: 200, cursor });
    cursor = page.cursor;
    const numbered = page.entries.map((entry) => ({ entry, position: ++position }));
    const outcomes = await mapLimit(numbered, SEND_CONCURRENCY, ({ entry, position: p }) => processEntry(deps, job, ctx, entry, p));
    for (const o of outcomes) {
      result.examined++;
      result.sent += o.sent;
      result.expired += o.expired ? 1 : 0;
      result.asked += o.asked ? 1 : 0;
      result.points += o.points ? 1 : 0;
      if (o.retryAt) {
        result.deferred++;
        if (!result.retryAt || o.retryAt < result.retryAt) result.retryAt = o.retryAt;
      }
    }
  } while (cursor);
  logger.info('waitlist fan-out range', { listId: job.listId, kind: job.kind, fromSeq: range.fromSeq, toSeq: range.toSeq, ...result });
  return result;
}

interface EntryOutcome {
  sent: number;
  expired?: boolean;
  asked?: boolean;
  points?: boolean;
  retryAt?: string;
}

async function processEntry(deps: LifecycleDeps, job: FanOutJob, ctx: RangeContext, entry: WaitlistEntry, position: number): Promise<EntryOutcome> {
  const { settings, facts, now } = ctx;
  const common = {
    productTitle: facts.title,
    productUrl: facts.url,
    shopName: facts.shopName,
    position,
    exclusiveContent: exclusiveContentFor(facts.perks, entry.locale),
  };

  if (job.kind === 'points') return { sent: 0, points: await awardPoints(deps.tableName, entry, job) };

  if (job.kind === 'eta') {
    const verdict = updateVerdict(entry, now, settings, 'eta', job.campaignId);
    if (!verdict.send) return { sent: 0 };
    // An ETA withdrawn (no open purchase order any more) is news too, without a date.
    return job.eta
      ? sendUpdate(deps, entry, job.campaignId, 'waitlist_eta_update', { ...common, date: job.eta, link: facts.url }, now)
      : sendUpdate(deps, entry, job.campaignId, 'waitlist_still_working', { ...common, link: facts.url }, now);
  }

  const action = sweepAction(entry, now, settings);
  switch (action.action) {
    case 'expire':
      return { sent: 0, expired: await leave(deps, entry, 'expired') };
    case 'ask_still_interested': {
      const link = await keepUrl(deps, entry, activeSk(entry.seq!), settings.keepGraceDays);
      const res = await sendToEntry(deps, entry, {
        template: 'waitlist_still_interested',
        purpose: `waitlist:${entry.entryId}:still-interested:${entry.reviewAt}`,
        kind: 'marketing',
        data: { ...common, link, keepUrl: link, date: action.keepUntil.slice(0, 10) },
      });
      if (res.deferred && !res.delivered) return { sent: 0, retryAt: res.retryAt };
      // Asked as well as we could (even if every channel is suppressed): the place now
      // expires unless kept, so nobody unreachable holds a place for ever.
      await deps.repo.markStillInterestedAsked(entry, action.keepUntil, now);
      return { sent: res.delivered, asked: true };
    }
    case 'still_working':
      return sendUpdate(deps, entry, job.campaignId, 'waitlist_still_working', { ...common, link: facts.url }, now);
    default:
      return { sent: 0 };
  }
}

async function sendUpdate(deps: LifecycleDeps, entry: WaitlistEntry, campaignId: string, template: 'waitlist_eta_update' | 'waitlist_still_working', data: Record<string, string | number | undefined>, now: Date): Promise<EntryOutcome> {
  const res = await sendToEntry(deps, entry, { template, purpose: `waitlist:${entry.entryId}:update:${campaignId}`, kind: 'marketing', data });
  if (res.delivered > 0) {
    await deps.repo.markUpdate(entry, campaignId, now);
    return { sent: res.delivered };
  }
  return { sent: 0, retryAt: res.deferred ? res.retryAt : undefined };
}

/** Appends the product-return points of one entry to the shopper's ledger (once per return event; the key is deterministic). */
async function awardPoints(tableName: string, entry: WaitlistEntry, job: FanOutJob): Promise<boolean> {
  if (!job.points) return false;
  const row = {
    tenantId: entry.tenantId,
    shopperRef: shopperRefOf(entry),
    at: job.at ?? new Date().toISOString(),
    ref: `waitlist-return:${job.campaignId}:${entry.entryId}`,
    points: job.points,
    reason: 'waitlist_product_returned',
    productId: entry.productId,
    ...(entry.sku ? { sku: entry.sku } : {}),
  };
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...PointsLedgerRow.key(row), ...PointsLedgerRow.schema.parse(row), _type: PointsLedgerRow.type },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
