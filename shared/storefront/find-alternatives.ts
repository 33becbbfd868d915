import type { Product } from '../inventory/model.js';
import { byScore, factsOf, preRank, wantedVariantBonus, type AlternativeItem, type AlternativeReason, type Alternatives } from './alternatives.js';
import { batchGetProducts, candidateCatalog, parseProduct } from './data.js';
import { summarize, type ViewContext } from './view.js';

/** Candidates checked against fresh stock: the pre-ranked similar ones plus the complements. */
const PRE_RANKED = 60;
const MAX_RELATED = 40;

/**
 * Similar products available now (same category, overlapping attributes, price band; the
 * shopper's recent categories and the wanted size/colour rank higher) and the merchant's
 * complementary products available now. Catalog facts pre-rank; stock is read fresh for the
 * shortlist in one BatchGetItem, and only products available now are returned.
 */
export async function findAlternatives(
  tableName: string,
  product: Product,
  ctx: ViewContext,
  opts: { interests?: string[]; wanted?: Record<string, string>; limit?: number } = {},
): Promise<Alternatives> {
  const limit = opts.limit ?? 6;
  const catalog = await candidateCatalog(tableName, product.tenantId);
  const base = factsOf(product);
  const pre = preRank(base, catalog.facts, opts.interests ?? [], PRE_RANKED);
  const related = product.related.filter((id) => id !== product.productId).slice(0, MAX_RELATED);
  const ids = [...new Set([...related, ...pre.map((p) => p.productId)])].slice(0, 100);
  const { items } = await batchGetProducts(tableName, product.tenantId, ids);

  const present = (id: string, score: number, reasons: AlternativeReason[]): AlternativeItem | undefined => {
    const raw = items.get(id);
    if (!raw) return undefined;
    const p = parseProduct(raw);
    if (p.status !== 'active') return undefined;
    const summary = summarize(p, ctx);
    if (!summary.available) return undefined;
    const bonus = wantedVariantBonus(opts.wanted, summary.variants.filter((v) => v.available));
    return {
      productId: p.productId,
      title: p.title,
      ...(p.category ? { category: p.category } : {}),
      ...(p.price !== undefined ? { price: p.price } : {}),
      currency: p.currency,
      ...(p.url ? { url: p.url } : {}),
      ...(p.imageUrl ? { imageUrl: p.imageUrl } : {}),
      state: summary.state,
      ...(summary.unitsLeft !== undefined ? { unitsLeft: summary.unitsLeft } : {}),
      label: summary.label,
      reasons: bonus > 0 ? [...reasons, 'same_variant_available'] : reasons,
      score: Math.round((score + bonus) * 100) / 100,
    };
  };

  const similar = pre
    .map((s) => present(s.productId, s.score, s.reasons))
    .filter((x): x is AlternativeItem => !!x)
    .sort((a, b) => byScore(a, b))
    .slice(0, limit);
  const complementary = related
    .map((id, i) => present(id, related.length - i, ['complementary']))
    .filter((x): x is AlternativeItem => !!x)
    .slice(0, limit);
  return { similar, complementary, partialCatalog: catalog.truncated };
}
