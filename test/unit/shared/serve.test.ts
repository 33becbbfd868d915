import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { serve } from '../../../shared/http/handler.js';
import { defineRoutes } from '../../../shared/http/route.js';
import { logger } from '../../../shared/observability/logger.js';
import { checkAnswer, ContractViolation } from '../../support/contract.js';

const group = defineRoutes({
  capability: 'test',
  entry: 'functions/test/handler.ts',
  routes: {
    getThing: {
      method: 'GET',
      path: '/admin/things/{thingId}',
      auth: 'admin',
      summary: 'A thing',
      params: z.object({ thingId: z.string().regex(/^t-\d+$/) }),
      query: z.object({ n: z.coerce.number().int().max(5).default(1) }),
      responses: { 200: { description: 'ok', body: z.object({ thingId: z.string(), n: z.number(), tenantId: z.string() }) } },
    },
    page: {
      method: 'GET',
      path: '/p/{token}',
      auth: 'public',
      publicReason: 'signed token',
      summary: 'A page',
      params: z.object({ token: z.string() }),
      responses: { 200: { description: 'a page', contentType: 'text/html' } },
      raw: true,
    },
  },
});

const event = (routeKey: string, over: Record<string, unknown> = {}) =>
  ({ version: '2.0', routeKey, rawPath: '/', headers: {}, requestContext: { requestId: 'r-1', http: { method: 'GET', sourceIp: '1.2.3.4' } }, isBase64Encoded: false, ...over }) as unknown as APIGatewayProxyEventV2;
const context = { awsRequestId: 'aws-1', functionName: 'fn', functionVersion: '1', invokedFunctionArn: 'arn:aws:lambda:us-east-1:0:function:fn', memoryLimitInMB: '128', getRemainingTimeInMillis: () => 1000 } as unknown as Context;

afterEach(() => vi.restoreAllMocks());

describe('serve: a Lambda for a group of declared routes', () => {
  const handler = serve(group, {
    getThing: async ({ path, query, tenantId }) => {
      logger.info('serving a thing');
      return { body: { thingId: path.thingId, n: query.n, tenantId } };
    },
    page: async () => {
      logger.info('serving a page');
      return { statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<p>hi</p>' };
    },
  });

  it('dispatches on the route key and parses with the declared schemas, tenant typed', async () => {
    const res = await handler(event('GET /admin/things/{thingId}', { pathParameters: { thingId: 't-7' }, queryStringParameters: { n: '3' }, requestContext: { requestId: 'r', http: { method: 'GET' }, authorizer: { lambda: { tenantId: 'tabc' } } } }), context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual({ thingId: 't-7', n: 3, tenantId: 'tabc' });
    expect(handler.routeKeys.sort()).toEqual(['GET /admin/things/{thingId}', 'GET /p/{token}']);
  });

  it('answers 400 with every bad field, 401 without a tenant, 404 for a route it does not serve', async () => {
    const bad = await handler(event('GET /admin/things/{thingId}', { pathParameters: { thingId: 'x' }, queryStringParameters: { n: '9' }, requestContext: { requestId: 'r', http: { method: 'GET' }, authorizer: { lambda: { tenantId: 'tabc' } } } }), context);
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body!).error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['path.thingId', 'query.n']);
    expect((await handler(event('GET /admin/things/{thingId}', { pathParameters: { thingId: 't-1' } }), context)).statusCode).toBe(401);
    expect((await handler(event('GET /nowhere'), context)).statusCode).toBe(404);
  });

  it('does not carry one request’s tenant id into the next request’s logs on a warm container', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    await handler(event('GET /admin/things/{thingId}', { pathParameters: { thingId: 't-1' }, requestContext: { requestId: 'r', http: { method: 'GET' }, authorizer: { lambda: { tenantId: 'tfirst' } } } }), context);
    await handler(event('GET /p/{token}', { pathParameters: { token: 'x' } }), context);
    const logs = lines.flatMap((l) => l.split('\n')).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const thing = logs.find((l) => l.message === 'serving a thing');
    const page = logs.find((l) => l.message === 'serving a page');
    expect(thing?.tenantId).toBe('tfirst');
    expect(page).toBeDefined();
    expect(page!.tenantId).toBeUndefined();
  });
});

describe('the contract check the integration tests run on every answer', () => {
  it('accepts a declared answer and refuses an undeclared status or a body that does not match', () => {
    const tenant = JSON.stringify({ tenant: { tenantId: 'tabcdefghijk', name: 'Shop', contactEmail: 'a@shop.example', locale: 'en', status: 'active', createdAt: '2026-01-01T00:00:00.000Z', allowedOrigins: [], productCount: 0, settings: { inventory: { lowStockThreshold: 5, displayThreshold: 3, safetyStock: 0, shipFromStore: false }, alerts: { lowStockWindowHours: 24, dailyDigest: false } } } });
    expect(() => checkAnswer('GET', 'http://x/admin/tenant', 200, 'application/json', tenant)).toThrow(ContractViolation); // settings incomplete
    expect(() => checkAnswer('GET', 'http://x/admin/tenant', 418, 'application/json', '{}')).toThrow(/status not declared/);
    expect(() => checkAnswer('GET', 'http://x/admin/tenant', 404, 'application/json', JSON.stringify({ error: { code: 'not_found', message: 'Tenant not found' } }))).toThrow(/requestId/);
    expect(() => checkAnswer('GET', 'http://x/admin/tenant', 404, 'application/json', JSON.stringify({ error: { code: 'not_found', message: 'Tenant not found', requestId: 'r' } }))).not.toThrow();
    expect(() => checkAnswer('GET', 'http://x/admin/tenant', 401, 'application/json', JSON.stringify({ message: 'Unauthorized' }))).not.toThrow();
    expect(() => checkAnswer('GET', 'http://x/not/a/route', 404, 'application/json', '{"message":"Not Found"}')).not.toThrow();
  });
});
