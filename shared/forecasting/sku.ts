/**
 * The nightly per-SKU forecast: demand forecast, stockout date, reorder point, safety
 * stock and suggested order, from daily sales history.
 *
 * Censored demand: on days the SKU was out of stock, sales are a lower bound on demand,
 * not demand. Those days become missing values: no model is fitted to them (the states
 * just carry forward), the classification ignores them, and backtest windows touching
 * them are skipped. The forecast therefore estimates demand, not constrained sales.
 */
import { isIntermittentClass } from './classify.js';
import type { DistributionKind } from './distributions.js';
import {
  backtestHorizonErrors,
  daysOfCover,
  reorderPoint,
  stockoutPeriod,
  suggestedOrderQuantity,
  type ReorderResult,
} from './inventory.js';
import { forecastSeries, type SeriesForecast } from './select.js';
import { observedVariance, toSeries } from './series.js';
import type { DemandClass, ModelName } from './types.js';

export interface PurchaseOrderArrival {
  /** ISO date (YYYY-MM-DD) the goods are expected; past dates count as arriving tomorrow. */
  arrivalDate: string;
  quantity: number;
}

export interface SkuForecastInput {
  sku?: string;
  /** Units sold per day, oldest first; the last value is the day `asOf`. */
  history: ArrayLike<number>;
  /** true on days the SKU was out of stock (censored demand); same length as history. */
  outOfStock?: ArrayLike<boolean>;
  /** ISO date of the last history day; the forecast starts the day after. */
  asOf: string;
  /** Days to forecast (N). */
  horizonDays: number;
  onHand: number;
  /** Open purchase orders. */
  incoming?: readonly PurchaseOrderArrival[];
  /** Supplier lead time in days: mean and standard deviation. */
  leadTimeDays: number;
  leadTimeSdDays?: number;
  /** Days between order decisions (default 1: the run is nightly). */
  reviewPeriodDays?: number;
  /** Cycle service level (default 0.95). */
  serviceLevel?: number;
  waitlist?: { waiting: number; conversionRate: number };
  minOrderQty?: number;
  casePack?: number;
  /** Prior mean daily demand (e.g. the category average) for SKUs with little history. */
  categoryPrior?: number;
  /** Weekly pattern by default. */
  seasonPeriod?: number;
  /** Fewer observed days than this → class `new` (default 28). */
  minHistoryDays?: number;
  /** Trailing days without demand before a SKU can be `dead` (default 90; see ClassifyOptions). */
  deadAfterDays?: number;
}

export interface SkuForecast {
  sku?: string;
  demandClass: DemandClass;
  /** e.g. "tsb" or "mean(tsb,adida,theta)". */
  model: string;
  components: ModelName[];
  /** Expected demand for each of the next horizonDays days. */
  forecast: number[];
  forecastTotal: number;
  /** First day demand is expected to exceed stock on hand plus arrivals (ISO), or null within the horizon. */
  stockoutDate: string | null;
  daysUntilStockout: number | null;
  /** Lead time + review period, rounded up. */
  protectionDays: number;
  expectedDemandOverProtection: number;
  reorderPoint: number;
  safetyStock: number;
  demandDistribution: DistributionKind;
  /** On hand + all open purchase orders. */
  inventoryPosition: number;
  waitlistDemand: number;
  suggestedOrderQty: number;
  /** On hand / mean forecast daily demand; null when no demand is forecast. */
  daysOfCover: number | null;
  /** Rolling origins behind the safety stock (0 = fallback variance used). */
  backtestOrigins: number;
}

const DAY_MS = 86_400_000;

function parseDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Fewest backtest origins for an empirical horizon variance. */
const MIN_ORIGINS = 8;

export interface PolicyOptions {
  /** Protection interval in periods (lead time + review period, rounded up). */
  protection: number;
  serviceLevel: number;
  /** Lead-time standard deviation in periods. */
  leadTimeSd?: number;
  /** Backtest warm-up (first origin). */
  warmup?: number;
}

/**
 * Reorder point and safety stock for a series forecast. The demand variance over the
 * protection interval comes from rolling-origin backtests of the chosen model (its
 * cumulative H-period errors), not from σ₁·√H; with too few origins, daily demand is
 * treated as independent (H × sample variance). Intermittent and new series use a
 * Poisson / negative binomial quantile, smooth and erratic ones the normal.
 */
