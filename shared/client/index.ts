import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './openapi.js';

export type { components, operations, paths };
export type RestockClient = Client<paths>;

export interface RestockClientOptions {
  /** The API's base URL: the stack's `ApiUrl` output, or http://127.0.0.1:3000 under `npm start`. */
  baseUrl: string;
  /** A merchant admin key (admin routes). */
  adminKey?: string;
  /** A publishable storefront key (storefront routes). */
  publishableKey?: string;
  /** The deployment's operator key (operator routes). */
  operatorKey?: string;
  fetch?: typeof fetch;
}

/**
 * The typed Restock client: every path, parameter, body and answer typed from the OpenAPI
 * contract (docs/openapi.json, generated from the route declarations). Built on openapi-fetch,
 * a few KB with no dependencies, so the merchant dashboard can use it in the browser as is.
 *
 *   const restock = restockClient({ baseUrl, adminKey });
 *   const { data, error } = await restock.GET('/admin/products/{productId}', { params: { path: { productId } } });
 */
export function restockClient(opts: RestockClientOptions): RestockClient {
  const key = opts.adminKey ?? opts.operatorKey;
  return createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(opts.publishableKey ? { 'x-restock-key': opts.publishableKey } : {}),
    },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
}
