/**
 * Intermittent-demand methods: Croston (1972), SBA (Syntetos & Boylan 2005), TSB
 * (Teunter, Syntetos & Babai 2011), ADIDA (Nikolopoulos et al. 2011) and iMAPA
 * (Petropoulos & Kourentzes 2015).
 *
 * All of them produce a flat per-period rate. Censored periods (NaN) are skipped
 * entirely — as if the series were compressed — so an out-of-stock spell neither
 * lengthens the inter-demand interval (Croston/SBA) nor lowers the demand probability
 * (TSB), and aggregation buckets hold k observed periods each (ADIDA/iMAPA).
 */
import type { FittedModel, ModelName } from '../types.js';
import { MeanCombination } from './combine.js';
import { lastProfiledLevel, optimiseSesAlpha, sesProfiledSse } from './smooth.js';

/** Smoothing constants tried for Croston/SBA and TSB: the literature's usual 0.05–0.3 range. */
const ALPHA_GRID = [0.05, 0.1, 0.15, 0.2, 0.3] as const;
const BETA_GRID = [0.02, 0.05, 0.1, 0.2, 0.3] as const;

/**
 * Croston / SBA filter. Returns the in-sample SSE of one-step forecasts after the first
 * demand; if out is given, out[t] = rate forecast made after observing index t (NaN
 * before the first demand). Sets lastRate.
 */
let lastRate = 0;
function runCroston(y: Float64Array, n: number, alpha: number, sba: boolean, out: Float64Array | null, target: Float64Array | null = null): number {
  const corr = sba ? 1 - alpha / 2 : 1;
  let z = NaN;
  let p = NaN;
  let q = 0;
  let sse = 0;
  let rate = NaN;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v === v) {
      q++;
      if (rate === rate) sse += target === null ? (v - rate) * (v - rate) : Math.abs(rate - target[t]!);
      if (v > 0) {
        if (z === z) {
          z += alpha * (v - z);
          p += alpha * (q - p);
        } else {
          // Croston's initialisation: first size and first interval.
          z = v;
          p = q;
        }
        q = 0;
        rate = (corr * z) / p;
      }
    }
    if (out !== null) out[t] = rate;
  }
  lastRate = rate === rate ? rate : 0;
  return sse;
}

function runTsb(y: Float64Array, n: number, alpha: number, beta: number, p0: number, z0: number, out: Float64Array | null, target: Float64Array | null = null): number {
  let p = p0;
  let z = z0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v === v) {
      const f = p * z;
      sse += target === null ? (v - f) * (v - f) : Math.abs(f - target[t]!);
      if (v > 0) {
        p += beta * (1 - p);
        z += alpha * (v - z);
      } else p -= beta * p;
    }
    if (out !== null) out[t] = p * z;
  }
  lastRate = p * z;
  return sse;
}

function runSes(y: Float64Array, n: number, alpha: number, l0: number, out: Float64Array | null): number {
  let l = l0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v === v) {
      const e = v - l;
      sse += e * e;
      l += alpha * e;
    }
    if (out !== null) out[t] = l;
  }
  lastRate = l;
  return sse;
}

/**
 * Cost used to pick smoothing constants. `mse`: in-sample one-step squared error. `mar`:
 * mean absolute distance from the running mean demand rate (Kourentzes 2014), which
 * rewards a stable estimate of the rate instead of chasing individual spikes.
 */
export type IntermittentCost = 'mse' | 'mar';

/**
 * Target of the `mar` cost: the expanding mean of the observed demand, frozen at its value
 * after the first 30 % of observations so the noisy start does not dominate.
 */
export function rateTarget(y: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  let obs = 0;
  for (let t = 0; t < n; t++) if (y[t] === y[t]) obs++;
  const freezeAt = Math.max(1, Math.ceil(0.3 * obs));
  let s = 0;
  let c = 0;
  let frozen = NaN;
  let firstFrozen = -1;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v === v) {
      s += v;
      c++;
    }
    out[t] = c > 0 ? s / c : 0;
    if (c === freezeAt && firstFrozen < 0) {
      frozen = out[t]!;
      firstFrozen = t;
    }
  }
  for (let t = 0; t < firstFrozen; t++) out[t] = frozen;
  return out;
}

type FlatKind = 'ses' | 'croston' | 'sba' | 'tsb';

/** A model whose forecast is a flat rate: forecast(h) repeats it, backtests are H × the rate at each origin. */
export class FlatFit implements FittedModel {
  readonly rate: number;

  constructor(
    readonly name: ModelName,
    readonly kind: FlatKind,
    private readonly y: Float64Array,
    private readonly n: number,
    readonly alpha: number,
    readonly beta: number,
    private readonly init1: number,
    private readonly init2: number,
  ) {
    this.run(null);
    this.rate = Math.max(0, lastRate);
  }

