import * as z from 'zod';
import { defineRoutes } from '../../../shared/http/route.js';
import { idSchema } from '../../../shared/inventory/model.js';
import { CACHE } from '../../../shared/storefront/cache.js';
import { facetsSchema, listingItemSchema } from '../../../shared/storefront/listing.js';
import { MAX_LISTING, lang, list } from './common.js';

const listingAnswer = z.lazy(() =>
  z.object({
  locale: z.string(),
  items: z.array(listingItemSchema).meta({ description: 'Buyable now first, then preorder and backorder, then out of stock; the order asked for within each.' }),
  facets: facetsSchema,
  missing: z.array(z.string()).meta({ description: 'Ids asked for that are unknown or archived.' }),
}),
);

/** Category and search pages. */
export const storefrontListing = defineRoutes({
  capability: 'storefront',
  entry: 'functions/storefront/availability.ts',
  routes: {
    listingAvailability: {
      method: 'GET',
      path: '/storefront/availability',
      auth: 'storefront',
      summary: 'Availability of up to 100 products at once',
      description: 'One read for all of them. Badges (`sold_out`, `low_stock`, `selling_fast` from real recent sales, `preorder`, `backorder`), out of stock last, and facet counts that leave out what cannot be bought now.',
      query: z.object({
        ids: list(MAX_LISTING, idSchema).meta({ description: `Product ids, comma-separated (at most ${MAX_LISTING}).` }),
        lang,
        variants: z.enum(['0', '1']).optional().meta({ description: '`1` adds each product’s variants (for pickers on the listing).' }),
        facets: list(20, z.string().min(1).max(60)).optional().meta({ description: 'Count facets only for these variant attributes, e.g. `size,colour`.' }),
      }),
      cache: CACHE.availability,
      responses: { 200: { description: 'The listed products, their facets and the ids not found.', body: listingAnswer } },
    },
  },
});
