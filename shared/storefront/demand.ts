import * as z from 'zod';
import { tenantKey } from '../data/entity.js';
import { idSchema, skuSchema } from '../inventory/model.js';

/**
 * Demand capture: what shoppers wanted and could not have. Each signal is one atomic ADD on
 * a counter item per tenant, day and subject (a SKU, else a product, else a search query),
 * so a call costs one write whatever the traffic, and forecasting and waitlist demand read a
 * day as one partition. Nothing identifies a shopper: no e-mail, IP or shopper id is kept,
 * and search text is scrubbed of anything that looks like contact details.
 */
export const demandSignalTypes = ['oos_view', 'search_no_results', 'search_sold_out', 'cart_attempt_unavailable'] as const;
export type DemandSignalType = (typeof demandSignalTypes)[number];

/** Days a day's counters are kept: a year of seasonality plus a margin. */
export const DEMAND_TTL_DAYS = 400;
/** Longest range one report request may read (one partition per day). */
export const MAX_REPORT_DAYS = 92;

export const signalSchema = z
  .object({
    /** `product_view` only feeds the shopper's recent interests (personalised alternatives). */
    type: z.enum([...demandSignalTypes, 'product_view']),
    productId: idSchema.optional(),
    sku: skuSchema.optional(),
    query: z.string().max(200).optional(),
    category: z.string().min(1).max(120).optional(),
    /** An opaque id the storefront gives its visitor; only its hash is stored. */
    shopperId: z.string().min(8).max(128).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.type === 'product_view') {
      if (!s.shopperId) ctx.addIssue({ code: 'custom', path: ['shopperId'], message: 'required for product_view' });
      if (!s.category && !s.productId) ctx.addIssue({ code: 'custom', path: ['category'], message: 'category or productId required for product_view' });
      return;
    }
    if (s.type.startsWith('search_') && !s.query && !s.productId && !s.sku) ctx.addIssue({ code: 'custom', path: ['query'], message: 'a search signal needs the query (or the sold-out product)' });
    if (!s.type.startsWith('search_') && !s.productId && !s.sku) ctx.addIssue({ code: 'custom', path: ['productId'], message: 'productId or sku required' });
  });
export type Signal = z.infer<typeof signalSchema>;

const EMAIL = /[^\s@]+@[^\s@]+/g;
// Runs of 6+ digits (with spaces, dots, dashes or a leading +): phone numbers, card numbers, ids.
const LONG_NUMBER = /\+?\d[\d\s().-]{4,}\d/g;
const MAX_QUERY = 80;

/**
 * A search query as demand: normalized (case, accents kept, spacing) and stripped of e-mail
 * addresses and long numbers. Returns undefined when nothing useful remains.
 */
export function scrubQuery(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const q = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(EMAIL, ' ')
    .replace(LONG_NUMBER, ' ')
    .replace(/[\u0000-\u001f#@]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY)
    .trim();
  return q.length >= 2 ? q : undefined;
}

export interface DemandSubject {
  kind: 'sku' | 'product' | 'query';
  /** Sort key of the day's counter item. */
  sk: string;
  sku?: string;
  productId?: string;
  query?: string;
}

/** The most precise subject a signal names: a SKU, else a product, else the search text. */
export function subjectOf(s: Pick<Signal, 'sku' | 'productId' | 'query'>): DemandSubject | undefined {
  if (s.sku) return { kind: 'sku', sk: `SKU#${s.sku}`, sku: s.sku, ...(s.productId ? { productId: s.productId } : {}) };
  if (s.productId) return { kind: 'product', sk: `PRODUCT#${s.productId}`, productId: s.productId };
  const query = scrubQuery(s.query);
  if (query) return { kind: 'query', sk: `QUERY#${query}`, query };
  return undefined;
}

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export function demandKey(tenantId: string, day: string, subjectSk: string) {
  return { pk: tenantKey(tenantId, 'DEMAND', day), sk: subjectSk };
}
export const demandDayPk = (tenantId: string, day: string) => tenantKey(tenantId, 'DEMAND', day);

export function demandExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + DEMAND_TTL_DAYS * 86_400;
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Signals of one subject: per signal type (only those seen) and in total. */
const subjectCounts = () => ({
  kind: z.enum(['sku', 'product', 'query']),
  sku: z.string().optional(),
  productId: z.string().optional(),
  query: z.string().optional().meta({ description: 'The search text, normalized and scrubbed of contact details.' }),
  counts: z.partialRecord(z.enum(demandSignalTypes), z.number().int().positive()),
  total: z.number().int().positive(),
});
export const demandTotalSchema = z.lazy(() =>
  z.object(subjectCounts()).meta({ id: 'DemandTotal' }),
);
export const demandRowSchema = z.lazy(() =>
  z.object({ day: z.iso.date(), ...subjectCounts() }).meta({ id: 'DemandRow' }),
);
export type DemandRow = z.infer<typeof demandRowSchema>;

/** A stored counter item as a report row (ignores anything that is not a counter). */
export function rowOf(item: Record<string, unknown>): DemandRow {
  const counts: Partial<Record<DemandSignalType, number>> = {};
  let total = 0;
  for (const t of demandSignalTypes) {
    const n = item[t];
    if (typeof n === 'number' && n > 0) {
      counts[t] = n;
      total += n;
    }
  }
  return {
    day: String(item.day),
    kind: item.kind as DemandRow['kind'],
    ...(item.sku ? { sku: String(item.sku) } : {}),
    ...(item.productId ? { productId: String(item.productId) } : {}),
    ...(item.query ? { query: String(item.query) } : {}),
    counts,
    total,
  };
}

/** Totals per subject over the whole range, largest first. */
export function totalsOf(rows: DemandRow[]): Omit<DemandRow, 'day'>[] {
  const by = new Map<string, Omit<DemandRow, 'day'>>();
  for (const r of rows) {
    const key = `${r.kind}\u0000${r.sku ?? r.productId ?? r.query}`;
    const acc = by.get(key) ?? { kind: r.kind, ...(r.sku ? { sku: r.sku } : {}), ...(r.productId ? { productId: r.productId } : {}), ...(r.query ? { query: r.query } : {}), counts: {}, total: 0 };
    for (const [t, n] of Object.entries(r.counts) as [DemandSignalType, number][]) acc.counts[t] = (acc.counts[t] ?? 0) + n;
    acc.total += r.total;
    by.set(key, acc);
  }
  return [...by.values()].sort((a, b) => b.total - a.total);
}
