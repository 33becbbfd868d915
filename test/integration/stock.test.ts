import { describe, expect, it } from 'vitest';
import type { paths } from '../../shared/client/index.js';
import { api, client, consoleState, emailsTo, eventually, local, newTenant } from '../support/local.js';
import { synthTableName } from '../support/table-name.js';

local();
const { Store } = await import('../../shared/data/store.js');
const { createProduct, getProduct } = await import('../../shared/inventory/catalog.js');
const store = new Store(await synthTableName());

async function shopWithProduct(settings: Record<string, unknown> = {}) {
  const t = await newTenant('Stock Shop');
  await createProduct(store, t.tenantId, {
    productId: 'scarpa',
    title: 'Scarpa rossa',
    category: 'shoes',
    settings: { lowStockThreshold: 3, ...settings },
    variants: [
      { sku: 'SC-40', attributes: { size: '40' } },
      { sku: 'SC-41', attributes: { size: '41' } },
    ],
  });
  return t;
}

type AdjustBody = paths['/admin/stock/adjustments']['post']['requestBody']['content']['application/json'];
type OrderBody = paths['/admin/orders/webhook']['post']['requestBody']['content']['application/json'];

/** A stock adjustment that must succeed, through the typed client: its answer. */
async function adjust(key: string, body: AdjustBody, headers: Record<string, string> = {}) {
  const res = await client({ adminKey: key }).POST('/admin/stock/adjustments', { body, headers });
  expect(res.response.status, JSON.stringify(res.error)).toBe(200);
  const answer = res.data!;
  // Only a repeat of a request still running answers without the result; these tests never overlap.
  if (!('applied' in answer)) throw new Error(`no result in ${JSON.stringify(answer)}`);
  return answer;
}
/** Input the API must refuse, sent as raw HTTP. */
const adjustRaw = (key: string, body: unknown) => api('POST', '/admin/stock/adjustments', { key, body });
/** This tenant's events on the bus, in order. */
const tenantEvents = async (tenantId: string) => (await consoleState()).events.filter((e) => e.tenantId === tenantId);

describe('stock adjustments', () => {
  it('applies set and delta, and the same request twice applies once', async () => {
    const t = await shopWithProduct();
    const body = { idempotencyKey: 'erp-batch-0001', changes: [{ sku: 'SC-40', set: 10 }, { sku: 'SC-41', locationId: 'store-1', delta: 4 }] };
    const first = await adjust(t.adminKey, body);
    expect(first).toMatchObject({ applied: 2, replayed: false });
    const again = await adjust(t.adminKey, body);
    expect(again).toMatchObject({ applied: 2, replayed: true });
    const p = await getProduct(store, t.tenantId, 'scarpa');
    expect(p.variants['SC-40']!.onHand).toEqual({ main: 10 });
    expect(p.variants['SC-41']!.onHand).toEqual({ 'store-1': 4 });
  });

  it('counts only stock that can be bought online: a store without ship-from-store does not bring a variant back', async () => {
    const t = await shopWithProduct();
    const loc = await client({ adminKey: t.adminKey }).POST('/admin/locations', { body: { locationId: 'negozio-roma', name: 'Negozio Roma', kind: 'store' } });
    expect(loc.response.status, JSON.stringify(loc.error)).toBe(201);
    const inStore = await adjust(t.adminKey, { changes: [{ sku: 'SC-40', locationId: 'negozio-roma', set: 6 }] });
    expect(inStore).toMatchObject({ applied: 1, transitions: [] });
    expect((await getProduct(store, t.tenantId, 'scarpa')).variants['SC-40']!.state).toBe('out_of_stock');
    const online = await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 2 }] }); // the default online warehouse
    expect(online.transitions).toEqual([{ productId: 'scarpa', sku: 'SC-40', from: 'out_of_stock', to: 'low_stock', available: 2, seq: 1 }]);
  });

  it('writes nothing for an unchanged set', async () => {
    const t = await shopWithProduct();
    await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 7 }] });
    const before = await getProduct(store, t.tenantId, 'scarpa');
    const res = await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 7 }] });
    expect(res).toMatchObject({ applied: 0, unchanged: 1, transitions: [] });
    expect((await getProduct(store, t.tenantId, 'scarpa')).updatedAt).toBe(before.updatedAt);
  });

  it('rejects bad input with the field and reason', async () => {
    const t = await shopWithProduct();
    const res = await adjustRaw(t.adminKey, { changes: [{ sku: 'SC-40', set: -1 }, { sku: 'SC-41', set: 1, delta: 2 }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['body.changes.0.set', 'body.changes.1']));
    const unknown = await adjustRaw(t.adminKey, { changes: [{ sku: 'NOPE', set: 1 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields[0]).toEqual({ field: 'changes.sku', reason: 'unknown SKU NOPE' });
  });

  it('turns a real transition into exactly one event, and none for a change within a state', async () => {
    const t = await shopWithProduct();
    const r1 = await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 10 }] });
    expect(r1.transitions).toEqual([{ productId: 'scarpa', sku: 'SC-40', from: 'out_of_stock', to: 'in_stock', available: 10, seq: 1 }]);
    const r2 = await adjust(t.adminKey, { changes: [{ sku: 'SC-40', delta: -2 }] }); // 8: still in stock
    expect(r2.transitions).toEqual([]);
    const r3 = await adjust(t.adminKey, { changes: [{ sku: 'SC-40', delta: -5 }] }); // 3: low
    expect(r3.transitions.map((x) => x.to)).toEqual(['low_stock']);
    const r4 = await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 0 }] });
    expect(r4.transitions.map((x) => x.to)).toEqual(['out_of_stock']);
    // The bus saw exactly BackInStock, StockLow, StockDepleted for this tenant (ids sku:seq).
    const mine = await eventually(async () => {
      const got = await tenantEvents(t.tenantId);
      return got.length >= 4 && got;
    }, 'transition events');
    expect(mine.map((e) => [e.detailType, e.detailEventId])).toEqual([
      ['TenantCreated', `tenant-created:${t.tenantId}`],
      ['BackInStock', 'SC-40:1'],
      ['StockLow', 'SC-40:2'],
      ['StockDepleted', 'SC-40:3'],
    ]);
    const p = await getProduct(store, t.tenantId, 'scarpa');
    expect(p.variants['SC-40']).toMatchObject({ state: 'out_of_stock', transitionSeq: 3 });
  });

  it('keeps tenants apart: A cannot adjust B’s SKU even knowing it', async () => {
    const a = await shopWithProduct();
    const b = await shopWithProduct();
    await adjust(b.adminKey, { changes: [{ sku: 'SC-40', set: 5 }] });
    const res = await adjust(a.adminKey, { changes: [{ sku: 'SC-40', set: 99 }] }); // A's own SC-40 (same SKU, different tenant) …
    expect(res.applied).toBe(1);
    expect((await getProduct(store, b.tenantId, 'scarpa')).variants['SC-40']!.onHand).toEqual({ main: 5 }); // … B untouched
    expect((await getProduct(store, a.tenantId, 'scarpa')).variants['SC-40']!.onHand).toEqual({ main: 99 });
  });
});

