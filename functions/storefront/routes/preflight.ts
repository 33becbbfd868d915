import * as z from 'zod';
import { defineRoutes } from '../../../shared/http/route.js';
import { list } from './common.js';

/**
 * The CORS preflight of every path. Its handler stays dependency-free (it answers before
 * every cross-origin storefront call a browser has not cached a preflight for).
 */
export const storefrontPreflight = defineRoutes({
  capability: 'storefront',
  entry: 'functions/storefront/preflight.ts',
  routes: {
    corsPreflight: {
      method: 'OPTIONS',
      path: '/{proxy+}',
      auth: 'public',
      publicReason: 'A CORS preflight carries no credentials by definition; it returns no data, and the real response enforces the tenant\'s allowed origins.',
      summary: 'CORS preflight',
      description: 'Lets the browser ask; the real response decides: storefront answers name the caller’s origin only when the shop allows it.',
      params: z.object({ proxy: z.string() }),
      raw: true,
      responses: {
        204: {
          description: 'No content. With `Origin` and `Access-Control-Request-Method`, the CORS headers.',
          headers: {
            'Access-Control-Allow-Origin': 'The caller’s origin (the real response enforces the shop’s list).',
            'Access-Control-Allow-Methods': '`GET,POST,PUT,PATCH,DELETE`',
            'Access-Control-Allow-Headers': '`content-type,x-restock-key,idempotency-key`',
            'Access-Control-Max-Age': '`3600`',
          },
        },
      },
    },
  },
});
