import { describe, expect, it } from 'vitest';
import type { paths } from '../../shared/client/index.js';
import { api, client, consoleState, eventually, local, newTenant } from '../support/local.js';

local();

type Tenant = Awaited<ReturnType<typeof newTenant>>;
type ProductBody = paths['/admin/products']['post']['requestBody']['content']['application/json'];
const uid = () => Math.random().toString(36).slice(2, 8);
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** The typed client with the tenant's admin key. */
const admin = (t: Pick<Tenant, 'adminKey'> | string) => client({ adminKey: typeof t === 'string' ? t : t.adminKey });

async function product(t: Tenant, skus: string[], extra: Partial<ProductBody> = {}) {
  const res = await admin(t).POST('/admin/products', {
    body: { title: 'Scarpa rossa', variants: skus.map((sku) => ({ sku, attributes: { size: sku.slice(-2) } })), ...extra },
  });
  expect(res.response.status, JSON.stringify(res.error)).toBe(201);
  return res.data!.product;
}

const variantsOf = async (t: Tenant, productId: string) => (await admin(t).GET('/admin/products/{productId}', { params: { path: { productId } } })).data!.product.variants;
/** A tenant's own events of one type (the console keeps every tenant's in its log; other tests' events never count). */
const eventCount = async (tenantId: string, detailType: string) => (await consoleState(tenantId)).events.filter((e) => e.detailType === detailType).length;

