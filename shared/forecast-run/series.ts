/**
 * Pure adapters from stored inventory data to the forecasting model's inputs: sales month
 * items → a daily series, stock history → a censored-day mask, purchase orders → arrivals,
 * and the supplier a SKU is bought from. No I/O: the partition step reads, these shape.
 */
import type { PurchaseOrderArrival } from '../forecasting/index.js';

const DAY_MS = 86_400_000;

/** Days since the epoch of an ISO date or date-time (UTC). */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoDay(dayNumber(iso) + days);
}

/** The `YYYY-MM` months touched by the days from..to (inclusive), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** A sales month item as the order webhook writes it: sk `M#YYYY-MM`, units `u01..u31`. */
export interface SalesMonthItem {
  sk: string;
  [attribute: string]: unknown;
}

/**
 * Units sold per day from `from` to `to` (inclusive), from the SKU's month items. Days
 * without a counter are zero sales; a missing month is a month without sales.
 */
export function dailyUnits(items: readonly SalesMonthItem[], from: string, to: string): Float64Array {
  const start = dayNumber(from);
  const n = dayNumber(to) - start + 1;
  const out = new Float64Array(Math.max(0, n));
  for (const item of items) {
    const month = /^M#(\d{4})-(\d{2})$/.exec(item.sk);
    if (!month) continue;
    const y = Number(month[1]);
    const m = Number(month[2]);
    const first = Date.UTC(y, m - 1, 1) / DAY_MS;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let d = 1; d <= days; d++) {
      const i = first + d - 1 - start;
      if (i < 0 || i >= n) continue;
      const v = item[`u${String(d).padStart(2, '0')}`];
      if (typeof v === 'number' && Number.isFinite(v)) out[i] = v;
    }
  }
  return out;
}

/** Index of the first day with a sale, or -1. */
export function firstSaleIndex(units: ArrayLike<number>): number {
  for (let i = 0; i < units.length; i++) if (units[i]! > 0) return i;
  return -1;
}

export type StockState = 'in_stock' | 'low_stock' | 'out_of_stock' | 'preorder' | 'backorder';

/** States in which shoppers cannot buy from stock: sales those days are not demand. */
export const UNAVAILABLE: ReadonlySet<string> = new Set(['out_of_stock', 'preorder', 'backorder']);

export interface StockHistoryRecord {
  at: string;
  from: string;
  to: string;
}

export interface CensorOptions {
  /** First and last day of the series (inclusive). */
  from: string;
  to: string;
  /**
   * When the SKU was created. Before it, only recorded transitions are trusted: imported
   * sales history from before the SKU existed here is observed demand, not a stockout.
   */
  createdAt?: string;
  /** The SKU's state now: its state over the whole window when nothing was recorded. */
  currentState?: string;
  /** A day is censored when unavailable for more than this share of it (default ½). */
  threshold?: number;
}

/**
 * Censored-day mask from the stock history: true on days the SKU was out of stock, on
 * preorder or on backorder for most of the day (UTC). Records are the SKU's transitions
 * (any order); the state between two records is the earlier one's `to`; before the first
 * record it is that record's `from` (from the SKU's creation on).
 */
export function censoredDays(records: readonly StockHistoryRecord[], opts: CensorOptions): boolean[] {
  const start = dayNumber(opts.from) * DAY_MS;
  const n = dayNumber(opts.to) - dayNumber(opts.from) + 1;
  const end = start + n * DAY_MS;
  const unavailableMs = new Float64Array(Math.max(0, n));
  const sorted = [...records].filter((r) => Number.isFinite(Date.parse(r.at))).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const created = opts.createdAt ? Date.parse(opts.createdAt) : -Infinity;

  const mark = (from: number, to: number) => {
    let a = Math.max(from, start);
    const b = Math.min(to, end);
    while (a < b) {
      const i = Math.floor((a - start) / DAY_MS);
      const dayEnd = start + (i + 1) * DAY_MS;
      const stop = Math.min(b, dayEnd);
      unavailableMs[i] = unavailableMs[i]! + (stop - a);
      a = stop;
    }
  };

  const initial = sorted[0]?.from ?? opts.currentState;
  const firstAt = sorted.length ? Date.parse(sorted[0]!.at) : end;
  if (initial !== undefined && UNAVAILABLE.has(initial)) mark(Number.isFinite(created) ? created : start, firstAt);
  for (let k = 0; k < sorted.length; k++) {
    const r = sorted[k]!;
    const until = k + 1 < sorted.length ? Date.parse(sorted[k + 1]!.at) : end;
    if (UNAVAILABLE.has(r.to)) mark(Date.parse(r.at), until);
  }
  const limit = (opts.threshold ?? 0.5) * DAY_MS;
  return Array.from(unavailableMs, (ms) => ms > limit);
}

