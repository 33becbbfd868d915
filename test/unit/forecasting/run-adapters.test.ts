import { describe, expect, it } from 'vitest';
import { partitionProducts } from '../../../shared/forecast-run/run.js';
import {
  addDays,
  arrivalsFor,
  censoredDays,
  dailyUnits,
  firstSaleIndex,
  monthsBetween,
  stockPosition,
  supplierFor,
  urgencyKey,
  type PurchaseOrderLike,
} from '../../../shared/forecast-run/series.js';
import { DEFAULT_WAITLIST_CONVERSION, waitlistFromSummary } from '../../../shared/forecast-run/signals.js';

describe('sales month items → daily series', () => {
  it('lists the months a range touches, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });

  it('places u01..u31 on their days, zero where nothing was sold, clipped to the window', () => {
    const items = [
      { sk: 'M#2026-01', u30: 4, u31: 5, r31: 999, x31: 1 },
      { sk: 'M#2026-02', u01: 2, u28: 7 },
      // Outside the window: ignored.
      { sk: 'M#2025-12', u31: 100 },
      // Not a month item: ignored.
      { sk: 'SOMETHING', u01: 50 },
    ];
    const y = dailyUnits(items, '2026-01-30', '2026-03-02');
    expect(y.length).toBe(32); // Jan 30, 31, 28 days of February, Mar 1, 2
    expect(y[0]).toBe(4);
    expect(y[1]).toBe(5); // units only: revenue and returns are not demand
    expect(y[2]).toBe(2); // Feb 1
    expect(y[29]).toBe(7); // Feb 28
    expect(y[30]).toBe(0); // Mar 1: no item for March
    expect(Array.from(y).reduce((a, b) => a + b, 0)).toBe(18);
    expect(firstSaleIndex(y)).toBe(0);
    expect(firstSaleIndex(new Float64Array(3))).toBe(-1);
  });

  it('does not invent a 31st day in a 30-day month', () => {
    const y = dailyUnits([{ sk: 'M#2026-04', u30: 3, u31: 9 }], '2026-04-29', '2026-05-01');
    expect(Array.from(y)).toEqual([0, 3, 0]);
  });
});

describe('stock history → censored days', () => {
  const window = { from: '2026-03-01', to: '2026-03-10' };

  it('censors the days a SKU was out of stock for most of the day, not a short dip', () => {
    const records = [
      { at: '2026-03-03T20:00:00.000Z', from: 'in_stock', to: 'out_of_stock' }, // 4 h of Mar 3
      { at: '2026-03-06T06:00:00.000Z', from: 'out_of_stock', to: 'in_stock' }, // 6 h of Mar 6
      { at: '2026-03-08T10:00:00.000Z', from: 'in_stock', to: 'out_of_stock' }, // 2 h of Mar 8
      { at: '2026-03-08T12:00:00.000Z', from: 'out_of_stock', to: 'low_stock' },
    ];
    const mask = censoredDays(records, window);
    expect(mask).toEqual([false, false, false, true, true, false, false, false, false, false]);
  });

  it('censors more than half a day, and preorder or backorder count as unavailable', () => {
    const records = [
      { at: '2026-03-02T08:00:00.000Z', from: 'in_stock', to: 'preorder' }, // 16 h of Mar 2
      { at: '2026-03-04T00:00:00.000Z', from: 'preorder', to: 'backorder' },
      { at: '2026-03-05T00:00:00.000Z', from: 'backorder', to: 'in_stock' },
    ];
    expect(censoredDays(records, window).slice(0, 5)).toEqual([false, true, true, true, false]);
  });

  it('takes the state before the first record from its `from`, in any record order', () => {
    const records = [
      { at: '2026-03-09T00:00:00.000Z', from: 'in_stock', to: 'out_of_stock' },
      { at: '2026-03-04T00:00:00.000Z', from: 'out_of_stock', to: 'in_stock' },
    ];
    expect(censoredDays(records, window)).toEqual([true, true, true, false, false, false, false, false, true, true]);
  });

  it('uses the current state when nothing was recorded in the window', () => {
    expect(censoredDays([], { ...window, currentState: 'out_of_stock' }).every(Boolean)).toBe(true);
    expect(censoredDays([], { ...window, currentState: 'in_stock' }).some(Boolean)).toBe(false);
  });

  it('treats imported history from before the SKU existed as observed demand', () => {
    // Created on Mar 6 with no stock; stocked on Mar 8. Before creation nothing is censored.
    const records = [{ at: '2026-03-08T00:00:00.000Z', from: 'out_of_stock', to: 'in_stock' }];
    const mask = censoredDays(records, { ...window, createdAt: '2026-03-06T00:00:00.000Z' });
    expect(mask).toEqual([false, false, false, false, false, true, true, false, false, false]);
  });
});

describe('purchase orders, suppliers and stock', () => {
  const po = (poId: string, status: string, orderedAt: string, expectedDate: string, lines: { sku: string; quantity: number }[], supplierId?: string): PurchaseOrderLike => ({
    poId,
    status,
    orderedAt,
    expectedDate,
    lines,
    supplierId,
  });

  it('sums open purchase orders of the SKU by expected date, earliest first', () => {
    const orders = [
      po('a', 'open', '2026-03-01T00:00:00Z', '2026-03-20', [{ sku: 'X', quantity: 10 }, { sku: 'Y', quantity: 99 }]),
      po('b', 'open', '2026-03-02T00:00:00Z', '2026-03-12', [{ sku: 'X', quantity: 5 }]),
      po('c', 'open', '2026-03-03T00:00:00Z', '2026-03-20', [{ sku: 'X', quantity: 1 }]),
      po('d', 'received', '2026-02-01T00:00:00Z', '2026-03-01', [{ sku: 'X', quantity: 500 }]),
    ];
    expect(arrivalsFor(orders, 'X')).toEqual([
      { arrivalDate: '2026-03-12', quantity: 5 },
      { arrivalDate: '2026-03-20', quantity: 11 },
    ]);
    expect(arrivalsFor(orders, 'Z')).toEqual([]);
  });

  it('buys from the supplier of the most recent PO, else the remembered one, else the product’s, else none', () => {
    const orders = [
      po('old', 'open', '2026-01-01T00:00:00Z', '2026-03-20', [{ sku: 'X', quantity: 1 }], 'acme'),
      po('new', 'open', '2026-02-01T00:00:00Z', '2026-03-20', [{ sku: 'X', quantity: 1 }], 'bolt'),
      po('other', 'open', '2026-02-15T00:00:00Z', '2026-03-20', [{ sku: 'Y', quantity: 1 }], 'crux'),
    ];
    expect(supplierFor({ orders, sku: 'X', productSupplierId: 'dyn' })).toEqual({ supplierId: 'bolt', source: 'purchase-order' });
    expect(supplierFor({ orders: [], sku: 'X', previous: { supplierId: 'acme', supplierSource: 'purchase-order' }, productSupplierId: 'dyn' })).toEqual({
      supplierId: 'acme',
      source: 'previous-purchase-order',
    });
    // A supplier remembered from the product attribute does not outrank a changed attribute.
    expect(supplierFor({ orders: [], sku: 'X', previous: { supplierId: 'acme', supplierSource: 'product' }, productSupplierId: 'dyn' })).toEqual({ supplierId: 'dyn', source: 'product' });
    expect(supplierFor({ orders: [], sku: 'X' })).toEqual({ supplierId: null, source: 'tenant-default' });
  });

  it('sells on-hand stock of every location minus held units; a shortfall is a backlog', () => {
    expect(stockPosition({ onHand: { main: 10, 'store-1': 4, broken: -2 }, reserved: 3, allocated: 1 })).toEqual({ onHand: 10, backlog: 0 });
    expect(stockPosition({ onHand: { main: 2 }, reserved: 0, allocated: 5 })).toEqual({ onHand: 0, backlog: 3 });
  });
});

describe('partitions, urgency and waitlists', () => {
  it('cuts products into contiguous partitions of at most the target SKUs', () => {
    const products = Array.from({ length: 10 }, (_, i) => ({ productId: `p${i}`, skus: 3 }));
    const parts = partitionProducts(products, 7);
    expect(parts.map((p) => [p.first, p.last, p.skus])).toEqual([
      ['p0', 'p1', 6],
      ['p2', 'p3', 6],
      ['p4', 'p5', 6],
      ['p6', 'p7', 6],
      ['p8', 'p9', 6],
    ]);
    expect(parts.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
    expect(partitionProducts([{ productId: 'big', skus: 12 }, { productId: 'none', skus: 0 }, { productId: 'small', skus: 1 }], 7).map((p) => p.skus)).toEqual([12, 1]);
  });

  it('grows partitions instead of exceeding the partition cap', () => {
    const products = Array.from({ length: 100 }, (_, i) => ({ productId: `p${String(i).padStart(3, '0')}`, skus: 10 }));
    const parts = partitionProducts(products, 20, 10);
    expect(parts.length).toBeLessThanOrEqual(10);
    expect(parts.reduce((s, p) => s + p.skus, 0)).toBe(1000);
  });

  it('orders suggestions by days to stockout, then by how far below the reorder point', () => {
    const keys = [
      urgencyKey({ sku: 'late', daysUntilStockout: 30, inventoryPosition: 1, reorderPoint: 100 }),
      urgencyKey({ sku: 'none', daysUntilStockout: null, inventoryPosition: 1, reorderPoint: 100 }),
      urgencyKey({ sku: 'soon-covered', daysUntilStockout: 3, inventoryPosition: 90, reorderPoint: 100 }),
      urgencyKey({ sku: 'soon-bare', daysUntilStockout: 3, inventoryPosition: 10, reorderPoint: 100 }),
    ].sort();
    expect(keys.map((k) => k.split('#')[2])).toEqual(['soon-bare', 'soon-covered', 'late', 'none']);
  });

  it('reads a waitlist summary with an observed, stated or default conversion', () => {
    expect(waitlistFromSummary(undefined)).toBeUndefined();
    expect(waitlistFromSummary({ active: 0 })).toBeUndefined();
    expect(waitlistFromSummary({ waiting: 40, conversionRate: 0.3 })).toEqual({ waiting: 40, conversionRate: 0.3, source: 'summary' });
    expect(waitlistFromSummary({ waiting: 40, notified: 50, converted: 10 })).toEqual({ waiting: 40, conversionRate: 0.2, source: 'observed' });
    expect(waitlistFromSummary({ waiting: 40, notified: 5, converted: 5 })).toEqual({ waiting: 40, conversionRate: DEFAULT_WAITLIST_CONVERSION, source: 'default-conversion' });
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
