import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { recordEngagement } from '../../shared/messaging/ledger.js';
import { verifyClickToken } from '../../shared/messaging/links.js';
import { logger } from '../../shared/observability/logger.js';
import { page } from '../../shared/messaging/pages.js';

const config = loadConfig(baseEnv);

/**
 * `GET /t/{token}`: a tracked link. The token is signed and carries the destination, so
 * this is not an open redirect: only URLs Restock put in a message are followed. The click
 * is recorded on the message's ledger record, then the browser is sent on.
 */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const claims = await verifyClickToken(event.pathParameters?.token ?? '', { tableName: config.TABLE_NAME });
  if (!claims) return page(404, 'en', 'invalid');
  try {
    await recordEngagement(config.TABLE_NAME, claims, { type: 'click', at: new Date().toISOString() });
  } catch (error) {
    // The shopper still gets where they were going; a lost click count is the lesser harm.
    logger.error('click not recorded', error as Error);
  }
  return { statusCode: 302, headers: { location: claims.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } };
}
