import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { Store } from '../data/store.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.js';
import { effectiveSettings, sellable } from '../inventory/availability.js';
import { tenantInventoryDefaults } from '../inventory/tenant-defaults.js';
import { shopperRef } from '../inventory/orders.js';
import { Product } from '../inventory/model.js';
import type { TemplateName } from '../messaging/types.js';
import { Tenant } from '../tenants/model.js';
import { campaignCopy, campaignCopySchema } from './campaign.js';
import { releaseConfigSchema, resolveConfig, type ReleaseConfig, type ReleaseConfigPatch } from './config.js';
import { ReleaseSettings, ShopperTier, activeReleaseKey, jobSchema, Release, releaseStates, waveSchema, type Release as ReleaseT } from './model.js';
import { countHeld, readPool } from './pool.js';
import { prelaunchCheck, prelaunchCheckSchema, preview, previewSchema, type PrelaunchFacts } from './planner.js';
import type { ReleasePorts } from './ports.js';
import { clearActive, getRelease, putRelease, updateRelease } from './repository.js';
import { advanceClock, executionNameOf, poolOf } from './workflow.js';

/**
 * The merchant's side of releases: plan (a dry run with the pre-launch check), start,
 * progress, pause / resume / cancel, campaign copy, defaults and shopper tiers.
 */
export interface AdminContext {
  tableName: string;
  ports: ReleasePorts;
  stateMachineArn?: string;
  senderEmail?: string;
  sfn?: Pick<SFNClient, 'send'>;
  now: () => Date;
}

export interface ReleaseRequest {
  productId: string;
  sku: string;
  /** Release at most this many units (default: every sellable unit, restocks included). */
  units?: number;
  /** When to start (default now). */
  startAt?: string;
  config?: ReleaseConfigPatch;
}

const RELEASE_TEMPLATES: TemplateName[] = ['back_in_stock', 'early_access', 'sold_out_keep_place'];
const SAMPLE = 200;

let sfnClient: SFNClient | undefined;
const sfnOf = (ctx: AdminContext) => ctx.sfn ?? (sfnClient ??= new SFNClient({}));

export async function releaseSettings(tableName: string, tenantId: string): Promise<ReleaseSettings> {
  return (await new Store(tableName).get(ReleaseSettings, { tenantId }, true)) ?? ReleaseSettings.schema.parse({ tenantId });
}

export async function putReleaseSettings(tableName: string, tenantId: string, patch: { autoRelease?: boolean; defaults?: ReleaseConfigPatch }, now = new Date()): Promise<ReleaseSettings> {
  const current = await releaseSettings(tableName, tenantId);
  const next: ReleaseSettings = { tenantId, autoRelease: patch.autoRelease ?? current.autoRelease, defaults: patch.defaults ?? current.defaults, updatedAt: now.toISOString() };
  resolveConfig(next.defaults); // refuses an inconsistent set before it is stored
  await new Store(tableName).put(ReleaseSettings, next);
  return next;
}

interface Gathered {
  config: ReleaseConfig;
  facts: PrelaunchFacts;
  product: { title: string; url?: string; shopName: string };
  waiting: number;
  tenantLocale: string;
}

