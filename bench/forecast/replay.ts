/**
 * Inventory replay on the car-parts test months: monthly periodic review, order-up-to
 * level from the forecast, lost sales. Measures what a forecast does to a shop, not just
 * its error.
 */
import { forecastSeries, type SeriesForecastOptions } from '../../shared/forecasting/select.js';
import { replenishmentPolicy } from '../../shared/forecasting/sku.js';
import type { BenchSeries } from './data.js';

export interface ReplayConfig {
  leadTime: number;
  reviewPeriod: number;
  serviceLevel: number;
}

export interface ReplayResult {
  /** Units sold / units demanded, over all series and months. */
  fillRate: number;
  /** Mean over series (with test demand) of each series' fill rate. */
  meanSeriesFillRate: number;
  /** Share of series-months with lost sales. */
  stockoutMonths: number;
  /** Mean units on hand at month end, per series. */
  avgStock: number;
  /** avgStock relative to mean monthly test demand (months of stock). */
  monthsOfStock: number;
  seconds: number;
}

/**
 * Each test month: receive the order placed a lead time ago, re-forecast on all data up
 * to the review, order up to the reorder point (whole units), then serve that month's
 * demand from stock; unmet demand is lost. Stock starts at the first order-up-to level.
 * Only lead time = review period = 1 is modelled (the order arrives before the next review).
 */
export function replayInventory(series: readonly BenchSeries[], opts: Partial<SeriesForecastOptions>, cfg: ReplayConfig): ReplayResult {
  if (cfg.leadTime !== 1 || cfg.reviewPeriod !== 1) throw new Error('replay models lead time = review period = 1 period');
  const t0 = performance.now();
  let demandTotal = 0;
  let soldTotal = 0;
  let stockTotal = 0;
  let monthCount = 0;
  let stockoutCount = 0;
  let fillSum = 0;
  let fillN = 0;
  let demandMonths = 0;
  for (const s of series) {
    const h = s.test.length;
    const all = new Float64Array(s.train.length + h);
    all.set(s.train);
    all.set(s.test, s.train.length);
    let onHand = 0;
    let pipeline = 0;
    let d = 0;
    let sold = 0;
    for (let i = 0; i < h; i++) {
      onHand += pipeline;
      pipeline = 0;
      const known = all.subarray(0, s.train.length + i);
      const fc = forecastSeries(known, { horizon: cfg.leadTime + cfg.reviewPeriod, period: s.m, ...opts });
      const { result } = replenishmentPolicy(fc, { protection: cfg.leadTime + cfg.reviewPeriod, serviceLevel: cfg.serviceLevel, warmup: 2 });
      const target = Math.ceil(result.reorderPoint - 1e-9);
      if (i === 0) onHand = target;
      pipeline = Math.max(0, target - onHand);
      const demand = s.test[i]!;
      const served = Math.min(onHand, demand);
      onHand -= served;
      if (served < demand) stockoutCount++;
      d += demand;
      sold += served;
      stockTotal += onHand;
      monthCount++;
    }
    demandTotal += d;
    soldTotal += sold;
    demandMonths += d / h;
    if (d > 0) {
      fillSum += sold / d;
      fillN++;
    }
  }
  const avgStock = stockTotal / series.length / (monthCount / series.length);
  return {
    fillRate: soldTotal / demandTotal,
    meanSeriesFillRate: fillSum / fillN,
    stockoutMonths: stockoutCount / monthCount,
    avgStock,
    monthsOfStock: avgStock / (demandMonths / series.length),
    seconds: (performance.now() - t0) / 1000,
  };
}
