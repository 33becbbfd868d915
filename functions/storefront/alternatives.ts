import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { NotFoundError } from '../../shared/errors.js';
import { idSchema, skuSchema } from '../../shared/inventory/model.js';
import { viewContextOf } from '../../shared/storefront/context.js';
import { getProductRaw, parseProduct, readInterests } from '../../shared/storefront/data.js';
import { findAlternatives } from '../../shared/storefront/find-alternatives.js';
import { CACHE, storefront } from '../../shared/storefront/http.js';

const config = loadConfig(baseEnv);
const api = storefront(config.TABLE_NAME);

const query = z.object({
  /** The variant the shopper wanted: alternatives with the same size/colour available rank higher. */
  sku: skuSchema.optional(),
  /** The storefront's opaque visitor id: personalises by recent categories (stored hashed). */
  shopperId: z.string().min(8).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(6),
  lang: z.string().max(10).optional(),
});

/**
 * GET /storefront/products/{productId}/alternatives — similar products available now and the
 * merchant's complementary products available now, ranked, with the reasons for each.
 */
export const handler = api.handler({ path: z.object({ productId: idSchema }), query, cache: CACHE.alternatives }, async ({ path, query, tenantId, tenant }) => {
  const [raw, ctx, interests] = await Promise.all([
    getProductRaw(config.TABLE_NAME, tenantId, path.productId),
    tenant,
    query.shopperId ? readInterests(config.TABLE_NAME, tenantId, query.shopperId) : Promise.resolve([]),
  ]);
  if (!raw) throw new NotFoundError('Product');
  const product = parseProduct(raw);
  if (product.status !== 'active') throw new NotFoundError('Product');
  const wanted = query.sku ? product.variants[query.sku]?.attributes : undefined;
  const view = viewContextOf(ctx, query.lang);
  const alternatives = await findAlternatives(config.TABLE_NAME, product, view, { interests, wanted, limit: query.limit });
  return {
    // Personalised answers must not be shared by a CDN.
    headers: query.shopperId ? { 'cache-control': CACHE.personal } : undefined,
    body: { productId: product.productId, locale: view.tr.locale, personalised: interests.length > 0, ...alternatives },
  };
});
