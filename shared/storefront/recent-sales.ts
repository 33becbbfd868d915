import type { Product } from '../inventory/model.js';

/**
 * Recent sales for the "selling fast" badge. The order webhook keeps units sold per UTC day
 * on each variant of the product item (`variants[sku].recentSales`, 14 days), so a listing
 * of 100 products reads them in the same single BatchGetItem as the stock.
 */
export const WINDOW_DAYS = 7;

const DAY_MS = 86_400_000;

/** The days of the window ending today (UTC, YYYY-MM-DD), today first. */
export function windowDays(today: Date, days = WINDOW_DAYS): string[] {
  const base = Date.parse(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(base - i * DAY_MS).toISOString().slice(0, 10));
}

/** Units of any variant sold over the window (net of same-day corrections, never negative). */
export function unitsInWindow(product: Pick<Product, 'variants'>, today: Date, days = WINDOW_DAYS): number {
  const window = new Set(windowDays(today, days));
  let units = 0;
  for (const v of Object.values(product.variants)) for (const [day, n] of Object.entries(v.recentSales ?? {})) if (window.has(day)) units += n;
  return Math.max(0, units);
}
