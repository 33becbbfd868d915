import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { BadRequestError, DomainError, NotFoundError, TooManyRequestsError, type FieldProblem } from '../errors.js';
import { logger } from '../observability/logger.js';
import { routeKey, type RouteGroup, type RouteSpec } from './route.js';

/** Context an HTTP API Lambda authorizer attaches (simple responses). */
export interface AuthContext {
  tenantId?: string;
  principal?: string;
}

export interface HttpRequest<B, Q, P> {
  body: B;
  query: Q;
  path: P;
  headers: Record<string, string | undefined>;
  auth: AuthContext;
  requestId: string;
  sourceIp: string;
  event: APIGatewayProxyEventV2;
}

/** A request whose authorizer resolved a tenant: the tenant id is there, typed. */
export type TenantRequest<B, Q, P> = HttpRequest<B, Q, P> & { tenantId: string };

export interface HttpResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Spec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, T extends boolean> {
  body?: B;
  query?: Q;
  path?: P;
  /** Require the authorizer to have resolved a tenant. */
  tenant?: T;
}

type WithAuthorizer = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { lambda?: AuthContext } };
};

type Req<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, T extends boolean> = T extends true
  ? TenantRequest<z.infer<B>, z.infer<Q>, z.infer<P>>
  : HttpRequest<z.infer<B>, z.infer<Q>, z.infer<P>> & { tenantId?: string };

/**
 * Logs that stay with their request: Powertools adds the Lambda context to every line, and
 * keys appended during an invocation (the tenant id) are reset when it ends, so a warm
 * container never carries one request's tenant into the next.
 */
export const requestLogs = () => injectLambdaContext(logger, { resetKeys: true });

/**
 * The one way to write an HTTP handler: zod parses body, query and path at the edge, the
 * handler receives typed input and returns `{status, body}`, and every error is mapped
 * here — zod issues to 400 with field paths, domain errors to their status, anything else
 * to 500 with only a request id.
 */
export function httpHandler<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown, T extends boolean = false>(
  spec: Spec<B, Q, P, T>,
  fn: (req: Req<B, Q, P, T>) => Promise<HttpResponse>,
) {
  const base = async (event: WithAuthorizer, context: Context): Promise<APIGatewayProxyResultV2> => {
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? randomUUID();
    const auth = event.requestContext?.authorizer?.lambda ?? {};
    if (spec.tenant && !auth.tenantId) throw new DomainError(401, 'unauthorized', 'Missing or invalid credentials');
    if (auth.tenantId) logger.appendKeys({ tenantId: auth.tenantId });
    // Parse every part before failing, so the client learns about all bad fields at once.
    const problems: FieldProblem[] = [];
    const body = spec.body ? parse(spec.body, readJsonBody(event), 'body', problems) : undefined;
    const query = spec.query ? parse(spec.query, event.queryStringParameters ?? {}, 'query', problems) : undefined;
    const path = spec.path ? parse(spec.path, event.pathParameters ?? {}, 'path', problems) : undefined;
    if (problems.length) throw new BadRequestError('Invalid request', problems);
    const res = await fn({
      body,
      query,
      path,
      headers: event.headers ?? {},
      auth,
      tenantId: auth.tenantId,
      requestId,
      sourceIp: event.requestContext?.http?.sourceIp ?? '',
      event,
    } as Req<B, Q, P, T>);
    return toResult(res.status ?? 200, res.body, res.headers);
  };
  return middy(base)
    .use(requestLogs())
    .use({
      onError: (request) => {
        const requestId = request.event?.requestContext?.requestId ?? request.context?.awsRequestId ?? 'unknown';
        request.response = errorResponse(request.error, requestId);
      },
    });
}

// ---- serving declared routes ----

type Parsed<R, K extends 'body' | 'query' | 'params'> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

/** What an implementation of a declared route receives. */
export type RouteRequest<R extends RouteSpec> = R['auth'] extends 'admin' | 'storefront'
  ? TenantRequest<Parsed<R, 'body'>, Parsed<R, 'query'>, Parsed<R, 'params'>>
  : HttpRequest<Parsed<R, 'body'>, Parsed<R, 'query'>, Parsed<R, 'params'>>;

