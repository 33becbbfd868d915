import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { NotFoundError } from '../../shared/errors.js';
import { idSchema, skuSchema } from '../../shared/inventory/model.js';
import { viewContextOf } from '../../shared/storefront/context.js';
import { getProductRaw, parseProduct } from '../../shared/storefront/data.js';
import { CACHE, storefront } from '../../shared/storefront/http.js';
import { storeAvailability, summarize } from '../../shared/storefront/view.js';

const config = loadConfig(baseEnv);
const api = storefront(config.TABLE_NAME);

const query = z.object({ sku: skuSchema.optional(), lang: z.string().max(10).optional() });

/**
 * GET /storefront/products/{productId}/stores — "check in store": each store's details and
 * what it holds (a count only at or under the display threshold), and online availability,
 * which counts store stock only where the tenant ships from stores and the store takes part.
 */
export const handler = api.handler({ path: z.object({ productId: idSchema }), query, cache: CACHE.availability }, async ({ path, query, tenantId, tenant }) => {
  const [raw, ctx] = await Promise.all([getProductRaw(config.TABLE_NAME, tenantId, path.productId), tenant]);
  if (!raw) throw new NotFoundError('Product');
  const product = parseProduct(raw);
  if (product.status !== 'active') throw new NotFoundError('Product');
  if (query.sku && !product.variants[query.sku]) throw new NotFoundError('Variant');
  const view = viewContextOf(ctx, query.lang);
  const only = query.sku ? { ...product, variants: { [query.sku]: product.variants[query.sku]! } } : product;
  const { sellableUnits: _internal, variants, ...online } = summarize(only, view);
  const stores = [...ctx.locations.values()]
    .filter((l) => l.kind === 'store')
    .map((store) => ({
      ...storeAvailability(only, store, view),
      countsOnline: ctx.inventory.shipFromStore && store.countsOnline,
    }))
    .sort((a, b) => Number(b.available) - Number(a.available) || a.name.localeCompare(b.name));
  return {
    body: {
      productId: product.productId,
      title: product.title,
      locale: view.tr.locale,
      shipFromStore: ctx.inventory.shipFromStore,
      online: { ...online, variants: variants.map(({ eta: _eta, ...v }) => v) },
      stores,
    },
  };
});
