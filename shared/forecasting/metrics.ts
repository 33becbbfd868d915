/**
 * Accuracy metrics as defined for the benchmark data (M3, M5). Each takes the training
 * values (for the scale), the actuals and the forecasts of one series.
 */

/** Mean absolute scaled error; lag = seasonal period for M3, 1 for car parts. */
export function mase(train: ArrayLike<number>, actual: ArrayLike<number>, forecast: ArrayLike<number>, lag = 1): number {
  let d = 0;
  let c = 0;
  for (let t = lag; t < train.length; t++) {
    d += Math.abs(train[t]! - train[t - lag]!);
    c++;
  }
  const scale = d / c;
  let e = 0;
  for (let j = 0; j < actual.length; j++) e += Math.abs(actual[j]! - forecast[j]!);
  return e / actual.length / scale;
}

/** Root mean squared scaled error (M5): the scale starts at the first non-zero training value. */
export function rmsse(train: ArrayLike<number>, actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let start = 0;
  while (start < train.length && !(train[start]! !== 0)) start++;
  let d = 0;
  let c = 0;
  for (let t = start + 1; t < train.length; t++) {
    d += (train[t]! - train[t - 1]!) ** 2;
    c++;
  }
  let e = 0;
  for (let j = 0; j < actual.length; j++) e += (actual[j]! - forecast[j]!) ** 2;
  return Math.sqrt(e / actual.length / (d / c));
}

/** Scaled mean error: Σ(f − y) / (h · mean of training). Negative = under-forecast. */
export function sme(train: ArrayLike<number>, actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < train.length; t++) s += train[t]!;
  const level = s / train.length;
  let e = 0;
  for (let j = 0; j < actual.length; j++) e += forecast[j]! - actual[j]!;
  return e / actual.length / level;
}

/** Symmetric MAPE as in M3 (0 when both actual and forecast are 0). */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < actual.length; j++) {
    const a = actual[j]!;
    const f = forecast[j]!;
    const d = Math.abs(a) + Math.abs(f);
    s += d > 0 ? (200 * Math.abs(a - f)) / d : 0;
  }
  return s / actual.length;
}
