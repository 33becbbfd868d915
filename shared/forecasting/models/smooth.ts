/**
 * Exponential smoothing for smooth and erratic demand: SES, Holt with damped trend,
 * Theta (SES with drift, Hyndman & Billah 2003) and additive seasonal ES (ETS(A,N,A)).
 *
 * SES, damped Holt and Theta run on the seasonally adjusted series of the FitContext and
 * re-seasonalise their forecasts, as the M3 Theta / Comb S-H-D entries did.
 *
 * Speed: for given smoothing parameters every one-step forecast is affine in the initial
 * states, so the optimal initial level (and trend) is solved in closed form inside the
 * same pass that computes the SSE ("profiling"). One pass per evaluation, no allocation.
 * Missing values (NaN) contribute no error and leave the state on its forecast path.
 */
import { minimize1d, nelderMead, logistic, logit } from '../optim.js';
import { olsSlope } from '../series.js';
import type { FitContext, FittedModel, ModelName } from '../types.js';

const A_LO = 1e-4;
const A_HI = 0.9999;

// Profiled initial states of the last evaluation (single-threaded, so a module slot is safe
// and avoids returning an object per evaluation).
let profL0 = 0;
let profB0 = 0;

/** Initial level profiled by the last sesProfiledSse call. */
export function lastProfiledLevel(): number {
  return profL0;
}

/** SSE of SES with the optimal initial level; sets profL0. */
export function sesProfiledSse(a: Float64Array, n: number, alpha: number): number {
  // level_t = c·l0 + d
  let c = 1;
  let d = 0;
  let scc = 0;
  let scr = 0;
  let srr = 0;
  const k = 1 - alpha;
  for (let t = 0; t < n; t++) {
    const v = a[t]!;
    if (v === v) {
      const r = v - d;
      scc += c * c;
      scr += c * r;
      srr += r * r;
      c *= k;
      d = k * d + alpha * v;
    }
  }
  if (scc <= 0) {
    profL0 = 0;
    return 0;
  }
  profL0 = scr / scc;
  return Math.max(0, srr - (scr * scr) / scc);
}

/** SSE of damped Holt (ETS(A,Ad,N) form) with optimal initial level and trend; sets profL0/profB0. */
export function dampedProfiledSse(a: Float64Array, n: number, alpha: number, beta: number, phi: number): number {
  // level = la·l0 + lb·b0 + lc, trend = ba·l0 + bb·b0 + bc
  let la = 1;
  let lb = 0;
  let lc = 0;
  let ba = 0;
  let bb = 1;
  let bc = 0;
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  let cc = 0;
  const k = 1 - alpha;
  for (let t = 0; t < n; t++) {
    const fa = la + phi * ba;
    const fb = lb + phi * bb;
    const fc = lc + phi * bc;
    const v = a[t]!;
    if (v === v) {
      const r = v - fc;
      a11 += fa * fa;
      a12 += fa * fb;
      a22 += fb * fb;
      b1 += fa * r;
      b2 += fb * r;
      cc += r * r;
      la = k * fa;
      lb = k * fb;
      lc = k * fc + alpha * v;
      ba = phi * ba - beta * fa;
      bb = phi * bb - beta * fb;
      bc = phi * bc + beta * r;
    } else {
      la = fa;
      lb = fb;
      lc = fc;
      ba *= phi;
      bb *= phi;
      bc *= phi;
    }
  }
  // Tiny ridge: with one or two observations the trend is not identified; prefer b0 = 0.
  const ridge = 1e-9 * (a11 + a22 + 1);
  const d11 = a11 + ridge;
  const d22 = a22 + ridge;
  const det = d11 * d22 - a12 * a12;
  if (!(Math.abs(det) > 1e-300)) {
    profL0 = d11 > 0 ? b1 / d11 : 0;
    profB0 = 0;
    return Math.max(0, cc - profL0 * b1);
  }
  profL0 = (d22 * b1 - a12 * b2) / det;
  profB0 = (d11 * b2 - a12 * b1) / det;
  return Math.max(0, cc - profL0 * b1 - profB0 * b2);
}

type SmoothKind = 'ses' | 'holt_damped' | 'theta';

/** A fitted SES / damped Holt / Theta model (on the adjusted series, re-seasonalised). */
export class SmoothFit implements FittedModel {
  readonly name: ModelName;
  /** Final level and trend after the last observation. */
  readonly level: number;
  readonly trend: number;

  constructor(
    readonly kind: SmoothKind,
    private readonly a: Float64Array,
    private readonly n: number,
    private readonly seasonal: Float64Array | null,
    readonly alpha: number,
    readonly beta: number,
    readonly phi: number,
    readonly l0: number,
    readonly b0: number,
    /** Theta: half the OLS slope of the adjusted series. */
    readonly drift: number,
  ) {
    this.name = kind;
    let l = l0;
    let b = b0;
    for (let t = 0; t < n; t++) {
      const f = l + phi * b;
      const v = a[t]!;
      if (v === v) {
        const e = v - f;
        l = f + alpha * e;
        b = phi * b + beta * e;
      } else {
        l = f;
        b = phi * b;
      }
    }
    this.level = l;
    this.trend = b;
  }

