import * as z from 'zod';
import { defineRoutes } from '../../../shared/http/route.js';
import { skuSchema } from '../../../shared/inventory/model.js';
import { CACHE } from '../../../shared/storefront/cache.js';
import { availabilitySummarySchema, storeAvailabilitySchema, variantAvailabilitySchema } from '../../../shared/storefront/view.js';
import { lang, productPath } from './common.js';

const storesAnswer = z.lazy(() =>
  z.object({
  productId: z.string(),
  title: z.string(),
  locale: z.string(),
  shipFromStore: z.boolean(),
  online: availabilitySummarySchema.unwrap().extend({ variants: z.array(variantAvailabilitySchema.unwrap().omit({ eta: true })) }).meta({ description: 'Online availability: store stock counts only with ship-from-store and where the store takes part.' }),
  stores: z.array(storeAvailabilitySchema.unwrap().extend({ countsOnline: z.boolean() })).meta({ description: 'Stores (not warehouses), those holding stock first.' }),
}),
);

/** "Check in store". */
export const storefrontStores = defineRoutes({
  capability: 'storefront',
  entry: 'functions/storefront/stores.ts',
  routes: {
    storeAvailability: {
      method: 'GET',
      path: '/storefront/products/{productId}/stores',
      auth: 'storefront',
      summary: 'Availability per store',
      description: 'Each store’s details and what it holds (a count only at or under the display threshold), beside online availability.',
      params: productPath,
      query: z.object({ sku: skuSchema.optional().meta({ description: 'One variant only (404 if the product has no such variant).' }), lang }),
      cache: CACHE.availability,
      responses: { 200: { description: 'Online and per-store availability.', body: storesAnswer } },
      errors: [404],
    },
  },
});
