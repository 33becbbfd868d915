import { loadConfig } from '../../shared/config/env.js';
import { NotFoundError } from '../../shared/errors.js';
import { serve } from '../../shared/http/handler.js';
import { CACHE } from '../../shared/storefront/cache.js';
import { viewContextOf } from '../../shared/storefront/context.js';
import { getProductRaw, parseProduct, readInterests, tenantContext } from '../../shared/storefront/data.js';
import { storefrontEnv } from '../../shared/storefront/env.js';
import { findAlternatives } from '../../shared/storefront/find-alternatives.js';
import { storefrontEdge } from '../../shared/storefront/http.js';
import { storefrontAlternatives } from './routes/alternatives.js';

const config = loadConfig(storefrontEnv);

export const handler = serve(
  storefrontAlternatives,
  {
    /**
     * Similar products available now and the merchant's complementary products available
     * now, ranked, with the reasons for each.
     */
    productAlternatives: async ({ path, query, tenantId }) => {
      const [raw, ctx, interests] = await Promise.all([
        getProductRaw(config.TABLE_NAME, tenantId, path.productId),
        tenantContext(config.TABLE_NAME, tenantId),
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
    },
  },
  { edge: storefrontEdge(config.TABLE_NAME) },
);
