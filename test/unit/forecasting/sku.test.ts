import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../shared/forecasting/select.js';
import { forecastSku, type SkuForecastInput } from '../../../shared/forecasting/sku.js';

const base: Omit<SkuForecastInput, 'history'> = {
  asOf: '2025-03-31',
  horizonDays: 28,
  onHand: 40,
  leadTimeDays: 7,
  leadTimeSdDays: 2,
  reviewPeriodDays: 7,
};

describe('forecastSku', () => {
  it('smooth weekly demand: forecast, stockout date, reorder point, order', () => {
    const history = Array.from({ length: 182 }, (_, i) => [8, 9, 10, 10, 11, 16, 6][i % 7]! + ((i * 7919) % 5) - 2);
    const r = forecastSku({
      ...base,
      history,
      incoming: [{ arrivalDate: '2025-04-10', quantity: 30 }],
      waitlist: { waiting: 10, conversionRate: 0.3 },
      minOrderQty: 50,
      casePack: 12,
    });
    expect(r.demandClass).toBe('smooth');
    expect(r.forecast).toHaveLength(28);
    expect(r.forecastTotal / 28).toBeGreaterThan(8);
    expect(r.forecastTotal / 28).toBeLessThan(12);
    // 40 on hand + waitlist 3 at ~10/day runs out on day 4 or 5, before the PO lands on day 10.
    expect(r.daysUntilStockout).toBeGreaterThanOrEqual(4);
    expect(r.daysUntilStockout).toBeLessThanOrEqual(5);
    expect(r.stockoutDate).toBe(`2025-04-0${r.daysUntilStockout}`);
    expect(r.protectionDays).toBe(14);
    expect(r.demandDistribution).toBe('normal');
    expect(r.backtestOrigins).toBeGreaterThan(100);
    expect(r.safetyStock).toBeGreaterThan(0);
    expect(r.reorderPoint).toBeCloseTo(r.expectedDemandOverProtection + r.safetyStock, 9);
    expect(r.inventoryPosition).toBe(70);
    expect(r.waitlistDemand).toBeCloseTo(3, 12);
    expect(r.suggestedOrderQty % 12).toBe(0);
    expect(r.suggestedOrderQty).toBeGreaterThanOrEqual(r.reorderPoint + 3 - 70);
    expect(r.daysOfCover).toBeGreaterThan(3);
  });

  it('intermittent demand uses a discrete distribution', () => {
    const history = Array.from({ length: 365 }, (_, i) => ((i * 37) % 11 === 0 ? 1 + (i % 3) : 0));
    const r = forecastSku({ ...base, history, onHand: 2 });
    expect(['intermittent', 'lumpy']).toContain(r.demandClass);
    expect(['poisson', 'negative_binomial']).toContain(r.demandDistribution);
    expect(Number.isInteger(r.reorderPoint)).toBe(true);
    expect(r.reorderPoint).toBeGreaterThanOrEqual(Math.ceil(r.expectedDemandOverProtection));
  });

  it('new SKU: shrinks its short history towards the category prior', () => {
    const r = forecastSku({ ...base, history: [0, 2, 1, 0, 1], categoryPrior: 3 });
    expect(r.demandClass).toBe('new');
    const daily = r.forecast[0]!;
    expect(daily).toBeGreaterThan(0.8);
    expect(daily).toBeLessThan(3);
    expect(forecastSku({ ...base, history: [], categoryPrior: 3 }).forecast[0]).toBe(3);
  });

  it('dead SKU: no forecast, no reorder', () => {
    const history = [...Array.from({ length: 200 }, (_, i) => (i % 2 ? 3 : 2)), ...Array.from({ length: 120 }, () => 0)];
    const r = forecastSku({ ...base, history });
    expect(r.demandClass).toBe('dead');
    expect(r.forecastTotal).toBe(0);
    expect(r.reorderPoint).toBe(0);
    expect(r.suggestedOrderQty).toBe(0);
    expect(r.stockoutDate).toBeNull();
  });

  it('out-of-stock days are censored, not zero demand', () => {
    // True demand 5/day; the SKU was out of stock (0 sales) one week in three.
    const history = Array.from({ length: 210 }, (_, i) => (Math.floor(i / 7) % 3 === 2 ? 0 : 5));
    const oos = history.map((v) => v === 0);
    const naive = forecastSku({ ...base, history });
    const censored = forecastSku({ ...base, history, outOfStock: oos });
    expect(censored.forecast[0]).toBeCloseTo(5, 6);
    expect(naive.forecastTotal).toBeLessThan(censored.forecastTotal);
  });
});

describe('properties', () => {
  const historyArb = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })), { minLength: 0, maxLength: 150 });

  it('forecasts are finite and non-negative; decisions are finite', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.boolean(), { maxLength: 150 }), fc.integer({ min: 0, max: 100 }), (history, oos, onHand) => {
        const r = forecastSku({ ...base, history, outOfStock: oos.slice(0, history.length), onHand });
        for (const v of r.forecast) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(Number.isFinite(r.reorderPoint)).toBe(true);
        expect(Number.isFinite(r.safetyStock)).toBe(true);
        expect(r.safetyStock).toBeGreaterThanOrEqual(-1e-9);
        expect(r.suggestedOrderQty).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('a constant series forecasts the constant', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.integer({ min: 30, max: 400 }),
        fc.constantFrom(1, 4, 7, 12),
        (c, n, period) => {
          const f = forecastSeries(Array(n).fill(c), { horizon: 14, period }).forecast;
          for (const v of f) expect(Math.abs(v - c)).toBeLessThanOrEqual(1e-6 * c);
        },
      ),
      { numRuns: 100 },
    );
    const r = forecastSku({ ...base, history: Array(100).fill(7) });
    for (const v of r.forecast) expect(v).toBeCloseTo(7, 6);
  });

  it('more stock (on hand or incoming) never moves the stockout date earlier', () => {
    const day = (d: number | null) => (d === null ? Infinity : d);
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 100 }),
        (history, a, extra, poDay, poQty) => {
          const incoming = [{ arrivalDate: `2025-04-${String(Math.min(28, poDay)).padStart(2, '0')}`, quantity: poQty }];
          const less = forecastSku({ ...base, history, onHand: a, incoming });
          const more = forecastSku({ ...base, history, onHand: a + extra, incoming });
          const noPo = forecastSku({ ...base, history, onHand: a });
          expect(day(more.daysUntilStockout)).toBeGreaterThanOrEqual(day(less.daysUntilStockout));
          expect(day(less.daysUntilStockout)).toBeGreaterThanOrEqual(day(noPo.daysUntilStockout));
        },
      ),
      { numRuns: 100 },
    );
  });
});
