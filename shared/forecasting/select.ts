/**
 * Per-series model choice. The series is classified, the class's candidate models are
 * fitted on the training data minus its last `validationLength` periods and scored on
 * those periods (RMSSE, sME bias as tie-breaker); the best few are refitted on all the
 * training data and averaged. Nothing here ever sees data after the forecast origin.
 */
import { classifyStats, classStats, isIntermittentClass, type ClassifyOptions } from './classify.js';
import { ConstantFit, MeanCombination } from './models/combine.js';
import { fitAdida, fitCroston, fitImapa, fitSba, fitTsb } from './models/intermittent.js';
import { fitHoltDamped, fitSeasonalEs, fitSes, fitTheta } from './models/smooth.js';
import { buildContext } from './seasonality.js';
import { observedMean, squaredScale, toSeries } from './series.js';
import type { ClassStats, DemandClass, FitContext, FittedModel, ModelName, ModelScore } from './types.js';

export interface SeriesForecastOptions extends ClassifyOptions {
  /** Number of periods to forecast. */
  horizon: number;
  /** Seasonal period (7 for daily data with a weekly pattern, 12 monthly, 1 none). */
  period?: number;
  /** true where the period is censored (out of stock): treated as missing, not as zero. */
  censored?: ArrayLike<boolean>;
  /** Holdout at the end of the training data used to rank models (default: min(horizon, n/3)). */
  validationLength?: number;
  /** Rolling validation origins, each half a validation length further back (default 1). */
  validationOrigins?: number;
  /** How many of the best-ranked models to average (1 = pick the best). */
  combine?: number;
  /** Models within this relative RMSSE of the best count as tied; the lower |bias| wins. */
  biasTolerance?: number;
  /** Prior mean demand per period for `new` series (e.g. the category average). */
  categoryPrior?: number;
  /** Weight of the prior in pseudo-periods (default 14). */
  priorWeight?: number;
  /**
   * Fit from the first non-zero period on (default false): leading zeros usually mean the
   * item was not yet listed, and would otherwise drag rates and intervals down.
   */
  trimLeadingZeros?: boolean;
  /** Override the candidate models (all classes except `dead`). */
  candidates?: readonly ModelName[];
}

export interface SeriesForecast {
  demandClass: DemandClass;
  stats: ClassStats;
  /** e.g. "tsb" or "mean(theta,ses,holt_damped)". */
  model: string;
  components: ModelName[];
  forecast: Float64Array;
  /** The model refitted on all the training data (for backtests). */
  fitted: FittedModel;
  /** Validation scores of every candidate, best first (empty when not validated). */
  scores: ModelScore[];
  /** The series the model was fitted on (censored periods NaN, leading zeros trimmed). */
  series: Float64Array;
  /** Index in the input where `series` starts. */
  offset: number;
  seasonal: boolean;
}

// Order matters when a series is too short to validate: the first `combine` are used.
export const SMOOTH_CANDIDATES: readonly ModelName[] = ['theta', 'holt_damped', 'ses', 'seasonal_es'];
/**
 * Theta joins the intermittent pool: its drift follows the slow rise and decline of a
 * part's life cycle, which the flat intermittent methods cannot.
 */
export const INTERMITTENT_CANDIDATES: readonly ModelName[] = ['tsb', 'adida', 'theta', 'sba', 'croston', 'imapa'];

/**
 * Selection defaults per class, chosen on development splits of the benchmark training
 * data (never the test windows): smooth series average the best 2 of 3 rolling origins'
 * ranking; intermittent series, whose short holdouts are noisy, average the best 3.
 */
const SELECTION_DEFAULTS = {
  smooth: { combine: 2, origins: 3 },
  intermittent: { combine: 3, origins: 1 },
} as const;

export function candidatesFor(c: DemandClass): readonly ModelName[] {
  switch (c) {
    case 'smooth':
    case 'erratic':
      return SMOOTH_CANDIDATES;
    case 'intermittent':
    case 'lumpy':
      return INTERMITTENT_CANDIDATES;
    case 'new':
      return ['mean'];
    case 'dead':
      return ['zero'];
  }
}

/** Fits one model on y[0..n) with the window's context; null when the model does not apply. */
export function fitModel(
  name: ModelName,
  y: Float64Array,
  n: number,
  ctx: FitContext,
  prior = NaN,
  priorWeight = 0,
): FittedModel | null {
  switch (name) {
    case 'ses':
      return fitSes(ctx, n);
    case 'holt_damped':
      return fitHoltDamped(ctx, n);
    case 'theta':
      return fitTheta(ctx, n);
    case 'seasonal_es':
      return ctx.seasonal === null ? null : fitSeasonalEs(y, ctx.period, n);
    case 'croston':
      return fitCroston(y, n);
    case 'sba':
      return fitSba(y, n);
    case 'tsb':
      // Kourentzes (2014): the MAR cost suits TSB (on the car-parts dev split it also beat MSE).
      return fitTsb(y, n, 'mar');
    case 'adida':
      return fitAdida(y, n);
    case 'imapa':
      return fitImapa(y, n);
    case 'mean':
    case 'zero':
    case 'naive':
      return new ConstantFit(name, y, n, prior, priorWeight);
  }
}

/** Fewest training periods left for fitting before a holdout is worth taking. */
const MIN_FIT = 6;

