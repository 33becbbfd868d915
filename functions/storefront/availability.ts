import { loadConfig } from '../../shared/config/env.js';
import { serve } from '../../shared/http/handler.js';
import { viewContextOf } from '../../shared/storefront/context.js';
import { batchGetProducts, parseProduct, tenantContext } from '../../shared/storefront/data.js';
import { storefrontEnv } from '../../shared/storefront/env.js';
import { storefrontEdge } from '../../shared/storefront/http.js';
import { buildListing } from '../../shared/storefront/listing.js';
import { unitsInWindow } from '../../shared/storefront/recent-sales.js';
import { storefrontListing } from './routes/listing.js';

const config = loadConfig(storefrontEnv);

export const handler = serve(
  storefrontListing,
  {
    /**
     * Up to 100 products in one DynamoDB round trip (BatchGetItem; recent sales for "selling
     * fast" live on the variants): badges, out-of-stock last, and facet counts that leave out
     * sizes and colours nobody can buy now.
     */
    listingAvailability: async ({ query, tenantId }) => {
      const now = new Date();
      const [{ items }, ctx] = await Promise.all([batchGetProducts(config.TABLE_NAME, tenantId, query.ids), tenantContext(config.TABLE_NAME, tenantId)]);
      const found: { product: ReturnType<typeof parseProduct>; units7d: number }[] = [];
      const missing: string[] = [];
      for (const id of query.ids) {
        const raw = items.get(id);
        const product = raw && parseProduct(raw);
        if (!product || product.status !== 'active') missing.push(id);
        else found.push({ product, units7d: unitsInWindow(product, now) });
      }
      const view = viewContextOf(ctx, query.lang, now);
      const { items: listed, facets } = buildListing(found, view, ctx.config.sellingFast, { withVariants: query.variants === '1', facets: query.facets ? new Set(query.facets) : undefined });
      return { body: { locale: view.tr.locale, items: listed, facets, missing } };
    },
  },
  { edge: storefrontEdge(config.TABLE_NAME) },
);
