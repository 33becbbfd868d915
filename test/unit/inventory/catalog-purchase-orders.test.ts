import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, recordDelivery, restockOutlook, type SupplierStats } from '../../../shared/inventory/purchase-orders.js';

const po = (status: 'open' | 'received' | 'cancelled', expectedDate: string, lines: [string, number][]) => ({
  status,
  expectedDate,
  lines: lines.map(([sku, quantity]) => ({ sku, quantity, locationId: 'main' })),
});

describe('restock outlook (ETA and incoming units of a SKU)', () => {
  it('is the earliest expected date among open POs bringing the SKU, and their units summed', () => {
    const orders = [po('open', '2026-12-20', [['A', 5], ['B', 1]]), po('open', '2026-12-10', [['A', 3]]), po('open', '2026-12-01', [['B', 7]])];
    expect(restockOutlook(orders, 'A')).toEqual({ eta: '2026-12-10', incoming: 8 });
    expect(restockOutlook(orders, 'B')).toEqual({ eta: '2026-12-01', incoming: 8 });
  });

  it('ignores received and cancelled POs, and POs without the SKU', () => {
    const orders = [po('received', '2026-11-01', [['A', 9]]), po('cancelled', '2026-11-02', [['A', 9]]), po('open', '2026-12-24', [['B', 2]])];
    expect(restockOutlook(orders, 'A')).toEqual({ eta: null, incoming: 0 });
  });

  it('adds the same SKU delivered to two locations on one PO', () => {
    const order = { status: 'open' as const, expectedDate: '2026-12-05', lines: [{ sku: 'A', quantity: 2, locationId: 'main' }, { sku: 'A', quantity: 3, locationId: 'store-1' }] };
    expect(restockOutlook([order], 'A')).toEqual({ eta: '2026-12-05', incoming: 5 });
  });

  it('never depends on the order of the POs', () => {
    const date = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const order = fc.record({ status: fc.constantFrom('open' as const, 'received' as const, 'cancelled' as const), expectedDate: date, lines: fc.array(fc.record({ sku: fc.constantFrom('A', 'B'), quantity: fc.integer({ min: 1, max: 50 }), locationId: fc.constant('main') }), { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 8 }), (orders) => {
        const out = restockOutlook(orders, 'A');
        expect(restockOutlook([...orders].reverse(), 'A')).toEqual(out);
        const open = orders.filter((o) => o.status === 'open' && o.lines.some((l) => l.sku === 'A'));
        expect(out.eta).toBe(open.length ? open.map((o) => o.expectedDate).sort()[0] : null);
      }),
    );
  });
});

describe('supplier statistics from received POs', () => {
  const fresh: SupplierStats = { receivedOrders: 0, leadTimeDays: 14 };

  it('replaces the configured lead time with the first measurement', () => {
    expect(recordDelivery(fresh, { leadTimeDays: 9, onTime: true })).toEqual({ receivedOrders: 1, leadTimeDays: 9, leadTimeStdDays: 0, onTimeRate: 1 });
  });

  it('keeps the running mean, population standard deviation and on-time share', () => {
    const samples = [10, 12, 8, 20, 15];
    const onTime = [true, true, false, false, true];
    let stats = fresh;
    samples.forEach((x, i) => (stats = recordDelivery(stats, { leadTimeDays: x, onTime: onTime[i]! })));
    const mean = samples.reduce((a, b) => a + b) / samples.length;
    const std = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length);
    expect(stats.receivedOrders).toBe(5);
    expect(stats.leadTimeDays).toBeCloseTo(mean, 3);
    expect(stats.leadTimeStdDays).toBeCloseTo(std, 3);
    expect(stats.onTimeRate).toBeCloseTo(3 / 5, 3);
  });

  it('matches the batch formulas for any sequence of deliveries', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.boolean()), { minLength: 1, maxLength: 40 }), (deliveries) => {
        let stats = fresh;
        for (const [x, ok] of deliveries) stats = recordDelivery(stats, { leadTimeDays: x, onTime: ok });
        const xs = deliveries.map(([x]) => x);
        const mean = xs.reduce((a, b) => a + b) / xs.length;
        const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
        expect(stats.receivedOrders).toBe(xs.length);
        expect(Math.abs(stats.leadTimeDays - mean)).toBeLessThan(0.01);
        expect(Math.abs((stats.leadTimeStdDays ?? 0) - std)).toBeLessThan(0.01);
        expect(Math.abs((stats.onTimeRate ?? 0) - deliveries.filter(([, ok]) => ok).length / xs.length)).toBeLessThan(0.001);
      }),
    );
  });
});

describe('lead time in days', () => {
  it('counts UTC calendar days from the order (a datetime) to the receipt (a date)', () => {
    expect(daysBetween('2026-11-01T23:59:00.000Z', '2026-11-11')).toBe(10);
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // a DST weekend in Europe changes nothing
    expect(daysBetween('2026-11-05', '2026-11-05')).toBe(0);
  });
});
