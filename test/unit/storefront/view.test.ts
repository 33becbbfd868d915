import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveSettings, sellable } from '../../../shared/inventory/availability.js';
import type { Product, VariantStock } from '../../../shared/inventory/model.js';
import { translator } from '../../../shared/storefront/messages.js';
import { countsOnline, displayState, etaOf, onlineLocationSet, outOfStockReason, storeAvailability, summarize, variantMatrix } from '../../../shared/storefront/view.js';
import { ctxOf, locationsArb, productArb } from './arbitraries.js';

const RUNS = Number(process.env.STOREFRONT_FC_RUNS ?? 500);
const en = translator('en');

const variant = (sku: string, onHand: Record<string, number>, extra: Partial<VariantStock> = {}): VariantStock => ({
  sku,
  attributes: {},
  onHand,
  reserved: 0,
  allocated: 0,
  incoming: 0,
  state: 'out_of_stock',
  transitionSeq: 0,
  recentSales: {},
  ...extra,
});
const productOf = (variants: VariantStock[], settings: Product['settings'] = {}): Product => ({
  tenantId: 't',
  productId: 'p',
  title: 'P',
  currency: 'EUR',
  attributes: {},
  tags: [],
  related: [],
  status: 'active',
  settings,
  variants: Object.fromEntries(variants.map((v) => [v.sku, v])),
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('scarcity is never faked (property)', () => {
  it('shows "only N left" exactly when N is the true sellable count and 0 < N ≤ the display threshold', () => {
    fc.assert(
      fc.property(productArb(), locationsArb, fc.integer({ min: 0, max: 6 }), (product, locs, tenantThreshold) => {
        const ctx = ctxOf({ ...locs, displayThreshold: tenantThreshold });
        const s = effectiveSettings(product.settings, ctx.inventory);
        const online = onlineLocationSet(product, ctx);
        const summary = summarize(product, ctx);
        let total = 0;
        for (const v of summary.variants) {
          const truth = sellable(product.variants[v.sku]!, s, online);
          total += truth;
          if (truth > 0 && truth <= s.displayThreshold) {
            expect(v.unitsLeft).toBe(truth);
            expect(v.state).toBe('low_stock');
            expect(v.label).toContain(String(truth));
          } else {
            expect(v.unitsLeft).toBeUndefined();
            expect(v.state).not.toBe('low_stock');
            expect(v.label).not.toMatch(/\d/);
          }
          expect(v.available).toBe(truth > 0);
          expect(v.notify).toBe(truth <= 0);
        }
        if (summary.unitsLeft !== undefined) {
          expect(summary.unitsLeft).toBe(total);
          expect(total).toBeGreaterThan(0);
          expect(total).toBeLessThanOrEqual(s.displayThreshold);
        } else expect(summary.label).not.toMatch(/\d/);
        expect(summary.sellableUnits).toBe(total);
      }),
      { numRuns: RUNS },
    );
  });

  it('never reports a store count above the threshold either', () => {
    fc.assert(
      fc.property(productArb(), fc.constantFrom('store-a', 'store-b'), (product, storeId) => {
        const ctx = ctxOf();
        const store = ctx.locations.get(storeId)!;
        const s = effectiveSettings(product.settings, ctx.inventory);
        const view = storeAvailability(product, store, ctx);
        for (const v of view.variants) {
          const truth = Math.max(0, product.variants[v.sku]!.onHand[storeId] ?? 0);
          expect(v.unitsLeft).toBe(truth > 0 && truth <= s.displayThreshold ? truth : undefined);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('display state', () => {
  const s = effectiveSettings({ displayThreshold: 2 });
  it('is low stock only at or under the display threshold', () => {
    expect(displayState(3, s)).toBe('in_stock');
    expect(displayState(2, s)).toBe('low_stock');
    expect(displayState(1, s)).toBe('low_stock');
    expect(displayState(0, s)).toBe('out_of_stock');
  });
  it('offers preorder, then backorder, and closes them at their cap', () => {
    const pre = effectiveSettings({ preorder: { enabled: true, cap: 5 }, backorder: { enabled: true } });
    expect(displayState(0, pre, { preorder: { enabled: true, cap: 5 } }, { allocated: 4 })).toBe('preorder');
    expect(displayState(0, pre, { preorder: { enabled: true, cap: 5 }, backorder: { enabled: true } }, { allocated: 5 })).toBe('backorder');
    expect(displayState(0, effectiveSettings({ backorder: { enabled: true, cap: 2 } }), { backorder: { enabled: true, cap: 2 } }, { allocated: 2 })).toBe('out_of_stock');
  });
  it('with a display threshold of 0 never shows a count', () => {
    const product = productOf([variant('a', { main: 1 })], { displayThreshold: 0 });
    const v = summarize(product, ctxOf()).variants[0]!;
    expect(v).toMatchObject({ state: 'in_stock', label: 'In stock' });
    expect(v.unitsLeft).toBeUndefined();
  });
  it('subtracts safety stock, reservations and allocations before counting', () => {
    const product = productOf([variant('a', { main: 10 }, { reserved: 3, allocated: 2 })], { safetyStock: 2 });
    expect(summarize(product, ctxOf()).variants[0]).toMatchObject({ state: 'low_stock', unitsLeft: 3 });
  });
});

describe('ETA', () => {
  const today = '2025-06-01';
  it('is the purchase-order date when still ahead, else honestly unknown', () => {
    expect(etaOf({ eta: '2025-06-20' }, 'out_of_stock', {}, today, en)).toMatchObject({ status: 'expected', date: '2025-06-20', source: 'purchase_order', label: 'Expected June 20, 2025' });
    expect(etaOf({ eta: '2025-06-01' }, 'out_of_stock', {}, today, en).status).toBe('expected');
    expect(etaOf({ eta: '2025-05-31' }, 'out_of_stock', {}, today, en)).toEqual({ status: 'unknown', date: null, source: null, label: 'Restock date not known yet' });
    expect(etaOf({}, 'out_of_stock', {}, today, en).status).toBe('unknown');
  });
  it('uses the preorder date for preorders, the earlier of the two when both exist', () => {
    expect(etaOf({}, 'preorder', { preorder: { enabled: true, etaDate: '2025-07-01' } }, today, en)).toMatchObject({ date: '2025-07-01', source: 'preorder' });
    expect(etaOf({ eta: '2025-06-10' }, 'preorder', { preorder: { enabled: true, etaDate: '2025-07-01' } }, today, en)).toMatchObject({ date: '2025-06-10', source: 'purchase_order' });
  });
  it('formats dates in the shopper’s language', () => {
    expect(etaOf({ eta: '2025-06-20' }, 'out_of_stock', {}, today, translator('it')).label).toBe('Previsto il 20 giugno 2025');
  });
});

describe('out-of-stock reason', () => {
  const expected = { status: 'expected' as const, date: '2025-07-01', source: 'purchase_order' as const, label: '' };
  it('prefers the merchant’s words, then preorder, backorder, the restock date, and "sold out"', () => {
    expect(outOfStockReason({ settings: { outOfStockReason: 'Seasonal item' } }, 'out_of_stock', expected, en)).toEqual({ code: 'merchant', text: 'Seasonal item' });
    expect(outOfStockReason({ settings: { preorder: { enabled: true, label: 'Ships in July' } } }, 'preorder', undefined, en)).toEqual({ code: 'preorder', text: 'Ships in July' });
    expect(outOfStockReason({ settings: {} }, 'backorder', undefined, en).code).toBe('backorder');
    expect(outOfStockReason({ settings: {} }, 'out_of_stock', expected, en)).toEqual({ code: 'restock_expected', text: 'Restock expected July 1, 2025' });
    expect(outOfStockReason({ settings: {} }, 'out_of_stock', { ...expected, status: 'unknown', date: null }, translator('it'))).toEqual({ code: 'sold_out', text: 'Esaurito' });
  });
});

describe('online locations', () => {
  it('count warehouses, and stores only with ship-from-store and their own consent', () => {
    const { locations } = ctxOf();
    expect(countsOnline('main', locations, false)).toBe(true);
    expect(countsOnline('store-a', locations, false)).toBe(false);
    expect(countsOnline('store-a', locations, true)).toBe(true);
    expect(countsOnline('store-b', locations, true)).toBe(false);
    expect(countsOnline('unregistered', locations, false)).toBe(true);
  });
  it('change online availability accordingly', () => {
    const product = productOf([variant('a', { main: 0, 'store-a': 4, 'store-b': 9 })]);
    expect(summarize(product, ctxOf({ shipFromStore: false })).state).toBe('out_of_stock');
    expect(summarize(product, ctxOf({ shipFromStore: true })).sellableUnits).toBe(4);
  });
});

describe('variant matrix', () => {
  it('lists sizes then colours in natural order, with missing combinations', () => {
    const product = productOf([
      variant('l-red', { main: 5 }, { attributes: { color: 'red', size: 'L' } }),
      variant('s-red', { main: 0 }, { attributes: { color: 'red', size: 'S' } }),
      variant('s-blue', { main: 5 }, { attributes: { color: 'blue', size: 'S' } }),
    ]);
    const summary = summarize(product, ctxOf());
    expect(summary.variants.map((v) => v.sku)).toEqual(['s-blue', 's-red', 'l-red']);
    const m = variantMatrix(summary.variants);
    expect(m.axes).toEqual([
      { name: 'size', values: [{ value: 'S', available: true }, { value: 'L', available: true }] },
      { name: 'color', values: [{ value: 'blue', available: true }, { value: 'red', available: true }] },
    ]);
    expect(m.cells).toEqual([
      { attributes: { size: 'S', color: 'blue' }, sku: 's-blue', state: 'in_stock', available: true },
      { attributes: { size: 'S', color: 'red' }, sku: 's-red', state: 'out_of_stock', available: false },
      { attributes: { size: 'L', color: 'blue' }, sku: null, state: null, available: false },
      { attributes: { size: 'L', color: 'red' }, sku: 'l-red', state: 'in_stock', available: true },
    ]);
  });
  it('has no axes for a product without attributes', () => {
    expect(variantMatrix(summarize(productOf([variant('a', {})]), ctxOf()).variants)).toEqual({ axes: [], cells: [] });
  });
});
