import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { idSchema } from '../../shared/inventory/model.js';
import { viewContextOf } from '../../shared/storefront/context.js';
import { batchGetProducts, parseProduct } from '../../shared/storefront/data.js';
import { CACHE, storefront } from '../../shared/storefront/http.js';
import { buildListing } from '../../shared/storefront/listing.js';
import { unitsInWindow } from '../../shared/storefront/recent-sales.js';

const config = loadConfig(baseEnv);
const api = storefront(config.TABLE_NAME);

export const MAX_LISTING = 100;

const list = (max: number, item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(item).min(1).max(max, `at most ${max}`));

const query = z.object({
  ids: list(MAX_LISTING, idSchema),
  lang: z.string().max(10).optional(),
  /** `variants=1` adds each product's variants (for pickers on the listing). */
  variants: z.enum(['0', '1']).optional(),
  /** Restrict facets to these variant attributes, e.g. `facets=size,colour`. */
  facets: list(20, z.string().min(1).max(60)).optional(),
});

/**
 * GET /storefront/availability?ids=a,b,c — up to 100 products in one DynamoDB round trip
 * (BatchGetItem; recent sales for "selling fast" live on the variants): badges, out-of-stock
 * last, and facet counts that leave out sizes and colours nobody can buy now.
 */
export const handler = api.handler({ query, cache: CACHE.availability }, async ({ query, tenantId, tenant }) => {
  const now = new Date();
  const [{ items }, ctx] = await Promise.all([batchGetProducts(config.TABLE_NAME, tenantId, query.ids), tenant]);
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
});
