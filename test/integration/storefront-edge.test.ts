import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { paths } from '../../shared/client/index.js';
import { checkedFetch } from '../support/contract.js';
import { api, client, local } from '../support/local.js';
import { synthTableName } from '../support/table-name.js';
import { onHand, product, sf, shop, storefrontClient } from './storefront-fixtures.js';

// The storefront's edge: per-tenant CORS, per-client rate limits, HTTP caching, tenant
// isolation, the single DynamoDB round trip of a listing, and demand capture without PII.

local();
const today = () => new Date().toISOString().slice(0, 10);
const productPath = (productId: string) => ({ params: { path: { productId } } });

/** Fixed one-minute windows: start a burst early in a minute so it cannot straddle two. */
async function earlyInMinute() {
  const s = new Date().getUTCSeconds();
  if (s > 40) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
}

describe('CORS per tenant', () => {
  it('names an allowed origin, refuses any other browser origin, and serves servers', async () => {
    const s = await shop({ allowedOrigins: ['https://bottega.example'] });
    await product(s.tenantId, { productId: 'p', title: 'Secret title', variants: [{ sku: 'p-1' }] });

    const storefront = storefrontClient(s.key);
    const allowed = await storefront.GET('/storefront/products/{productId}', { ...productPath('p'), headers: { origin: 'https://bottega.example' } });
    expect(allowed.response.status).toBe(200);
    expect(allowed.response.headers.get('access-control-allow-origin')).toBe('https://bottega.example');
    expect(allowed.response.headers.get('vary')).toMatch(/origin/i);
    expect(allowed.response.headers.get('vary')).toMatch(/x-restock-key/i);

    const other = await sf(s.key, '/storefront/products/p', { headers: { origin: 'https://copycat.example' } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(JSON.stringify(other.body)).not.toContain('Secret title');

    // No Origin: a server-to-server call, not a browser; CORS does not apply.
    const server = await storefront.GET('/storefront/products/{productId}', productPath('p'));
    expect(server.response.status).toBe(200);
    expect(server.response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a browser ask (preflight without a key), and leaves the answer to the real response', async () => {
    const res = await checkedFetch(`${local().urls.api}/storefront/products/p`, {
      method: 'OPTIONS',
      headers: { origin: 'https://bottega.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-restock-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://bottega.example');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/x-restock-key/);
  });
});

describe('rate limits per client', () => {
  it('answers 429 with Retry-After once a client passes the tenant’s limit, for that tenant only', async () => {
    const s = await shop({ allowedOrigins: ['https://bottega.example'] });
    const other = await shop();
    expect((await client({ adminKey: s.adminKey }).PUT('/admin/storefront/config', { body: { rateLimitPerMinute: 10 } })).response.status).toBe(200);
    await product(s.tenantId, { productId: 'p', variants: [{ sku: 'p-1' }] });
    await product(other.tenantId, { productId: 'p', variants: [{ sku: 'p-1' }] });
    await earlyInMinute();

    const statuses: number[] = [];
    const storefront = storefrontClient(s.key);
    for (let i = 0; i < 10; i++) statuses.push((await storefront.GET('/storefront/products/{productId}', productPath('p'))).response.status);
    expect(statuses).toEqual(Array(10).fill(200));
    const limited = await sf(s.key, '/storefront/products/p', { headers: { origin: 'https://bottega.example' } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too_many_requests');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The shop's page can read the refusal (its origin is allowed).
    expect(limited.headers.get('access-control-allow-origin')).toBe('https://bottega.example');
    // Every storefront route shares the client's budget.
    expect((await sf(s.key, '/storefront/config')).status).toBe(429);
    // Another tenant's shoppers are not affected.
    expect((await storefrontClient(other.key).GET('/storefront/products/{productId}', productPath('p'))).response.status).toBe(200);
  });
});

describe('HTTP caching', () => {
  it('sends Cache-Control and an ETag, answers If-None-Match with 304, and changes the tag with the stock', async () => {
    const s = await shop();
    await product(s.tenantId, { productId: 'p', variants: [{ sku: 'p-1' }] });
    await onHand(s.tenantId, { 'p-1': 10 });

    const storefront = storefrontClient(s.key);
    const first = await storefront.GET('/storefront/products/{productId}', productPath('p'));
    expect(first.response.status).toBe(200);
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{10,}"$/);
    expect(first.response.headers.get('cache-control')).toMatch(/public, max-age=\d+/);

    const again = await sf(s.key, '/storefront/products/p', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.get('etag')).toBe(etag);

    await onHand(s.tenantId, { 'p-1': 1 });
    const changed = await storefront.GET('/storefront/products/{productId}', { ...productPath('p'), headers: { 'if-none-match': etag } });
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get('etag')).not.toBe(etag);
    expect(changed.data!.availability.unitsLeft).toBe(1);

    // Errors and writes are never cached.
    expect((await sf(s.key, '/storefront/products/none')).headers.get('cache-control')).toBe('no-store');
    const listing = await storefront.GET('/storefront/availability', { params: { query: { ids: 'p' } } });
    expect(listing.response.status).toBe(200);
    expect((await sf(s.key, '/storefront/availability?ids=p', { headers: { 'if-none-match': listing.response.headers.get('etag')! } })).status).toBe(304);
  });
});

describe('tenant isolation', () => {
  it('never returns another tenant’s products, even for the same product id', async () => {
    const a = await shop({ name: 'Shop A' });
    const b = await shop({ name: 'Shop B' });
    await product(a.tenantId, { productId: 'same', title: 'A’s product', variants: [{ sku: 'a-1' }] });
    await product(b.tenantId, { productId: 'same', title: 'B’s product', variants: [{ sku: 'b-1' }] });
    await product(b.tenantId, { productId: 'only-b', title: 'Only in B', variants: [{ sku: 'b-2' }] });
    await onHand(b.tenantId, { 'b-2': 5 });

    const shopA = storefrontClient(a.key);
    expect((await shopA.GET('/storefront/products/{productId}', productPath('same'))).data!.title).toBe('A’s product');
    expect((await storefrontClient(b.key).GET('/storefront/products/{productId}', productPath('same'))).data!.title).toBe('B’s product');
    expect((await sf(a.key, '/storefront/products/only-b')).status).toBe(404);
    expect((await sf(a.key, '/storefront/products/only-b/stores')).status).toBe(404);
    const listing = await shopA.GET('/storefront/availability', { params: { query: { ids: 'same,only-b' } } });
    expect(listing.data!.items.map((i) => i.title)).toEqual(['A’s product']);
    expect(listing.data!.missing).toEqual(['only-b']);
    const alts = await shopA.GET('/storefront/products/{productId}/alternatives', productPath('same'));
    expect(alts.response.status).toBe(200);
    expect(JSON.stringify(alts.data)).not.toContain('Only in B');
  });
});

describe('a listing of 100 products', () => {
  it('answers over the gateway and reads the products in exactly one DynamoDB call', async () => {
    const s = await shop();
    const ids = Array.from({ length: 100 }, (_, i) => `item-${String(i).padStart(3, '0')}`);
    for (const id of ids) await product(s.tenantId, { productId: id, category: 'bulk', variants: [{ sku: `${id}-u`, attributes: { size: String(36 + (Number(id.slice(-3)) % 10)) } }] });
    await onHand(s.tenantId, Object.fromEntries(ids.filter((_, i) => i % 4 !== 0).map((id) => [`${id}-u`, 10])));

    const res = await storefrontClient(s.key).GET('/storefront/availability', { params: { query: { ids: ids.join(',') } } });
    expect(res.response.status).toBe(200);
    expect(res.data!.items).toHaveLength(100);
    expect(res.data!.items.slice(-25).every((i) => i.state === 'out_of_stock')).toBe(true);
    expect(res.data!.items.slice(0, 75).every((i) => i.available)).toBe(true);

    // Count the calls: the handler runs in this process against the same local table, with
    // a middleware on the shared DynamoDB client recording every command it sends.
    process.env.TABLE_NAME = await synthTableName();
    process.env.EVENT_BUS_NAME = 'Restock-bus';
    const { dynamo } = await import('../../shared/data/client.js');
    const { handler } = await import('../../functions/storefront/availability.js');
    const calls: string[] = [];
    dynamo.middlewareStack.add((next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    }, { step: 'initialize', name: 'countStorefrontCalls' });
    const event = (q: string) =>
      ({
        version: '2.0',
        routeKey: 'GET /storefront/availability',
        rawPath: '/storefront/availability',
        rawQueryString: q,
        headers: {},
        queryStringParameters: { ids: q },
        requestContext: { requestId: `r-${Math.random()}`, http: { method: 'GET', path: '/storefront/availability', sourceIp: '10.1.2.3' }, authorizer: { lambda: { tenantId: s.tenantId } } },
        isBase64Encoded: false,
      }) as never;
    const warm = await handler(event(ids.join(',')), {} as never); // loads the tenant's settings once per container
    expect(warm.statusCode).toBe(200);
    calls.length = 0;
    const res2 = await handler(event(ids.join(',')), {} as never);
    dynamo.middlewareStack.remove('countStorefrontCalls');
    expect(res2.statusCode).toBe(200);
    expect(JSON.parse(res2.body!).items).toHaveLength(100);
    // One read (the BatchGetItem of all 100 product items) and the rate-limit counter's write.
    expect(calls.sort()).toEqual(['BatchGetItemCommand', 'UpdateItemCommand']);
  }, 240_000); // 100 products are created first, one transaction each
});

describe('demand capture', () => {
  it('aggregates signals per tenant, subject and day with one counter each, and stores no PII', async () => {
    const s = await shop();
    const other = await shop();
    type Signal = paths['/storefront/signals']['post']['requestBody']['content']['application/json'];
    const signal = async (body: Signal, key = s.key) => (await storefrontClient(key).POST('/storefront/signals', { body })).response.status;
    for (let i = 0; i < 3; i++) expect(await signal({ type: 'oos_view', productId: 'boot', sku: 'boot-42', shopperId: 'shopper-0001-secret' })).toBe(202);
    expect(await signal({ type: 'cart_attempt_unavailable', productId: 'boot', sku: 'boot-42' })).toBe(202);
    expect(await signal({ type: 'oos_view', productId: 'scarf' })).toBe(202);
    expect(await signal({ type: 'search_no_results', query: 'Red  Boots mario.rossi@example.com +39 333 123 4567' })).toBe(202);
    expect(await signal({ type: 'search_no_results', query: 'red boots' })).toBe(202);
    expect(await signal({ type: 'search_sold_out', query: 'boots', productId: 'boot' })).toBe(202);
    expect(await signal({ type: 'oos_view', productId: 'boot', sku: 'boot-42' }, other.key)).toBe(202);

    const bad = await sf(s.key, '/storefront/signals', { method: 'POST', body: { type: 'oos_view' } });
    expect(bad.status).toBe(400);
    expect((await sf(s.key, '/storefront/signals', { method: 'POST', body: { type: 'teleport', productId: 'boot' } })).status).toBe(400);

    const demand = (adminKey: string, query: { type?: 'oos_view' } = {}) => client({ adminKey }).GET('/admin/demand', { params: { query: { from: today(), to: today(), ...query } } });
    const report = await demand(s.adminKey);
    expect(report.response.status).toBe(200);
    const rows = report.data!.rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        { day: today(), kind: 'sku', sku: 'boot-42', productId: 'boot', counts: { oos_view: 3, cart_attempt_unavailable: 1 }, total: 4 },
        { day: today(), kind: 'product', productId: 'scarf', counts: { oos_view: 1 }, total: 1 },
        { day: today(), kind: 'query', query: 'red boots', counts: { search_no_results: 2 }, total: 2 },
        { day: today(), kind: 'product', productId: 'boot', counts: { search_sold_out: 1 }, total: 1 },
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(report.data!.totals[0]).toMatchObject({ kind: 'sku', sku: 'boot-42', total: 4 });
    const only = await demand(s.adminKey, { type: 'oos_view' });
    expect(only.response.status).toBe(200);
    expect(only.data!.rows.map((r) => r.total).sort()).toEqual([1, 3]);
    // The other tenant's signal is its own.
    const theirs = await demand(other.adminKey);
    expect(theirs.response.status).toBe(200);
    expect(theirs.data!.rows).toEqual([{ day: today(), kind: 'sku', sku: 'boot-42', productId: 'boot', counts: { oos_view: 1 }, total: 1 }]);

    // What is stored: counters and subjects, no e-mail, phone or shopper id.
    const { dynamo } = await import('../../shared/data/client.js');
    const stored = await dynamo.send(new QueryCommand({ TableName: await synthTableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `T#${s.tenantId}#DEMAND#${today()}` } }));
    const text = JSON.stringify(stored.Items);
    expect(stored.Items).toHaveLength(4);
    expect(text).not.toMatch(/@|mario|333|4567|shopper-0001/);
    expect(stored.Items!.every((i) => typeof i.expiresAt === 'number' && i.expiresAt > Date.now() / 1000 + 390 * 86_400)).toBe(true);

    expect((await api('GET', `/admin/demand?from=2025-01-01&to=2025-12-31`, { key: s.adminKey })).status).toBe(400);
    expect((await api('GET', `/admin/demand?from=${today()}&to=${today()}`, { headers: { 'x-restock-key': s.key } })).status).toBe(401);
  });
});
