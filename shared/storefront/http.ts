import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createHash } from 'node:crypto';
import type * as z from 'zod';
import { ForbiddenError, TooManyRequestsError } from '../errors.js';
import { httpHandler, type HttpRequest, type HttpResponse } from '../http/handler.js';
import { tenantContext, hitRateLimit, type TenantContext } from './data.js';
import { OverLimitMemo, allowed, clientKey, windowAt } from './rate-limit.js';

/**
 * The storefront's HTTP edge, around the house `httpHandler`: per-tenant CORS (the
 * response names the caller's origin only if the tenant allows it, and a browser call from
 * any other origin is refused outright), per-client rate limiting, and CDN-friendly caching
 * (Cache-Control, a strong validator in ETag, 304 on If-None-Match).
 */

export const CACHE = {
  /** Stock moves: a short shared cache, served stale briefly while revalidating. */
  availability: 'public, max-age=15, s-maxage=30, stale-while-revalidate=60',
  alternatives: 'public, max-age=60, s-maxage=60, stale-while-revalidate=120',
  config: 'public, max-age=300, s-maxage=300',
  personal: 'private, max-age=60',
  none: 'no-store',
} as const;

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

export interface StorefrontRequest<B, Q, P> extends HttpRequest<B, Q, P> {
  tenantId: string;
  /** The tenant's settings, locations and storefront config (cached per container). */
  tenant: Promise<TenantContext>;
}

interface Spec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  body?: B;
  query?: Q;
  path?: P;
  /** Cache-Control for successful GETs (with an ETag); anything else is no-store. */
  cache?: string;
}

type Event = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { lambda?: { tenantId?: string } } } };

const overLimit = new OverLimitMemo();

export function storefront(tableName: string) {
  return {
    handler<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown>(
      spec: Spec<B, Q, P>,
      fn: (req: StorefrontRequest<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<HttpResponse>,
    ) {
      const inner = httpHandler({ body: spec.body, query: spec.query, path: spec.path, tenant: true }, async (req) => {
        const tenantId = req.auth.tenantId!;
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
        const start = () => fn({ ...req, tenantId, tenant } as StorefrontRequest<z.infer<B>, z.infer<Q>, z.infer<P>>);
        const isRead = req.event.requestContext?.http?.method === 'GET';
        const work = isRead ? start() : undefined;
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
        return work ?? start();
      });

      return async (event: Event, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
        const res = (await inner(event as never, context)) as APIGatewayProxyStructuredResultV2;
        return finish(tableName, res, event, spec.cache);
      };
    },
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