  private run(out: Float64Array | null): void {
    const { y, n, alpha, beta } = this;
    if (this.kind === 'ses') runSes(y, n, alpha, this.init1, out);
    else if (this.kind === 'tsb') runTsb(y, n, alpha, beta, this.init1, this.init2, out);
    else runCroston(y, n, alpha, this.kind === 'sba', out);
  }

  /** out[t] = per-period rate forecast made after observing index t. */
  path(out: Float64Array): void {
    this.run(out);
  }

  forecast(h: number, out: Float64Array): void {
    out.fill(this.rate, 0, h);
  }

  cumulativeForecasts(H: number, out: Float64Array): void {
    this.run(out);
    for (let t = 0; t < this.n; t++) out[t] = H * out[t]!;
  }
}

/**
 * runCroston's cost for every α of the grid in one pass (independent recursions side by
 * side; identical arithmetic per α).
 */
function crostonGrid(y: Float64Array, n: number, sba: boolean, target: Float64Array | null, out: Float64Array): void {
  const K = ALPHA_GRID.length;
  const Z = new Float64Array(K).fill(NaN);
  const P = new Float64Array(K).fill(NaN);
  const R = new Float64Array(K).fill(NaN);
  out.fill(0);
  let q = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (!(v === v)) continue;
    q++;
    const goal = target === null ? v : target[t]!;
    for (let j = 0; j < K; j++) {
      const rate = R[j]!;
      if (rate === rate) out[j] = out[j]! + (target === null ? (v - rate) * (v - rate) : Math.abs(rate - goal));
    }
    if (v > 0) {
      for (let j = 0; j < K; j++) {
        const alpha = ALPHA_GRID[j]!;
        let z = Z[j]!;
        let p = P[j]!;
        if (z === z) {
          z += alpha * (v - z);
          p += alpha * (q - p);
        } else {
          z = v;
          p = q;
        }
        Z[j] = z;
        P[j] = p;
        R[j] = ((sba ? 1 - alpha / 2 : 1) * z) / p;
      }
      q = 0;
    }
  }
}

export function fitCroston(y: Float64Array, n = y.length, sba = false, cost: IntermittentCost = 'mse'): FlatFit {
  const target = cost === 'mar' ? rateTarget(y, n) : null;
  const costs = new Float64Array(ALPHA_GRID.length);
  crostonGrid(y, n, sba, target, costs);
  let bestA: number = ALPHA_GRID[0];
  let bestS = Infinity;
  for (let j = 0; j < ALPHA_GRID.length; j++) {
    if (costs[j]! < bestS) {
      bestS = costs[j]!;
      bestA = ALPHA_GRID[j]!;
    }
  }
  return new FlatFit(sba ? 'sba' : 'croston', sba ? 'sba' : 'croston', y, n, bestA, 0, 0, 0);
}

export function fitSba(y: Float64Array, n = y.length, cost: IntermittentCost = 'mse'): FlatFit {
  return fitCroston(y, n, true, cost);
}

/**
 * Costs of every (α, β) grid pair in one pass. TSB's probability path depends only on β
 * and its size path only on α, so 5 + 5 chains are updated per period and the 25
 * forecasts are their products — instead of 25 separate filter passes.
 */
function tsbGrid(y: Float64Array, n: number, p0: number, z0: number, target: Float64Array | null, cost: Float64Array): void {
  const nb = BETA_GRID.length;
  const na = ALPHA_GRID.length;
  const P = new Float64Array(nb).fill(p0);
  const Z = new Float64Array(na).fill(z0);
  cost.fill(0);
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (!(v === v)) continue;
    const goal = target === null ? v : target[t]!;
    for (let i = 0; i < na; i++) {
      const z = Z[i]!;
      const row = i * nb;
      for (let j = 0; j < nb; j++) {
        const d = P[j]! * z - goal;
        cost[row + j] = cost[row + j]! + (target === null ? d * d : Math.abs(d));
      }
    }
    if (v > 0) {
      for (let j = 0; j < nb; j++) P[j] = P[j]! + BETA_GRID[j]! * (1 - P[j]!);
      for (let i = 0; i < na; i++) Z[i] = Z[i]! + ALPHA_GRID[i]! * (v - Z[i]!);
    } else {
      for (let j = 0; j < nb; j++) P[j] = P[j]! - BETA_GRID[j]! * P[j]!;
    }
  }
}

export function fitTsb(y: Float64Array, n = y.length, cost: IntermittentCost = 'mse'): FlatFit {
  const target = cost === 'mar' ? rateTarget(y, n) : null;
  // Start from the sample demand probability and mean size: the states then only have to track change.
  let obs = 0;
  let nz = 0;
  let sz = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v === v) {
      obs++;
      if (v > 0) {
        nz++;
        sz += v;
      }
    }
  }
  const p0 = obs > 0 ? nz / obs : 0;
  const z0 = nz > 0 ? sz / nz : 0;
  const costs = new Float64Array(ALPHA_GRID.length * BETA_GRID.length);
  tsbGrid(y, n, p0, z0, target, costs);
  let best = 0;
  for (let k = 1; k < costs.length; k++) if (costs[k]! < costs[best]!) best = k;
  const bestA = ALPHA_GRID[Math.floor(best / BETA_GRID.length)]!;
  const bestB = BETA_GRID[best % BETA_GRID.length]!;
  return new FlatFit('tsb', 'tsb', y, n, bestA, bestB, p0, z0);
}

