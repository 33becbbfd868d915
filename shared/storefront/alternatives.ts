import * as z from 'zod';
import type { Product } from '../inventory/model.js';
import { availabilityStateSchema, unitsLeftSchema } from './view.js';

/**
 * Alternatives to a product a shopper cannot buy: similar products (same category,
 * overlapping attributes, a comparable price) and complementary ones (the merchant's own
 * relations). Ranking is explainable: every point of score comes with a reason code.
 * Only products available now are ever proposed; availability is decided by the caller
 * from fresh stock, after this pre-ranking on catalog facts.
 */

export const alternativeReasons = ['same_category', 'your_interests', 'similar_attributes', 'same_brand', 'similar_price', 'same_variant_available', 'complementary'] as const;
export type AlternativeReason = (typeof alternativeReasons)[number];

/** One proposed product: always available now, with the reasons for its rank. */
export const alternativeItemSchema = z.lazy(() =>
  z
  .object({
    productId: z.string(),
    title: z.string(),
    category: z.string().optional(),
    price: z.number().int().nonnegative().optional(),
    currency: z.string(),
    url: z.string().optional(),
    imageUrl: z.string().optional(),
    state: availabilityStateSchema,
    unitsLeft: unitsLeftSchema,
    label: z.string(),
    reasons: z.array(z.enum(alternativeReasons)),
    score: z.number(),
  })
  .meta({ id: 'AlternativeItem' }),
);
export type AlternativeItem = z.infer<typeof alternativeItemSchema>;

export const alternativesSchema = z.lazy(() =>
  z.object({
  similar: z.array(alternativeItemSchema),
  complementary: z.array(alternativeItemSchema),
  partialCatalog: z.boolean().meta({ description: 'True when the shop’s catalog was larger than the candidate scan: the best matches among the products read.' }),
}),
);
export type Alternatives = z.infer<typeof alternativesSchema>;

/** The catalog facts ranking needs (cheap to keep in memory for a few hundred products). */
export interface CandidateFacts {
  productId: string;
  category?: string;
  brand?: string;
  price?: number;
  attributes: Record<string, string>;
  tags: string[];
  /** Variant attribute values by attribute name (size → {38, 39}, colour → {red}). */
  variantValues: Record<string, string[]>;
  related: string[];
  status: 'active' | 'archived';
}

export function factsOf(p: Pick<Product, 'productId' | 'category' | 'brand' | 'price' | 'attributes' | 'tags' | 'variants' | 'related' | 'status'>): CandidateFacts {
  const variantValues: Record<string, Set<string>> = {};
  let minPrice: number | undefined;
  for (const v of Object.values(p.variants)) {
    for (const [k, val] of Object.entries(v.attributes)) (variantValues[k] ??= new Set()).add(val);
    if (v.price !== undefined) minPrice = Math.min(minPrice ?? v.price, v.price);
  }
  return {
    productId: p.productId,
    ...(p.category ? { category: p.category } : {}),
    ...(p.brand ? { brand: p.brand } : {}),
    ...((p.price ?? minPrice) !== undefined ? { price: (p.price ?? minPrice)! } : {}),
    attributes: p.attributes,
    tags: p.tags,
    variantValues: Object.fromEntries(Object.entries(variantValues).map(([k, s]) => [k, [...s]])),
    related: p.related,
    status: p.status,
  };
}

function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const A = new Set(a);
  const B = new Set(b);
  if (!A.size && !B.size) return 0;
  let both = 0;
  for (const x of A) if (B.has(x)) both++;
  return both / (A.size + B.size - both);
}

const pairs = (r: Record<string, string>) => Object.entries(r).map(([k, v]) => `${k}=${v.toLowerCase()}`);
const valuePairs = (r: Record<string, string[]>) => Object.entries(r).flatMap(([k, vs]) => vs.map((v) => `${k}=${v.toLowerCase()}`));

/** Within ±30 % of the price counts as the same band; beyond half or double, a penalty. */
const PRICE_BAND = 1.3;

export interface Scored {
  productId: string;
  score: number;
  reasons: AlternativeReason[];
}

/**
 * Similarity of a candidate to the product the shopper wanted, from catalog facts only.
 * `interests` are the shopper's recent categories, most recent first.
 */
export function similarity(base: CandidateFacts, c: CandidateFacts, interests: readonly string[] = []): Scored {
  let score = 0;
  const reasons: AlternativeReason[] = [];
  if (base.category && c.category === base.category) {
    score += 3;
    reasons.push('same_category');
  }
  const interestRank = c.category ? interests.indexOf(c.category) : -1;
  if (interestRank >= 0) {
    score += 1.5 * (1 - interestRank / Math.max(interests.length, 1));
    reasons.push('your_interests');
  }
  const attrs = 2 * jaccard(pairs(base.attributes), pairs(c.attributes)) + jaccard(valuePairs(base.variantValues), valuePairs(c.variantValues)) + jaccard(base.tags, c.tags);
  if (attrs > 0) {
    score += attrs;
    reasons.push('similar_attributes');
  }
  if (base.brand && c.brand === base.brand) {
    score += 0.5;
    reasons.push('same_brand');
  }
  if (base.price && c.price) {
    const distance = Math.abs(Math.log(c.price / base.price));
    if (distance <= Math.log(PRICE_BAND)) {
      score += 1.5 * (1 - distance / Math.log(PRICE_BAND));
      reasons.push('similar_price');
    } else if (distance > Math.log(2)) score -= 1;
  }
  return { productId: c.productId, score, reasons };
}

/**
 * Pre-ranks the catalog for the fresh-stock check: the best `limit` similar candidates by
 * catalog facts (excluding the product itself, archived products and its complements).
 */
export function preRank(base: CandidateFacts, catalog: readonly CandidateFacts[], interests: readonly string[], limit: number): Scored[] {
  const related = new Set(base.related);
  return catalog
    .filter((c) => c.productId !== base.productId && c.status === 'active' && !related.has(c.productId))
    .map((c) => similarity(base, c, interests))
    .filter((s) => s.score > 0)
    .sort(byScore)
    .slice(0, limit);
}

export function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || a.productId.localeCompare(b.productId);
}

/** The wanted variant's attributes (size 42) are available in a candidate: rank it higher. */
export function wantedVariantBonus(wanted: Record<string, string> | undefined, availableVariants: readonly { attributes: Record<string, string> }[]): number {
  if (!wanted) return 0;
  const keys = Object.keys(wanted);
  if (!keys.length) return 0;
  // Partial matches count: the same size in another colour is still worth proposing.
  let best = 0;
  for (const v of availableVariants) {
    const matching = keys.filter((k) => v.attributes[k] !== undefined && v.attributes[k]!.toLowerCase() === wanted[k]!.toLowerCase()).length;
    best = Math.max(best, matching / keys.length);
  }
  return 1.5 * best;
}
