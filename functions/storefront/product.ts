import { loadConfig } from '../../shared/config/env.js';
import { NotFoundError } from '../../shared/errors.js';
import { serve } from '../../shared/http/handler.js';
import { viewContextOf } from '../../shared/storefront/context.js';
import { getProductRaw, parseProduct, tenantContext } from '../../shared/storefront/data.js';
import { storefrontEnv } from '../../shared/storefront/env.js';
import { findAlternatives } from '../../shared/storefront/find-alternatives.js';
import { storefrontEdge } from '../../shared/storefront/http.js';
import { outOfStockReason, summarize, variantMatrix } from '../../shared/storefront/view.js';
import { storefrontProduct, type ProductAnswer } from './routes/product.js';

const config = loadConfig(storefrontEnv);

const WAITLIST = { available: true, signupPath: '/storefront/waitlist' } as const;

export const handler = serve(
  storefrontProduct,
  {
    /**
     * The product and every variant: state, the true "only N left" at or under the display
     * threshold, the restock date or an honest unknown, the size × colour matrix, and when
     * nothing can be bought, why, when, the waitlist and alternatives.
     */
    productAvailability: async ({ path, query, tenantId }) => {
      const [raw, ctx] = await Promise.all([getProductRaw(config.TABLE_NAME, tenantId, path.productId), tenantContext(config.TABLE_NAME, tenantId)]);
      if (!raw) throw new NotFoundError('Product');
      const product = parseProduct(raw);
      if (product.status !== 'active') throw new NotFoundError('Product');
      const view = viewContextOf(ctx, query.lang);
      const summary = summarize(product, view);
      const { sellableUnits: _internal, variants, ...availability } = summary;
      const body: ProductAnswer = {
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
          // summarize() gives every product that cannot be bought now an eta (or "unknown").
          eta: summary.eta!,
          waitlist: WAITLIST,
          alternatives: query.alternatives === '0' ? undefined : await findAlternatives(config.TABLE_NAME, product, view, { limit: 4 }),
        };
      }
      return { body };
    },
  },
  { edge: storefrontEdge(config.TABLE_NAME) },
);