export function forecastSeries(values: ArrayLike<number>, opts: SeriesForecastOptions): SeriesForecast {
  const raw = toSeries(values, opts.censored);
  let first = 0;
  if (opts.trimLeadingZeros ?? false) {
    while (first < raw.length && !(raw[first]! > 0)) first++;
    // All zero (or all censored): keep everything so the series can be classified dead or new.
    if (first === raw.length) first = 0;
  }
  const y = first === 0 ? raw : raw.subarray(first);
  const n = y.length;
  const h = Math.max(1, Math.floor(opts.horizon));
  const period = Math.max(1, Math.floor(opts.period ?? 1));
  const prior = opts.categoryPrior ?? NaN;
  const priorWeight = opts.priorWeight ?? 14;
  const stats = classStats(y);
  const demandClass = classifyStats(stats, opts);
  const candidates = demandClass === 'dead' ? (['zero'] as const) : (opts.candidates ?? candidatesFor(demandClass));

  const fullCtx = buildContext(y, period, n);
  const scores: ModelScore[] = [];
  const v = Math.min(opts.validationLength ?? h, Math.floor(n / 3));
  let ranked: ModelName[] = candidates.filter((c) => c !== 'seasonal_es' || fullCtx.seasonal !== null);

  const defaults = isIntermittentClass(demandClass) ? SELECTION_DEFAULTS.intermittent : SELECTION_DEFAULTS.smooth;
  const origins = Math.max(1, Math.floor(opts.validationOrigins ?? defaults.origins));
  const stepBack = Math.max(1, Math.round(v / 2));
  if (ranked.length > 1 && v >= 1 && n - v >= MIN_FIT) {
    // Pooled errors over `origins` forecast origins, each v periods ahead, all inside the training data.
    const se = new Float64Array(ranked.length);
    const err = new Float64Array(ranked.length);
    const cnt = new Float64Array(ranked.length);
    const lvl = new Float64Array(ranked.length);
    const fc = new Float64Array(v);
    let scale = NaN;
    for (let o = 0; o < origins; o++) {
      const nFit = n - v - o * stepBack;
      if (nFit < MIN_FIT) break;
      const ctx = buildContext(y, period, nFit);
      const level = observedMean(y, 0, nFit);
      if (o === 0) scale = squaredScale(y, 0, nFit);
      for (let i = 0; i < ranked.length; i++) {
        const m = fitModel(ranked[i]!, y, nFit, ctx, prior, priorWeight);
        if (m === null) continue;
        m.forecast(v, fc);
        for (let j = 0; j < v; j++) {
          const a = y[nFit + j]!;
          if (!(a === a)) continue;
          const f = Math.max(0, fc[j]!);
          se[i] = se[i]! + (f - a) * (f - a);
          err[i] = err[i]! + f - a;
          cnt[i] = cnt[i]! + 1;
          lvl[i] = lvl[i]! + level;
        }
      }
    }
    for (let i = 0; i < ranked.length; i++) {
      const c = cnt[i]!;
      if (c === 0) continue;
      const mse = se[i]! / c;
      // Within one series the scale is common to every candidate, so it never changes the ranking.
      const rmsse = scale > 0 ? Math.sqrt(mse / scale) : Math.sqrt(mse);
      const meanLevel = lvl[i]! / c;
      const bias = meanLevel > 0 ? err[i]! / c / meanLevel : err[i]! / c;
      if (Number.isFinite(rmsse)) scores.push({ name: ranked[i]!, rmsse, bias: Number.isFinite(bias) ? bias : 0 });
    }
    if (scores.length > 0) {
      scores.sort((a, b) => a.rmsse - b.rmsse);
      const tol = opts.biasTolerance ?? 0.02;
      const best = scores[0]!.rmsse;
      let win = 0;
      for (let i = 1; i < scores.length; i++) {
        const sc = scores[i]!;
        if (sc.rmsse <= best * (1 + tol) + 1e-12 && Math.abs(sc.bias) < Math.abs(scores[win]!.bias)) win = i;
      }
      if (win > 0) scores.unshift(...scores.splice(win, 1));
      ranked = scores.map((sc) => sc.name);
    }
  }

  const k = Math.max(1, Math.min(opts.combine ?? defaults.combine, ranked.length));
  const members: FittedModel[] = [];
  for (const name of ranked) {
    if (members.length >= k) break;
    const m = fitModel(name, y, n, fullCtx, prior, priorWeight);
    if (m !== null) members.push(m);
  }
  if (members.length === 0) members.push(new ConstantFit('mean', y, n, prior, priorWeight));
  const fitted = members.length === 1 ? members[0]! : new MeanCombination(members[0]!.name, members, n);
  const forecast = new Float64Array(h);
  fitted.forecast(h, forecast);
  sanitize(forecast, y, prior);
  const components = members.map((m) => m.name);
  return {
    demandClass,
    stats,
    model: components.length === 1 ? components[0]! : `mean(${components.join(',')})`,
    components,
    forecast,
    fitted,
    scores,
    series: y,
    offset: first,
    seasonal: fullCtx.seasonal !== null,
  };
}

/** Demand cannot be negative; a non-finite value (numerical failure) falls back to the mean. */
function sanitize(f: Float64Array, y: Float64Array, prior: number): void {
  let fallback = NaN;
  for (let j = 0; j < f.length; j++) {
    const v = f[j]!;
    if (Number.isFinite(v)) {
      if (v < 0) f[j] = 0;
    } else {
      if (!(fallback === fallback)) {
        const m = observedMean(y);
        fallback = m === m ? m : prior === prior && prior >= 0 ? prior : 0;
      }
      f[j] = fallback;
    }
  }
}
