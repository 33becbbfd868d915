import type { ResponseCurve } from './config.js';
import { hoursBetween, responded } from './response.js';

/** A wave as the estimator sees it: how many were reached and when. */
export interface WaveExposure {
  delivered: number;
  sentAtMs: number;
}

export interface Posterior {
  alpha: number;
  beta: number;
  /** Posterior mean share of notified shoppers who buy (eventually). */
  mean: number;
  /** Shopper-equivalents whose decision is in: Σ delivered × responded(age). */
  exposure: number;
}

/**
 * Bayesian update of the buy rate from what the release has seen so far. Each notified
 * shopper is a Bernoulli trial, but a recent one has not decided yet: a wave counts only
 * with the share of its eventual responses that its age allows (the response curve). So
 * `k` purchases out of an exposure `e` move a Beta(α, β) prior to Beta(α + k, β + e − k).
 * With no sales, the exposure grows and the estimated rate falls: the next wave grows.
 */
export function posterior(prior: { alpha: number; beta: number }, waves: readonly WaveExposure[], conversions: number, nowMs: number, curve: ResponseCurve): Posterior {
  let exposure = 0;
  for (const w of waves) exposure += w.delivered * responded(curve, hoursBetween(w.sentAtMs, nowMs));
  const k = Math.max(0, conversions);
  const alpha = prior.alpha + k;
  const beta = prior.beta + Math.max(0, exposure - k);
  return { alpha, beta, mean: alpha / (alpha + beta), exposure };
}
