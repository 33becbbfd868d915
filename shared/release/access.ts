import * as z from 'zod';
import { ConflictError, DomainError, NotFoundError } from '../errors.js';
import { mintLink, openLink } from './link-keys.js';
import type { VerifyFailure } from './links.js';
import { discountSchema, holdSchema, releaseStates } from './model.js';
import { claimIdOf, claimUnit, effectiveStatus, getHold, parseClaimId, readPool, releaseHold, secretMatches } from './pool.js';
import { getRelease } from './repository.js';
import { advanceClock, poolOf } from './workflow.js';

/**
 * The storefront's side of a release: a private link says whether its holder may buy now
 * (and hands out a short-lived, single-purpose claim token), a claim holds one unit for a
 * few minutes, and the shopper can look at or give back their hold.
 */
export class LinkRefusedError extends DomainError {
  constructor(readonly reason: VerifyFailure) {
    super(403, 'link_refused', reason === 'expired' ? 'This link has expired' : 'This link is not valid', [{ field: 'token', reason }]);
  }
}

const CLAIM_TOKEN_MINUTES = 30;

export const accessReasons = [
  'early_access',
  'holding',
  'open_to_everyone',
  'all_units_held',
  'sold_out',
  'already_bought',
  'paused',
  'not_started',
  'release_ended',
  'release_cancelled',
] as const;
export type AccessReason = (typeof accessReasons)[number];

export const accessAnswerSchema = z.object({
  mayBuyNow: z.boolean(),
  reason: z.enum(accessReasons),
  /** Nobody who is told "no" loses their place in line. */
  keepsPlace: z.boolean(),
  releaseId: z.string(),
  productId: z.string(),
  sku: z.string(),
  state: z.enum(releaseStates),
  unitsFree: z.number(),
  publicOpensAt: z.iso.datetime().optional(),
  hold: z.object({ claimId: z.string(), status: holdSchema.shape.status, holdUntil: z.iso.datetime() }).optional(),
  claimToken: z.string().optional().meta({ description: 'Present when the shopper may claim a hold now: the token for POST /storefront/claims.' }),
  holdMinutes: z.number(),
  discount: discountSchema.optional(),
});
export type AccessAnswer = z.infer<typeof accessAnswerSchema>;

export async function earlyAccess(tableName: string, tenantId: string, token: string, now = new Date()): Promise<AccessAnswer> {
  const verified = await openLink(tableName, token, { tenantId, purpose: 'access' }, now.getTime());
  if (!verified.ok) throw new LinkRefusedError(verified.reason);
  const c = verified.claims;
  const r = await getRelease(tableName, tenantId, c.r);
  if (!r) throw new NotFoundError('Release');
  const pool = r.shards ? poolOf(tableName, r) : undefined;
  const [hold, shards] = await Promise.all([pool ? getHold(pool, c.e) : undefined, pool ? readPool(pool) : Promise.resolve([] as number[])]);
  const unitsFree = shards.reduce((s, v) => s + v, 0);
  const holdStatus = hold ? effectiveStatus(hold, now.getTime()) : undefined;
  const publicOpensAt = r.openedAt ?? (r.publicAtClockMs !== undefined ? new Date(now.getTime() + (r.publicAtClockMs - advanceClock(r, now))).toISOString() : undefined);
  const answer = (mayBuyNow: boolean, reason: AccessReason): AccessAnswer => ({
    mayBuyNow,
    reason,
    keepsPlace: !mayBuyNow && reason !== 'already_bought',
    releaseId: r.releaseId,
    productId: r.productId,
    sku: r.sku,
    state: r.state,
    unitsFree,
    publicOpensAt,
    holdMinutes: r.config.holdMinutes,
    ...(hold ? { hold: { claimId: claimIdOf(hold), status: holdStatus!, holdUntil: hold.holdUntil } } : {}),
    ...(r.discount && Date.parse(r.discount.validUntil) > now.getTime() ? { discount: r.discount } : {}),
  });
  if (r.state === 'cancelled') return answer(false, 'release_cancelled');
  if (holdStatus === 'converted') return answer(false, 'already_bought');
  if (holdStatus === 'held') return answer(true, 'holding');
  if (r.state === 'completed') return answer(false, r.endReason === 'sold_out' ? 'sold_out' : 'release_ended');
  if (r.paused) return answer(false, 'paused');
  if (r.state === 'scheduled' || r.state === 'building') return answer(false, 'not_started');
  if (unitsFree <= 0) return answer(false, r.soldOutAt ? 'sold_out' : 'all_units_held');
  const base = answer(true, r.state === 'public' ? 'open_to_everyone' : 'early_access');
  // A hold can be claimed once per person and release: no token if they already had one.
  if (!hold) {
    const exp = Math.min(c.x, Math.floor(now.getTime() / 1000) + CLAIM_TOKEN_MINUTES * 60);
    base.claimToken = await mintLink(tableName, { t: tenantId, r: c.r, p: c.p, s: c.s, e: c.e, u: 'claim', x: exp });
  }
  return base;
}

