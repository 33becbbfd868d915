/**
 * Model combinations and constant-rate fallbacks.
 */
import type { FittedModel, ModelName } from '../types.js';

/** Equal-weight mean of fitted models: forecasts and backtests are averaged member-wise. */
export class MeanCombination implements FittedModel {
  constructor(
    readonly name: ModelName,
    readonly members: readonly FittedModel[],
    private readonly n: number,
  ) {}

  forecast(h: number, out: Float64Array): void {
    const tmp = new Float64Array(h);
    out.fill(0, 0, h);
    const w = 1 / this.members.length;
    for (const m of this.members) {
      m.forecast(h, tmp);
      for (let j = 0; j < h; j++) out[j] = out[j]! + w * tmp[j]!;
    }
  }

  cumulativeForecasts(H: number, out: Float64Array): void {
    const tmp = new Float64Array(this.n);
    out.fill(0, 0, this.n);
    const w = 1 / this.members.length;
    for (const m of this.members) {
      m.cumulativeForecasts(H, tmp);
      for (let t = 0; t < this.n; t++) out[t] = out[t]! + w * tmp[t]!;
    }
  }
}

/**
 * Constant forecasts: `mean` (with an optional prior), `zero` and `naive`. Backtests
 * replay the same rule from each origin.
 */
export class ConstantFit implements FittedModel {
  readonly value: number;

  constructor(
    readonly name: 'mean' | 'zero' | 'naive',
    private readonly y: Float64Array,
    private readonly n: number,
    private readonly prior = NaN,
    private readonly priorWeight = 0,
  ) {
    this.value = this.valueAt(n - 1);
  }

  /** Forecast made after observing index t. */
  private valueAt(t: number): number {
    if (this.name === 'zero') return 0;
    if (this.name === 'naive') {
      for (let i = t; i >= 0; i--) if (this.y[i] === this.y[i]) return this.y[i]!;
      return this.prior === this.prior ? this.prior : 0;
    }
    let s = 0;
    let c = 0;
    for (let i = 0; i <= t; i++) {
      const v = this.y[i]!;
      if (v === v) {
        s += v;
        c++;
      }
    }
    return shrunkMean(s, c, this.prior, this.priorWeight);
  }

  forecast(h: number, out: Float64Array): void {
    out.fill(this.value, 0, h);
  }

  cumulativeForecasts(H: number, out: Float64Array): void {
    const { y, n } = this;
    let s = 0;
    let c = 0;
    let last = NaN;
    for (let t = 0; t < n; t++) {
      const v = y[t]!;
      if (v === v) {
        s += v;
        c++;
        last = v;
      }
      let f: number;
      if (this.name === 'zero') f = 0;
      else if (this.name === 'naive') f = last === last ? last : this.prior;
      else f = shrunkMean(s, c, this.prior, this.priorWeight);
      out[t] = H * f;
    }
  }
}

/**
 * Mean of c observations shrunk towards a prior worth `weight` pseudo-observations: with
 * no history it is the prior, with a long history it is the sample mean.
 */
export function shrunkMean(sum: number, count: number, prior: number, weight: number): number {
  const hasPrior = prior === prior && prior >= 0 && weight > 0;
  if (hasPrior) return (sum + prior * weight) / (count + weight);
  if (count > 0) return sum / count;
  return prior === prior && prior >= 0 ? prior : 0;
}