export type RawImplementation = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
export type Implementation<R extends RouteSpec> = R extends { raw: true } ? RawImplementation : (req: RouteRequest<R>) => Promise<HttpResponse>;
export type Implementations<G extends RouteGroup> = { [K in keyof G['routes']]: Implementation<G['routes'][K]> };

/**
 * An edge adds what one kind of route needs around every implementation (the storefront's
 * CORS, rate limit and caching): `around` runs inside error mapping, `finish` shapes every
 * answer, errors included.
 */
export interface Edge {
  around?(req: TenantRequest<unknown, unknown, unknown>, route: RouteSpec, next: () => Promise<HttpResponse>): Promise<HttpResponse>;
  finish?(result: APIGatewayProxyStructuredResultV2, event: APIGatewayProxyEventV2, route: RouteSpec): Promise<APIGatewayProxyStructuredResultV2>;
}

type LambdaHttpHandler = ((event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>) & { routeKeys: string[] };

/**
 * The Lambda handler for a group of declared routes: API Gateway's route key picks the
 * operation, whose declared schemas parse the input before the implementation runs. The
 * compiler checks that every declared operation is implemented, and nothing else.
 */
export function serve<G extends RouteGroup>(group: G, implementations: Implementations<G>, opts: { edge?: Edge } = {}): LambdaHttpHandler {
  const byKey = new Map<string, (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>>();
  for (const [operationId, route] of Object.entries(group.routes) as [string, RouteSpec][]) {
    const impl = (implementations as Record<string, unknown>)[operationId] as (...args: never[]) => Promise<unknown>;
    byKey.set(routeKey(route), route.raw ? rawHandler(impl as unknown as RawImplementation) : routeHandler(route, impl as never, opts.edge));
  }
  const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
    const h = byKey.get(event.routeKey);
    if (!h) return errorResponse(new NotFoundError(`Route ${event.routeKey}`), event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown') as APIGatewayProxyStructuredResultV2;
    return h(event, context);
  };
  return Object.assign(handler, { routeKeys: [...byKey.keys()] });
}

function routeHandler(route: RouteSpec, impl: (req: TenantRequest<unknown, unknown, unknown>) => Promise<HttpResponse>, edge: Edge | undefined) {
  const tenant = route.auth === 'admin' || route.auth === 'storefront';
  const inner = httpHandler({ body: route.body, query: route.query, path: route.params, tenant }, async (req) => {
    const run = () => impl(req as TenantRequest<unknown, unknown, unknown>);
    return edge?.around ? edge.around(req as TenantRequest<unknown, unknown, unknown>, route, run) : run();
  });
  if (!edge?.finish) return inner as unknown as (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  return async (event: APIGatewayProxyEventV2, context: Context) => edge.finish!((await inner(event as WithAuthorizer, context)) as APIGatewayProxyStructuredResultV2, event, route);
}

/** Raw routes (HTML pages, redirects) still get request-scoped logs and a 500 that hides internals. */
function rawHandler(impl: RawImplementation) {
  return middy(impl)
    .use(requestLogs())
    .use({
      onError: (request) => {
        request.response = errorResponse(request.error, request.event?.requestContext?.requestId ?? request.context?.awsRequestId ?? 'unknown');
      },
    }) as unknown as RawImplementation;
}

function readJsonBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('Request body is not valid JSON', [{ field: 'body', reason: 'invalid JSON' }]);
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string, problems: FieldProblem[]): z.infer<T> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(...zodProblems(result.error, where));
  return undefined;
}

export function zodProblems(error: z.ZodError, prefix?: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    reason: issue.message,
  }));
}

export function toResult(status: number, body?: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  if (status === 204 || body === undefined) return { statusCode: status, headers };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

export function errorResponse(error: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (error instanceof TooManyRequestsError) headers['retry-after'] = String(error.retryAfterSeconds);
    if (error.status >= 500) logger.error('domain error', { code: error.code });
    return toResult(
      error.status,
      { error: { code: error.code, message: error.message, fields: error.fields.length ? error.fields : undefined, requestId } },
      headers,
    );
  }
  // Unknown failure: log the detail for operators, tell the client only the request id.
  logger.error('unhandled error', error as Error);
  return toResult(500, { error: { code: 'internal', message: 'Internal error', requestId } });
}
