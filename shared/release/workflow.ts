import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import { publishEvents, type OutgoingEvent } from '../events/publish.js';
import { effectiveSettings, sellable } from '../inventory/availability.js';
import { tenantInventoryDefaults } from '../inventory/tenant-defaults.js';
import { Product } from '../inventory/model.js';
import { logger } from '../observability/logger.js';
import type { Channel } from '../messaging/types.js';
import { WaitlistPerks, type WaitlistEntry } from '../waitlist/model.js';
import { mapLimit, type SendPlan } from '../waitlist/notify.js';
import { pagesOf, type Page } from './audience.js';
import { appendLateMembers, batchGet, buildAudienceStep, keysAfter, membersBetween } from './audience-store.js';
import { decide, type Snapshot } from './decide.js';
import { mintLink } from './link-keys.js';
import { pagesPk, refKey, type AudienceItem, type Job, type Release, type Wave } from './model.js';
import { countHeld, createPool, readPool, reconcilePool, sweepLapsedHolds, type PoolRef } from './pool.js';
import { entryKeyOf, type ReleasePorts } from './ports.js';
import { clearActive, getRelease, REMOVE, updateRelease } from './repository.js';
import { shardCountFor } from './shards.js';

/**
 * The release workflow's steps (one Step Functions execution per release, looping):
 *
 *   tick   → what now? wait / build the audience / send a batch of pages / end
 *   send   → one page of the audience (a Map state runs a batch of pages in parallel)
 *   commit → after the Map: add up the pages' results and move the cursor past them
 *
 * Effectively once: each message's purpose is `release:<id>:wave:<n>` (or `…:public`,
 * `…:sold-out`), the send ledger's idempotency key, so a page sent twice (a retry, a crash,
 * a resumed release) delivers nothing twice. The cursor moves only in `commit`, after every
 * page of the batch has recorded its result, and the pages of a batch are stored before the
 * Map runs: a crash anywhere re-sends exactly those pages — nobody is skipped.
 *
 * Time: the release has its own clock, advanced at each tick by the larger of the wait the
 * workflow just took and the wall-clock time since the last tick, and stopped while paused.
 * In AWS it runs with the wall clock; locally, where waits are compressed, it runs with the
 * waits — the same decisions either way.
 */

export interface ReleaseContext {
  tableName: string;
  busName: string;
  ports: ReleasePorts;
  now: () => Date;
}

export const PAGE_SIZE = 100;
export const BATCH_PAGES = 20;
/** Loops per execution before it continues as a new one (Step Functions keeps 25,000 history events). */
export const MAX_ITERATIONS = 150;
const DEFERRED_PER_TICK = 50;
/** After the public opening the release watches for the sell-out this long (to tell those it reached). */
export const WATCH_HOURS = 24;

export interface StepInput {
  tenantId: string;
  releaseId: string;
  execution: string;
  iteration?: number;
}

export type TickResult =
  | { action: 'send'; jobId: string; batch: number; pages: Page[]; iteration: number }
  | { action: 'wait'; seconds: number; iteration: number; reason: string }
  | { action: 'next'; iteration: number; reason: string }
  | { action: 'continue'; nextExecution: string; iteration: number }
  | { action: 'end'; reason: string; iteration: number };

export const poolOf = (tableName: string, r: Pick<Release, 'tenantId' | 'releaseId' | 'shards'>): PoolRef => ({ tableName, tenantId: r.tenantId, releaseId: r.releaseId, shards: r.shards ?? 1 });
export const executionNameOf = (releaseId: string, n: number) => `${releaseId}-x${n}`;

/** The release clock now: paused time does not count; otherwise the longer of the wait and the wall clock. */
export function advanceClock(r: Pick<Release, 'clockMs' | 'lastTickAt' | 'lastWaitSeconds' | 'paused'>, now: Date): number {
  if (!r.lastTickAt || r.paused) return r.clockMs;
  return r.clockMs + Math.max(r.lastWaitSeconds * 1000, now.getTime() - Date.parse(r.lastTickAt));
}

/** Units a variant can sell now (same rule as the inventory's availability). */
export async function sellableUnits(tableName: string, tenantId: string, productId: string, sku: string): Promise<number> {
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: Product.key({ tenantId, productId }), ConsistentRead: true }));
  if (!res.Item) return 0;
  const p = Product.schema.parse(res.Item);
  const v = p.variants[sku];
  return v ? sellable(v, effectiveSettings(p.settings, await tenantInventoryDefaults(tableName, tenantId))) : 0;
}

