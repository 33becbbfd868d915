import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { authenticate } from '../../shared/tenants/service.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

/**
 * HTTP API Lambda authorizer for storefront routes: a publishable key (safe in a browser,
 * read-only storefront scope) in the `x-restock-key` header identifies the tenant.
 */
export async function handler(event: APIGatewayRequestAuthorizerEventV2) {
  const tenantId = await authenticate(store, event.headers?.['x-restock-key'], 'publishable');
  return tenantId ? { isAuthorized: true, context: { tenantId, principal: 'publishable-key' } } : { isAuthorized: false };
}