export const claimAnswerSchema = z.object({
  claimId: z.string(),
  status: holdSchema.shape.status,
  holdUntil: z.iso.datetime(),
  releaseId: z.string(),
  productId: z.string(),
  sku: z.string(),
});
export type ClaimAnswer = z.infer<typeof claimAnswerSchema>;

/** Holds a unit for the claim token's recipient (201), or says why not (409). */
export async function claim(tableName: string, tenantId: string, token: string, now = new Date()): Promise<ClaimAnswer> {
  const verified = await openLink(tableName, token, { tenantId, purpose: 'claim' }, now.getTime());
  if (!verified.ok) throw new LinkRefusedError(verified.reason);
  const c = verified.claims;
  const r = await getRelease(tableName, tenantId, c.r);
  if (!r) throw new NotFoundError('Release');
  if (r.paused || !(r.state === 'waves' || r.state === 'public') || !r.shards) throw new ConflictError('This release is not taking claims right now; you keep your place');
  const result = await claimUnit(poolOf(tableName, r), { entryId: c.e, productId: r.productId, sku: r.sku, refs: [], tokenId: c.j, holdMinutes: r.config.holdMinutes }, now);
  if (result.status === 'none_left') throw new ConflictError('Every unit is held or sold right now; you keep your place, and a unit that frees up goes to the next wave');
  if (result.status === 'already') throw new ConflictError('This claim link was already used: one hold per person');
  return { claimId: claimIdOf(result.hold), status: result.hold.status, holdUntil: result.hold.holdUntil, releaseId: r.releaseId, productId: r.productId, sku: r.sku };
}

async function holdOf(tableName: string, tenantId: string, claimId: string) {
  const parsed = parseClaimId(claimId);
  if (!parsed) throw new NotFoundError('Claim');
  const r = await getRelease(tableName, tenantId, parsed.releaseId);
  if (!r || !r.shards) throw new NotFoundError('Claim');
  const pool = poolOf(tableName, r);
  const hold = await getHold(pool, parsed.entryId);
  if (!hold || !secretMatches(hold, parsed.secret)) throw new NotFoundError('Claim');
  return { r, pool, hold };
}

export async function getClaim(tableName: string, tenantId: string, claimId: string, now = new Date()): Promise<ClaimAnswer> {
  const { r, hold } = await holdOf(tableName, tenantId, claimId);
  return { claimId, status: effectiveStatus(hold, now.getTime()), holdUntil: hold.holdUntil, releaseId: r.releaseId, productId: r.productId, sku: r.sku };
}

/** The shopper gives the unit back before the hold lapses. */
export async function cancelClaim(tableName: string, tenantId: string, claimId: string, now = new Date()): Promise<void> {
  const { pool, hold } = await holdOf(tableName, tenantId, claimId);
  if (effectiveStatus(hold, now.getTime()) !== 'held' || !(await releaseHold(pool, hold, now))) throw new ConflictError(`This hold is ${effectiveStatus(hold, now.getTime())}`);
}
