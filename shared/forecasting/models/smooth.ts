/**
 * Exponential smoothing for smooth and erratic demand: SES, Holt with damped trend,
 * Theta (SES with drift, Hyndman & Billah 2003) and additive seasonal ES (ETS(A,N,A)).
 *
 * SES, damped Holt and Theta run on the seasonally adjusted series of the FitContext and
 * re-seasonalise their forecasts, as the M3 Theta / Comb S-H-D entries did.
 *
 * Speed: for given smoothing parameters every one-step forecast is affine in the initial
 * states, so the optimal initial level (and trend) is solved in closed form inside the
 * same pass that computes the SSE ("profiling"). Parameter grids run their independent
 * recursions side by side in a single pass. No allocation per time step.
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

/**
 * sesProfiledSse for several α at once, in one pass: the per-α recursions are independent,
 * so running them side by side avoids the latency of one long dependency chain. Same
 * arithmetic per α as sesProfiledSse, so the results are identical.
 */
export function sesProfiledSseGrid(a: Float64Array, n: number, alphas: Float64Array, out: Float64Array): void {
  const K = alphas.length;
  const c = new Float64Array(K).fill(1);
  const d = new Float64Array(K);
  const scc = new Float64Array(K);
  const scr = new Float64Array(K);
  const srr = new Float64Array(K);
  for (let t = 0; t < n; t++) {
    const v = a[t]!;
    if (!(v === v)) continue;
    for (let j = 0; j < K; j++) {
      const cj = c[j]!;
      const dj = d[j]!;
      const al = alphas[j]!;
      const k = 1 - al;
      const r = v - dj;
      scc[j] = scc[j]! + cj * cj;
      scr[j] = scr[j]! + cj * r;
      srr[j] = srr[j]! + r * r;
      c[j] = cj * k;
      d[j] = k * dj + al * v;
    }
  }
  for (let j = 0; j < K; j++) {
    const q = scc[j]!;
    out[j] = q <= 0 ? 0 : Math.max(0, srr[j]! - (scr[j]! * scr[j]!) / q);
  }
}

/** α minimising the profiled SES SSE (grid in one pass, then Brent). */
export function optimiseSesAlpha(a: Float64Array, n: number): number {
  return minimize1d(
    (al) => sesProfiledSse(a, n, al),
    A_LO,
    A_HI,
    6,
    1e-3,
    (xs, out) => sesProfiledSseGrid(a, n, xs, out),
  ).x;
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
  const alpha = optimiseSesAlpha(a, n);
  sesProfiledSse(a, n, alpha);
  return new SmoothFit('ses', a, n, ctx.seasonal, alpha, 0, 1, profL0, 0, 0);
}

export function fitTheta(ctx: FitContext, n = ctx.adjusted.length): SmoothFit {
  const a = ctx.adjusted;
  const alpha = optimiseSesAlpha(a, n);
  sesProfiledSse(a, n, alpha);
  const slope = olsSlope(a, n);
  return new SmoothFit('theta', a, n, ctx.seasonal, alpha, 0, 1, profL0, 0, slope / 2);
}

const PHI_LO = 0.8;
const PHI_HI = 0.98;

// Grid for long series (24 combinations in one pass: see dampedGridSearch).
const GRID_ALPHA = [0.03, 0.08, 0.15, 0.25, 0.4, 0.6] as const;
const GRID_BETA_FRAC = [0.02, 0.2] as const;
const GRID_PHI = [0.9, 0.98] as const;

/**
 * Grid search over (α, β, φ) for long series with all combinations filtered side by side
 * in one pass over the data. A single damped-trend filter is latency-bound (each step
 * waits for the previous one); the inner loop over independent combinations is not, so
 * the whole grid costs about as much as 10 sequential passes.
 */
