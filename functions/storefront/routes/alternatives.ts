import * as z from 'zod';
import { defineRoutes } from '../../../shared/http/route.js';
import { skuSchema } from '../../../shared/inventory/model.js';
import { alternativesSchema } from '../../../shared/storefront/alternatives.js';
import { CACHE } from '../../../shared/storefront/cache.js';
import { lang, productPath, list } from './common.js';

const alternativesAnswer = z.lazy(() =>
  alternativesSchema.unwrap().extend({
  productId: z.string(),
  locale: z.string(),
  personalised: z.boolean().meta({ description: 'The shopper’s recent categories ranked the list.' }),
}),
);

/** What to buy instead. */
export const storefrontAlternatives = defineRoutes({
  capability: 'storefront',
  entry: 'functions/storefront/alternatives.ts',
  routes: {
    productAlternatives: {
      method: 'GET',
      path: '/storefront/products/{productId}/alternatives',
      auth: 'storefront',
      summary: 'Similar and complementary products available now',
      description:
        'Similar products (category, attributes, price band) and the merchant’s complements, only those available now, ranked with the reasons for each. With `shopperId` the shopper’s recent categories rank higher and the answer is personal (`Cache-Control: private, max-age=60`).',
      params: productPath,
      query: z.object({
        sku: skuSchema.optional().meta({ description: 'The variant the shopper wanted: alternatives with the same size or colour available rank higher.' }),
        shopperId: z.string().min(8).max(128).optional().meta({ description: 'The storefront’s opaque visitor id (stored only hashed).' }),
        limit: z.coerce.number().int().min(1).max(20).default(6),
        lang,
      }),
      cache: CACHE.alternatives,
      responses: { 200: { description: 'The alternatives, best first.', body: alternativesAnswer } },
      errors: [404],
    },
  },
});
