/**
 * Inventory decisions from a forecast: reorder point and safety stock over the protection
 * interval (lead time + review period), predicted stockout day, order quantity, cover.
 */
import { discreteQuantile, normalQuantile, type DistributionKind } from './distributions.js';
import type { FittedModel } from './types.js';

export interface HorizonErrors {
  /** Mean squared cumulative error over H periods (includes bias²). */
  mse: number;
  /** Mean cumulative error (forecast − actual); negative = the model under-forecasts. */
  meanError: number;
  /** Number of rolling origins used. */
  origins: number;
}

export interface BacktestOptions {
  /** First origin (index) considered: lets the states settle (default 2 seasons, at least 7). */
  warmup?: number;
  /** Only the latest origins are used: recent errors describe the current regime (default 365). */
  maxOrigins?: number;
}

/**
 * Cumulative H-period errors of a fitted model from every rolling origin of its series
 * (fixed parameters, states updated as data arrive). Windows containing a censored period
 * are skipped, since their true demand is unknown.
 */
export function backtestHorizonErrors(model: FittedModel, y: Float64Array, H: number, opts: BacktestOptions = {}): HorizonErrors {
  const n = y.length;
  const cum = new Float64Array(n);
  model.cumulativeForecasts(H, cum);
  const warmup = opts.warmup ?? 7;
  const maxOrigins = opts.maxOrigins ?? 365;
  const firstOrigin = Math.max(0, warmup - 1, n - H - maxOrigins);
  // Rolling window sum of actuals y[t+1..t+H] and count of censored periods inside it.
  let sum = 0;
  let missing = 0;
  for (let i = firstOrigin + 1; i <= Math.min(n - 1, firstOrigin + H); i++) {
    const v = y[i]!;
    if (v === v) sum += v;
    else missing++;
  }
  let se = 0;
  let e = 0;
  let c = 0;
  for (let t = firstOrigin; t + H < n; t++) {
    if (t > firstOrigin) {
      const out = y[t]!;
      if (out === out) sum -= out;
      else missing--;
      const inn = y[t + H]!;
      if (inn === inn) sum += inn;
      else missing++;
    }
    const f = cum[t]!;
    if (missing > 0 || !(f === f)) continue;
    const err = Math.max(0, f) - sum;
    se += err * err;
    e += err;
    c++;
  }
  return { mse: c > 0 ? se / c : NaN, meanError: c > 0 ? e / c : NaN, origins: c };
}

export interface ReorderInput {
  /** Per-period forecasts from the origin, at least `protection` long. */
  forecast: ArrayLike<number>;
  /** Protection interval in periods: ceil(lead time + review period). */
  protection: number;
  /** Variance of demand over the protection interval for a known lead time (backtest MSE). */
  horizonVariance: number;
  /** Standard deviation of the lead time, in periods. */
  leadTimeSd?: number;
  /** Cycle service level: probability of no stockout in a replenishment cycle. */
  serviceLevel: number;
  /** Use a discrete distribution (intermittent / slow movers) instead of the normal. */
  discrete: boolean;
}

export interface ReorderResult {
  expectedDemand: number;
  demandVariance: number;
  reorderPoint: number;
  safetyStock: number;
  distribution: DistributionKind;
}

/**
 * Order-up-to level for the protection interval. Lead-time uncertainty adds d̄²·σ_L²
 * (d̄ = mean demand per period) to the demand variance, the usual random-lead-time term.
 * Normal quantile for smooth demand; Poisson/negative binomial for intermittent demand.
 */
export function reorderPoint(input: ReorderInput): ReorderResult {
  const H = Math.max(0, Math.ceil(input.protection));
  let mu = 0;
  for (let j = 0; j < H; j++) mu += Math.max(0, input.forecast[j] ?? 0);
  const dBar = H > 0 ? mu / H : 0;
  const sdL = input.leadTimeSd ?? 0;
  const hv = Number.isFinite(input.horizonVariance) && input.horizonVariance > 0 ? input.horizonVariance : 0;
  const variance = hv + dBar * dBar * sdL * sdL;
  const sl = Math.min(0.9999, Math.max(0.5, input.serviceLevel));
  if (!(mu > 0) && !(variance > 0)) {
    return { expectedDemand: 0, demandVariance: 0, reorderPoint: 0, safetyStock: 0, distribution: 'none' };
  }
  if (input.discrete) {
    const { quantile, kind } = discreteQuantile(mu, variance, sl);
    // At least the expected demand, so a very skewed distribution never yields negative safety stock.
    const rop = Math.max(quantile, Math.ceil(mu - 1e-9));
    return { expectedDemand: mu, demandVariance: variance, reorderPoint: rop, safetyStock: rop - mu, distribution: kind };
  }
  const ss = normalQuantile(sl) * Math.sqrt(variance);
  return { expectedDemand: mu, demandVariance: variance, reorderPoint: mu + ss, safetyStock: ss, distribution: 'normal' };
}

/**
 * First period (1-based) whose demand cannot be met: cumulative demand (plus any backlog
 * served first) exceeds on-hand stock plus arrivals so far. Null if stock lasts the whole
 * forecast. Monotone: more stock or earlier/larger arrivals never make it earlier.
 */
export function stockoutPeriod(forecast: ArrayLike<number>, onHand: number, arrivals: ArrayLike<number>, backlog = 0): number | null {
  let demand = Math.max(0, backlog);
  let supply = Math.max(0, onHand);
  for (let d = 0; d < forecast.length; d++) {
    supply += Math.max(0, arrivals[d] ?? 0);
    demand += Math.max(0, forecast[d]!);
    if (demand > supply + 1e-9) return d + 1;
  }
  return null;
}

export interface OrderInput {
  reorderPoint: number;
  /** On hand + open purchase orders. */
  inventoryPosition: number;
  /** Expected units from the waitlist (people waiting × their conversion). */
  waitlistDemand?: number;
  minOrderQty?: number;
  casePack?: number;
}

/** Order up to the reorder point plus waitlist demand; whole units, at least the MOQ, whole case packs. */
export function suggestedOrderQuantity(input: OrderInput): number {
  const need = input.reorderPoint + Math.max(0, input.waitlistDemand ?? 0) - input.inventoryPosition;
  if (!(need > 1e-9)) return 0;
  let q = Math.ceil(need - 1e-9);
  q = Math.max(q, Math.ceil(input.minOrderQty ?? 0));
  const pack = Math.max(1, Math.round(input.casePack ?? 1));
  return Math.ceil(q / pack) * pack;
}

/** On-hand stock divided by mean forecast demand per period; null when no demand is forecast. */
export function daysOfCover(onHand: number, forecast: ArrayLike<number>): number | null {
  let s = 0;
  for (let j = 0; j < forecast.length; j++) s += Math.max(0, forecast[j]!);
  const rate = forecast.length > 0 ? s / forecast.length : 0;
  if (!(rate > 0)) return null;
  return Math.max(0, onHand) / rate;
}
