import * as z from 'zod';
import { defineEntity, tenantKey } from '../data/entity.js';

/**
 * Waitlist data model (single table). One partition per list — a variant (`sku:<sku>`) or a
 * whole product (`product:<productId>`) — holds everything about that line:
 *
 *   pk T#<t>#WL#<listId>
 *     sk SUMMARY            counters (active, by channel), the join sequence, last fan-outs
 *     sk Q#<seq:12>         an active entry, sorted by join order (its place in line)
 *     sk P#<entryId>        an entry waiting for double opt-in (TTL `expiresAt`)
 *     sk K#<contactHash>    a claim: "this e-mail / phone is on this list" → the entry
 *                           (gsi1: T#<t>#CONTACT#<hash>, for a person's own page and erasure)
 *     sk B#<bucket:9>       active entries with seq in [bucket·1000, bucket·1000+999]
 *
 * Position in line is exact and cheap at any size: the sum of the bucket counters below the
 * entry's bucket (one Query of ≤ n/1000 tiny items) plus a COUNT of active entries in its own
 * bucket up to it (≤ 1000 keys, one page). Counters change only inside the same transaction
 * as the entry, so they never drift.
 *
 *   pk T#<t>#WLS  sk <listId>    the tenant's lists (admin overview), gsi1 WAITLISTS#<shard>
 *                                (the daily sweep's index across tenants)
 *   pk T#<t>#WLPERKS sk <productId>  perks per product
 *   pk T#<t>#POINTS#<shopperRef> sk <at>#<ref>  loyalty points ledger (append-only)
 */

export const BUCKET_SIZE = 1000;
export const SWEEP_SHARDS = 8;

