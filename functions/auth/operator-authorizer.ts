import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { loadConfig } from '../../shared/config/env.js';
import { operatorAuthorizerEnv } from '../../shared/tenants/env.js';
import { secretMatches } from '../../shared/tenants/api-keys.js';

// The operator (whoever runs this deployment) onboards tenants. Only the key's SHA-256 is
// configured, so neither the template nor the environment holds the key itself.
const config = loadConfig(operatorAuthorizerEnv);

export async function handler(event: APIGatewayRequestAuthorizerEventV2) {
  const header = event.headers?.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : header.trim();
  const ok = token.length >= 20 && secretMatches(token, config.OPERATOR_KEY_SHA256);
  return ok ? { isAuthorized: true, context: { principal: 'operator' } } : { isAuthorized: false };
}
