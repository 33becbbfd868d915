import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { authenticate } from '../../shared/tenants/service.js';
import { logger } from '../../shared/observability/logger.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

/** HTTP API Lambda authorizer (simple responses) for merchant admin routes. */
export async function handler(event: APIGatewayRequestAuthorizerEventV2) {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const tenantId = await authenticate(store, header, 'admin');
  if (!tenantId) logger.info('admin key rejected', { routeKey: event.routeKey });
  return tenantId ? { isAuthorized: true, context: { tenantId, principal: 'admin-key' } } : { isAuthorized: false };
}
