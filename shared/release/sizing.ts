import type { ReleaseConfig } from './config.js';
import { posterior, type WaveExposure } from './conversion.js';
import { hoursBetween, responded } from './response.js';

export interface WaveInputs {
  /** Units in the pool that nobody holds. */
  freeUnits: number;
  /** Waves already sent (delivered counts and when). */
  waves: readonly WaveExposure[];
  /** Purchases attributed to the release's recipients so far (plus holds in progress). */
  conversions: number;
  nowMs: number;
  /** Audience members not yet notified. */
  remainingAudience: number;
  config: Pick<ReleaseConfig, 'prior' | 'response' | 'horizonHours' | 'oversubscription' | 'minWave' | 'maxWave'>;
}

export interface WavePlan {
  size: number;
  /** Posterior mean buy rate per notified shopper. */
  buyRate: number;
  /** Purchases expected within the horizon from shoppers already notified. */
  pendingBuyers: number;
  /** Purchases one new recipient is expected to make within the horizon. */
  perRecipient: number;
  /** Purchases the wave aims for: free units × oversubscription, less what is pending. */
  needed: number;
  reason: 'sized' | 'pending_covers_stock' | 'no_free_units' | 'audience_exhausted';
}

/**
 * How many people the next wave reaches. The aim is to sell the free units within the
 * horizon, times the oversubscription factor: people already notified are still expected
 * to buy some (their share of the response curve still to come, at the current estimated
 * buy rate); the wave supplies the rest, each new recipient contributing the buy rate times
 * the share of responses that fall within the horizon. Never more than the audience left.
 */
export function planWave(input: WaveInputs): WavePlan {
  const { config } = input;
  const post = posterior(config.prior, input.waves, input.conversions, input.nowMs, config.response);
  const h = config.horizonHours;
  let pendingBuyers = 0;
  for (const w of input.waves) {
    const age = hoursBetween(w.sentAtMs, input.nowMs);
    pendingBuyers += w.delivered * post.mean * (responded(config.response, age + h) - responded(config.response, age));
  }
  const perRecipient = post.mean * responded(config.response, h);
  const needed = input.freeUnits * config.oversubscription - pendingBuyers;
  const base = { buyRate: post.mean, pendingBuyers, perRecipient, needed };
  if (input.freeUnits <= 0) return { ...base, size: 0, reason: 'no_free_units' };
  if (input.remainingAudience <= 0) return { ...base, size: 0, reason: 'audience_exhausted' };
  if (needed <= 0 || perRecipient <= 0) return { ...base, size: 0, reason: 'pending_covers_stock' };
  const raw = Math.ceil(needed / perRecipient - 1e-9);
  const size = Math.min(input.remainingAudience, Math.max(config.minWave, Math.min(config.maxWave, raw)));
  return { ...base, size, reason: 'sized' };
}
