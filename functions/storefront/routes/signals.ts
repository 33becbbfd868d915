import * as z from 'zod';
import { defineRoutes } from '../../../shared/http/route.js';
import { signalSchema } from '../../../shared/storefront/demand.js';

const signalAnswer = z.lazy(() =>
  z.object({
  accepted: z.literal(true),
  recorded: z.enum(['sku', 'product', 'query', 'interest', 'nothing']).meta({ description: 'The demand counter incremented (by subject), the shopper’s interest, or nothing (a `product_view` without a category).' }),
}),
);

/** Unmet demand from the shop's pages. */
export const storefrontSignals = defineRoutes({
  capability: 'storefront',
  entry: 'functions/storefront/signals.ts',
  routes: {
    recordDemandSignal: {
      method: 'POST',
      path: '/storefront/signals',
      auth: 'storefront',
      summary: 'Record demand the shop could not serve',
      description:
        'An out-of-stock view, a search with no or only sold-out results, an add-to-cart on an unavailable item: one counter per shop, subject (SKU, else product, else search text) and day; nothing about the shopper is kept, and search text is scrubbed of anything like contact details. `product_view` with a `shopperId` only records the category for personalised alternatives.',
      body: signalSchema,
      responses: { 202: { description: 'Counted.', body: signalAnswer } },
    },
  },
});