export interface PurchaseOrderLike {
  poId: string;
  supplierId?: string;
  status: string;
  orderedAt: string;
  expectedDate: string;
  lines: readonly { sku: string; quantity: number }[];
}

/** Units of a SKU on its open purchase orders, by expected date. */
export function arrivalsFor(orders: readonly PurchaseOrderLike[], sku: string): PurchaseOrderArrival[] {
  const byDate = new Map<string, number>();
  for (const po of orders) {
    if (po.status !== 'open') continue;
    const units = po.lines.reduce((s, l) => (l.sku === sku ? s + l.quantity : s), 0);
    if (units > 0) byDate.set(po.expectedDate, (byDate.get(po.expectedDate) ?? 0) + units);
  }
  return [...byDate].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([arrivalDate, quantity]) => ({ arrivalDate, quantity }));
}

export type SupplierSource = 'purchase-order' | 'previous-purchase-order' | 'product' | 'tenant-default';

/**
 * Which supplier a SKU is bought from: the supplier of its most recent purchase order; else
 * the one remembered from a purchase order on an earlier run (orders leave the index once
 * received); else the product's `supplierId` attribute; else none (tenant defaults apply).
 */
export function supplierFor(input: {
  orders: readonly PurchaseOrderLike[];
  sku: string;
  previous?: { supplierId?: string | null; supplierSource?: string | null };
  productSupplierId?: string;
}): { supplierId: string | null; source: SupplierSource } {
  let latest: PurchaseOrderLike | undefined;
  for (const po of input.orders) {
    if (!po.supplierId || !po.lines.some((l) => l.sku === input.sku)) continue;
    if (!latest || po.orderedAt > latest.orderedAt) latest = po;
  }
  if (latest?.supplierId) return { supplierId: latest.supplierId, source: 'purchase-order' };
  const prev = input.previous;
  if (prev?.supplierId && (prev.supplierSource === 'purchase-order' || prev.supplierSource === 'previous-purchase-order')) {
    return { supplierId: prev.supplierId, source: 'previous-purchase-order' };
  }
  if (input.productSupplierId) return { supplierId: input.productSupplierId, source: 'product' };
  return { supplierId: null, source: 'tenant-default' };
}

/**
 * Stock the forecast can sell: on hand at every location minus units held for claims and
 * allocated to preorders/backorders. A negative balance is a backlog to serve first.
 */
export function stockPosition(v: { onHand: Record<string, number>; reserved?: number; allocated?: number }): { onHand: number; backlog: number } {
  let units = 0;
  for (const q of Object.values(v.onHand)) units += Math.max(0, q);
  const net = units - (v.reserved ?? 0) - (v.allocated ?? 0);
  return { onHand: Math.max(0, net), backlog: Math.max(0, -net) };
}

/** Mean of the observed (uncensored) values of the last `days` of a series; NaN when none. */
export function recentObservedMean(units: ArrayLike<number>, censored: ArrayLike<boolean> | undefined, days: number): number {
  let s = 0;
  let c = 0;
  for (let i = Math.max(0, units.length - days); i < units.length; i++) {
    if (censored?.[i]) continue;
    s += units[i]!;
    c++;
  }
  return c ? s / c : NaN;
}

/**
 * Sort key of a reorder suggestion, most urgent first: days until the stockout (none =
 * last), then how far the inventory position is below the reorder point, then the SKU.
 */
export function urgencyKey(s: { daysUntilStockout: number | null; inventoryPosition: number; reorderPoint: number; sku: string }): string {
  const days = Math.min(9999, Math.max(0, s.daysUntilStockout ?? 9999));
  const cover = s.reorderPoint > 0 ? Math.min(999_999, Math.max(0, Math.round((s.inventoryPosition / s.reorderPoint) * 1000))) : 999_999;
  return `${String(days).padStart(4, '0')}#${String(cover).padStart(6, '0')}#${s.sku}`;
}
