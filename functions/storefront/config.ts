import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { widgetConfig } from '../../shared/storefront/config.js';
import { CACHE, storefront } from '../../shared/storefront/http.js';

const config = loadConfig(baseEnv);
const api = storefront(config.TABLE_NAME);

/** GET /storefront/config?lang=it — the widget's texts, consent text and endpoints for one language. */
export const handler = api.handler({ query: z.object({ lang: z.string().max(10).optional() }), cache: CACHE.config }, async ({ query, tenant }) => {
  const ctx = await tenant;
  return { body: widgetConfig(ctx.config, ctx.locale, query.lang) };
});
