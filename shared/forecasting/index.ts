/**
 * Restock demand forecasting (C8): pure functions, no I/O. The nightly run calls
 * forecastSku per SKU; the other exports are its building blocks.
 */
export { forecastSku, replenishmentPolicy } from './sku.js';
export type { SkuForecast, SkuForecastInput, PurchaseOrderArrival, PolicyOptions } from './sku.js';
export { forecastSeries, fitModel, candidatesFor, SMOOTH_CANDIDATES, INTERMITTENT_CANDIDATES } from './select.js';
export type { SeriesForecast, SeriesForecastOptions } from './select.js';
export { classify, classStats, classifyStats, isIntermittentClass, ADI_CUTOFF, CV2_CUTOFF } from './classify.js';
export type { ClassifyOptions } from './classify.js';
export {
  backtestHorizonErrors,
  reorderPoint,
  stockoutPeriod,
  suggestedOrderQuantity,
  daysOfCover,
} from './inventory.js';
export type { HorizonErrors, BacktestOptions, ReorderInput, ReorderResult, OrderInput } from './inventory.js';
export { normalQuantile, poissonQuantile, negativeBinomialQuantile, discreteQuantile } from './distributions.js';
export type { DistributionKind } from './distributions.js';
export { mase, rmsse, sme, smape } from './metrics.js';
export { toSeries } from './series.js';
export type { DemandClass, ModelName, FittedModel, ClassStats, ModelScore } from './types.js';
