import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { NotFoundError } from '../../shared/errors.js';
import { idSchema } from '../../shared/inventory/model.js';
import { viewContextOf } from '../../shared/storefront/context.js';
import { getProductRaw, parseProduct } from '../../shared/storefront/data.js';
import { findAlternatives } from '../../shared/storefront/find-alternatives.js';
import { CACHE, storefront } from '../../shared/storefront/http.js';
import { outOfStockReason, summarize, variantMatrix } from '../../shared/storefront/view.js';

const config = loadConfig(baseEnv);
const api = storefront(config.TABLE_NAME);

export const WAITLIST = { available: true, signupPath: '/storefront/waitlist' } as const;

const query = z.object({
  lang: z.string().max(10).optional(),
  /** `alternatives=0` leaves alternatives out of an out-of-stock answer (cheaper). */
  alternatives: z.enum(['0', '1']).optional(),
});

/**
 * GET /storefront/products/{productId} — the product and every variant: state, the true
 * "only N left" at or under the display threshold, the restock date or an honest unknown,
 * the size × colour matrix, and when nothing can be bought, why, when, the waitlist and
 * alternatives.
 */
export const handler = api.handler({ path: z.object({ productId: idSchema }), query, cache: CACHE.availability }, async ({ path, query, tenantId, tenant }) => {
  const [raw, ctx] = await Promise.all([getProductRaw(config.TABLE_NAME, tenantId, path.productId), tenant]);
  if (!raw) throw new NotFoundError('Product');
  const product = parseProduct(raw);
  if (product.status !== 'active') throw new NotFoundError('Product');
  const view = viewContextOf(ctx, query.lang);
  const summary = summarize(product, view);
  const { sellableUnits: _internal, variants, ...availability } = summary;
  const body: Record<string, unknown> = {
    productId: product.productId,
    title: product.title,
    ...(product.category ? { category: product.category } : {}),
    ...(product.brand ? { brand: product.brand } : {}),
    ...(product.price !== undefined ? { price: product.price } : {}),
    currency: product.currency,
    ...(product.url ? { url: product.url } : {}),
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    locale: view.tr.locale,
    availability,
    variants,
    matrix: variantMatrix(variants),
  };
  if (variants.some((v) => v.notify)) body.waitlist = WAITLIST;
  if (!summary.available) {
    body.outOfStock = {
      reason: outOfStockReason(product, summary.state, summary.eta, view.tr),
      eta: summary.eta,
      waitlist: WAITLIST,
      alternatives: query.alternatives === '0' ? undefined : await findAlternatives(config.TABLE_NAME, product, view, { limit: 4 }),
    };
  }
  return { body };
});
