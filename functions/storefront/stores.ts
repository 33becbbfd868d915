import { loadConfig } from '../../shared/config/env.js';
import { NotFoundError } from '../../shared/errors.js';
import { serve } from '../../shared/http/handler.js';
import { viewContextOf } from '../../shared/storefront/context.js';
import { getProductRaw, parseProduct, tenantContext } from '../../shared/storefront/data.js';
import { storefrontEnv } from '../../shared/storefront/env.js';
import { storefrontEdge } from '../../shared/storefront/http.js';
import { storeAvailability, summarize } from '../../shared/storefront/view.js';
import { storefrontStores } from './routes/stores.js';

const config = loadConfig(storefrontEnv);

export const handler = serve(
  storefrontStores,
  {
    /**
     * "Check in store": each store's details and what it holds (a count only at or under the
     * display threshold), and online availability, which counts store stock only where the
     * tenant ships from stores and the store takes part.
     */
    storeAvailability: async ({ path, query, tenantId }) => {
      const [raw, ctx] = await Promise.all([getProductRaw(config.TABLE_NAME, tenantId, path.productId), tenantContext(config.TABLE_NAME, tenantId)]);
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
    },
  },
  { edge: storefrontEdge(config.TABLE_NAME) },
);
