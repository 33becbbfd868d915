import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { loadConfig } from '../../shared/config/env.js';
import { serve } from '../../shared/http/handler.js';
import { messagingEnv } from '../../shared/messaging/env.js';
import { recordEngagement } from '../../shared/messaging/ledger.js';
import { verifyClickToken, verifyUnsubscribeToken } from '../../shared/messaging/links.js';
import { localeFrom, page } from '../../shared/messaging/pages.js';
import { resubscribe, unsubscribe } from '../../shared/messaging/suppression.js';
import { logger } from '../../shared/observability/logger.js';
import { messagingLinks } from './routes.js';

const config = loadConfig(messagingEnv);

/**
 * `GET /t/{token}`: a tracked link. The token is signed and carries the destination, so
 * this is not an open redirect: only URLs Restock put in a message are followed. The click
 * is recorded on the message's ledger record, then the browser is sent on.
 */
async function followTrackedLink(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
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

/**
 * `GET` and `POST /u/{token}`: unsubscribe without login and without a second click.
 * - POST is RFC 8058 one-click (`List-Unsubscribe=One-Click`, sent by mail clients);
 * - GET, from a person following the footer link, unsubscribes at once too and shows a
 *   confirmation page. Because link scanners sometimes fetch GET links, the page offers
 *   "I clicked by mistake" (POST `action=resubscribe`), which lifts only this opt-out.
 * The token is HMAC-signed (shared/messaging/links.ts); a tampered one changes nothing.
 */
async function unsubscribeLink(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
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

/** The public message links: tracked clicks and one-click unsubscribe. */
export const handler = serve(messagingLinks, { followTrackedLink, unsubscribeFromLink: unsubscribeLink, unsubscribeOneClick: unsubscribeLink });