/** Everything the check and the preview need, read once. */
async function gather(ctx: AdminContext, tenantId: string, req: ReleaseRequest): Promise<Gathered> {
  const store = new Store(ctx.tableName);
  const [product, tenant, settings] = await Promise.all([
    store.get(Product, { tenantId, productId: req.productId }, true),
    store.get(Tenant, { tenantId }),
    releaseSettings(ctx.tableName, tenantId),
  ]);
  if (!product) throw new NotFoundError('Product');
  const variant = product.variants[req.sku];
  if (!variant) throw new UnprocessableError('Unknown SKU for this product', [{ field: 'sku', reason: `${req.sku} is not a variant of ${req.productId}` }]);
  const config = resolveConfig(settings.defaults, req.config);
  const now = ctx.now();
  const startAt = req.startAt ?? now.toISOString();
  const sellableNow = sellable(variant, effectiveSettings(product.settings, await tenantInventoryDefaults(ctx.tableName, tenantId)));
  const units = req.units ?? sellableNow;
  const incomingByStart = variant.eta && variant.eta <= startAt.slice(0, 10) ? variant.incoming : 0;

  const lists = ctx.ports.audience.lists(req.productId, req.sku);
  const waiting = await ctx.ports.audience.count(tenantId, lists);
  const locales = new Set<string>();
  let sampled = 0;
  let reachable = 0;
  for (const listId of lists) {
    const page = await ctx.ports.audience.page(tenantId, listId, -1, SAMPLE);
    for (const e of page.entries) {
      sampled++;
      locales.add((e.locale.toLowerCase().split(/[-_]/)[0] ?? 'en') || 'en');
      if ((config.channels.includes('email') && e.email && e.channels.email) || (config.channels.includes('sms') && e.phone && e.channels.sms)) reachable++;
    }
  }
  const tenantLocale = tenant?.locale ?? 'en';
  if (!locales.size) locales.add(tenantLocale.split(/[-_]/)[0] ?? 'en');
  const missingTemplates: { template: string; locale: string }[] = [];
  for (const locale of locales) {
    for (const template of RELEASE_TEMPLATES) if (!(await ctx.ports.templates.has(tenantId, template, locale))) missingTemplates.push({ template, locale });
  }
  const waitlistTemplate = (tenant?.settings as { waitlist?: { productUrlTemplate?: string } } | undefined)?.waitlist?.productUrlTemplate;
  const productUrl =
    config.productUrl ??
    (waitlistTemplate ? waitlistTemplate.replaceAll('{productId}', encodeURIComponent(req.productId)).replaceAll('{sku}', encodeURIComponent(req.sku)) : undefined) ??
    product.url;
  return {
    config,
    waiting,
    tenantLocale,
    product: { title: product.title, url: productUrl, shopName: tenant?.name ?? '' },
    facts: {
      waiting,
      missingTemplates,
      localesChecked: [...locales].sort(),
      productUrl,
      units,
      sellable: sellableNow,
      incomingByStart,
      startAt,
      reachable,
      sampled,
      emailSenderConfigured: !!ctx.senderEmail,
      channels: config.channels,
    },
  };
}

export const planAnswerSchema = z.object({
  check: prelaunchCheckSchema,
  preview: previewSchema,
  config: releaseConfigSchema,
  units: z.number().int().meta({ description: 'Units the release would offer: the request’s, or every sellable unit (and those due by the start).' }),
  waiting: z.number().int(),
});
export type PlanAnswer = z.infer<typeof planAnswerSchema>;

/** POST /admin/releases/plan: what would happen, and whether it may start. No writes. */
export async function planRelease(ctx: AdminContext, tenantId: string, req: ReleaseRequest): Promise<PlanAnswer> {
  const g = await gather(ctx, tenantId, req);
  const units = Math.min(g.facts.units, g.facts.sellable + g.facts.incomingByStart);
  return { check: prelaunchCheck(g.facts), preview: preview(g.config, units, g.waiting), config: g.config, units, waiting: g.waiting };
}

export const newReleaseId = () => `r-${randomBytes(6).toString('hex')}`;

/**
 * Starts a release: the pre-launch check must pass; one release per variant at a time (the
 * variant's `ACTIVE` item); then the workflow execution, named after the release so a
 * repeated request starts nothing twice.
 */
