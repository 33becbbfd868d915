/**
 * Shared types of the forecasting domain. Series are Float64Array with NaN for censored
 * (out-of-stock) periods: a censored period is "demand unknown", never "demand zero".
 */

/** Syntetos–Boylan classes plus the two lifecycle classes the nightly run needs. */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'new' | 'dead';

export type ModelName =
  | 'ses'
  | 'holt_damped'
  | 'theta'
  | 'seasonal_es'
  | 'croston'
  | 'sba'
  | 'tsb'
  | 'adida'
  | 'imapa'
  | 'mean'
  | 'zero'
  | 'naive';

/** A model with its parameters estimated on one series. */
export interface FittedModel {
  readonly name: ModelName;
  /** Writes the forecasts for steps 1..h after the fitted data into out[0..h). */
  forecast(h: number, out: Float64Array): void;
  /**
   * Rolling-origin replay with the fitted parameters: out[t] = sum of the forecasts for
   * t+1..t+H made from the data up to and including index t; NaN where the model has no
   * state yet. out.length must be ≥ the series length.
   */
  cumulativeForecasts(H: number, out: Float64Array): void;
}

/** What a model may know about the series it is fitted on (computed once per window). */
export interface FitContext {
  /** Seasonal period (1 = none). */
  readonly period: number;
  /** Multiplicative seasonal indices by position t mod period, when the seasonality test passed. */
  readonly seasonal: Float64Array | null;
  /** Series divided by the seasonal index (NaN where missing or the index is ~0); = y when not seasonal. */
  readonly adjusted: Float64Array;
}

export interface ClassStats {
  /** Observed (uncensored) periods. */
  observed: number;
  nonZero: number;
  /** Average inter-demand interval: observed periods / periods with demand. */
  adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes. */
  cv2: number;
  /** Observed zero periods at the end of the series (censored periods are skipped). */
  trailingZeros: number;
  mean: number;
}

export interface ModelScore {
  name: ModelName;
  /** Validation RMSSE on the last part of the training data. */
  rmsse: number;
  /** Validation sME bias (mean error / mean of the fit part). */
  bias: number;
}