const owned = (execution: string, extra?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> }) => ({
  expression: ['#exec = :exec', extra?.expression].filter(Boolean).join(' AND '),
  names: { '#exec': 'executionName', ...(extra?.names ?? {}) },
  values: { ':exec': execution, ...(extra?.values ?? {}) },
});
const inState = (state: Release['state']) => ({ expression: '#state = :state', names: { '#state': 'state' }, values: { ':state': state } });
const jobIs = (job: Job) => ({ expression: '#job.#jid = :jid AND #job.#jb = :jb', names: { '#job': 'job', '#jid': 'id', '#jb': 'batch' }, values: { ':jid': job.id, ':jb': job.batch } });
const noJob = () => ({ expression: 'attribute_not_exists(#job)', names: { '#job': 'job' } });
const all = (...conds: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> }[]) => ({
  expression: conds.map((c) => c.expression).join(' AND '),
  names: Object.assign({}, ...conds.map((c) => c.names ?? {})),
  values: Object.assign({}, ...conds.map((c) => c.values ?? {})),
});

async function publish(ctx: ReleaseContext, events: OutgoingEvent[]) {
  try {
    await publishEvents(ctx.busName, events);
  } catch (error) {
    // Milestone events are informative; the release itself does not depend on them.
    logger.warn('release event not published', { error: (error as Error).message });
  }
}

/** One turn of the loop. */
export async function tick(ctx: ReleaseContext, input: StepInput): Promise<TickResult> {
  const iteration = (input.iteration ?? 0) + 1;
  for (let attempt = 0; attempt < 6; attempt++) {
    const r = await getRelease(ctx.tableName, input.tenantId, input.releaseId);
    if (!r) return { action: 'end', reason: 'missing', iteration };
    if (r.executionName !== input.execution) return { action: 'end', reason: 'superseded', iteration };
    const now = ctx.now();
    const clockMs = advanceClock(r, now);
    const base = { clockMs, lastTickAt: now.toISOString() };
    const mine = (...extra: Parameters<typeof all>) => owned(input.execution, extra.length ? all(...extra) : undefined);

    const wait = async (seconds: number, reason: string, fields: Record<string, unknown> = {}): Promise<TickResult | undefined> => {
      const s = Math.max(1, Math.round(seconds));
      if (iteration >= MAX_ITERATIONS) {
        // Continue as a new execution: the history of this one stays small.
        const next = executionNameOf(r.releaseId, r.executions + 1);
        const ok = await updateRelease(ctx.tableName, r, { ...base, ...fields, lastWaitSeconds: 0, executionName: next, executions: r.executions + 1 }, mine());
        return ok ? { action: 'continue', nextExecution: next, iteration } : undefined;
      }
      const ok = await updateRelease(ctx.tableName, r, { ...base, ...fields, lastWaitSeconds: s }, mine());
      return ok ? { action: 'wait', seconds: s, iteration, reason } : undefined;
    };
    const next = async (reason: string, fields: Record<string, unknown>, cond?: Parameters<typeof all>[0]): Promise<TickResult | undefined> => {
      const ok = await updateRelease(ctx.tableName, r, { ...base, ...fields, lastWaitSeconds: 0 }, cond ? mine(cond) : mine());
      return ok ? { action: 'next', iteration, reason } : undefined;
    };

    if (r.state === 'cancelled' || r.state === 'completed') {
      await clearActive(ctx.tableName, r.tenantId, r.sku, r.releaseId);
      return { action: 'end', reason: r.state, iteration };
    }

    let result: TickResult | undefined;
    if (r.state === 'scheduled') {
      if (r.paused) result = await wait(r.config.windowMinutes * 60, 'paused');
      else {
        const startAtClock = Math.max(0, Date.parse(r.startAt) - Date.parse(r.createdAt));
        if (clockMs < startAtClock) result = await wait(Math.min(86_400, (startAtClock - clockMs) / 1000), 'scheduled');
        else result = await start(ctx, r, next, now);
      }
    } else if (r.state === 'building') {
      if (r.paused) result = await wait(r.config.windowMinutes * 60, 'paused');
      else {
        const progress = await buildAudienceStep(ctx, r, now);
        const built = progress.audience.built;
        result = await next('building', { audience: progress.audience, state: built ? 'waves' : 'building' }, inState('building'));
        if (result && built) {
          await publish(ctx, [{ name: 'ReleaseStarted', tenantId: r.tenantId, eventId: `release:${r.releaseId}:started`, data: { releaseId: r.releaseId, productId: r.productId, sku: r.sku, units: r.units, audience: progress.audience.size, tiered: progress.audience.tiered } }]);
        }
      }
    } else {
      result = await loop(ctx, r, { base, clockMs, now, iteration, wait, next, mine });
    }
    if (result) return result;
  }
  throw new Error('release changed under the workflow too often; retrying the step');
}

