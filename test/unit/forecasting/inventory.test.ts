import { describe, expect, it } from 'vitest';
import {
  discreteQuantile,
  negativeBinomialQuantile,
  normalQuantile,
  poissonQuantile,
} from '../../../shared/forecasting/distributions.js';
import {
  backtestHorizonErrors,
  daysOfCover,
  reorderPoint,
  stockoutPeriod,
  suggestedOrderQuantity,
} from '../../../shared/forecasting/inventory.js';
import { ConstantFit } from '../../../shared/forecasting/models/combine.js';
import { mase, rmsse, sme, smape } from '../../../shared/forecasting/metrics.js';

describe('distributions', () => {
  it('normal quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536, 6);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263479, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263479, 6);
  });
  it('Poisson quantile by hand: μ = 2 at 95 %', () => {
    // CDF: .1353 .4060 .6767 .8571 .9473 .9834 → first ≥ .95 is k = 5.
    expect(poissonQuantile(2, 0.95)).toBe(5);
    // μ = 0.5: CDF .6065 .9098 .9856 → k = 2.
    expect(poissonQuantile(0.5, 0.95)).toBe(2);
    expect(poissonQuantile(0, 0.95)).toBe(0);
  });
  it('negative binomial quantile by hand: μ 2, V 6 is geometric(1/3)', () => {
    // r = 1, q = 1/3: CDF(k) = 1 − (2/3)^(k+1) ≥ .95 ⇒ k + 1 ≥ 7.39 ⇒ k = 7.
    expect(negativeBinomialQuantile(2, 6, 0.95)).toBe(7);
  });
  it('Poisson when variance ≤ mean, negative binomial otherwise', () => {
    expect(discreteQuantile(2, 1.5, 0.95)).toEqual({ quantile: 5, kind: 'poisson' });
    expect(discreteQuantile(2, 6, 0.95)).toEqual({ quantile: 7, kind: 'negative_binomial' });
  });
  it('large means use the continuity-corrected normal', () => {
    const q = poissonQuantile(10_000, 0.95);
    expect(q).toBeGreaterThanOrEqual(10_164);
    expect(q).toBeLessThanOrEqual(10_166);
  });
});

describe('reorder point and safety stock', () => {
  it('intermittent: Poisson quantile of demand over lead time + review', () => {
    // 0.5/day over 4 days → μ 2; variance 1.5 ≤ μ → Poisson(2) at 95 % = 5; safety stock 3.
    const r = reorderPoint({ forecast: [0.5, 0.5, 0.5, 0.5, 9], protection: 4, horizonVariance: 1.5, serviceLevel: 0.95, discrete: true });
    expect(r).toMatchObject({ expectedDemand: 2, reorderPoint: 5, safetyStock: 3, distribution: 'poisson' });
  });
  it('smooth: normal with lead-time variability L·σd² + d²·σL²', () => {
    // μ = 50 over 5 days, backtest variance 100, σL = 1 day, d = 10 → variance 200.
    const r = reorderPoint({ forecast: Array(5).fill(10), protection: 5, horizonVariance: 100, leadTimeSd: 1, serviceLevel: 0.95, discrete: false });
    expect(r.demandVariance).toBeCloseTo(200, 12);
    expect(r.safetyStock).toBeCloseTo(1.6448536 * Math.sqrt(200), 5);
    expect(r.reorderPoint).toBeCloseTo(50 + 1.6448536 * Math.sqrt(200), 5);
  });
  it('no demand → nothing to protect', () => {
    expect(reorderPoint({ forecast: [0, 0], protection: 2, horizonVariance: 0, serviceLevel: 0.95, discrete: true }).reorderPoint).toBe(0);
  });
});

describe('backtests', () => {
  it('cumulative H-step errors from every origin (naive on 1..6, H = 2)', () => {
    // origins 0..3: forecasts 2·y[t] = 2,4,6,8 vs sums 5,7,9,11 → error −3 each.
    const y = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const r = backtestHorizonErrors(new ConstantFit('naive', y, 6), y, 2, { warmup: 1 });
    expect(r).toEqual({ mse: 9, meanError: -3, origins: 4 });
  });
  it('windows with censored days are skipped', () => {
    const y = Float64Array.from([1, 2, NaN, 4, 5, 6]);
    const r = backtestHorizonErrors(new ConstantFit('naive', y, 6), y, 2, { warmup: 1 });
    // Origins 0 and 1 see the gap in their window. Origin 2 (last observed 2): 4 − 9 = −5;
    // origin 3: 8 − 11 = −3.
    expect(r).toEqual({ mse: 17, meanError: -4, origins: 2 });
  });
});

describe('stockout, order quantity, cover', () => {
  it('first day demand exceeds stock plus arrivals', () => {
    expect(stockoutPeriod([2, 2, 2, 2, 2], 5, [0, 0, 0, 0, 0])).toBe(3);
    // 4 units arrive on day 3: cumulative supply 5,5,9,9,9 vs demand 2,4,6,8,10.
    expect(stockoutPeriod([2, 2, 2, 2, 2], 5, [0, 0, 4, 0, 0])).toBe(5);
    expect(stockoutPeriod([1, 1], 5, [0, 0])).toBeNull();
    // Exactly used up is not a stockout.
    expect(stockoutPeriod([2, 3], 5, [0, 0])).toBeNull();
    // A waitlist backlog is served first.
    expect(stockoutPeriod([2, 2], 5, [0, 0], 2)).toBe(2);
  });
  it('order up to the reorder point plus waitlist, MOQ and case pack', () => {
    // need 73.26 + 10·0.3 − 20 = 56.26 → 57 → MOQ 60 → case 12: 60; case 25: 75.
    expect(suggestedOrderQuantity({ reorderPoint: 73.26, inventoryPosition: 20, waitlistDemand: 3, minOrderQty: 60, casePack: 12 })).toBe(60);
    expect(suggestedOrderQuantity({ reorderPoint: 73.26, inventoryPosition: 20, waitlistDemand: 3, minOrderQty: 60, casePack: 25 })).toBe(75);
    expect(suggestedOrderQuantity({ reorderPoint: 73.26, inventoryPosition: 20, waitlistDemand: 3 })).toBe(57);
    expect(suggestedOrderQuantity({ reorderPoint: 10, inventoryPosition: 12, minOrderQty: 60 })).toBe(0);
  });
  it('days of cover', () => {
    expect(daysOfCover(30, [2, 4])).toBe(10);
    expect(daysOfCover(30, [0, 0])).toBeNull();
  });
});

describe('benchmark metrics', () => {
  const train = [1, 3, 2, 4];
  const actual = [3, 5];
  const f = [4, 4];
  it('MASE, RMSSE, sME, sMAPE by hand', () => {
    // scale MAE: |2|,|1|,|2| → 5/3; errors 1,1 → MASE 0.6.
    expect(mase(train, actual, f)).toBeCloseTo(0.6, 12);
    // scale MSE: 4,1,4 → 3; errors² 1,1 → RMSSE √(1/3).
    expect(rmsse(train, actual, f)).toBeCloseTo(Math.sqrt(1 / 3), 12);
    // Σ(f − y) = 0.
    expect(sme(train, actual, f)).toBe(0);
    // 200·1/7 and 200·1/9.
    expect(smape(actual, f)).toBeCloseTo((200 / 7 + 200 / 9) / 2, 10);
  });
  it('RMSSE scale starts at the first non-zero training value', () => {
    expect(rmsse([0, 0, 2, 4], [4], [3])).toBeCloseTo(Math.sqrt(1 / 4), 12);
  });
});