  /** Un-seasonalised forecast j steps after an origin with level l, trend b and k points seen. */
  private step(l: number, b: number, k: number, j: number): number {
    if (this.kind === 'ses') return l;
    if (this.kind === 'theta') {
      const al = this.alpha;
      return l + this.drift * (j - 1 + (1 - Math.pow(1 - al, k)) / al);
    }
    // Σ_{i=1..j} φ^i
    const p = this.phi;
    const damp = Math.abs(1 - p) < 1e-12 ? j : (p * (1 - Math.pow(p, j))) / (1 - p);
    return l + damp * b;
  }

  forecast(h: number, out: Float64Array): void {
    const m = this.seasonal?.length ?? 1;
    for (let j = 1; j <= h; j++) {
      let f = this.step(this.level, this.trend, this.n, j);
      if (this.seasonal !== null) f *= this.seasonal[(this.n - 1 + j) % m]!;
      out[j - 1] = f;
    }
  }

  cumulativeForecasts(H: number, out: Float64Array): void {
    const { a, n, alpha, beta, phi, seasonal } = this;
    const m = seasonal?.length ?? 1;
    let l = this.l0;
    let b = this.b0;
    for (let t = 0; t < n; t++) {
      const f = l + phi * b;
      const v = a[t]!;
      if (v === v) {
        const e = v - f;
        l = f + alpha * e;
        b = phi * b + beta * e;
      } else {
        l = f;
        b = phi * b;
      }
      let cum = 0;
      if (seasonal === null && this.kind === 'ses') cum = H * l;
      else {
        for (let j = 1; j <= H; j++) {
          const s = seasonal === null ? 1 : seasonal[(t + j) % m]!;
          cum += s * this.step(l, b, t + 1, j);
        }
      }
      out[t] = cum;
    }
  }
}

export function fitSes(ctx: FitContext, n = ctx.adjusted.length): SmoothFit {
  const a = ctx.adjusted;
  const best = minimize1d((al) => sesProfiledSse(a, n, al), A_LO, A_HI);
  sesProfiledSse(a, n, best.x);
  return new SmoothFit('ses', a, n, ctx.seasonal, best.x, 0, 1, profL0, 0, 0);
}

export function fitTheta(ctx: FitContext, n = ctx.adjusted.length): SmoothFit {
  const a = ctx.adjusted;
  const best = minimize1d((al) => sesProfiledSse(a, n, al), A_LO, A_HI);
  sesProfiledSse(a, n, best.x);
  const slope = olsSlope(a, n);
  return new SmoothFit('theta', a, n, ctx.seasonal, best.x, 0, 1, profL0, 0, slope / 2);
}

const PHI_LO = 0.8;
const PHI_HI = 0.98;

/** SSE of damped Holt from given initial states (cheaper than profiling: used on long series). */
export function dampedSse(a: Float64Array, n: number, alpha: number, beta: number, phi: number, l0: number, b0: number): number {
  let l = l0;
  let b = b0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const f = l + phi * b;
    const v = a[t]!;
    if (v === v) {
      const e = v - f;
      sse += e * e;
      l = f + alpha * e;
      b = phi * b + beta * e;
    } else {
      l = f;
      b = phi * b;
    }
  }
  return sse;
}

/**
 * Above this length the initial states barely matter to the parameter search, so the
 * search runs the plain filter from heuristic states (3× cheaper per pass) and the states
 * are profiled once for the chosen parameters.
 */
const PROFILE_IN_SEARCH_MAX_N = 120;

export function fitHoltDamped(ctx: FitContext, n = ctx.adjusted.length): SmoothFit {
  const a = ctx.adjusted;
  // Heuristic states: OLS line through the first few observations.
  let q = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  const want = Math.max(10, 2 * ctx.period);
  for (let t = 0; t < n && q < want; t++) {
    const v = a[t]!;
    if (v === v) {
      q++;
      sx += t;
      sy += v;
      sxx += t * t;
      sxy += t * v;
    }
  }
  const den = q * sxx - sx * sx;
  const hb = q > 1 && den > 0 ? (q * sxy - sx * sy) / den : 0;
  const hl = q > 0 ? (sy - hb * sx) / q - hb : 0;
  const profile = n <= PROFILE_IN_SEARCH_MAX_N;
  // α ∈ (0,1), β = α·u with u ∈ (0,1) (the usual β ≤ α), φ ∈ [0.8, 0.98] as in forecast::ets.
  const objective = (x: Float64Array): number => {
    const al = A_LO + (A_HI - A_LO) * logistic(x[0]!);
    const be = al * logistic(x[1]!);
    const ph = PHI_LO + (PHI_HI - PHI_LO) * logistic(x[2]!);
    return profile ? dampedProfiledSse(a, n, al, be, ph) : dampedSse(a, n, al, be, ph, hl, hb);
  };
  const x0 = [logit(0.3), logit(0.1), logit(0.8)];
  const { x } = nelderMead(objective, x0, 1.5, 60, 1e-6);
  const al = A_LO + (A_HI - A_LO) * logistic(x[0]!);
  const be = al * logistic(x[1]!);
  const ph = PHI_LO + (PHI_HI - PHI_LO) * logistic(x[2]!);
  dampedProfiledSse(a, n, al, be, ph);
  return new SmoothFit('holt_damped', a, n, ctx.seasonal, al, be, ph, profL0, profB0, 0);
}