type Helpers = {
  base: { clockMs: number; lastTickAt: string };
  clockMs: number;
  now: Date;
  iteration: number;
  wait: (seconds: number, reason: string, fields?: Record<string, unknown>) => Promise<TickResult | undefined>;
  next: (reason: string, fields: Record<string, unknown>, cond?: Parameters<typeof all>[0]) => Promise<TickResult | undefined>;
  mine: (...extra: Parameters<typeof all>) => ReturnType<typeof owned>;
};

/** The stock secured at the start time becomes the hold pool; the audience is built next. */
async function start(ctx: ReleaseContext, r: Release, next: Helpers['next'], now: Date): Promise<TickResult | undefined> {
  const stock = await sellableUnits(ctx.tableName, r.tenantId, r.productId, r.sku);
  const units = r.unitsLimit !== undefined ? Math.min(r.unitsLimit, stock) : stock;
  if (units <= 0) {
    const ok = await updateRelease(ctx.tableName, r, { state: 'cancelled', endedAt: now.toISOString(), endReason: 'no_stock_at_start' }, owned(r.executionName!, inState('scheduled')));
    return ok ? { action: 'end', reason: 'no_stock_at_start', iteration: 0 } : undefined;
  }
  const shards = r.shards ?? shardCountFor(units, r.config.shards);
  await createPool(poolOf(ctx.tableName, { ...r, shards }), units);
  return next('pool_created', { state: 'building', units, shards }, inState('scheduled'));
}

