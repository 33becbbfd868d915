import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError, NotFoundError, TooManyRequestsError, UnprocessableError } from '../../../shared/errors.js';
import { httpHandler } from '../../../shared/http/handler.js';

const event = (over: Partial<APIGatewayProxyEventV2> & { tenantId?: string } = {}): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /x',
    rawPath: '/x',
    rawQueryString: '',
    headers: {},
    requestContext: { requestId: 'req-1', http: { sourceIp: '1.2.3.4' }, authorizer: over.tenantId ? { lambda: { tenantId: over.tenantId } } : undefined },
    isBase64Encoded: false,
    ...over,
  }) as unknown as APIGatewayProxyEventV2;
const ctx = { awsRequestId: 'aws-1' } as Context;
const call = async (h: ReturnType<typeof httpHandler>, e: APIGatewayProxyEventV2) => (await h(e as never, ctx)) as APIGatewayProxyStructuredResultV2;
const json = (r: APIGatewayProxyStructuredResultV2) => JSON.parse(r.body!);

describe('httpHandler error mapping', () => {
  const h = httpHandler(
    { body: z.object({ qty: z.number().int().nonnegative(), sku: z.string().min(1) }), query: z.object({ mode: z.enum(['a', 'b']).optional() }) },
    async ({ body }) => ({ status: 201, body: { got: body } }),
  );

  it('passes parsed input to the handler', async () => {
    const res = await call(h, event({ body: JSON.stringify({ qty: 2, sku: 'A' }) }));
    expect(res.statusCode).toBe(201);
    expect(json(res)).toEqual({ got: { qty: 2, sku: 'A' } });
  });

  it('maps zod issues to 400 with every field path and reason', async () => {
    const res = await call(h, event({ body: JSON.stringify({ qty: -1 }), queryStringParameters: { mode: 'z' } }));
    expect(res.statusCode).toBe(400);
    const fields = json(res).error.fields as { field: string; reason: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['body.qty', 'body.sku', 'query.mode']);
    expect(fields.every((f) => f.reason.length > 0)).toBe(true);
  });

  it('maps typed domain errors to their status', async () => {
    const cases: [Error, number][] = [
      [new NotFoundError('Product'), 404],
      [new ConflictError('already'), 409],
      [new UnprocessableError('nope', [{ field: 'x', reason: 'y' }]), 422],
      [new TooManyRequestsError(30), 429],
    ];
    for (const [error, status] of cases) {
      const res = await call(httpHandler({}, async () => { throw error; }), event());
      expect(res.statusCode).toBe(status);
      expect(json(res).error.requestId).toBe('req-1');
      if (status === 429) expect(res.headers?.['retry-after']).toBe('30');
    }
  });

  it('hides anything unexpected behind a 500 with only the request id', async () => {
    const res = await call(httpHandler({}, async () => { throw new Error('SELECT * FROM secrets at db.ts:42'); }), event());
    expect(res.statusCode).toBe(500);
    expect(json(res)).toEqual({ error: { code: 'internal', message: 'Internal error', requestId: 'req-1' } });
  });

  it('requires the authorizer tenant on tenant routes', async () => {
    const t = httpHandler({ tenant: true }, async ({ auth }) => ({ body: { tenantId: auth.tenantId } }));
    expect((await call(t, event())).statusCode).toBe(401);
    expect(json(await call(t, event({ tenantId: 'tabc' })))).toEqual({ tenantId: 'tabc' });
  });
});
