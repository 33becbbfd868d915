/**
 * Seasonality as in the M3 Theta method (and forecast::thetaf): a 90 % autocorrelation
 * test at the seasonal lag, then classical multiplicative decomposition. Missing values
 * are skipped pairwise, so censored periods neither create nor hide seasonality.
 */
import type { FitContext } from './types.js';

/** |r_m| > 1.645·sqrt((1 + 2·Σ_{k<m} r_k²)/n), with n > 2m. */
export function seasonalityTest(y: Float64Array, m: number, n = y.length): boolean {
  if (m <= 1 || n <= 2 * m) return false;
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v === v) {
      s += v;
      c++;
    }
  }
  if (c <= 2 * m) return false;
  const mean = s / c;
  let denom = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v === v) denom += (v - mean) * (v - mean);
  }
  // A constant series has no autocorrelation to test.
  if (!(denom > 1e-12 * c * (mean * mean + 1))) return false;
  let sumSq = 0;
  let rm = 0;
  for (let k = 1; k <= m; k++) {
    let num = 0;
    for (let i = k; i < n; i++) {
      const a = y[i]!;
      const b = y[i - k]!;
      if (a === a && b === b) num += (a - mean) * (b - mean);
    }
    const r = num / denom;
    if (k < m) sumSq += r * r;
    else rm = r;
  }
  const stat = Math.sqrt((1 + 2 * sumSq) / c);
  return Math.abs(rm) / stat > 1.6448536269514722;
}

/**
 * Classical multiplicative decomposition (R's decompose): centred moving average of
 * order m, seasonal figure = mean ratio per position, normalised to mean 1. Indices are
 * by position t mod m. Null when the figure cannot be estimated (no positive trend).
 */
export function multiplicativeIndices(y: Float64Array, m: number, n = y.length): Float64Array | null {
  if (m <= 1 || n < 2 * m) return null;
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const sum = new Float64Array(m);
  const cnt = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    // Weighted centred MA over observed points only (weights renormalised when some are missing).
    let ws = 0;
    let vs = 0;
    for (let k = -half; k <= half; k++) {
      const w = even && (k === -half || k === half) ? 0.5 : 1;
      const v = y[t + k]!;
      if (v === v) {
        ws += w;
        vs += w * v;
      }
    }
    const yt = y[t]!;
    if (ws < m * 0.5 || !(yt === yt)) continue;
    const trend = vs / ws;
    if (!(trend > 0)) continue;
    const pos = t % m;
    sum[pos] = sum[pos]! + yt / trend;
    cnt[pos] = cnt[pos]! + 1;
  }
  const idx = new Float64Array(m);
  let total = 0;
  for (let p = 0; p < m; p++) {
    if (cnt[p] === 0) return null;
    idx[p] = sum[p]! / cnt[p]!;
    total += idx[p]!;
  }
  if (!(total > 0)) return null;
  for (let p = 0; p < m; p++) idx[p] = (idx[p]! * m) / total;
  return idx;
}

/** Below this index a season position carries no demand (e.g. a closed weekday): its values are treated as missing after adjustment. */
const MIN_INDEX = 0.02;

/** Builds the per-window fit context: seasonal indices (if the test passes) and the adjusted series. */
export function buildContext(y: Float64Array, period: number, n = y.length): FitContext {
  const m = Math.max(1, Math.floor(period));
  const yy = n === y.length ? y : y.subarray(0, n);
  let seasonal: Float64Array | null = null;
  if (m > 1 && seasonalityTest(yy, m)) seasonal = multiplicativeIndices(yy, m);
  if (seasonal === null) return { period: m, seasonal: null, adjusted: yy };
  const adjusted = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const s = seasonal[t % m]!;
    adjusted[t] = s < MIN_INDEX ? NaN : yy[t]! / s;
  }
  return { period: m, seasonal, adjusted };
}