export const listIdSchema = z.string().regex(/^(sku|product):[^#\s]{1,64}$/, 'sku:<sku> or product:<productId>');

export function listIdOf(target: { productId: string; sku?: string }): string {
  return target.sku ? `sku:${target.sku}` : `product:${target.productId}`;
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const listPk = (tenantId: string, listId: string) => tenantKey(tenantId, 'WL', listId);
export const activeSk = (seq: number) => `Q#${pad(seq, 12)}`;
export const pendingSk = (entryId: string) => `P#${entryId}`;
export const claimSk = (hash: string) => `K#${hash}`;
export const bucketOf = (seq: number) => Math.floor(seq / BUCKET_SIZE);
export const bucketSk = (bucket: number) => `B#${pad(bucket, 9)}`;
export const SUMMARY_SK = 'SUMMARY';
export const contactGsiPk = (tenantId: string, hash: string) => tenantKey(tenantId, 'CONTACT', hash);

const consentSchema = z.object({
  given: z.literal(true),
  textVersion: z.string(),
  /** When the browser says the box was ticked, and when we received it. */
  at: z.string().optional(),
  recordedAt: z.iso.datetime(),
  /** The page the form was on. */
  source: z.string(),
  /** Tenant-salted hash of the client IP (evidence without storing the address). */
  ipHash: z.string().optional(),
});

export const entrySchema = z.object({
  tenantId: z.string(),
  listId: listIdSchema,
  entryId: z.string(),
  productId: z.string(),
  sku: z.string().optional(),
  status: z.enum(['pending', 'active']),
  /** Join order (set on activation): the sort key of the line. */
  seq: z.number().int().nonnegative().optional(),
  subscriberId: z.string(),
  /** One hash per contact (the claim keys). */
  contactHashes: z.array(z.string()).min(1).max(2),
  email: z.string().optional(),
  phone: z.string().optional(),
  /** What the shopper wants to be reached by; each needs its contact. */
  channels: z.object({ email: z.boolean(), sms: z.boolean() }),
  locale: z.string(),
  timeZone: z.string().optional(),
  shopperId: z.string().optional(),
  consent: consentSchema,
  createdAt: z.iso.datetime(),
  activatedAt: z.iso.datetime().optional(),
  /** "Still interested?" is asked at this time… */
  reviewAt: z.iso.datetime().optional(),
  /** …and once asked, the entry is removed at this time unless kept. */
  keepUntil: z.iso.datetime().optional(),
  lastMessageAt: z.iso.datetime().optional(),
  lastUpdateAt: z.iso.datetime().optional(),
  updatesSent: z.number().int().nonnegative().default(0),
  /** The last update campaign applied (makes a retried fan-out page harmless). */
  lastCampaign: z.string().optional(),
  /** Pending entries only: when DynamoDB TTL removes the unconfirmed entry (epoch seconds). */
  expiresAt: z.number().optional(),
});
export type WaitlistEntry = z.infer<typeof entrySchema>;

export const WaitlistEntry = defineEntity({
  type: 'WaitlistEntry',
  schema: entrySchema,
  key: (k: { tenantId: string; listId: string; seq?: number; entryId: string; status: 'pending' | 'active' }) => ({
    pk: listPk(k.tenantId, k.listId),
    sk: k.status === 'active' ? activeSk(k.seq!) : pendingSk(k.entryId),
  }),
});

export const entrySkOf = (e: Pick<WaitlistEntry, 'status' | 'seq' | 'entryId'>) => (e.status === 'active' ? activeSk(e.seq!) : pendingSk(e.entryId));

export const WaitlistClaim = defineEntity({
  type: 'WaitlistClaim',
  schema: z.object({ tenantId: z.string(), listId: listIdSchema, hash: z.string(), entryId: z.string(), entrySk: z.string() }),
  key: (k: { tenantId: string; listId: string; hash: string }) => ({ pk: listPk(k.tenantId, k.listId), sk: claimSk(k.hash) }),
  gsi1: (c) => ({ gsi1pk: contactGsiPk(c.tenantId, c.hash), gsi1sk: c.listId }),
});
export type WaitlistClaim = z.infer<typeof WaitlistClaim.schema>;

export const summarySchema = z.object({
  tenantId: z.string(),
  listId: listIdSchema,
  productId: z.string().optional(),
  sku: z.string().optional(),
  seq: z.number().int().default(0),
  active: z.number().int().default(0),
  email: z.number().int().default(0),
  sms: z.number().int().default(0),
  lastActivatedAt: z.string().optional(),
  /** Last ETA-update fan-out, for the cheap "within cadence, nobody new" skip. */
  lastEtaFanOutAt: z.string().optional(),
  lastSweepAt: z.string().optional(),
});
export type WaitlistSummary = z.infer<typeof summarySchema>;

export const WaitlistSummary = defineEntity({
  type: 'WaitlistSummary',
  schema: summarySchema,
  key: (k: { tenantId: string; listId: string }) => ({ pk: listPk(k.tenantId, k.listId), sk: SUMMARY_SK }),
});

/** A list of the tenant (static content: written on every activation without a GSI write). */
export const WaitlistIndex = defineEntity({
  type: 'WaitlistIndex',
  schema: z.object({ tenantId: z.string(), listId: listIdSchema, productId: z.string(), sku: z.string().optional() }),
  key: (k: { tenantId: string; listId: string }) => ({ pk: tenantKey(k.tenantId, 'WLS'), sk: k.listId }),
  gsi1: (i) => ({ gsi1pk: sweepShardPk(shardOf(`${i.tenantId}#${i.listId}`)), gsi1sk: `${i.tenantId}#${i.listId}` }),
});
export type WaitlistIndex = z.infer<typeof WaitlistIndex.schema>;

export const sweepShardPk = (shard: number) => `WAITLISTS#${shard}`;
export function shardOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return h % SWEEP_SHARDS;
}

/** Perks of a product's waitlist (merchant-configured). */
export const perksSchema = z.object({
  /** A code valid for `validHours` after the back-in-stock message (sent by release waves). */
  discount: z.object({ code: z.string().trim().min(1).max(64), validHours: z.number().positive().max(24 * 90).default(24), description: z.string().max(200).optional() }).optional(),
  /** Points credited to each waiting shopper when the product returns. */
  loyaltyPoints: z.number().int().positive().max(1_000_000).optional(),
  /** Shown only to people waiting (confirmation and update messages, preference page), per language. */
  exclusiveContent: z.record(z.string().regex(/^[a-z]{2}$/), z.string().trim().min(1).max(2000)).optional(),
});
export type Perks = z.infer<typeof perksSchema>;

export const WaitlistPerks = defineEntity({
  type: 'WaitlistPerks',
  schema: perksSchema.extend({ tenantId: z.string(), productId: z.string(), updatedAt: z.iso.datetime() }),
  key: (k: { tenantId: string; productId: string }) => ({ pk: tenantKey(k.tenantId, 'WLPERKS'), sk: k.productId }),
});

/** One loyalty points movement; the ledger is only ever appended to (and erased on request). */
export const PointsLedgerRow = defineEntity({
  type: 'PointsLedgerRow',
  schema: z.object({
    tenantId: z.string(),
    /** `s:<shopperId>` when the shop knows the shopper, else `c:<subscriberId>`. */
    shopperRef: z.string(),
    at: z.iso.datetime(),
    /** What earned them, unique per movement: `waitlist-return:<campaignId>:<entryId>`. */
    ref: z.string(),
    points: z.number().int(),
    reason: z.string(),
    productId: z.string().optional(),
    sku: z.string().optional(),
  }),
  key: (k: { tenantId: string; shopperRef: string; at: string; ref: string }) => ({ pk: tenantKey(k.tenantId, 'POINTS', k.shopperRef), sk: `${k.at}#${k.ref}` }),
});
export type PointsLedgerRow = z.infer<typeof PointsLedgerRow.schema>;

export const shopperRefOf = (e: Pick<WaitlistEntry, 'shopperId' | 'subscriberId'>) => (e.shopperId ? `s:${e.shopperId}` : `c:${e.subscriberId}`);

/** Rate-limit marks: "nothing new from this client / to this address before `until`". */
export const rateMarkKey = (tenantId: string, kind: 'ip' | 'addr', hash: string) => ({ pk: tenantKey(tenantId, 'WLRATE', kind, hash), sk: 'RATE' });

/** The channels that count an entry in the by-channel totals. */
export function channelCounts(e: Pick<WaitlistEntry, 'channels'>) {
  return { email: e.channels.email ? 1 : 0, sms: e.channels.sms ? 1 : 0 };
}