function dampedGridSearch(a: Float64Array, n: number, l0: number, b0: number): { alpha: number; beta: number; phi: number } {
  const K = GRID_ALPHA.length * GRID_BETA_FRAC.length * GRID_PHI.length;
  const al = new Float64Array(K);
  const be = new Float64Array(K);
  const ph = new Float64Array(K);
  let k = 0;
  for (const x of GRID_ALPHA) {
    for (const u of GRID_BETA_FRAC) {
      for (const p of GRID_PHI) {
        al[k] = x;
        be[k] = x * u;
        ph[k] = p;
        k++;
      }
    }
  }
  const L = new Float64Array(K).fill(l0);
  const B = new Float64Array(K).fill(b0);
  const S = new Float64Array(K);
  for (let t = 0; t < n; t++) {
    const v = a[t]!;
    if (v === v) {
      for (let j = 0; j < K; j++) {
        const p = ph[j]!;
        const b = B[j]!;
        const f = L[j]! + p * b;
        const e = v - f;
        S[j] = S[j]! + e * e;
        L[j] = f + al[j]! * e;
        B[j] = p * b + be[j]! * e;
      }
    } else {
      for (let j = 0; j < K; j++) {
        const p = ph[j]!;
        L[j] = L[j]! + p * B[j]!;
        B[j] = p * B[j]!;
      }
    }
  }
  let best = 0;
  for (let j = 1; j < K; j++) if (S[j]! < S[best]!) best = j;
  return { alpha: al[best]!, beta: be[best]!, phi: ph[best]! };
}

/**
 * Up to this length the parameters are searched by Nelder–Mead with the initial states
 * profiled in every pass (short series: the states matter and a pass is cheap). Longer
 * series use the one-pass grid from heuristic states, then profile the states once.
 */
const NM_MAX_N = 150;

export function fitHoltDamped(ctx: FitContext, n = ctx.adjusted.length): SmoothFit {
  const a = ctx.adjusted;
  let al: number;
  let be: number;
  let ph: number;
  if (n <= NM_MAX_N) {
    // α ∈ (0,1), β = α·u with u ∈ (0,1) (the usual β ≤ α), φ ∈ [0.8, 0.98] as in forecast::ets.
    const objective = (x: Float64Array): number =>
      dampedProfiledSse(
        a,
        n,
        A_LO + (A_HI - A_LO) * logistic(x[0]!),
        (A_LO + (A_HI - A_LO) * logistic(x[0]!)) * logistic(x[1]!),
        PHI_LO + (PHI_HI - PHI_LO) * logistic(x[2]!),
      );
    const { x } = nelderMead(objective, [logit(0.3), logit(0.1), logit(0.8)], 1.5, 60, 1e-6);
    al = A_LO + (A_HI - A_LO) * logistic(x[0]!);
    be = al * logistic(x[1]!);
    ph = PHI_LO + (PHI_HI - PHI_LO) * logistic(x[2]!);
  } else {
    // Heuristic states: OLS line through the first observations (at least two seasons).
    let q = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    const want = Math.max(14, 2 * ctx.period);
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
    ({ alpha: al, beta: be, phi: ph } = dampedGridSearch(a, n, hl, hb));
  }
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

const SES_GRID_ALPHA = [0.02, 0.05, 0.1, 0.2, 0.35, 0.6] as const;
const SES_GRID_GAMMA = [0.01, 0.05, 0.15, 0.3] as const;

/**
 * ETS(A,N,A) parameters by a grid evaluated in one pass (all combinations filtered side
 * by side, as for damped Holt). Seasonal states live in one Float64Array, m per combination.
 */
export function fitSeasonalEs(y: Float64Array, m: number, n = y.length): SeasonalEsFit | null {
  if (m <= 1 || n < 2 * m) return null;
  const s0 = new Float64Array(m);
  const l0 = seasonalInit(y, n, m, s0);
  const K = SES_GRID_ALPHA.length * SES_GRID_GAMMA.length;
  const al = new Float64Array(K);
  const ga = new Float64Array(K);
  let k = 0;
  for (const a of SES_GRID_ALPHA) {
    for (const g of SES_GRID_GAMMA) {
      al[k] = a;
      ga[k] = Math.min(g, 1 - a);
      k++;
    }
  }
  const L = new Float64Array(K).fill(l0);
  const S = new Float64Array(K * m);
  for (let j = 0; j < K; j++) S.set(s0, j * m);
  const E = new Float64Array(K);
  let p = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v === v) {
      for (let j = 0, o = p; j < K; j++, o += m) {
        const e = v - L[j]! - S[o]!;
        E[j] = E[j]! + e * e;
        L[j] = L[j]! + al[j]! * e;
        S[o] = S[o]! + ga[j]! * e;
      }
    }
    if (++p === m) p = 0;
  }
  let best = 0;
  for (let j = 1; j < K; j++) if (E[j]! < E[best]!) best = j;
  return new SeasonalEsFit(y, n, m, al[best]!, ga[best]!, l0, s0);
}