describe('products', () => {
  it('creates, reads and lists with an opaque cursor: every product once, in pages', async () => {
    const t = await newTenant();
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await product(t, [`SKU-${i}-${uid()}`], { productId: `prod-${i}` }));
    expect(created[0]!.variants).toEqual({ [Object.keys(created[0]!.variants)[0]!]: expect.objectContaining({ state: 'out_of_stock', incoming: 0, onHand: {} }) });

    const got = await admin(t).GET('/admin/products/{productId}', { params: { path: { productId: 'prod-3' } } });
    expect(got.response.status).toBe(200);
    expect(got.data!.product).toMatchObject({ productId: 'prod-3', title: 'Scarpa rossa', status: 'active' });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await admin(t).GET('/admin/products', { params: { query: { limit: 2, cursor } } });
      expect(res.response.status).toBe(200);
      expect(res.data!.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.data!.items.map((p) => p.productId));
      cursor = res.data!.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['prod-0', 'prod-1', 'prod-2', 'prod-3', 'prod-4']);
    expect(pages).toBeGreaterThanOrEqual(3);

    // A duplicate product id is a conflict; a product needs at least one variant.
    expect((await api('POST', '/admin/products', { key: t.adminKey, body: { productId: 'prod-1', title: 'x', variants: [{ sku: `X-${uid()}` }] } })).status).toBe(409);
    const bad = await api('POST', '/admin/products', { key: t.adminKey, body: { title: '', variants: [], price: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['body.title', 'body.variants', 'body.price']));
  });

  it('refuses a cursor from another tenant, and a forged one, with 400', async () => {
    const a = await newTenant('Shop A');
    const b = await newTenant('Shop B');
    for (let i = 0; i < 3; i++) await product(b, [`B-${i}-${uid()}`]);
    const page = await admin(b).GET('/admin/products', { params: { query: { limit: 1 } } });
    expect(page.data!.cursor).toBeTruthy();
    const stolen = await api('GET', `/admin/products?limit=1&cursor=${encodeURIComponent(page.data!.cursor!)}`, { key: a.adminKey });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.fields).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
    expect((await api('GET', '/admin/products?cursor=not-a-cursor', { key: a.adminKey })).status).toBe(400);
    expect((await api('GET', '/admin/products?limit=0', { key: a.adminKey })).status).toBe(400);
  });

  it('patches descriptive fields and settings, never stock; archives on DELETE', async () => {
    const t = await newTenant();
    const sku = `P-${uid()}`;
    const p = await product(t, [sku], { description: 'old', brand: 'Acme' });

    const productPath = { params: { path: { productId: p.productId } } };
    const patched = await admin(t).PATCH('/admin/products/{productId}', {
      ...productPath,
      body: { title: 'Scarpa blu', description: null, tags: ['summer'], price: 8900, settings: { lowStockThreshold: 2, safetyStock: 1 } },
    });
    expect(patched.response.status, JSON.stringify(patched.error)).toBe(200);
    expect(patched.data!.product).toMatchObject({ title: 'Scarpa blu', brand: 'Acme', tags: ['summer'], price: 8900, settings: { lowStockThreshold: 2, safetyStock: 1 } });
    expect(patched.data!.product.description).toBeUndefined();

    // Settings merge key by key; null goes back to the default.
    const merged = await admin(t).PATCH('/admin/products/{productId}', { ...productPath, body: { settings: { safetyStock: null, displayThreshold: 4 } } });
    expect(merged.data!.product.settings).toEqual({ lowStockThreshold: 2, displayThreshold: 4 });

    // Stock fields cannot be patched; nor can an empty patch or a malformed URL pass.
    const stockPatch = await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: { variants: { [sku]: { onHand: { main: 99 } } } } });
    expect(stockPatch.status).toBe(400);
    expect(stockPatch.body.error.fields[0].field).toBe('body');
    expect((await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: {} })).status).toBe(400);
    const badUrl = await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: { url: 'javascript:alert(1)' } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.fields[0].field).toBe('body.url');
    expect((await api('PATCH', '/admin/products/nope', { key: t.adminKey, body: { title: 'x' } })).status).toBe(404);

    const archived = await admin(t).DELETE('/admin/products/{productId}', productPath);
    expect(archived.response.status).toBe(200);
    expect(archived.data!.product.status).toBe('archived');
    expect((await admin(t).GET('/admin/products/{productId}', productPath)).data!.product.status).toBe('archived');
    expect((await api('DELETE', '/admin/products/nope', { key: t.adminKey })).status).toBe(404);
  });

  it('turning preorders on opens them at once: the transition is published', async () => {
    const t = await newTenant();
    const p = await product(t, [`PRE-${uid()}`, `PRE-${uid()}`]);
    const before = await eventCount(t.tenantId, 'PreorderOpened');
    const preorder = { params: { path: { productId: p.productId } }, body: { settings: { preorder: { enabled: true, label: 'Ships in December' } } } };
    const res = await admin(t).PATCH('/admin/products/{productId}', preorder);
    expect(res.response.status).toBe(200);
    expect(res.data!.transitions).toHaveLength(2);
    expect(res.data!.transitions.every((x) => x.from === 'out_of_stock' && x.to === 'preorder')).toBe(true);
    expect(Object.values(res.data!.product.variants).map((v) => v.state)).toEqual(['preorder', 'preorder']);
    await eventually(async () => (await eventCount(t.tenantId, 'PreorderOpened')) >= before + 2, 'two PreorderOpened events');
    // The same settings again change nothing and publish nothing.
    const again = await admin(t).PATCH('/admin/products/{productId}', preorder);
    expect(again.data!.transitions).toEqual([]);
  });
});

describe('variants', () => {
  it('adds and removes variants; a SKU belongs to one product of a tenant', async () => {
    const t = await newTenant();
    const [s1, s2, s3] = [`V-${uid()}`, `V-${uid()}`, `V-${uid()}`];
    const p1 = await product(t, [s1]);
    const p2 = await product(t, [s2]);

    const added = await admin(t).POST('/admin/products/{productId}/variants', { params: { path: { productId: p1.productId } }, body: { sku: s3, attributes: { colour: 'red' }, price: 5000 } });
    expect(added.response.status).toBe(201);
    expect(Object.keys(added.data!.product.variants).sort()).toEqual([s1, s3].sort());
    expect(added.data!.product.variants[s3]).toMatchObject({ attributes: { colour: 'red' }, price: 5000, state: 'out_of_stock' });

    // The same SKU on this product, or one owned by another product: 409.
    expect((await api('POST', `/admin/products/${p1.productId}/variants`, { key: t.adminKey, body: { sku: s3 } })).status).toBe(409);
    expect((await api('POST', `/admin/products/${p1.productId}/variants`, { key: t.adminKey, body: { sku: s2 } })).status).toBe(409);
    expect((await api('POST', '/admin/products', { key: t.adminKey, body: { title: 'dup', variants: [{ sku: s1 }] } })).status).toBe(409);
    expect((await api('POST', `/admin/products/nope/variants`, { key: t.adminKey, body: { sku: `V-${uid()}` } })).status).toBe(404);
    expect((await api('POST', `/admin/products/${p1.productId}/variants`, { key: t.adminKey, body: { sku: 'has space' } })).status).toBe(400);
    expect((await admin(t).GET('/admin/products/{productId}', { params: { path: { productId: p2.productId } } })).data!.product.variants[s2]).toBeDefined();

    const removed = await admin(t).DELETE('/admin/products/{productId}/variants/{sku}', { params: { path: { productId: p1.productId, sku: s3 } } });
    expect(removed.response.status).toBe(200);
    expect(Object.keys(removed.data!.product.variants)).toEqual([s1]);
    expect((await api('DELETE', `/admin/products/${p1.productId}/variants/${s3}`, { key: t.adminKey })).status).toBe(404);
    // The SKU is free again, for any product.
    expect((await admin(t).POST('/admin/products/{productId}/variants', { params: { path: { productId: p2.productId } }, body: { sku: s3 } })).response.status).toBe(201);
  });
});