/** The waves (and public) phase: retries, late joiners, pool, then the decision. */
async function loop(ctx: ReleaseContext, r: Release, h: Helpers): Promise<TickResult | undefined> {
  const retried = r.paused ? 0 : await retryDeferred(ctx, r, h.now);
  let audience = r.audience;
  // Late joiners are looked for when a wave may be due (not at every check).
  const waveDue = r.nextWaveAtClockMs === undefined || h.clockMs >= r.nextWaveAtClockMs;
  if (!r.job && !r.paused && r.state === 'waves' && waveDue) audience = (await appendLateMembers(ctx, r, h.now)).audience;

  // Stock: lapsed holds back to the pool, then the pool brought in line with the real stock.
  // Read order (pool, holds, product) errs toward fewer free units when a sale races the read.
  const pool = poolOf(ctx.tableName, r);
  let shards = await readPool(pool);
  let { held, nextExpiry } = await countHeld(pool);
  if (nextExpiry && nextExpiry <= h.now.toISOString() && (await sweepLapsedHolds(pool, h.now)) > 0) {
    shards = await readPool(pool);
    ({ held } = await countHeld(pool));
  }
  const stock = await sellableUnits(ctx.tableName, r.tenantId, r.productId, r.sku);
  let target = stock - held;
  if (r.unitsLimit !== undefined) target = Math.min(target, r.unitsLimit - r.sold - held);
  target = Math.max(0, target);
  let free = shards.reduce((s, v) => s + v, 0);
  if (free !== target && r.job?.kind !== 'keep_place') {
    await reconcilePool(pool, shards, target);
    free = (await readPool(pool)).reduce((s, v) => s + v, 0);
  }
  const extra: Record<string, unknown> = { audience, ...(retried ? { retried: r.retried + retried } : {}) };

  let job = r.job;
  let waves = r.waves;
  // Sold out in the middle of a wave: the rest of that wave is not sent (they are told they keep their place).
  if (job?.kind === 'wave' && !job.pages.length && free <= 0 && held <= 0) {
    waves = finishWave(r.waves, job, h.clockMs, h.now, true);
    extra.waves = waves;
    extra.job = REMOVE;
    extra.jobsDone = [...r.jobsDone, { id: job.id, kind: job.kind, delivered: job.delivered, counts: job.counts }];
    job = undefined;
  }

  // Sold out and everyone told, but for deferred notices: retry them until none are left.
  if (!job && r.soldOutAt && r.jobsDone.some((j) => j.kind === 'keep_place')) {
    // Counted in `notified` when their page was sent (the audience was reached), and reported.
    const dropped = await dropStaleDeferred(ctx, r);
    if (dropped) extra.droppedAtSellOut = r.droppedAtSellOut + dropped;
    const pending = await nextDeferredAt(ctx, r);
    if (!pending) return end(ctx, r, 'sold_out', { ...h.base, ...extra }, h);
    return h.wait(Math.max(1, Math.ceil((Date.parse(pending) - h.now.getTime()) / 1000)), 'notices_deferred', extra);
  }

  const snapshot: Snapshot = {
    state: r.state === 'public' ? 'public' : 'waves',
    paused: r.paused,
    clockMs: h.clockMs,
    audienceBuilt: true,
    remaining: Math.max(0, audience.size - r.notified),
    jobInProgress: !!job,
    freeUnits: free,
    heldUnits: held,
    waves: waves.filter((w) => w.sentAtClockMs !== undefined).map((w) => ({ delivered: w.delivered, sentAtMs: w.sentAtClockMs! })),
    // A hold is a purchase in progress: it counts as a conversion for the estimate.
    conversions: r.conversions + held,
    nextWaveAtClockMs: r.nextWaveAtClockMs,
    publicAtClockMs: r.publicAtClockMs,
    watchUntilClockMs: r.openedAtClockMs !== undefined ? r.openedAtClockMs + WATCH_HOURS * 3_600_000 : undefined,
    config: r.config,
  };
  const d = decide(snapshot);
  switch (d.kind) {
    case 'end':
      return end(ctx, r, d.reason, { ...h.base, ...extra }, h);
    case 'wait':
      return h.wait(d.seconds, d.reason, { ...extra, ...(d.nextWaveAtClockMs !== undefined ? { nextWaveAtClockMs: d.nextWaveAtClockMs } : {}) });
    case 'build_audience':
      return h.next('rebuild', { ...extra, state: 'building' });
    case 'continue_job':
      return continueJob(ctx, r, job!, extra, h);
    case 'sold_out': {
      const j: Job = { id: `keep-${waves.length}`, kind: 'keep_place', batch: 0, pages: [], reached: 0, delivered: 0, counts: {} };
      const res = await continueJob(ctx, r, j, { ...extra, soldOutAt: h.now.toISOString() }, h);
      if (res) await publish(ctx, [{ name: 'ReleaseSoldOut', tenantId: r.tenantId, eventId: `release:${r.releaseId}:sold-out`, data: { releaseId: r.releaseId, productId: r.productId, sku: r.sku, sold: r.sold, notified: r.notified } }]);
      return res;
    }
    case 'open_public': {
      const discount = r.config.flashDiscount
        ? { code: r.config.flashDiscount.code, percent: r.config.flashDiscount.percent, validUntil: new Date(h.now.getTime() + 24 * 3_600_000).toISOString() }
        : undefined;
      const j: Job = { id: 'public', kind: 'public', after: r.cursor, batch: 0, pages: [], reached: 0, delivered: 0, counts: {} };
      const res = await continueJob(ctx, r, j, { ...extra, state: 'public', openedAt: h.now.toISOString(), openedAtClockMs: h.clockMs, openedReason: d.reason, publicAtClockMs: r.publicAtClockMs ?? h.clockMs, ...(discount ? { discount } : {}) }, h);
      if (res) {
        await publish(ctx, [
          { name: 'ReleaseOpenedToPublic', tenantId: r.tenantId, eventId: `release:${r.releaseId}:public`, data: { releaseId: r.releaseId, productId: r.productId, sku: r.sku, reason: d.reason, freeUnits: free, discountCode: discount?.code ?? null } },
        ]);
      }
      return res;
    }
    case 'send_wave': {
      const n = waves.length + 1;
      const wave: Wave = {
        n,
        size: d.size,
        plannedAtClockMs: h.clockMs,
        plannedAt: h.now.toISOString(),
        delivered: 0,
        counts: {},
        buyRate: round(d.plan.buyRate, 4),
        pendingBuyers: round(d.plan.pendingBuyers, 2),
        freeUnits: free,
      };
      const first = r.firstWaveAtClockMs === undefined;
      const j: Job = { id: `wave-${n}`, kind: 'wave', wave: n, remaining: d.size, after: r.cursor, batch: 0, pages: [], reached: 0, delivered: 0, counts: {} };
      return continueJob(
        ctx,
        r,
        j,
        {
          ...extra,
          waves: [...waves, wave],
          nextWaveAtClockMs: d.nextWaveAtClockMs,
          ...(first ? { firstWaveAtClockMs: h.clockMs, publicAtClockMs: h.clockMs + r.config.publicAfterHours * 3_600_000 } : {}),
        },
        h,
      );
    }
  }
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function finishWave(waves: Wave[], job: Job, clockMs: number, now: Date, early: boolean): Wave[] {
  return waves.map((w) => (w.n === job.wave ? { ...w, sentAtClockMs: clockMs, sentAt: now.toISOString(), ...(early ? { size: job.reached } : {}) } : w));
}

/**
 * The next batch of pages of the job in progress (or of a job just started). Pages already
 * handed to a Map that did not commit are handed out again, unchanged.
 */
async function continueJob(ctx: ReleaseContext, r: Release, job: Job, extra: Record<string, unknown>, h: Helpers): Promise<TickResult | undefined> {
  // Conditional on the job as read: a concurrent commit or a second execution loses the race.
  const cond = r.job ? jobIs(r.job) : noJob();
  if (job.pages.length) {
    const ok = await updateRelease(ctx.tableName, r, { ...h.base, ...extra, lastWaitSeconds: 0 }, h.mine(cond));
    return ok ? { action: 'send', jobId: job.id, batch: job.batch, pages: job.pages, iteration: h.iteration } : undefined;
  }
  const want = Math.min(job.remaining ?? Number.POSITIVE_INFINITY, PAGE_SIZE * BATCH_PAGES);
  const keys = want > 0 ? await keysAfter(ctx.tableName, r, job.after, want) : [];
  if (!keys.length) return finishJob(ctx, r, job, extra, h, cond);
  const pages = pagesOf(keys, PAGE_SIZE);
  const nextJob: Job = { ...job, pages, batch: job.batch + 1 };
  const ok = await updateRelease(ctx.tableName, r, { ...h.base, ...extra, job: nextJob, lastWaitSeconds: 0 }, h.mine(cond));
  return ok ? { action: 'send', jobId: nextJob.id, batch: nextJob.batch, pages, iteration: h.iteration } : undefined;
}

async function finishJob(ctx: ReleaseContext, r: Release, job: Job, extra: Record<string, unknown>, h: Helpers, cond: Parameters<typeof all>[0]): Promise<TickResult | undefined> {
  const done = [...r.jobsDone, { id: job.id, kind: job.kind, delivered: job.delivered, counts: job.counts }];
  const fields: Record<string, unknown> = { ...h.base, ...extra, job: REMOVE, jobsDone: done, lastWaitSeconds: 0 };
  if (job.kind === 'wave') {
    const waves = finishWave((extra.waves as Wave[] | undefined) ?? r.waves, job, h.clockMs, h.now, (job.remaining ?? 0) > 0);
    fields.waves = waves;
    const ok = await updateRelease(ctx.tableName, r, fields, h.mine(cond));
    if (!ok) return undefined;
    const w = waves.find((x) => x.n === job.wave);
    await publish(ctx, [
      { name: 'ReleaseWaveSent', tenantId: r.tenantId, eventId: `release:${r.releaseId}:wave:${job.wave}`, data: { releaseId: r.releaseId, productId: r.productId, sku: r.sku, wave: job.wave!, size: w?.size ?? job.reached, delivered: job.delivered, freeUnits: w?.freeUnits ?? 0 } },
    ]);
    return { action: 'next', iteration: h.iteration, reason: 'wave_sent' };
  }
  if (job.kind === 'keep_place') {
    if (!(await nextDeferredAt(ctx, r))) return end(ctx, r, 'sold_out', fields, h, cond);
    // Some closing notices were deferred (quiet hours, throttling): the release lives on to
    // retry them, so nobody is skipped.
    const ok = await updateRelease(ctx.tableName, r, fields, h.mine(cond));
    return ok ? { action: 'next', iteration: h.iteration, reason: 'notices_deferred' } : undefined;
  }
  const ok = await updateRelease(ctx.tableName, r, fields, h.mine(cond));
  return ok ? { action: 'next', iteration: h.iteration, reason: 'public_notified' } : undefined;
}

async function end(ctx: ReleaseContext, r: Release, reason: string, fields: Record<string, unknown>, h: Helpers, cond?: Parameters<typeof all>[0]): Promise<TickResult | undefined> {
  const state = r.state === 'cancelled' ? 'cancelled' : 'completed';
  const ok = await updateRelease(ctx.tableName, r, { ...fields, state, endedAt: h.now.toISOString(), endReason: reason }, cond ? h.mine(cond) : h.mine());
  if (!ok) return undefined;
  await clearActive(ctx.tableName, r.tenantId, r.sku, r.releaseId);
  await publish(ctx, [
    { name: 'ReleaseEnded', tenantId: r.tenantId, eventId: `release:${r.releaseId}:ended`, data: { releaseId: r.releaseId, productId: r.productId, sku: r.sku, reason, sold: r.sold, notified: r.notified, conversions: r.conversions } },
  ]);
  return { action: 'end', reason, iteration: h.iteration };
}

// ---- commit -------------------------------------------------------------------------------

const pageResultKey = (r: Pick<Release, 'tenantId' | 'releaseId'>, jobId: string, from: string) => ({ pk: pagesPk(r.tenantId, r.releaseId), sk: `${jobId}#${from}` });

/** After the Map: every page recorded its result → move the job (and the release cursor) past the batch. */
export async function commit(ctx: ReleaseContext, input: StepInput & { jobId: string; batch: number }): Promise<{ committed: boolean; reason?: string }> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const r = await getRelease(ctx.tableName, input.tenantId, input.releaseId);
    if (!r || r.executionName !== input.execution) return { committed: false, reason: 'superseded' };
    const job = r.job;
    if (!job || job.id !== input.jobId || job.batch !== input.batch || !job.pages.length) return { committed: false, reason: 'already_committed' };
    const results = await batchGet(ctx.tableName, job.pages.map((p) => pageResultKey(r, job.id, p.from)));
    let members = 0;
    let delivered = 0;
    const counts: Record<string, number> = { ...job.counts };
    for (const p of job.pages) {
      const k = pageResultKey(r, job.id, p.from);
      const res = results.get(`${k.pk}|${k.sk}`);
      if (!res) throw new Error(`page ${p.from} of ${job.id} has no recorded result`);
      members += Number(res.members ?? 0);
      delivered += Number(res.delivered ?? 0);
      for (const [s, n] of Object.entries((res.counts ?? {}) as Record<string, number>)) counts[s] = (counts[s] ?? 0) + n;
    }
    const last = job.pages[job.pages.length - 1]!;
    const nextJob: Job = {
      ...job,
      pages: [],
      after: last.through,
      remaining: job.remaining === undefined ? undefined : Math.max(0, job.remaining - members),
      reached: job.reached + members,
      delivered: job.delivered + delivered,
      counts,
    };
    const fields: Record<string, unknown> = { job: nextJob };
    if (job.kind === 'wave' || job.kind === 'public') {
      fields.cursor = last.through;
      fields.notified = r.notified + members;
    }
    // A wave knows its key range: order attribution finds the wave that reached a buyer.
    if (job.kind === 'wave') {
      fields.waves = r.waves.map((w) =>
        w.n === job.wave ? { ...w, from: w.from ?? job.pages[0]!.from, through: last.through, delivered: w.delivered + delivered, counts: mergeCounts(w.counts, counts, job.counts) } : w,
      );
    }
    if (await updateRelease(ctx.tableName, r, fields, owned(input.execution, jobIs(job)))) return { committed: true };
  }
  throw new Error('release changed under the commit too often; retrying');
}