describe('order webhook', () => {
  const order = async (key: string, body: OrderBody) => {
    const res = await client({ adminKey: key }).POST('/admin/orders/webhook', { body });
    return { status: res.response.status, body: res.data! };
  };

  it('decrements once per order id, restores once on cancel, and records sales', async () => {
    const t = await shopWithProduct();
    await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 10 }] });
    const placed = { type: 'placed', orderId: 'ord-1', shopper: { email: 'anna@example.com' }, lines: [{ sku: 'SC-40', quantity: 3, price: 8900 }] } satisfies OrderBody;
    expect((await order(t.adminKey, placed)).status).toBe(202);
    const dup = await order(t.adminKey, placed);
    expect(dup.status).toBe(200);
    expect(dup.body.duplicate).toBe(true);
    let p = await getProduct(store, t.tenantId, 'scarpa');
    expect(p.variants['SC-40']!.onHand.main).toBe(7);
    expect(Object.values(p.variants['SC-40']!.recentSales)).toEqual([3]);

    expect((await order(t.adminKey, { type: 'cancelled', orderId: 'ord-1' })).status).toBe(202);
    expect((await order(t.adminKey, { type: 'cancelled', orderId: 'ord-1' })).body.duplicate).toBe(true);
    p = await getProduct(store, t.tenantId, 'scarpa');
    expect(p.variants['SC-40']!.onHand.main).toBe(10);
    expect(Object.values(p.variants['SC-40']!.recentSales)).toEqual([0]);
  });

  it('restocks returns once per return id and refuses returning more than ordered', async () => {
    const t = await shopWithProduct();
    await adjust(t.adminKey, { changes: [{ sku: 'SC-41', set: 5 }] });
    await order(t.adminKey, { type: 'placed', orderId: 'ord-2', lines: [{ sku: 'SC-41', quantity: 2, price: 5000 }] });
    const ret = { type: 'returned', orderId: 'ord-2', returnId: 'rma-1', lines: [{ sku: 'SC-41', quantity: 1 }] } satisfies OrderBody;
    expect((await order(t.adminKey, ret)).body.status).toBe('partially_returned');
    expect((await order(t.adminKey, ret)).body.duplicate).toBe(true);
    expect((await getProduct(store, t.tenantId, 'scarpa')).variants['SC-41']!.onHand.main).toBe(4);
    const tooMany = await api('POST', '/admin/orders/webhook', { key: t.adminKey, body: { ...ret, returnId: 'rma-2', lines: [{ sku: 'SC-41', quantity: 2 }] } });
    expect(tooMany.status).toBe(422);
  });

  it('does not sell a stranger’s stock: unknown SKUs are refused', async () => {
    const t = await shopWithProduct();
    const res = await api('POST', '/admin/orders/webhook', { key: t.adminKey, body: { type: 'placed', orderId: 'x', lines: [{ sku: 'GHOST', quantity: 1, price: 1 }] } });
    expect(res.status).toBe(422);
  });
});

describe('low-stock alerts', () => {
  it('e-mails the merchant when a variant falls to its threshold, at most once per window', async () => {
    const t = await shopWithProduct();
    await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 10 }] });
    await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 2 }] }); // StockLow
    const mail = await eventually(async () => (await emailsTo(t.contactEmail)).find((m) => m.subject.startsWith('Low stock')), 'the low-stock e-mail');
    expect(mail.subject).toBe('Low stock: Scarpa rossa (SC-40)');
    // Flapping: back up, then low again within the window → no second e-mail.
    await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 10 }] });
    await adjust(t.adminKey, { changes: [{ sku: 'SC-40', set: 1 }] });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await emailsTo(t.contactEmail)).filter((m) => m.subject.startsWith('Low stock'))).toHaveLength(1);
  });
});