/** SES on a series without seasonality, as a flat model (used on aggregated buckets). */
export function fitFlatSes(y: Float64Array, n = y.length, name: ModelName = 'ses'): FlatFit {
  const alpha = optimiseSesAlpha(y, n);
  sesProfiledSse(y, n, alpha);
  return new FlatFit(name, 'ses', y, n, alpha, 0, lastProfiledLevel(), 0);
}

/** Non-overlapping buckets of k observed periods, aligned to the end of the series. */
export interface Aggregated {
  sums: Float64Array;
  /** Index (in the original series) of the last period of each bucket. */
  ends: Int32Array;
}

export function aggregate(y: Float64Array, n: number, k: number): Aggregated {
  let obs = 0;
  for (let t = 0; t < n; t++) if (y[t] === y[t]) obs++;
  const buckets = Math.floor(obs / k);
  const sums = new Float64Array(buckets);
  const ends = new Int32Array(buckets);
  let b = buckets - 1;
  let inBucket = 0;
  let s = 0;
  for (let t = n - 1; t >= 0 && b >= 0; t--) {
    const v = y[t]!;
    if (!(v === v)) continue;
    if (inBucket === 0) ends[b] = t;
    s += v;
    inBucket++;
    if (inBucket === k) {
      sums[b] = s;
      b--;
      s = 0;
      inBucket = 0;
    }
  }
  return { sums, ends };
}

/** Temporal aggregation: a flat model on k-period buckets, its rate divided by k. */
export class AggregateFit implements FittedModel {
  constructor(
    readonly name: ModelName,
    readonly k: number,
    private readonly agg: Aggregated,
    readonly inner: FlatFit,
    private readonly n: number,
  ) {}

  forecast(h: number, out: Float64Array): void {
    out.fill(this.inner.rate / this.k, 0, h);
  }

  cumulativeForecasts(H: number, out: Float64Array): void {
    const { sums, ends } = this.agg;
    const nb = sums.length;
    const path = new Float64Array(nb);
    this.inner.path(path);
    out.fill(NaN, 0, this.n);
    for (let b = 0; b < nb; b++) {
      const from = ends[b]!;
      const to = b + 1 < nb ? ends[b + 1]! : this.n;
      const v = (H * Math.max(0, path[b]!)) / this.k;
      for (let t = from; t < to; t++) out[t] = v;
    }
  }
}

function observedAdi(y: Float64Array, n: number): number {
  let obs = 0;
  let nz = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v === v) {
      obs++;
      if (v > 0) nz++;
    }
  }
  return nz > 0 ? obs / nz : obs;
}

/** Fewest buckets an aggregate level needs to be worth fitting. */
const MIN_BUCKETS = 4;

/** ADIDA: aggregate at the mean inter-demand interval, SES on the buckets, spread evenly back. */
export function fitAdida(y: Float64Array, n = y.length): FittedModel {
  let k = Math.max(1, Math.round(observedAdi(y, n)));
  let agg = aggregate(y, n, k);
  while (k > 1 && agg.sums.length < MIN_BUCKETS) {
    k--;
    agg = aggregate(y, n, k);
  }
  const inner = fitFlatSes(agg.sums, agg.sums.length);
  return new AggregateFit('adida', k, agg, inner, n);
}

/**
 * iMAPA: every aggregation level from 1 up to the mean inter-demand interval (at least
 * 2), each forecast with SES when the buckets are no longer intermittent (ADI < 1.32) or
 * SBA when they still are; the per-period forecasts are averaged.
 */
export function fitImapa(y: Float64Array, n = y.length, maxLevel = 12, cost: IntermittentCost = 'mse'): FittedModel {
  const adi = observedAdi(y, n);
  const K = Math.min(maxLevel, Math.max(2, Math.ceil(adi)));
  const members: FittedModel[] = [];
  for (let k = 1; k <= K; k++) {
    const agg = aggregate(y, n, k);
    if (agg.sums.length < MIN_BUCKETS) break;
    const nb = agg.sums.length;
    const inner = observedAdi(agg.sums, nb) < 1.32 ? fitFlatSes(agg.sums, nb) : fitCroston(agg.sums, nb, true, cost);
    members.push(new AggregateFit('imapa', k, agg, inner, n));
  }
  if (members.length === 0) return fitCroston(y, n, true, cost);
  return new MeanCombination('imapa', members, n);
}