/** The wave's counts plus this batch's (the job's totals minus what it had before). */
function mergeCounts(wave: Record<string, number>, jobAfter: Record<string, number>, jobBefore: Record<string, number>) {
  const out = { ...wave };
  for (const [s, n] of Object.entries(jobAfter)) out[s] = (out[s] ?? 0) + n - (jobBefore[s] ?? 0);
  return out;
}

// ---- sending --------------------------------------------------------------------------------

interface Facts {
  title: string;
  url?: string;
  shopName: string;
  discount?: { code: string; hours?: number };
}

async function factsOf(ctx: ReleaseContext, r: Release): Promise<Facts> {
  const perks = await dynamo.send(new GetCommand({ TableName: ctx.tableName, Key: WaitlistPerks.key({ tenantId: r.tenantId, productId: r.productId }) }));
  const code = perks.Item?.discount?.code as string | undefined;
  return { title: r.productTitle, url: r.productUrl, shopName: r.shopName, discount: code ? { code, hours: perks.Item?.discount?.validHours as number | undefined } : undefined };
}

const withParam = (url: string, name: string, value: string) => `${url}${url.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;

/** What one person is sent for a job: template, purpose (the ledger key), kind and data. */
async function plansFor(ctx: ReleaseContext, r: Release, kind: Job['kind'], wave: number | undefined, member: AudienceItem, entry: WaitlistEntry, facts: Facts, now: Date): Promise<SendPlan[]> {
  const data = { productTitle: facts.title, productUrl: facts.url, shopName: facts.shopName };
  if (kind === 'keep_place') {
    const purpose = `release:${r.releaseId}:sold-out`;
    // A status notice about the shopper's own request: e-mail goes at once (it stops people
    // clicking through to a sold-out page); SMS keeps marketing rules (quiet hours, caps).
    return [
      { template: 'sold_out_keep_place', purpose, kind: 'transactional', data, channels: ['email'] as Channel[] },
      { template: 'sold_out_keep_place', purpose, kind: 'marketing', data, channels: ['sms'] as Channel[] },
    ];
  }
  if (kind === 'public') {
    const discount = r.discount ? { discountCode: r.discount.code, discountHours: 24 } : facts.discount ? { discountCode: facts.discount.code, discountHours: facts.discount.hours } : {};
    return [{ template: 'back_in_stock', purpose: `release:${r.releaseId}:public`, kind: 'marketing', data: { ...data, link: facts.url, ...discount } }];
  }
  const expires = new Date(now.getTime() + r.config.linkTtlHours * 3_600_000);
  const token = await mintLink(ctx.tableName, { t: r.tenantId, r: r.releaseId, p: r.productId, s: r.sku, e: member.entryId, u: 'access', x: Math.floor(expires.getTime() / 1000) });
  const link = withParam(facts.url ?? '', 'restock_access', token);
  const limited = r.units < r.audience.size ? 'true' : undefined;
  return [
    {
      template: member.segment === 'tier' ? 'early_access' : 'back_in_stock',
      purpose: `release:${r.releaseId}:wave:${wave}`,
      kind: 'marketing',
      data: { ...data, link, date: expires.toISOString(), limited, ...(facts.discount ? { discountCode: facts.discount.code, discountHours: facts.discount.hours } : {}) },
    },
  ];
}

interface MemberOutcome {
  delivered: boolean;
  statuses: string[];
  retryAt?: string;
}

async function sendMember(ctx: ReleaseContext, r: Release, kind: Job['kind'], wave: number | undefined, member: AudienceItem, entry: WaitlistEntry, facts: Facts, now: Date): Promise<MemberOutcome> {
  const out: MemberOutcome = { delivered: false, statuses: [] };
  const wanted = new Set(r.config.channels);
  for (const plan of await plansFor(ctx, r, kind, wave, member, entry, facts, now)) {
    const channels = (plan.channels ?? (['email', 'sms'] as Channel[])).filter((c) => wanted.has(c) && (c === 'email' ? entry.email && entry.channels.email : entry.phone && entry.channels.sms));
    if (!channels.length) continue;
    const summary = await ctx.ports.sender.send(entry, { ...plan, channels });
    if (summary.delivered > 0) out.delivered = true;
    out.statuses.push(...summary.outcomes.map((o) => o.status));
    if (summary.retryAt && (!out.retryAt || summary.retryAt < out.retryAt)) out.retryAt = summary.retryAt;
  }
  if (!out.statuses.length) out.statuses.push('no_channel');
  return out;
}

const deferPk = (r: Pick<Release, 'tenantId' | 'releaseId'>) => tenantKey(r.tenantId, 'RELEASE', r.releaseId, 'DEFER');

/** Sends one page of the audience for the job in progress and records the page's result. */
export async function sendPage(ctx: ReleaseContext, input: StepInput & { jobId: string; page: Page }): Promise<{ members: number; delivered: number; skipped?: string }> {
  const r = await getRelease(ctx.tableName, input.tenantId, input.releaseId);
  if (!r || r.executionName !== input.execution) return { members: 0, delivered: 0, skipped: 'superseded' };
  const job = r.job;
  if (!job || job.id !== input.jobId) return { members: 0, delivered: 0, skipped: 'stale_job' };
  const now = ctx.now();
  const members = await membersBetween(ctx.tableName, r, input.page.from, input.page.through);
  const entries = await ctx.ports.audience.entries(r.tenantId, members.map((m) => ({ listId: m.listId, seq: m.seq })));
  // Closing notices skip the people who bought.
  const converted = new Set<string>();
  if (job.kind === 'keep_place') {
    const refs = await batchGet(ctx.tableName, members.flatMap((m) => m.refs.map((ref) => refKey(r.tenantId, r.releaseId, ref))));
    for (const item of refs.values()) if (item.converted === true) converted.add(String(item.entryId));
  }
  const facts = await factsOf(ctx, r);
  const counts: Record<string, number> = {};
  const bump = (s: string) => (counts[s] = (counts[s] ?? 0) + 1);
  let delivered = 0;
  await mapLimit(members, 8, async (m) => {
    const entry = entries.get(entryKeyOf(m.listId, m.seq));
    if (!entry || entry.entryId !== m.entryId) return bump('left_waitlist');
    if (converted.has(m.entryId)) return bump('bought');
    const outcome = await sendMember(ctx, r, job.kind, job.wave, m, entry, facts, now);
    outcome.statuses.forEach(bump);
    if (outcome.delivered) delivered++;
    else if (outcome.retryAt) {
      bump('retry_scheduled');
      await dynamo.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: { pk: deferPk(r), sk: `${outcome.retryAt}#${job.id}#${m.sk}`, _type: 'ReleaseDeferred', jobKind: job.kind, wave: job.wave, member: m, expiresAt: Math.floor(now.getTime() / 1000) + 30 * 86_400 },
        }),
      );
    }
  });
  await dynamo.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: { ...pageResultKey(r, job.id, input.page.from), _type: 'ReleasePage', through: input.page.through, members: members.length, delivered, counts, at: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + 60 * 86_400 },
    }),
  );
  logger.info('release page sent', { releaseId: r.releaseId, job: job.id, members: members.length, delivered });
  return { members: members.length, delivered };
}