export async function createRelease(
  ctx: AdminContext,
  tenantId: string,
  req: ReleaseRequest & { trigger?: ReleaseT['trigger']; releaseId?: string },
): Promise<{ release: ReleaseT; created: boolean; check: { ok: boolean; items: { id: string; ok: boolean; detail: string }[] } }> {
  const releaseId = req.releaseId ?? newReleaseId();
  const existing = await getRelease(ctx.tableName, tenantId, releaseId);
  if (existing) return { release: existing, created: false, check: existing.check ?? { ok: true, items: [] } };
  const g = await gather(ctx, tenantId, req);
  const check = prelaunchCheck(g.facts);
  if (!check.ok) {
    throw new UnprocessableError(
      'The pre-launch check failed: the release was not started',
      check.items.filter((i) => !i.ok).map((i) => ({ field: i.id, reason: i.detail })),
    );
  }
  const now = ctx.now();
  const release: ReleaseT = Release.schema.parse({
    tenantId,
    releaseId,
    productId: req.productId,
    sku: req.sku,
    productTitle: g.product.title,
    productUrl: g.product.url,
    shopName: g.product.shopName,
    trigger: req.trigger ?? 'manual',
    createdAt: now.toISOString(),
    startAt: req.startAt && req.startAt > now.toISOString() ? req.startAt : now.toISOString(),
    state: 'scheduled',
    config: g.config,
    units: g.facts.units,
    ...(req.units !== undefined ? { unitsLimit: req.units } : {}),
    executionName: executionNameOf(releaseId, 1),
    executions: 1,
    check,
  });
  // One release per variant: the claim on the variant comes first.
  try {
    await dynamo.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...activeReleaseKey(tenantId, req.sku), _type: 'ActiveRelease', releaseId, at: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk) OR releaseId = :r',
        ExpressionAttributeValues: { ':r': releaseId },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ConflictError(`A release of ${req.sku} is already running; pause or cancel it first`);
    throw error;
  }
  if (!(await putRelease(ctx.tableName, release))) {
    return { release: (await getRelease(ctx.tableName, tenantId, releaseId))!, created: false, check };
  }
  await startExecution(ctx, release);
  return { release, created: true, check };
}

async function startExecution(ctx: AdminContext, r: Pick<ReleaseT, 'tenantId' | 'releaseId' | 'executionName'>): Promise<void> {
  if (!ctx.stateMachineArn) throw new Error('RELEASE_STATE_MACHINE_ARN is not configured');
  try {
    await sfnOf(ctx).send(
      new StartExecutionCommand({
        stateMachineArn: ctx.stateMachineArn,
        name: r.executionName,
        input: JSON.stringify({ tenantId: r.tenantId, releaseId: r.releaseId, execution: r.executionName, iteration: 0 }),
      }),
    );
  } catch (error) {
    // Started by an earlier attempt of this request: nothing to do.
    if ((error as { name?: string }).name !== 'ExecutionAlreadyExists') throw error;
  }
}

