import * as z from 'zod';
import { defineEntity, tenantKey } from '../data/entity.js';
import { releaseConfigPatchSchema, releaseConfigSchema } from './config.js';

/**
 * Release data model (single table):
 *
 *   T#<t>#RELEASE#<id>            RELEASE       the release: state, clock, waves, cursor, job
 *   T#<t>#RELEASE#<id>#AUD        <key>         the audience in release order (no personal data:
 *                                               the entry's list and sequence, read at send time)
 *   T#<t>#RELEASE#<id>#PAGES      <job>#<from>  one item per sent page: its delivery counts
 *   T#<t>#RELREF#<id>#<ref>       REF           shopper pseudonym → audience member (attribution)
 *   T#<t>#HOLDPOOL#<id>#<k>       SHARD         hold-pool shard k: `available` units
 *   T#<t>#HOLD#<id>#<entryId>     HOLD          one claim per recipient and release
 *                                               (gsi1 while held: T#<t>#HOLDS#<id>#<k> / <until>)
 *   T#<t>#RELEASE-SKU#<sku>       ACTIVE        the SKU's running release (one at a time)
 *   T#<t>#TIER#<ref>              TIER          a shopper's tier (gsi1 T#<t>#TIERS / <tier>#<ref>)
 *   T#<t>                         RELEASE-SETTINGS  the tenant's release defaults
 *
 * Shards and holds each have their own partition key: items under one partition key share
 * a partition and its write limit, which is exactly what sharding the pool must avoid.
 */

export const releaseIdSchema = z.string().regex(/^r[a-z0-9-]{4,60}$/, 'a release id');

export const waveSchema = z.object({
  n: z.number().int().positive(),
  /** Audience members the wave covers (planned), and its first and last key. */
  size: z.number().int().nonnegative(),
  from: z.string().optional(),
  through: z.string().optional(),
  plannedAtClockMs: z.number(),
  plannedAt: z.iso.datetime(),
  sentAtClockMs: z.number().optional(),
  sentAt: z.iso.datetime().optional(),
  /** People who got the message (sent now or before: the ledger's sent/duplicate). */
  delivered: z.number().int().nonnegative().default(0),
  counts: z.record(z.string(), z.number().int()).default({}),
  /** Why this size: the estimate at planning time. */
  buyRate: z.number().optional(),
  pendingBuyers: z.number().optional(),
  freeUnits: z.number().optional(),
});
export type Wave = z.infer<typeof waveSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(['wave', 'keep_place', 'public']),
  wave: z.number().int().positive().optional(),
  /** Members still to page (a wave's size); absent = to the end of the audience. */
  remaining: z.number().int().nonnegative().optional(),
  /** The last key already paged (exclusive start); absent = from the beginning. */
  after: z.string().optional(),
  /** Pages handed to the Map state and not yet committed (re-sent as they are after a crash). */
  batch: z.number().int().nonnegative().default(0),
  pages: z.array(z.object({ from: z.string(), through: z.string(), count: z.number().int() })).default([]),
  /** Members paged so far, people who got the message, and delivery outcomes by status. */
  reached: z.number().int().nonnegative().default(0),
  delivered: z.number().int().nonnegative().default(0),
  counts: z.record(z.string(), z.number().int()).default({}),
});
export type Job = z.infer<typeof jobSchema>;

/** The flash discount of the public opening (the first 24 h). */
export const discountSchema = z.object({ code: z.string(), percent: z.number(), validUntil: z.iso.datetime() });

export const releaseStates = ['scheduled', 'building', 'waves', 'public', 'completed', 'cancelled'] as const;

