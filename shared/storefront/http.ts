import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { ForbiddenError, TooManyRequestsError } from '../errors.js';
import type { Edge } from '../http/handler.js';
import { CACHE } from './cache.js';
import { tenantContext, hitRateLimit } from './data.js';
import { OverLimitMemo, allowed, clientKey, windowAt } from './rate-limit.js';

/**
 * The storefront's HTTP edge, around every storefront route `serve()` runs: per-tenant CORS (the
 * response names the caller's origin only if the tenant allows it, and a browser call from
 * any other origin is refused outright), per-client rate limiting, and CDN-friendly caching
 * (Cache-Control, a strong validator in ETag, 304 on If-None-Match).
 */

export { CACHE } from './cache.js';

/** Origins are compared as the browser sends them: scheme://host[:port], no path or slash. */
export function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}

export function isOriginAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  const o = normalizeOrigin(origin);
  if (!o || o === 'null') return false;
  return allowedOrigins.some((a) => a === '*' || normalizeOrigin(a) === o);
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match matches when any listed tag equals ours (weak comparison, as RFC 9110 says for it). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}

type Event = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { lambda?: { tenantId?: string } } } };

const overLimit = new OverLimitMemo();

/**
 * The storefront edge for `serve()`: every storefront route runs behind the per-client rate
 * limit and the tenant's allowed origins, and answers with per-tenant CORS and caching.
 */
export function storefrontEdge(tableName: string): Edge {
  return {
    async around(req, route, next) {
      const tenantId = req.tenantId;
      const now = Date.now();
      const client = clientKey(tenantId, req.sourceIp || 'unknown');
      const memoKey = `${tenantId}:${client}`;
      const blockedFor = overLimit.blocked(memoKey, now);
      if (blockedFor) throw new TooManyRequestsError(blockedFor);

      // For reads, the gate (rate limit, origin) and the work run side by side: one round
      // trip of latency, and a refused request never returns the work's result. A write
      // starts only once the gate has passed.
      const window = windowAt(now);
      const tenant = tenantContext(tableName, tenantId);
      const count = hitRateLimit(tableName, tenantId, client, window);
      const work = route.method === 'GET' ? next() : undefined;
      work?.catch(() => undefined);
      const [ctx, n] = await Promise.all([tenant, count]);
      if (!allowed(n, ctx.config.rateLimitPerMinute)) {
        overLimit.block(memoKey, now + window.resetsIn * 1000);
        throw new TooManyRequestsError(window.resetsIn);
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !isOriginAllowed(origin, ctx.allowedOrigins)) {
        throw new ForbiddenError('This origin is not allowed to use this shop’s storefront API; add it to the shop’s allowed origins');
      }
      return work ?? next();
    },
    finish: (res, event, route) => finish(tableName, res, event as Event, route.cache),
  };
}

async function finish(tableName: string, res: APIGatewayProxyStructuredResultV2, event: Event, cache: string | undefined): Promise<APIGatewayProxyStructuredResultV2> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers ?? {})) headers[k.toLowerCase()] = String(v);
  // A CDN must keep tenants (key) and origins apart in its cache.
  headers.vary = 'origin, x-restock-key';
  const origin = event.headers?.origin;
  const tenantId = event.requestContext?.authorizer?.lambda?.tenantId;
  if (origin && tenantId) {
    const ctx = await tenantContext(tableName, tenantId).catch(() => undefined);
    if (ctx && isOriginAllowed(origin, ctx.allowedOrigins)) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-expose-headers'] = 'etag, retry-after';
    }
  }
  const status = res.statusCode ?? 200;
  const method = event.requestContext?.http?.method ?? 'GET';
  if (status === 200 && method === 'GET' && cache && cache !== CACHE.none) {
    headers['cache-control'] ??= cache;
    const etag = etagOf(res.body ?? '');
    headers.etag = etag;
    if (matchesIfNoneMatch(event.headers?.['if-none-match'], etag)) {
      delete headers['content-type'];
      return { statusCode: 304, headers };
    }
  } else headers['cache-control'] = CACHE.none;
  return { ...res, headers };
}