export function replenishmentPolicy(fc: SeriesForecast, opts: PolicyOptions): { result: ReorderResult; backtestOrigins: number } {
  if (fc.demandClass === 'dead') {
    return { result: { expectedDemand: 0, demandVariance: 0, reorderPoint: 0, safetyStock: 0, distribution: 'none' }, backtestOrigins: 0 };
  }
  const H = Math.max(1, Math.ceil(opts.protection - 1e-9));
  let horizonVariance = NaN;
  let origins = 0;
  if (fc.demandClass !== 'new') {
    const bt = backtestHorizonErrors(fc.fitted, fc.series, H, { warmup: opts.warmup });
    if (bt.origins >= MIN_ORIGINS) {
      horizonVariance = bt.mse;
      origins = bt.origins;
    }
  }
  if (!(horizonVariance === horizonVariance)) {
    const v = observedVariance(fc.series);
    horizonVariance = v === v ? v * H : 0;
  }
  let forecast: ArrayLike<number> = fc.forecast;
  if (forecast.length < H) {
    const f = new Float64Array(H);
    fc.fitted.forecast(H, f);
    for (let j = 0; j < H; j++) f[j] = Math.max(0, Number.isFinite(f[j]!) ? f[j]! : 0);
    forecast = f;
  }
  const result = reorderPoint({
    forecast,
    protection: H,
    horizonVariance,
    leadTimeSd: opts.leadTimeSd ?? 0,
    serviceLevel: opts.serviceLevel,
    discrete: isIntermittentClass(fc.demandClass) || fc.demandClass === 'new',
  });
  return { result, backtestOrigins: origins };
}

export function forecastSku(input: SkuForecastInput): SkuForecast {
  const N = Math.max(1, Math.floor(input.horizonDays));
  const period = input.seasonPeriod ?? 7;
  const review = Math.max(0, input.reviewPeriodDays ?? 1);
  const lead = Math.max(0, input.leadTimeDays);
  const protection = Math.max(1, Math.ceil(lead + review - 1e-9));
  const serviceLevel = input.serviceLevel ?? 0.95;
  const y = toSeries(input.history, input.outOfStock);

  const fc = forecastSeries(y, {
    horizon: Math.max(N, protection),
    period,
    validationLength: Math.min(28, Math.max(N, 7)),
    categoryPrior: input.categoryPrior,
    minHistory: input.minHistoryDays ?? 28,
    deadAfter: input.deadAfterDays ?? 90,
  });
  const full = fc.forecast;
  const forecast = Array.from(full.subarray(0, N));

  const policy = replenishmentPolicy(fc, {
    protection,
    serviceLevel,
    leadTimeSd: input.leadTimeSdDays ?? 0,
    warmup: Math.max(2 * period, 7),
  });
  const rop = policy.result;
  const origins = policy.backtestOrigins;

  const asOf = parseDay(input.asOf);
  const arrivals = new Float64Array(N);
  let incomingTotal = 0;
  for (const po of input.incoming ?? []) {
    const q = Math.max(0, po.quantity);
    incomingTotal += q;
    const day = Math.max(1, parseDay(po.arrivalDate) - asOf);
    if (day <= N) arrivals[day - 1] = arrivals[day - 1]! + q;
  }
  const waitlistDemand = input.waitlist ? Math.max(0, input.waitlist.waiting) * Math.min(1, Math.max(0, input.waitlist.conversionRate)) : 0;
  // Waitlisted shoppers buy as soon as stock allows, so they are served before new demand.
  const stockDay = stockoutPeriod(forecast, input.onHand, arrivals, waitlistDemand);
  const inventoryPosition = Math.max(0, input.onHand) + incomingTotal;

  return {
    sku: input.sku,
    demandClass: fc.demandClass,
    model: fc.model,
    components: fc.components,
    forecast,
    forecastTotal: forecast.reduce((a, b) => a + b, 0),
    stockoutDate: stockDay === null ? null : formatDay(asOf + stockDay),
    daysUntilStockout: stockDay,
    protectionDays: protection,
    expectedDemandOverProtection: rop.expectedDemand,
    reorderPoint: rop.reorderPoint,
    safetyStock: rop.safetyStock,
    demandDistribution: rop.distribution,
    inventoryPosition,
    waitlistDemand,
    suggestedOrderQty: suggestedOrderQuantity({
      reorderPoint: rop.reorderPoint,
      inventoryPosition,
      waitlistDemand,
      minOrderQty: input.minOrderQty,
      casePack: input.casePack,
    }),
    daysOfCover: daysOfCover(input.onHand, forecast),
    backtestOrigins: origins,
  };
}