export const Release = defineEntity({
  type: 'Release',
  schema: z.object({
    tenantId: z.string(),
    releaseId: releaseIdSchema,
    productId: z.string(),
    sku: z.string(),
    productTitle: z.string(),
    productUrl: z.string().optional(),
    trigger: z.enum(['manual', 'back_in_stock']),
    createdAt: z.iso.datetime(),
    startAt: z.iso.datetime(),
    state: z.enum(releaseStates),
    paused: z.boolean().default(false),
    pausedAt: z.iso.datetime().optional(),
    cancelledAt: z.iso.datetime().optional(),
    endedAt: z.iso.datetime().optional(),
    endReason: z.string().optional(),
    config: releaseConfigSchema,
    /** Units the release offers (set when the pool is created). */
    units: z.number().int().nonnegative(),
    /** A cap the merchant set; absent = every sellable unit, restocks mid-release included. */
    unitsLimit: z.number().int().positive().optional(),
    /** Units sold through the release (paid holds and direct orders by the audience). */
    sold: z.number().int().nonnegative().default(0),
    retried: z.number().int().nonnegative().default(0),
    /** Deferred wave/public messages dropped at the sell-out (those people get the closing notice). */
    droppedAtSellOut: z.number().int().nonnegative().default(0),
    shopName: z.string().default(''),
    shards: z.number().int().positive().optional(),
    /** The release clock: advances by the workflow's waits (or real time, whichever is more); stops while paused. */
    clockMs: z.number().nonnegative().default(0),
    lastTickAt: z.iso.datetime().optional(),
    lastWaitSeconds: z.number().nonnegative().default(0),
    firstWaveAtClockMs: z.number().optional(),
    publicAtClockMs: z.number().optional(),
    nextWaveAtClockMs: z.number().optional(),
    openedAt: z.iso.datetime().optional(),
    openedAtClockMs: z.number().optional(),
    openedReason: z.string().optional(),
    soldOutAt: z.iso.datetime().optional(),
    audience: z
      .object({
        built: z.boolean().default(false),
        size: z.number().int().nonnegative().default(0),
        tiered: z.number().int().nonnegative().default(0),
        late: z.number().int().nonnegative().default(0),
        /** Per waitlist (sku / product list): the highest join sequence already in the audience. */
        lastSeq: z.record(z.string(), z.number().int()).default({}),
        /** The list being read during the build and where (a join sequence). */
        buildList: z.number().int().nonnegative().default(0),
      })
      .default({ built: false, size: 0, tiered: 0, late: 0, lastSeq: {}, buildList: 0 }),
    /** Last audience key told (everyone up to it got their wave's message). */
    cursor: z.string().optional(),
    notified: z.number().int().nonnegative().default(0),
    waves: z.array(waveSchema).default([]),
    job: jobSchema.optional(),
    jobsDone: z.array(z.object({ id: z.string(), kind: z.string(), delivered: z.number().int(), counts: z.record(z.string(), z.number().int()) })).default([]),
    conversions: z.number().int().nonnegative().default(0),
    conversionsByWave: z.record(z.string(), z.number().int()).default({}),
    /** The workflow execution that owns the release; a stale one is refused. */
    executionName: z.string().optional(),
    executions: z.number().int().nonnegative().default(0),
    discount: discountSchema.optional(),
    check: z.object({ ok: z.boolean(), items: z.array(z.object({ id: z.string(), ok: z.boolean(), detail: z.string() })) }).optional(),
  }),
  key: (k: { tenantId: string; releaseId: string }) => ({ pk: tenantKey(k.tenantId, 'RELEASE', k.releaseId), sk: 'RELEASE' }),
  gsi1: (r) => ({ gsi1pk: tenantKey(r.tenantId, 'RELEASES'), gsi1sk: `${r.createdAt}#${r.releaseId}` }),
});
export type Release = z.infer<typeof Release.schema>;

export const audiencePk = (tenantId: string, releaseId: string) => tenantKey(tenantId, 'RELEASE', releaseId, 'AUD');
export const pagesPk = (tenantId: string, releaseId: string) => tenantKey(tenantId, 'RELEASE', releaseId, 'PAGES');
export const refKey = (tenantId: string, releaseId: string, ref: string) => ({ pk: tenantKey(tenantId, 'RELREF', releaseId, ref), sk: 'REF' });
export const shardKey = (tenantId: string, releaseId: string, shard: number) => ({ pk: tenantKey(tenantId, 'HOLDPOOL', releaseId, shard), sk: 'SHARD' });
export const holdKey = (tenantId: string, releaseId: string, entryId: string) => ({ pk: tenantKey(tenantId, 'HOLD', releaseId, entryId), sk: 'HOLD' });
export const heldIndexPk = (tenantId: string, releaseId: string, shard: number) => tenantKey(tenantId, 'HOLDS', releaseId, shard);
export const activeReleaseKey = (tenantId: string, sku: string) => ({ pk: tenantKey(tenantId, 'RELEASE-SKU', sku), sk: 'ACTIVE' });

/** One audience member as stored: where to find the person, never who they are. */
export const audienceItemSchema = z.object({
  sk: z.string(),
  entryId: z.string(),
  listId: z.string(),
  seq: z.number().int(),
  segment: z.string(),
  tier: z.string().optional(),
  refs: z.array(z.string()).default([]),
});
export type AudienceItem = z.infer<typeof audienceItemSchema>;

export const holdSchema = z.object({
  tenantId: z.string(),
  releaseId: z.string(),
  entryId: z.string(),
  productId: z.string(),
  sku: z.string(),
  status: z.enum(['held', 'converted', 'lapsed', 'released']),
  shard: z.number().int().nonnegative(),
  /** Secret part of the claim id (the claim id is the shopper's handle on the hold). */
  secret: z.string(),
  heldAt: z.iso.datetime(),
  holdUntil: z.iso.datetime(),
  refs: z.array(z.string()).default([]),
  tokenId: z.string(),
  endedAt: z.iso.datetime().optional(),
  orderId: z.string().optional(),
});
export type Hold = z.infer<typeof holdSchema>;

export const tierSchema = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" or "-"');

export const ShopperTier = defineEntity({
  type: 'ShopperTier',
  schema: z.object({ tenantId: z.string(), ref: z.string(), tier: tierSchema, updatedAt: z.iso.datetime() }),
  key: (k: { tenantId: string; ref: string }) => ({ pk: tenantKey(k.tenantId, 'TIER', k.ref), sk: 'TIER' }),
  gsi1: (t) => ({ gsi1pk: tenantKey(t.tenantId, 'TIERS'), gsi1sk: `${t.tier}#${t.ref}` }),
});
export type ShopperTier = z.infer<typeof ShopperTier.schema>;

export const ReleaseSettings = defineEntity({
  type: 'ReleaseSettings',
  schema: z.object({
    tenantId: z.string(),
    /** Start a release automatically when a variant with people waiting comes back in stock. */
    autoRelease: z.boolean().default(true),
    defaults: releaseConfigPatchSchema.default({}),
    updatedAt: z.iso.datetime().optional(),
  }),
  key: (k: { tenantId: string }) => ({ pk: tenantKey(k.tenantId), sk: 'RELEASE-SETTINGS' }),
});
export type ReleaseSettings = z.infer<typeof ReleaseSettings.schema>;