/** Messages that were deferred (quiet hours, caps, throttling) and are due again. */
/**
 * After the sell-out, deferred wave and public messages would invite people to a sold-out
 * page: they are dropped whenever they were due (everyone who did not buy gets the closing
 * notice instead), so the release does not wait for them.
 */
async function dropStaleDeferred(ctx: ReleaseContext, r: Release): Promise<number> {
  let dropped = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(
      new QueryCommand({ TableName: ctx.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': deferPk(r) }, ProjectionExpression: 'pk, sk, jobKind', ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of res.Items ?? []) {
      if (item.jobKind === 'keep_place') continue;
      // Counted only if this call deleted it (a retried tick does not count twice).
      const del = await dynamo.send(new DeleteCommand({ TableName: ctx.tableName, Key: { pk: item.pk, sk: item.sk }, ReturnValues: 'ALL_OLD' }));
      if (del.Attributes) dropped++;
    }
    start = res.LastEvaluatedKey;
  } while (start);
  return dropped;
}

/** When the earliest deferred send of this release is due, if any is left. */
async function nextDeferredAt(ctx: ReleaseContext, r: Release): Promise<string | undefined> {
  const res = await dynamo.send(new QueryCommand({ TableName: ctx.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': deferPk(r) }, Limit: 1, ConsistentRead: true }));
  const sk = res.Items?.[0]?.sk;
  return sk === undefined ? undefined : String(sk).split('#')[0];
}

async function retryDeferred(ctx: ReleaseContext, r: Release, now: Date): Promise<number> {
  const res = await dynamo.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk AND sk < :now',
      ExpressionAttributeValues: { ':pk': deferPk(r), ':now': now.toISOString() },
      Limit: DEFERRED_PER_TICK,
      ConsistentRead: true,
    }),
  );
  if (!res.Items?.length) return 0;
  const facts = await factsOf(ctx, r);
  let done = 0;
  for (const item of res.Items) {
    // After the sell-out a deferred wave or public message would invite people to a sold-out
    // page: never sent; dropStaleDeferred() removes and counts it.
    if (r.soldOutAt !== undefined && item.jobKind !== 'keep_place') continue;
    const m = item.member as AudienceItem;
    const entry = (await ctx.ports.audience.entries(r.tenantId, [{ listId: m.listId, seq: m.seq }])).get(entryKeyOf(m.listId, m.seq));
    if (entry && entry.entryId === m.entryId) {
      const outcome = await sendMember(ctx, r, item.jobKind as Job['kind'], item.wave as number | undefined, m, entry, facts, now);
      if (!outcome.delivered && outcome.retryAt && outcome.retryAt > now.toISOString()) {
        await dynamo.send(new PutCommand({ TableName: ctx.tableName, Item: { ...item, sk: `${outcome.retryAt}#${String(item.sk).split('#').slice(1).join('#')}` } }));
      }
    }
    await dynamo.send(new DeleteCommand({ TableName: ctx.tableName, Key: { pk: item.pk, sk: item.sk } }));
    done++;
  }
  return done;
}
