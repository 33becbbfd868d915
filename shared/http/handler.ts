import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { BadRequestError, DomainError, TooManyRequestsError, type FieldProblem } from '../errors.js';
import { logger } from '../observability/logger.js';

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

export interface HttpResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Spec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  body?: B;
  query?: Q;
  path?: P;
  /** Require the authorizer to have resolved a tenant. */
  tenant?: boolean;
}

type WithAuthorizer = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { lambda?: AuthContext } };
};

/**
 * The one way to write an HTTP handler: zod parses body, query and path at the edge, the
 * handler receives typed input and returns `{status, body}`, and every error is mapped
 * here — zod issues to 400 with field paths, domain errors to their status, anything else
 * to 500 with only a request id.
 */
export function httpHandler<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(spec: Spec<B, Q, P>, fn: (req: HttpRequest<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<HttpResponse>) {
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
      body: body as z.infer<B>,
      query: query as z.infer<Q>,
      path: path as z.infer<P>,
      headers: event.headers ?? {},
      auth,
      requestId,
      sourceIp: event.requestContext?.http?.sourceIp ?? '',
      event,
    });
    return toResult(res.status ?? 200, res.body, res.headers);
  };
  return middy(base).use({
    before: (request) => {
      logger.addContext(request.context);
    },
    onError: (request) => {
      const requestId = request.event?.requestContext?.requestId ?? request.context?.awsRequestId ?? 'unknown';
      request.response = errorResponse(request.error, requestId);
    },
  });
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

export function toResult(status: number, body?: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 {
  if (status === 204 || body === undefined) return { statusCode: status, headers };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

export function errorResponse(error: unknown, requestId: string): APIGatewayProxyResultV2 {
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