const executionArnOf = (stateMachineArn: string, name: string) => `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

async function executionStatus(ctx: AdminContext, name: string | undefined): Promise<string> {
  if (!name || !ctx.stateMachineArn) return 'UNKNOWN';
  try {
    const res = await sfnOf(ctx).send(new DescribeExecutionCommand({ executionArn: executionArnOf(ctx.stateMachineArn, name) }));
    return res.status ?? 'UNKNOWN';
  } catch (error) {
    if ((error as { name?: string }).name === 'ExecutionDoesNotExist') return 'MISSING';
    throw error;
  }
}

const TERMINAL = new Set(['completed', 'cancelled']);

async function load(ctx: AdminContext, tenantId: string, releaseId: string): Promise<ReleaseT> {
  const r = await getRelease(ctx.tableName, tenantId, releaseId);
  if (!r) throw new NotFoundError('Release');
  return r;
}

export async function pauseRelease(ctx: AdminContext, tenantId: string, releaseId: string) {
  const r = await load(ctx, tenantId, releaseId);
  if (TERMINAL.has(r.state)) throw new ConflictError(`The release is ${r.state}`);
  await updateRelease(ctx.tableName, r, { paused: true, pausedAt: ctx.now().toISOString() }, { expression: 'NOT #s IN (:c, :d)', names: { '#s': 'state' }, values: { ':c': 'completed', ':d': 'cancelled' } });
  return progress(ctx, tenantId, releaseId);
}

/**
 * Resumes a paused release, and restarts a release whose workflow died (a crash, a failed
 * step): a new execution takes over — the old one, if it ever woke, would find it no longer
 * owns the release — and carries on from the stored cursor and job.
 */
export async function resumeRelease(ctx: AdminContext, tenantId: string, releaseId: string) {
  const r = await load(ctx, tenantId, releaseId);
  if (TERMINAL.has(r.state)) throw new ConflictError(`The release is ${r.state}`);
  if (r.paused) await updateRelease(ctx.tableName, r, { paused: false, pausedAt: undefined });
  const status = await executionStatus(ctx, r.executionName);
  let restarted = false;
  if (status !== 'RUNNING') {
    const name = executionNameOf(r.releaseId, r.executions + 1);
    const ok = await updateRelease(
      ctx.tableName,
      r,
      { executionName: name, executions: r.executions + 1 },
      { expression: '#e = :old', names: { '#e': 'executions' }, values: { ':old': r.executions } },
    );
    if (ok) {
      await startExecution(ctx, { ...r, executionName: name });
      restarted = true;
    }
  }
  return { ...(await progress(ctx, tenantId, releaseId)), restarted };
}

export async function cancelRelease(ctx: AdminContext, tenantId: string, releaseId: string) {
  const r = await load(ctx, tenantId, releaseId);
  if (TERMINAL.has(r.state)) throw new ConflictError(`The release is ${r.state}`);
  const at = ctx.now().toISOString();
  await updateRelease(ctx.tableName, r, { state: 'cancelled', cancelledAt: at, endedAt: at, endReason: 'cancelled' }, { expression: 'NOT #s IN (:c, :d)', names: { '#s': 'state' }, values: { ':c': 'completed', ':d': 'cancelled' } });
  await clearActive(ctx.tableName, tenantId, r.sku, r.releaseId);
  return progress(ctx, tenantId, releaseId);
}

/** Release clock → wall clock, for "when" answers. */
function realTimeOf(r: ReleaseT, clockMs: number | undefined, now: Date): string | undefined {
  if (clockMs === undefined) return undefined;
  return new Date(now.getTime() + (clockMs - advanceClock(r, now))).toISOString();
}

const count = z.number().int().nonnegative();
const counts = z.record(z.string(), z.number().int()).meta({ description: 'Delivery outcomes by status (sent, duplicate, suppressed, deferred, failed, …).' });

/** A release as the merchant follows it (GET /admin/releases/{id} and every control's answer). */
export const releaseProgressSchema = z.object({
  releaseId: z.string(),
  productId: z.string(),
  sku: z.string(),
  state: z.enum(releaseStates),
  paused: z.boolean(),
  trigger: Release.schema.shape.trigger,
  createdAt: z.iso.datetime(),
  startAt: z.iso.datetime(),
  units: z.object({ offered: count, free: count, held: count, sold: count }),
  audience: z.object({ size: count, tiered: count, late: count, built: z.boolean(), notified: count, remaining: count }),
  waves: z.array(
    z.object({
      n: waveSchema.shape.n,
      size: count,
      plannedAt: z.iso.datetime(),
      sentAt: z.iso.datetime().optional(),
      delivered: count,
      counts,
      conversions: z.number().int(),
      estimate: z.object({ buyRate: z.number().optional(), pendingBuyers: z.number().optional(), freeUnits: z.number().optional() }).meta({ description: 'Why this size: the estimate when the wave was planned.' }),
    }),
  ),
  conversions: count,
  job: z
    .object({ kind: jobSchema.shape.kind, wave: z.number().int().positive().optional(), reached: count, remaining: count.optional(), delivered: count })
    .nullable()
    .meta({ description: 'The batch of messages being sent now, if any.' }),
  notices: z.array(z.object({ id: z.string(), kind: z.string(), delivered: z.number().int(), counts })).meta({ description: 'Finished non-wave sends: the public opening, the "keep your place" notices.' }),
  nextWaveAt: z.iso.datetime().optional(),
  publicOpensAt: z.iso.datetime().optional(),
  openedReason: z.string().optional(),
  soldOutAt: z.iso.datetime().optional(),
  endedAt: z.iso.datetime().optional(),
  endReason: z.string().optional(),
  discount: Release.schema.shape.discount,
  retried: count,
  droppedAtSellOut: count.meta({ description: 'Deferred wave or public messages dropped at the sell-out (those people get the closing notice instead).' }),
  execution: z.object({ name: z.string().optional(), count, status: z.string().optional().meta({ description: 'The workflow execution’s status (RUNNING, FAILED, ABORTED, MISSING, UNKNOWN, …); absent once the release is over.' }) }),
  config: releaseConfigSchema,
  check: Release.schema.shape.check,
});
export type ReleaseProgress = z.infer<typeof releaseProgressSchema>;

export async function progress(ctx: AdminContext, tenantId: string, releaseId: string): Promise<ReleaseProgress> {
  const r = await load(ctx, tenantId, releaseId);
  const now = ctx.now();
  const pool = r.shards ? poolOf(ctx.tableName, r) : undefined;
  const [shards, held] = pool ? await Promise.all([readPool(pool), countHeld(pool)]) : [[], { held: 0 }];
  return {
    releaseId: r.releaseId,
    productId: r.productId,
    sku: r.sku,
    state: r.state,
    paused: r.paused,
    trigger: r.trigger,
    createdAt: r.createdAt,
    startAt: r.startAt,
    units: { offered: r.units, free: shards.reduce((s, v) => s + v, 0), held: held.held, sold: r.sold },
    audience: { size: r.audience.size, tiered: r.audience.tiered, late: r.audience.late, built: r.audience.built, notified: r.notified, remaining: Math.max(0, r.audience.size - r.notified) },
    waves: r.waves.map((w) => ({
      n: w.n,
      size: w.size,
      plannedAt: w.plannedAt,
      sentAt: w.sentAt,
      delivered: w.delivered,
      counts: w.counts,
      conversions: r.conversionsByWave[String(w.n)] ?? 0,
      estimate: { buyRate: w.buyRate, pendingBuyers: w.pendingBuyers, freeUnits: w.freeUnits },
    })),
    conversions: r.conversions,
    job: r.job ? { kind: r.job.kind, wave: r.job.wave, reached: r.job.reached, remaining: r.job.remaining, delivered: r.job.delivered } : null,
    notices: r.jobsDone.filter((j) => j.kind !== 'wave'),
    nextWaveAt: r.state === 'waves' ? realTimeOf(r, r.nextWaveAtClockMs, now) : undefined,
    publicOpensAt: r.openedAt ?? realTimeOf(r, r.publicAtClockMs, now),
    openedReason: r.openedReason,
    soldOutAt: r.soldOutAt,
    endedAt: r.endedAt,
    endReason: r.endReason,
    discount: r.discount,
    retried: r.retried,
    droppedAtSellOut: r.droppedAtSellOut,
    execution: { name: r.executionName, count: r.executions, status: TERMINAL.has(r.state) ? undefined : await executionStatus(ctx, r.executionName).catch(() => 'UNKNOWN') },
    config: r.config,
    check: r.check,
  };
}

export const releaseSummarySchema = z.object({
  releaseId: z.string(),
  productId: z.string(),
  sku: z.string(),
  state: z.enum(releaseStates),
  paused: z.boolean(),
  createdAt: z.iso.datetime(),
  units: count,
  sold: count,
  waves: count.meta({ description: 'Waves planned or sent so far.' }),
  endReason: z.string().optional(),
});
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;

export async function listReleases(ctx: AdminContext, tenantId: string, q: { limit?: number; cursor?: string }): Promise<{ items: ReleaseSummary[]; cursor?: string }> {
  const page = await new Store(ctx.tableName).page(Release, { pk: Release.gsi1!({ tenantId } as ReleaseT)!.gsi1pk, index: 'gsi1', limit: q.limit ?? 25, cursor: q.cursor, forward: false });
  return {
    items: page.items.map((r) => ({ releaseId: r.releaseId, productId: r.productId, sku: r.sku, state: r.state, paused: r.paused, createdAt: r.createdAt, units: r.units, sold: r.sold, waves: r.waves.length, endReason: r.endReason })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

export const campaignAnswerSchema = z.object({ locales: z.array(campaignCopySchema) });

/** Campaign copy (e-mail, SMS, social) for the restock "event", in the requested locales. */
export async function campaign(ctx: AdminContext, tenantId: string, releaseId: string, locales?: string[]): Promise<z.infer<typeof campaignAnswerSchema>> {
  const r = await load(ctx, tenantId, releaseId);
  const tenant = await new Store(ctx.tableName).get(Tenant, { tenantId });
  const now = ctx.now();
  // Before the first wave the opening is estimated from the start time.
  const publicAt = r.openedAt ?? realTimeOf(r, r.publicAtClockMs, now) ?? new Date(Math.max(Date.parse(r.startAt), now.getTime()) + r.config.publicAfterHours * 3_600_000).toISOString();
  const discount =
    r.discount ??
    (r.config.flashDiscount && publicAt
      ? { code: r.config.flashDiscount.code, percent: r.config.flashDiscount.percent, validUntil: new Date(Date.parse(publicAt) + 24 * 3_600_000).toISOString() }
      : undefined);
  const wanted = locales?.length ? locales : [...new Set([tenant?.locale ?? 'en', 'en', 'it'])];
  return {
    locales: [...new Set(wanted.map((l) => (l.toLowerCase().startsWith('it') ? 'it' : 'en')))].map((locale) =>
      campaignCopy({ locale, shopName: r.shopName, productTitle: r.productTitle, productUrl: r.productUrl, units: r.units, publicAt, discount, waiting: r.audience.size || undefined }),
    ),
  };
}

// ---- shopper tiers --------------------------------------------------------------------------

export interface TierAssignment {
  id?: string;
  email?: string;
  /** null removes the tier. */
  tier: string | null;
}

/** Sets shoppers' tiers, stored under the same pseudonyms orders and waitlist entries map to. */
export async function setTiers(tableName: string, tenantId: string, shoppers: TierAssignment[], now = new Date()): Promise<{ updated: number; removed: number }> {
  const store = new Store(tableName);
  let updated = 0;
  let removed = 0;
  for (const s of shoppers) {
    const refs = [s.id ? shopperRef(tenantId, { id: s.id }) : undefined, s.email ? shopperRef(tenantId, { email: s.email }) : undefined].filter((r): r is string => !!r);
    for (const ref of refs) {
      if (s.tier === null) {
        await dynamo.send(new DeleteCommand({ TableName: tableName, Key: ShopperTier.key({ tenantId, ref }) }));
        removed++;
      } else {
        await store.put(ShopperTier, { tenantId, ref, tier: s.tier, updatedAt: now.toISOString() });
        updated++;
      }
    }
  }
  return { updated, removed };
}

export const shopperTierViewSchema = ShopperTier.schema.pick({ ref: true, tier: true, updatedAt: true });

export async function listTiers(tableName: string, tenantId: string, q: { limit?: number; cursor?: string }): Promise<{ items: z.infer<typeof shopperTierViewSchema>[]; cursor?: string }> {
  const page = await new Store(tableName).page(ShopperTier, { pk: ShopperTier.gsi1!({ tenantId } as ShopperTier)!.gsi1pk, index: 'gsi1', limit: q.limit ?? 50, cursor: q.cursor });
  return { items: page.items.map((t) => ({ ref: t.ref, tier: t.tier, updatedAt: t.updatedAt })), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export type { ReleaseSettings };
