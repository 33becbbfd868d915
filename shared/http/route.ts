import * as z from 'zod';

/**
 * Route declarations: the one place a route is written. Each capability declares its routes
 * beside its handlers (`functions/<capability>/routes.ts`), grouped by the Lambda that serves
 * them. Infra registers exactly these routes on the HTTP API, the handler implements exactly
 * these operations (the compiler checks every one is there), and the OpenAPI contract, the
 * typed client and the API docs are generated from them.
 *
 * This module is pure data and schemas: infra imports it at synth time.
 */

export type RouteAuth = 'admin' | 'operator' | 'storefront' | 'public';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** How each kind of caller proves who it is (the OpenAPI security schemes). */
export const AUTH_SCHEMES = {
  admin: { header: 'authorization', description: 'A merchant admin key: `Authorization: Bearer rsk.<tenant>.<keyId>.<secret>`.' },
  operator: { header: 'authorization', description: 'The deployment operator key: `Authorization: Bearer <operator key>`.' },
  storefront: { header: 'x-restock-key', description: 'A publishable storefront key in `x-restock-key` (safe to embed in pages; read-mostly).' },
} as const;

/** One documented answer of a route. */
export interface Answer {
  description: string;
  /** A JSON body (application/json). */
  body?: z.ZodType;
  /**
   * A body that is not JSON (e.g. `text/html` for the shopper pages); described, not schematized.
   * With `body` as well, the answer is either (a page for a form post, JSON for a script).
   */
  contentType?: string;
  /** Response headers worth knowing, by name → description. */
  headers?: Record<string, string>;
}

export interface RouteSpec {
  method: HttpMethod;
  path: string;
  auth: RouteAuth;
  /** Why a route needs no key (public routes only): documented and acknowledged to cdk-nag. */
  publicReason?: string;
  summary: string;
  description?: string;
  /** Path parameters, query string and body, parsed with these schemas at the edge. */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body's media type when it is not JSON (e.g. a form post). */
  bodyContentType?: string;
  /** Successful answers, by status. */
  responses: Record<number, Answer>;
  /** Error statuses this route answers beyond those every route of its kind can (see impliedErrors). */
  errors?: readonly number[];
  /** Cache-Control for a successful GET (storefront routes add an ETag and answer 304). */
  cache?: string;
  /**
   * The handler receives the raw API Gateway event and answers with a raw result (HTML pages,
   * redirects); it still declares its inputs and answers here.
   */
  raw?: boolean;
}

/** A Lambda function's routes: the handler at `entry` serves exactly these operations. */
export interface RouteGroup<R extends Record<string, RouteSpec> = Record<string, RouteSpec>> {
  /** The capability (the OpenAPI tag and the docs page). */
  capability: string;
  /** Handler source, relative to the repo root. */
  entry: string;
  routes: R;
}

/** Declares a group of routes. Cheap by design: handlers import this at cold start. */
export function defineRoutes<const R extends Record<string, RouteSpec>>(group: RouteGroup<R>): RouteGroup<R> {
  return group;
}

/** The object schema under any `z.lazy` wrappers. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodLazy) s = s.unwrap() as z.ZodType;
  if (!(s instanceof z.ZodObject)) throw new Error('params and query must be object schemas');
  return s.shape as Record<string, z.ZodType>;
}

/**
 * What a declaration must get right beyond its types: every path parameter has a schema and
 * every schema a path parameter, and a public route says why it needs no key. Checked when
 * the contract is built (and so by CI), not at a handler's cold start.
 */
export function checkRoutes(group: RouteGroup): void {
  for (const [operationId, route] of Object.entries(group.routes)) {
    if (route.auth === 'public' && !route.publicReason) throw new Error(`${operationId}: a public route must say why it needs no key (publicReason)`);
    const declared = new Set(Object.keys(route.params ? objectShape(route.params) : {}));
    const inPath = [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
    for (const name of inPath) if (!declared.has(name)) throw new Error(`${operationId}: path parameter {${name}} has no schema in params`);
    for (const name of declared) if (!inPath.includes(name)) throw new Error(`${operationId}: params.${name} is not in the path ${route.path}`);
  }
}

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;

// ---- answers every route shares ----

export const FieldProblemSchema = z.lazy(() => z.object({ field: z.string(), reason: z.string() }).meta({ id: 'FieldProblem' }));

/** The one error body Restock answers with (shared/http/handler.ts maps every error to it). */
export const ErrorBodySchema = z.lazy(() =>
  z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable, machine-readable: bad_request, unauthorized, forbidden, not_found, conflict, unprocessable, too_many_requests, internal, …' }),
      message: z.string(),
      fields: z.array(FieldProblemSchema).optional().meta({ description: 'Every invalid field with its reason (400, 422).' }),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error', description: 'An error answer: a stable code, a human message, the fields at fault and the request id to quote to support.' }),
);

/** What API Gateway itself answers when a key is missing or refused, before any Restock code runs. */
export const GatewayErrorSchema = z.lazy(() => z.object({ message: z.string() }).meta({ id: 'GatewayError', description: 'API Gateway\'s own answer (missing key: 401 "Unauthorized"; refused key: 403 "Forbidden").' }));

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: every field at fault with its reason; nothing was changed.',
  401: 'Missing credentials.',
  403: 'The key is not valid for this route, or (storefront) the origin is not allowed.',
  404: 'Not found (or not this tenant’s).',
  405: 'Method not allowed for this link.',
  409: 'Conflicts with the current state.',
  410: 'Gone: the link expired or its subject no longer exists.',
  413: 'Too large.',
  422: 'Well-formed but not applicable to the current state.',
  429: 'Rate limited: retry after the seconds in Retry-After.',
  500: 'Internal error: only a request id is returned.',
  503: 'Temporarily unavailable: retry later.',
};
export const errorDescription = (status: number) => ERROR_TEXT[status] ?? 'Error';

/**
 * Error statuses a route answers by its kind alone: 400 when it takes input (parsed at the
 * edge; a raw route declares its own), 401/403 when it needs a key, 429 and 403 (origin) on
 * the storefront, 500 always.
 */
export function impliedErrors(route: RouteSpec): number[] {
  const out = new Set<number>([500, ...(route.errors ?? [])]);
  if (!route.raw && (route.params || route.query || route.body)) out.add(400);
  if (route.auth !== 'public') {
    out.add(401);
    out.add(403);
  }
  if (route.auth === 'storefront') out.add(429);
  return [...out].sort((a, b) => a - b);
}