/**
 * Additive seasonal exponential smoothing, ETS(A,N,A): level plus one additive index per
 * season position, for series with two or more seasons. Additive (not multiplicative) so
 * zero-sales days cannot blow it up. Initial states from the first two seasons.
 */
export class SeasonalEsFit implements FittedModel {
  readonly name: ModelName = 'seasonal_es';
  private readonly s: Float64Array;
  private level: number;

  constructor(
    private readonly y: Float64Array,
    private readonly n: number,
    private readonly m: number,
    readonly alpha: number,
    readonly gamma: number,
    private readonly l0: number,
    private readonly s0: Float64Array,
  ) {
    this.s = Float64Array.from(s0);
    let l = l0;
    const s = this.s;
    for (let t = 0; t < n; t++) {
      const v = y[t]!;
      if (v === v) {
        const p = t % m;
        const e = v - l - s[p]!;
        l += alpha * e;
        s[p] = s[p]! + gamma * e;
      }
    }
    this.level = l;
  }

  forecast(h: number, out: Float64Array): void {
    for (let j = 1; j <= h; j++) out[j - 1] = this.level + this.s[(this.n - 1 + j) % this.m]!;
  }

  cumulativeForecasts(H: number, out: Float64Array): void {
    const { y, n, m, alpha, gamma } = this;
    const s = Float64Array.from(this.s0);
    let l = this.l0;
    for (let t = 0; t < n; t++) {
      const v = y[t]!;
      if (v === v) {
        const p = t % m;
        const e = v - l - s[p]!;
        l += alpha * e;
        s[p] = s[p]! + gamma * e;
      }
      let cum = 0;
      for (let j = 1; j <= H; j++) cum += l + s[(t + j) % m]!;
      out[t] = cum;
    }
  }
}

function seasonalInit(y: Float64Array, n: number, m: number, s0: Float64Array): number {
  const seasons = Math.min(2, Math.floor(n / m));
  s0.fill(0);
  const cnt = new Float64Array(m);
  let firstMean = NaN;
  for (let c = 0; c < seasons; c++) {
    let sum = 0;
    let k = 0;
    for (let p = 0; p < m; p++) {
      const v = y[c * m + p]!;
      if (v === v) {
        sum += v;
        k++;
      }
    }
    if (k === 0) continue;
    const mean = sum / k;
    if (!(firstMean === firstMean)) firstMean = mean;
    for (let p = 0; p < m; p++) {
      const v = y[c * m + p]!;
      if (v === v) {
        s0[p] = s0[p]! + v - mean;
        cnt[p] = cnt[p]! + 1;
      }
    }
  }
  let tot = 0;
  for (let p = 0; p < m; p++) {
    s0[p] = cnt[p]! > 0 ? s0[p]! / cnt[p]! : 0;
    tot += s0[p]!;
  }
  for (let p = 0; p < m; p++) s0[p] = s0[p]! - tot / m;
  return firstMean === firstMean ? firstMean : 0;
}

function seasonalEsSse(y: Float64Array, n: number, m: number, alpha: number, gamma: number, l0: number, s0: Float64Array, s: Float64Array): number {
  s.set(s0);
  let l = l0;
  let sse = 0;
  // Season position kept as a wrapping counter: an integer modulo per step costs more than the update.
  let p = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v === v) {
      const e = v - l - s[p]!;
      sse += e * e;
      l += alpha * e;
      s[p] = s[p]! + gamma * e;
    }
    if (++p === m) p = 0;
  }
  return sse;
}

export function fitSeasonalEs(y: Float64Array, m: number, n = y.length): SeasonalEsFit | null {
  if (m <= 1 || n < 2 * m) return null;
  const s0 = new Float64Array(m);
  const l0 = seasonalInit(y, n, m, s0);
  const work = new Float64Array(m);
  const objective = (x: Float64Array): number => {
    const al = A_LO + (A_HI - A_LO) * logistic(x[0]!);
    const ga = (1 - al) * logistic(x[1]!);
    return seasonalEsSse(y, n, m, al, ga, l0, s0, work);
  };
  const { x } = nelderMead(objective, [logit(0.2), logit(0.1)], 1.5, 40, 1e-6);
  const al = A_LO + (A_HI - A_LO) * logistic(x[0]!);
  const ga = (1 - al) * logistic(x[1]!);
  return new SeasonalEsFit(y, n, m, al, ga, l0, s0);
}
