import * as z from 'zod';
import { defineRoutes } from '../../../shared/http/route.js';
import { alternativesSchema } from '../../../shared/storefront/alternatives.js';
import { CACHE } from '../../../shared/storefront/cache.js';
import { availabilitySummarySchema, etaSchema, outOfStockReasonSchema, variantAvailabilitySchema, variantMatrixSchema } from '../../../shared/storefront/view.js';
import { lang, productPath, waitlistCta } from './common.js';

const productAnswer = z.lazy(() =>
  z
  .object({
    productId: z.string(),
    title: z.string(),
    category: z.string().optional(),
    brand: z.string().optional(),
    price: z.number().int().nonnegative().optional(),
    currency: z.string(),
    url: z.string().optional(),
    imageUrl: z.string().optional(),
    locale: z.string(),
    availability: availabilitySummarySchema,
    variants: z.array(variantAvailabilitySchema),
    matrix: variantMatrixSchema,
    waitlist: waitlistCta.optional().meta({ description: 'When some variant can be waited for.' }),
    outOfStock: z
      .object({
        reason: outOfStockReasonSchema,
        eta: etaSchema,
        waitlist: waitlistCta,
        alternatives: alternativesSchema.optional().meta({ description: 'Left out with `alternatives=0`.' }),
      })
      .optional()
      .meta({ description: 'When nothing can be bought now: why, when, the waitlist and what to buy instead.' }),
  })
  .meta({ id: 'ProductAvailability' }),
);
export type ProductAnswer = z.infer<typeof productAnswer>;

/** Product page availability. */
export const storefrontProduct = defineRoutes({
  capability: 'storefront',
  entry: 'functions/storefront/product.ts',
  routes: {
    productAvailability: {
      method: 'GET',
      path: '/storefront/products/{productId}',
      auth: 'storefront',
      summary: 'A product and every variant’s availability',
      description:
        'States on sellable stock: "only N left" only at or under the display threshold and only when true; the restock date from purchase orders or the preorder, or an honest unknown; the size × colour matrix. When nothing can be bought now, `outOfStock` says why, when, offers the waitlist and alternatives available now.',
      params: productPath,
      query: z.object({ lang, alternatives: z.enum(['0', '1']).optional().meta({ description: '`0` leaves alternatives out of an out-of-stock answer (cheaper).' }) }),
      cache: CACHE.availability,
      responses: { 200: { description: 'The product as a shopper may see it.', body: productAnswer } },
      errors: [404],
    },
  },
});
