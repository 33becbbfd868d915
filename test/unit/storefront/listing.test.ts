import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AvailabilityState } from '../../../shared/inventory/model.js';
import { buildListing, facetCounts, isSellingFast, sortListing } from '../../../shared/storefront/listing.js';
import { summarize } from '../../../shared/storefront/view.js';
import { ctxOf, productArb } from './arbitraries.js';

const RUNS = Number(process.env.STOREFRONT_FC_RUNS ?? 500);
const states: AvailabilityState[] = ['in_stock', 'low_stock', 'out_of_stock', 'preorder', 'backorder'];
const rank = (s: AvailabilityState) => (s === 'in_stock' || s === 'low_stock' ? 0 : s === 'out_of_stock' ? 2 : 1);

describe('selling fast', () => {
  it('needs real sales: days of cover below the threshold and a minimum pace', () => {
    expect(isSellingFast(10, 14)).toBe(true); // 5 days of cover
    expect(isSellingFast(14, 14)).toBe(false); // exactly 7 days: not below
    expect(isSellingFast(50, 7)).toBe(false);
    expect(isSellingFast(1, 4)).toBe(false); // under 5 units a week is no trend
    expect(isSellingFast(10, undefined)).toBe(false); // no figures, no badge
    expect(isSellingFast(0, 100)).toBe(false); // sold out is not "selling fast"
    expect(isSellingFast(10, 14, { coverDays: 3, minUnits7d: 1 })).toBe(false);
  });
  it('is never claimed without real sales at a real pace (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 1000 }), fc.integer({ min: 0, max: 4 }), (units, sold) => {
        expect(isSellingFast(units, undefined)).toBe(false);
        expect(isSellingFast(units, sold)).toBe(false); // under the minimum pace
      }),
      { numRuns: RUNS },
    );
  });
});

describe('listing order (property)', () => {
  it('puts what can be bought now first and out-of-stock last, keeping the merchant’s order within each group', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...states), { maxLength: 60 }), (list) => {
        const items = list.map((state, i) => ({ state, i }));
        const sorted = sortListing(items);
        expect(sorted).toHaveLength(items.length);
        for (let k = 1; k < sorted.length; k++) {
          const a = sorted[k - 1]!;
          const b = sorted[k]!;
          expect(rank(a.state)).toBeLessThanOrEqual(rank(b.state));
          if (rank(a.state) === rank(b.state)) expect(a.i).toBeLessThan(b.i);
        }
        const firstOut = sorted.findIndex((x) => x.state === 'out_of_stock');
        if (firstOut >= 0) expect(sorted.slice(firstOut).every((x) => x.state === 'out_of_stock')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('facets (property)', () => {
  it('never count a value no listed product can sell now, and count each product once per value', () => {
    fc.assert(
      fc.property(fc.array(productArb(), { maxLength: 8 }), fc.boolean(), (products, shipFromStore) => {
        const ctx = ctxOf({ shipFromStore });
        const summaries = products.map((p) => summarize(p, ctx));
        const facets = facetCounts(summaries);
        for (const [name, values] of Object.entries(facets)) {
          for (const { value, count } of values) {
            const expected = summaries.filter((s) => s.variants.some((v) => v.available && v.attributes[name] === value)).length;
            expect(count).toBe(expected);
            expect(count).toBeGreaterThan(0);
          }
        }
        // And every value some product can sell is there.
        for (const s of summaries)
          for (const v of s.variants.filter((x) => x.available))
            for (const [name, value] of Object.entries(v.attributes)) expect(facets[name]?.some((f) => f.value === value)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('can be limited to some attributes', () => {
    const ctx = ctxOf();
    const listing = buildListing(
      [{ product: { tenantId: 't', productId: 'a', title: 'A', currency: 'EUR', attributes: {}, tags: [], related: [], status: 'active', settings: {}, variants: { a1: { sku: 'a1', attributes: { size: 'M', color: 'red' }, onHand: { main: 9 }, reserved: 0, allocated: 0, incoming: 0, state: 'in_stock', transitionSeq: 0, recentSales: {} } }, createdAt: '', updatedAt: '' } }],
      ctx,
      { coverDays: 7, minUnits7d: 5 },
      { facets: new Set(['size']) },
    );
    expect(listing.facets).toEqual({ size: [{ value: 'M', count: 1 }] });
  });
});
