/**
 * Quantiles of the demand distributions used for reorder points.
 */

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Beyond this mean the pmf recursions underflow; the normal approximation is accurate there anyway. */
const DISCRETE_NORMAL_ABOVE = 500;

function normalDiscreteQuantile(mean: number, variance: number, p: number): number {
  // Continuity-corrected: smallest integer k with Φ((k + 0.5 − μ)/σ) ≥ p.
  return Math.max(0, Math.ceil(mean + normalQuantile(p) * Math.sqrt(variance) - 0.5));
}

/** Smallest k with P(X ≤ k) ≥ p for X ~ Poisson(mean). */
export function poissonQuantile(mean: number, p: number): number {
  if (!(mean > 0)) return 0;
  if (mean > DISCRETE_NORMAL_ABOVE) return normalDiscreteQuantile(mean, mean, p);
  let pmf = Math.exp(-mean);
  let cdf = pmf;
  let k = 0;
  const cap = mean + 40 * Math.sqrt(mean) + 100;
  while (cdf < p && k < cap) {
    k++;
    pmf *= mean / k;
    cdf += pmf;
  }
  return k;
}

/**
 * Smallest k with P(X ≤ k) ≥ p for a negative binomial with the given mean and variance
 * (variance > mean): r = μ²/(V − μ), success probability q = μ/V.
 */
export function negativeBinomialQuantile(mean: number, variance: number, p: number): number {
  if (!(mean > 0)) return 0;
  if (!(variance > mean)) return poissonQuantile(mean, p);
  const q = mean / variance;
  const r = (mean * mean) / (variance - mean);
  const logP0 = r * Math.log(q);
  if (mean > DISCRETE_NORMAL_ABOVE || logP0 < -700) return normalDiscreteQuantile(mean, variance, p);
  let pmf = Math.exp(logP0);
  let cdf = pmf;
  let k = 0;
  const cap = mean + 60 * Math.sqrt(variance) + 100;
  while (cdf < p && k < cap) {
    pmf *= ((k + r) / (k + 1)) * (1 - q);
    k++;
    cdf += pmf;
  }
  return k;
}

export type DistributionKind = 'normal' | 'poisson' | 'negative_binomial' | 'none';

/** Poisson when the variance does not exceed the mean, negative binomial otherwise. */
export function discreteQuantile(mean: number, variance: number, p: number): { quantile: number; kind: DistributionKind } {
  if (variance <= mean) return { quantile: poissonQuantile(mean, p), kind: 'poisson' };
  return { quantile: negativeBinomialQuantile(mean, variance, p), kind: 'negative_binomial' };
}
