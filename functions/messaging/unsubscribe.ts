import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { verifyUnsubscribeToken } from '../../shared/messaging/links.js';
import { localeFrom, page } from '../../shared/messaging/pages.js';
import { resubscribe, unsubscribe } from '../../shared/messaging/suppression.js';
import { logger } from '../../shared/observability/logger.js';

const config = loadConfig(baseEnv);

/**
 * `GET` and `POST /u/{token}`: unsubscribe without login and without a second click.
 * - POST is RFC 8058 one-click (`List-Unsubscribe=One-Click`, sent by mail clients);
 * - GET, from a person following the footer link, unsubscribes at once too and shows a
 *   confirmation page. Because link scanners sometimes fetch GET links, the page offers
 *   "I clicked by mistake" (POST `action=resubscribe`), which lifts only this opt-out.
 * The token is HMAC-signed (shared/messaging/links.ts); a tampered one changes nothing.
 */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const locale = localeFrom(event.headers?.['accept-language']);
  const token = event.pathParameters?.token ?? '';
  const claims = await verifyUnsubscribeToken(token, { tableName: config.TABLE_NAME });
  if (!claims) return page(400, locale, 'invalid');
  const method = event.requestContext?.http?.method ?? 'GET';
  const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  if (method === 'POST' && /(^|&|\s)action=resubscribe(&|$|\s)/.test(body)) {
    await resubscribe(config.TABLE_NAME, claims);
    logger.info('resubscribed', { tenantId: claims.tenantId, scope: claims.scope });
    return page(200, locale, 'resubscribed');
  }
  await unsubscribe(config.TABLE_NAME, claims, method === 'POST' ? 'one-click' : 'link');
  logger.info('unsubscribed', { tenantId: claims.tenantId, scope: claims.scope, via: method });
  return page(200, locale, 'unsubscribed', `/u/${token}`);
}
