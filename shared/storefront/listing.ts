import * as z from 'zod';
import type { AvailabilityState, Product } from '../inventory/model.js';
import type { Translator } from './messages.js';
import { compareAxes, compareValues } from './ordering.js';
import { availabilityStateSchema, etaSchema, summarize, unitsLeftSchema as unitsLeft, type ProductSummary, type ViewContext } from './view.js';

/**
 * Category and search pages: many products at once, with badges, an order that puts what
 * cannot be bought last, and facet counts that only count what can be bought.
 */

export const badgeCodes = ['sold_out', 'selling_fast', 'low_stock', 'preorder', 'backorder'] as const;
export type Badge = (typeof badgeCodes)[number];

export interface SellingFastRule {
  /** "Selling fast" when the stock left covers fewer days than this at the recent pace… */
  coverDays: number;
  /** …and at least this many units sold over the last 7 days (one sale is not a trend). */
  minUnits7d: number;
}
export const DEFAULT_SELLING_FAST: SellingFastRule = { coverDays: 7, minUnits7d: 5 };

/**
 * Days of cover = sellable units / average daily units sold over the last 7 days. Without
 * real sales figures there is no badge: "selling fast" is never invented.
 */
export function isSellingFast(sellableUnits: number, units7d: number | undefined, rule: SellingFastRule = DEFAULT_SELLING_FAST): boolean {
  if (units7d === undefined || !Number.isFinite(units7d) || sellableUnits <= 0 || units7d < Math.max(1, rule.minUnits7d)) return false;
  const daysOfCover = sellableUnits / (units7d / 7);
  return daysOfCover < rule.coverDays;
}

export const listingItemSchema = z.lazy(() =>
  z
  .object({
    productId: z.string(),
    title: z.string(),
    category: z.string().optional(),
    brand: z.string().optional(),
    price: z.number().int().nonnegative().optional(),
    currency: z.string(),
    url: z.string().optional(),
    imageUrl: z.string().optional(),
    state: availabilityStateSchema,
    available: z.boolean(),
    unitsLeft,
    label: z.string(),
    badges: z.array(z.object({ code: z.enum(badgeCodes), label: z.string() })),
    eta: etaSchema.optional(),
    /** With `variants=1` only. */
    variants: z.array(z.object({ sku: z.string(), attributes: z.record(z.string(), z.string()), state: availabilityStateSchema, available: z.boolean(), unitsLeft, label: z.string() })).optional(),
  })
  .meta({ id: 'ListingItem' }),
);
export type ListingItem = z.infer<typeof listingItemSchema>;

export function badgesOf(summary: Pick<ProductSummary, 'state' | 'available' | 'unitsLeft' | 'label' | 'sellableUnits'>, units7d: number | undefined, rule: SellingFastRule, tr: Translator): ListingItem['badges'] {
  const badges: ListingItem['badges'] = [];
  if (summary.state === 'out_of_stock') badges.push({ code: 'sold_out', label: tr.t('badge.sold_out') });
  if (summary.state === 'preorder') badges.push({ code: 'preorder', label: tr.t('badge.preorder') });
  if (summary.state === 'backorder') badges.push({ code: 'backorder', label: tr.t('badge.backorder') });
  if (summary.unitsLeft !== undefined) badges.push({ code: 'low_stock', label: summary.label });
  if (summary.available && isSellingFast(summary.sellableUnits, units7d, rule)) badges.push({ code: 'selling_fast', label: tr.t('badge.selling_fast') });
  return badges;
}

export function listingItem(product: Product, summary: ProductSummary, units7d: number | undefined, rule: SellingFastRule, tr: Translator, withVariants = false): ListingItem {
  return {
    productId: product.productId,
    title: product.title,
    ...(product.category ? { category: product.category } : {}),
    ...(product.brand ? { brand: product.brand } : {}),
    ...(product.price !== undefined ? { price: product.price } : {}),
    currency: product.currency,
    ...(product.url ? { url: product.url } : {}),
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    state: summary.state,
    available: summary.available,
    ...(summary.unitsLeft !== undefined ? { unitsLeft: summary.unitsLeft } : {}),
    label: summary.label,
    badges: badgesOf(summary, units7d, rule, tr),
    ...(summary.eta ? { eta: summary.eta } : {}),
    ...(withVariants
      ? { variants: summary.variants.map((v) => ({ sku: v.sku, attributes: v.attributes, state: v.state, available: v.available, ...(v.unitsLeft !== undefined ? { unitsLeft: v.unitsLeft } : {}), label: v.label })) }
      : {}),
  };
}

/** Buyable now first, then buyable later (preorder, backorder), then out of stock. */
const group: Record<AvailabilityState, number> = { in_stock: 0, low_stock: 0, preorder: 1, backorder: 1, out_of_stock: 2 };

/** Stable: within a group the merchant's order (the order of the ids asked for) is kept. */
export function sortListing<T extends { state: AvailabilityState }>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => group[a.item.state] - group[b.item.state] || a.i - b.i)
    .map((x) => x.item);
}

export const facetsSchema = z.lazy(() =>
  z
  .record(z.string(), z.array(z.object({ value: z.string(), count: z.number().int().positive() })))
  .meta({ description: 'Per variant attribute (size, colour…), each value with how many listed products have a variant with it available now; values nothing can be bought in are left out.' }),
);
export type Facets = z.infer<typeof facetsSchema>;

/**
 * Facet counts over the listed products: for each variant attribute (size, colour…) and
 * value, how many listed products have a variant with that value available now. Values with
 * nothing available are left out, so a shopper never filters into an empty page. Sizes and
 * numbers sort naturally.
 */
export function facetCounts(summaries: Pick<ProductSummary, 'variants'>[], only?: ReadonlySet<string>): Facets {
  const counts = new Map<string, Map<string, number>>();
  for (const s of summaries) {
    const seen = new Set<string>();
    for (const v of s.variants) {
      if (!v.available) continue;
      for (const [name, value] of Object.entries(v.attributes)) {
        if (only && !only.has(name)) continue;
        const key = `${name}\u0000${value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const values = counts.get(name) ?? new Map<string, number>();
        values.set(value, (values.get(value) ?? 0) + 1);
        counts.set(name, values);
      }
    }
  }
  const facets: Facets = {};
  for (const name of [...counts.keys()].sort(compareAxes)) {
    facets[name] = [...counts.get(name)!].map(([value, count]) => ({ value, count })).sort((a, b) => compareValues(a.value, b.value));
  }
  return facets;
}

/** Convenience for handlers: summaries, items (sorted) and facets in one pass. */
export function buildListing(products: { product: Product; units7d?: number }[], ctx: ViewContext, rule: SellingFastRule, opts: { withVariants?: boolean; facets?: ReadonlySet<string> } = {}) {
  const summaries = products.map(({ product, units7d }) => ({ product, units7d, summary: summarize(product, ctx) }));
  const items = sortListing(summaries.map(({ product, units7d, summary }) => listingItem(product, summary, units7d, rule, ctx.tr, opts.withVariants)));
  return { items, facets: facetCounts(summaries.map((s) => s.summary), opts.facets) };
}