describe('locations and suppliers', () => {
  it('CRUD for locations', async () => {
    const t = await newTenant();
    const created = await admin(t).POST('/admin/locations', { body: { locationId: 'milano', name: 'Milano store', kind: 'store', city: 'Milano', pickup: true } });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    expect(created.data!.location).toMatchObject({ locationId: 'milano', kind: 'store', countsOnline: true, pickup: true });
    expect((await api('POST', '/admin/locations', { key: t.adminKey, body: { locationId: 'milano', name: 'again', kind: 'store' } })).status).toBe(409);
    expect((await admin(t).POST('/admin/locations', { body: { locationId: 'wh-1', name: 'Warehouse', kind: 'warehouse' } })).response.status).toBe(201);

    const bad = await api('POST', '/admin/locations', { key: t.adminKey, body: { locationId: 'x y', name: 'x', kind: 'shed' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.kind', 'body.locationId']);

    const list = await admin(t).GET('/admin/locations');
    expect(list.data!.items.map((l) => l.locationId)).toEqual(['milano', 'wh-1']);

    const milano = { params: { path: { locationId: 'milano' } } };
    const put = await admin(t).PUT('/admin/locations/{locationId}', { ...milano, body: { name: 'Milano Brera', kind: 'store', countsOnline: false } });
    expect(put.response.status).toBe(200);
    expect((await admin(t).GET('/admin/locations/{locationId}', milano)).data!.location).toMatchObject({ name: 'Milano Brera', countsOnline: false, pickup: false });
    expect((await api('PUT', '/admin/locations/nowhere', { key: t.adminKey, body: { name: 'x', kind: 'store' } })).status).toBe(404);

    expect((await admin(t).DELETE('/admin/locations/{locationId}', milano)).response.status).toBe(204);
    expect((await api('GET', '/admin/locations/milano', { key: t.adminKey })).status).toBe(404);
    expect((await api('DELETE', '/admin/locations/milano', { key: t.adminKey })).status).toBe(404);
  });

  it('CRUD for suppliers; alternates must exist; PUT keeps the measured statistics', async () => {
    const t = await newTenant();
    expect((await admin(t).POST('/admin/suppliers', { body: { supplierId: 'backup', name: 'Backup Srl' } })).response.status).toBe(201);
    const created = await admin(t).POST('/admin/suppliers', {
      body: { supplierId: 'acme', name: 'Acme', email: 'orders@acme.example', leadTimeDays: 21, minOrderQty: 12, casePack: 6, alternates: ['backup'] },
    });
    expect(created.response.status).toBe(201);
    expect(created.data!.supplier).toMatchObject({ supplierId: 'acme', leadTimeDays: 21, minOrderQty: 12, casePack: 6, alternates: ['backup'], receivedOrders: 0 });
    const badAlt = await api('POST', '/admin/suppliers', { key: t.adminKey, body: { supplierId: 'x', name: 'X', alternates: ['ghost', 'x'] } });
    expect(badAlt.status).toBe(422);
    expect(badAlt.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['alternates.0', 'alternates.1']);
    expect((await api('POST', '/admin/suppliers', { key: t.adminKey, body: { supplierId: 'y', name: 'Y', casePack: 0, receivedOrders: 3 } })).status).toBe(400);

    expect((await admin(t).GET('/admin/suppliers')).data!.items.map((s) => s.supplierId)).toEqual(['acme', 'backup']);
    const put = await admin(t).PUT('/admin/suppliers/{supplierId}', { params: { path: { supplierId: 'acme' } }, body: { name: 'Acme SpA', leadTimeDays: 18 } });
    expect(put.response.status).toBe(200);
    expect(put.data!.supplier).toMatchObject({ name: 'Acme SpA', leadTimeDays: 18, casePack: 1, alternates: [], receivedOrders: 0 });
    expect((await admin(t).DELETE('/admin/suppliers/{supplierId}', { params: { path: { supplierId: 'backup' } } })).response.status).toBe(204);
    expect((await api('GET', '/admin/suppliers/backup', { key: t.adminKey })).status).toBe(404);
  });
});

describe('purchase orders', () => {
  it('sets each variant ETA and incoming units, announces ETA changes, and receives exactly once', async () => {
    const t = await newTenant();
    const [a, b] = [`PO-A-${uid()}`, `PO-B-${uid()}`];
    const p = await product(t, [a, b]);
    expect((await admin(t).POST('/admin/suppliers', { body: { supplierId: 'acme', name: 'Acme', leadTimeDays: 30 } })).response.status).toBe(201);
    const orderedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const [d20, d10, d5] = [dayFromNow(20), dayFromNow(10), dayFromNow(5)];

    // Unknown SKUs, suppliers and locations are refused with their fields.
    const bad = await api('POST', '/admin/purchase-orders', { key: t.adminKey, body: { supplierId: 'ghost', expectedDate: d20, lines: [{ sku: 'NOPE', quantity: 1, locationId: 'nowhere' }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['lines', 'lines.0.sku', 'supplierId']);
    expect((await api('POST', '/admin/purchase-orders', { key: t.adminKey, body: { expectedDate: '2026-13-01', lines: [{ sku: a, quantity: 0 }] } })).status).toBe(400);

    let etaEvents = await eventCount(t.tenantId, 'RestockEtaChanged');
    const po1 = await admin(t).POST('/admin/purchase-orders', {
      body: { poId: 'po-1', supplierId: 'acme', orderedAt, expectedDate: d20, lines: [{ sku: a, quantity: 10 }, { sku: b, quantity: 4 }] },
    });
    expect(po1.response.status, JSON.stringify(po1.error)).toBe(201);
    expect(po1.data!.purchaseOrder).toMatchObject({ poId: 'po-1', status: 'open', expectedDate: d20 });
    expect(po1.data!.etaChanges.map((c) => [c.sku, c.eta, c.previousEta, c.incoming]).sort()).toEqual([[a, d20, null, 10], [b, d20, null, 4]].sort());
    let variants = await variantsOf(t, p.productId);
    expect(variants[a]).toMatchObject({ eta: d20, incoming: 10 });
    expect(variants[b]).toMatchObject({ eta: d20, incoming: 4 });
    expect(await eventCount(t.tenantId, 'RestockEtaChanged')).toBe(etaEvents + 2);
    expect((await api('POST', '/admin/purchase-orders', { key: t.adminKey, body: { poId: 'po-1', expectedDate: d20, lines: [{ sku: a, quantity: 1 }] } })).status).toBe(409);

    // A later PO adds incoming units but does not move the ETA: no announcement.
    etaEvents = await eventCount(t.tenantId, 'RestockEtaChanged');
    const po2 = await admin(t).POST('/admin/purchase-orders', { body: { poId: 'po-2', expectedDate: dayFromNow(30), lines: [{ sku: a, quantity: 5 }] } });
    expect(po2.data!.etaChanges).toEqual([]);
    expect((await variantsOf(t, p.productId))[a]).toMatchObject({ eta: d20, incoming: 15 });
    expect(await eventCount(t.tenantId, 'RestockEtaChanged')).toBe(etaEvents);

    // Moving po-1 earlier moves both SKUs' ETA: announced again.
    const po = (poId: string) => ({ params: { path: { poId } } });
    const moved = await admin(t).PATCH('/admin/purchase-orders/{poId}', { ...po('po-1'), body: { expectedDate: d10 } });
    expect(moved.response.status).toBe(200);
    expect(moved.data!.etaChanges.map((c) => [c.sku, c.eta, c.previousEta]).sort()).toEqual([[a, d10, d20], [b, d10, d20]].sort());
    expect(await eventCount(t.tenantId, 'RestockEtaChanged')).toBe(etaEvents + 2);
    expect((await variantsOf(t, p.productId))[a]).toMatchObject({ eta: d10, incoming: 15 });

    // Cancelling po-2 leaves a's ETA (po-1 is earlier) but takes its units away.
    etaEvents = await eventCount(t.tenantId, 'RestockEtaChanged');
    const cancelled = await admin(t).PATCH('/admin/purchase-orders/{poId}', { ...po('po-2'), body: { status: 'cancelled' } });
    expect(cancelled.data!.purchaseOrder.status).toBe('cancelled');
    expect(cancelled.data!.etaChanges).toEqual([]);
    expect((await variantsOf(t, p.productId))[a]).toMatchObject({ eta: d10, incoming: 10 });
    expect((await api('PATCH', '/admin/purchase-orders/po-2', { key: t.adminKey, body: { expectedDate: d5 } })).status).toBe(409);
    expect((await api('PATCH', '/admin/purchase-orders/po-1', { key: t.adminKey, body: { status: 'received' } })).status).toBe(400);

    // Listing, with the status filter.
    const open = await admin(t).GET('/admin/purchase-orders', { params: { query: { status: 'open' } } });
    expect(open.data!.items.map((o) => o.poId)).toEqual(['po-1']);
    expect((await admin(t).GET('/admin/purchase-orders')).data!.items).toHaveLength(2);

    // Receiving: 8 of a arrived (short), all 4 of b; stock rises once, the ETA clears.
    const backInStock = await eventCount(t.tenantId, 'BackInStock');
    const received = await admin(t).POST('/admin/purchase-orders/{poId}/receive', { ...po('po-1'), body: { lines: [{ sku: a, quantity: 8 }, { sku: b, quantity: 4 }] } });
    expect(received.response.status, JSON.stringify(received.error)).toBe(200);
    expect(received.data!.purchaseOrder).toMatchObject({ status: 'received', receivedLines: [{ sku: a, quantity: 8 }, { sku: b, quantity: 4 }] });
    expect(received.data!.transitions.map((x) => [x.sku, x.to]).sort()).toEqual([[a, 'in_stock'], [b, 'low_stock']].sort());
    expect(await eventCount(t.tenantId, 'BackInStock')).toBeGreaterThanOrEqual(backInStock + 2);
    expect(await eventCount(t.tenantId, 'RestockEtaChanged')).toBe(etaEvents + 2);
    variants = await variantsOf(t, p.productId);
    expect(variants[a]).toMatchObject({ onHand: { main: 8 }, incoming: 0, state: 'in_stock' });
    expect(variants[a]!.eta).toBeUndefined();
    expect(variants[b]).toMatchObject({ onHand: { main: 4 }, incoming: 0, state: 'low_stock' });

    // The delivery was measured: 10 days from order, on time (before the expected date).
    expect(received.data!.supplier).toMatchObject({ receivedOrders: 1, leadTimeDays: 10, leadTimeStdDays: 0, onTimeRate: 1 });
    const acme = { params: { path: { supplierId: 'acme' } } };
    expect((await admin(t).GET('/admin/suppliers/{supplierId}', acme)).data!.supplier).toMatchObject({ receivedOrders: 1, leadTimeDays: 10, onTimeRate: 1 });

    // Twice is refused and changes nothing.
    const again = await api('POST', '/admin/purchase-orders/po-1/receive', { key: t.adminKey, body: {} });
    expect(again.status).toBe(409);
    expect((await variantsOf(t, p.productId))[a]!.onHand).toEqual({ main: 8 });
    expect((await admin(t).GET('/admin/suppliers/{supplierId}', acme)).data!.supplier.receivedOrders).toBe(1);
    expect((await api('POST', '/admin/purchase-orders/po-2/receive', { key: t.adminKey })).status).toBe(409);
    expect((await api('POST', '/admin/purchase-orders/nope/receive', { key: t.adminKey })).status).toBe(404);
  });

  it('receives a late delivery at a named location and updates the supplier statistics', async () => {
    const t = await newTenant();
    const sku = `LATE-${uid()}`;
    const p = await product(t, [sku]);
    expect((await admin(t).POST('/admin/locations', { body: { locationId: 'wh-2', name: 'North', kind: 'warehouse' } })).response.status).toBe(201);
    expect((await admin(t).POST('/admin/suppliers', { body: { supplierId: 'slow', name: 'Slow Ltd' } })).response.status).toBe(201);
    const orderedAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const expectedDate = dayFromNow(-6);
    const po = await admin(t).POST('/admin/purchase-orders', { body: { supplierId: 'slow', orderedAt, expectedDate, lines: [{ sku, quantity: 3, locationId: 'wh-2' }] } });
    expect(po.response.status, JSON.stringify(po.error)).toBe(201);
    const poId = po.data!.purchaseOrder.poId;
    // Receiving in the future, or before the order, is a client mistake.
    expect((await api('POST', `/admin/purchase-orders/${poId}/receive`, { key: t.adminKey, body: { receivedDate: dayFromNow(5) } })).status).toBe(422);
    expect((await api('POST', `/admin/purchase-orders/${poId}/receive`, { key: t.adminKey, body: { receivedDate: dayFromNow(-30) } })).status).toBe(422);
    expect((await api('POST', `/admin/purchase-orders/${poId}/receive`, { key: t.adminKey, body: { lines: [{ sku: 'OTHER', quantity: 1 }] } })).status).toBe(422);

    const received = await admin(t).POST('/admin/purchase-orders/{poId}/receive', { params: { path: { poId } }, body: { receivedDate: dayFromNow(-2) } });
    expect(received.response.status, JSON.stringify(received.error)).toBe(200);
    expect(received.data!.supplier).toMatchObject({ receivedOrders: 1, leadTimeDays: 18, onTimeRate: 0 });
    expect((await variantsOf(t, p.productId))[sku]!.onHand).toEqual({ 'wh-2': 3 });
  });
});

describe('API keys', () => {
  it('issues, lists without secrets, revokes (403 at once) and never removes the last admin key', async () => {
    const t = await newTenant();
    const issued = await admin(t).POST('/admin/keys', { body: { kind: 'admin', label: 'ci' } });
    expect(issued.response.status).toBe(201);
    const second = issued.data!.secret;
    expect(second).toMatch(/^rsk\./);
    expect((await admin(second).GET('/admin/tenant')).response.status).toBe(200);

    const listed = await admin(second).GET('/admin/keys');
    expect(listed.data!.items).toHaveLength(2);
    expect(JSON.stringify(listed.data)).not.toMatch(/secret|Hash/i);
    expect(listed.data!.items.every((k) => k.active)).toBe(true);

    const first = listed.data!.items.find((k) => k.label === 'initial')!;
    const revoked = await admin(second).DELETE('/admin/keys/{keyId}', { params: { path: { keyId: first.keyId } } });
    expect(revoked.response.status).toBe(200);
    expect(revoked.data!.key).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect((await api('GET', '/admin/tenant', { key: t.adminKey })).status).toBe(403);

    // The remaining admin key is the last one: it cannot be revoked, even by itself.
    const last = await api('DELETE', `/admin/keys/${issued.data!.key.keyId}`, { key: second });
    expect(last.status).toBe(409);
    expect((await admin(second).GET('/admin/tenant')).response.status).toBe(200);
    expect((await api('DELETE', '/admin/keys/000000000000', { key: second })).status).toBe(404);
    expect((await api('POST', '/admin/keys', { key: second, body: { kind: 'root' } })).status).toBe(400);

    // A publishable key is for storefronts: it is not an admin key, and revoking it needs no guard.
    const pub = await admin(second).POST('/admin/keys', { body: { kind: 'publishable' } });
    expect(pub.data!.secret).toMatch(/^rpk\./);
    expect((await api('GET', '/admin/keys', { key: pub.data!.secret })).status).toBe(403);
    expect((await admin(second).DELETE('/admin/keys/{keyId}', { params: { path: { keyId: pub.data!.key.keyId } } })).response.status).toBe(200);
  });

  it('rotates: at once, or with a grace period after which the old key stops', async () => {
    const t = await newTenant();
    const keys = await admin(t).GET('/admin/keys');
    const firstId = keys.data!.items[0]!.keyId;

    const rotated = await admin(t).POST('/admin/keys/{keyId}/rotate', { params: { path: { keyId: firstId } }, body: {} });
    expect(rotated.response.status).toBe(201);
    expect(rotated.data!.previous).toMatchObject({ keyId: firstId, active: false });
    expect(rotated.data!.key).toMatchObject({ kind: 'admin', label: 'initial', active: true });
    expect((await api('GET', '/admin/tenant', { key: t.adminKey })).status).toBe(403);
    const next = rotated.data!.secret;
    expect((await admin(next).GET('/admin/tenant')).response.status).toBe(200);

    const graceful = await admin(next).POST('/admin/keys/{keyId}/rotate', { params: { path: { keyId: rotated.data!.key.keyId } }, body: { graceSeconds: 2 } });
    expect(graceful.response.status).toBe(201);
    expect(graceful.data!.previous).toMatchObject({ active: true, expiresAt: expect.any(String) });
    const newest = graceful.data!.secret;
    expect((await admin(next).GET('/admin/tenant')).response.status).toBe(200);
    expect((await admin(newest).GET('/admin/tenant')).response.status).toBe(200);
    // A key already on its way out cannot be rotated again.
    expect((await api('POST', `/admin/keys/${rotated.data!.key.keyId}/rotate`, { key: newest })).status).toBe(409);
    await eventually(async () => (await api('GET', '/admin/tenant', { key: next })).status === 403, 'the old key to expire', 6000);
    expect((await admin(newest).GET('/admin/tenant')).response.status).toBe(200);
    expect((await api('POST', `/admin/keys/${firstId}/rotate`, { key: newest, body: { graceSeconds: 90_000 } })).status).toBe(400);
  });
});

describe('tenant settings', () => {
  it('reads and patches settings and storefront origins', async () => {
    const t = await newTenant();
    const before = await admin(t).GET('/admin/settings');
    expect(before.data).toEqual({ settings: expect.objectContaining({ inventory: expect.objectContaining({ lowStockThreshold: 5 }) }), allowedOrigins: [] });

    const patched = await admin(t).PATCH('/admin/settings', {
      body: { settings: { inventory: { lowStockThreshold: 8 }, alerts: { dailyDigest: true, email: 'alerts@shop.example' } }, allowedOrigins: ['https://shop.example', 'http://localhost:3000'] },
    });
    expect(patched.response.status, JSON.stringify(patched.error)).toBe(200);
    const after = await admin(t).GET('/admin/settings');
    expect(after.data!.settings.inventory).toEqual({ lowStockThreshold: 8, displayThreshold: 3, safetyStock: 0, shipFromStore: false });
    expect(after.data!.settings.alerts).toEqual({ lowStockWindowHours: 24, dailyDigest: true, email: 'alerts@shop.example' });
    expect(after.data!.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:3000']);

    // null clears the alert address; origins stay when not mentioned.
    expect((await admin(t).PATCH('/admin/settings', { body: { settings: { alerts: { email: null } } } })).response.status).toBe(200);
    const cleared = await admin(t).GET('/admin/settings');
    expect(cleared.data!.settings.alerts.email).toBeUndefined();
    expect(cleared.data!.allowedOrigins).toHaveLength(2);

    const bad = await api('PATCH', '/admin/settings', { key: t.adminKey, body: { allowedOrigins: ['https://shop.example/', 'ftp://x.example', 'shop.example'], settings: { inventory: { safetyStock: -1 } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.allowedOrigins.0', 'body.allowedOrigins.1', 'body.allowedOrigins.2', 'body.settings.inventory.safetyStock']);
    expect((await api('PATCH', '/admin/settings', { key: t.adminKey, body: {} })).status).toBe(400);
  });
});

describe('tenant isolation', () => {
  it("tenant A's key cannot read, change, delete or receive tenant B's records", async () => {
    const a = await newTenant('Shop A');
    const b = await newTenant('Shop B');
    const sku = `ISO-${uid()}`;
    const bp = await product(b, [sku], { productId: 'shared-id' });
    expect((await admin(b).POST('/admin/locations', { body: { locationId: 'b-store', name: 'B', kind: 'store' } })).response.status).toBe(201);
    expect((await admin(b).POST('/admin/suppliers', { body: { supplierId: 'b-sup', name: 'B supplier' } })).response.status).toBe(201);
    const po = await admin(b).POST('/admin/purchase-orders', { body: { poId: 'b-po', expectedDate: dayFromNow(7), lines: [{ sku, quantity: 5 }] } });
    expect(po.response.status).toBe(201);
    const bKeys = await admin(b).GET('/admin/keys');
    const bKeyId = bKeys.data!.items[0]!.keyId;

    const asA = (method: string, path: string, body?: unknown) => api(method, path, { key: a.adminKey, body });
    expect((await asA('GET', `/admin/products/${bp.productId}`)).status).toBe(404);
    expect((await asA('PATCH', `/admin/products/${bp.productId}`, { title: 'hijacked' })).status).toBe(404);
    expect((await asA('DELETE', `/admin/products/${bp.productId}`)).status).toBe(404);
    expect((await asA('POST', `/admin/products/${bp.productId}/variants`, { sku: `X-${uid()}` })).status).toBe(404);
    expect((await asA('DELETE', `/admin/products/${bp.productId}/variants/${sku}`)).status).toBe(404);
    expect((await admin(a).GET('/admin/products')).data!.items).toEqual([]);
    expect((await asA('GET', '/admin/purchase-orders/b-po')).status).toBe(404);
    expect((await asA('PATCH', '/admin/purchase-orders/b-po', { status: 'cancelled' })).status).toBe(404);
    expect((await asA('POST', '/admin/purchase-orders/b-po/receive', {})).status).toBe(404);
    expect((await admin(a).GET('/admin/purchase-orders')).data!.items).toEqual([]);
    expect((await asA('GET', '/admin/locations/b-store')).status).toBe(404);
    expect((await asA('PUT', '/admin/locations/b-store', { name: 'mine', kind: 'store' })).status).toBe(404);
    expect((await asA('DELETE', '/admin/locations/b-store')).status).toBe(404);
    expect((await asA('GET', '/admin/suppliers/b-sup')).status).toBe(404);
    expect((await asA('DELETE', '/admin/suppliers/b-sup')).status).toBe(404);
    expect((await asA('DELETE', `/admin/keys/${bKeyId}`)).status).toBe(404);
    expect((await asA('POST', `/admin/keys/${bKeyId}/rotate`, {})).status).toBe(404);
    // A's own PO cannot reach B's SKU, and A may use the same ids and SKUs for its own records.
    expect((await asA('POST', '/admin/purchase-orders', { expectedDate: dayFromNow(7), lines: [{ sku, quantity: 1 }] })).status).toBe(422);
    expect((await admin(a).POST('/admin/products', { body: { productId: 'shared-id', title: 'A shoe', variants: [{ sku }] } })).response.status).toBe(201);

    // B's records are exactly as B left them.
    const bNow = await admin(b).GET('/admin/products/{productId}', { params: { path: { productId: bp.productId } } });
    expect(bNow.data!.product).toMatchObject({ title: 'Scarpa rossa', status: 'active' });
    expect(bNow.data!.product.variants[sku]).toMatchObject({ onHand: {}, incoming: 5 });
    expect((await admin(b).GET('/admin/purchase-orders/{poId}', { params: { path: { poId: 'b-po' } } })).data!.purchaseOrder.status).toBe('open');
    expect((await admin(b).GET('/admin/locations/{locationId}', { params: { path: { locationId: 'b-store' } } })).data!.location.name).toBe('B');
    expect((await admin(b).GET('/admin/suppliers/{supplierId}', { params: { path: { supplierId: 'b-sup' } } })).response.status).toBe(200);
    expect((await admin(b).GET('/admin/tenant')).response.status).toBe(200);
  });
});
