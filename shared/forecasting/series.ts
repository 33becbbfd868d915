/**
 * Small numeric helpers over series where NaN marks a missing (censored) period.
 */

/** Copies values into a Float64Array, turning censored periods into NaN. */
export function toSeries(values: ArrayLike<number>, censored?: ArrayLike<boolean>): Float64Array {
  const n = values.length;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // Negative or non-finite sales are data errors; treating them as missing is safer than zero.
    y[i] = censored?.[i] === true || !Number.isFinite(v) || v < 0 ? NaN : v;
  }
  return y;
}

/** Mean of the observed values of y[from..to); NaN when none are observed. */
export function observedMean(y: Float64Array, from = 0, to = y.length): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const v = y[i]!;
    if (v === v) {
      s += v;
      c++;
    }
  }
  return c > 0 ? s / c : NaN;
}

/** Population variance of the observed values of y[from..to). */
export function observedVariance(y: Float64Array, from = 0, to = y.length): number {
  const m = observedMean(y, from, to);
  if (!(m === m)) return NaN;
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const v = y[i]!;
    if (v === v) {
      s += (v - m) * (v - m);
      c++;
    }
  }
  return s / c;
}

/**
 * M5 scale: mean squared difference of consecutive observed values, from the first
 * non-zero one on (leading zeros are "not yet launched", not demand). Lag 1.
 */
export function squaredScale(y: Float64Array, from = 0, to = y.length): number {
  let start = from;
  while (start < to && !(y[start]! > 0)) start++;
  let prev = NaN;
  let s = 0;
  let c = 0;
  for (let i = start; i < to; i++) {
    const v = y[i]!;
    if (!(v === v)) continue;
    if (prev === prev) {
      s += (v - prev) * (v - prev);
      c++;
    }
    prev = v;
  }
  return c > 0 ? s / c : NaN;
}

/** Ordinary least-squares slope of the observed values against their index. */
export function olsSlope(y: Float64Array, n = y.length): number {
  let c = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v === v) {
      c++;
      sx += i;
      sy += v;
    }
  }
  if (c < 2) return 0;
  const mx = sx / c;
  const my = sy / c;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v === v) {
      sxy += (i - mx) * (v - my);
      sxx += (i - mx) * (i - mx);
    }
  }
  return sxx > 0 ? sxy / sxx : 0;
}
