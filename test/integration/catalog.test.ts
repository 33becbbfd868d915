import { describe, expect, it } from 'vitest';
import { api, consoleState, eventually, local, newTenant } from '../support/local.js';

local();

type Tenant = Awaited<ReturnType<typeof newTenant>>;
const uid = () => Math.random().toString(36).slice(2, 8);
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function product(t: Tenant, skus: string[], extra: Record<string, unknown> = {}) {
  const res = await api('POST', '/admin/products', {
    key: t.adminKey,
    body: { title: 'Scarpa rossa', variants: skus.map((sku) => ({ sku, attributes: { size: sku.slice(-2) } })), ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.product as { productId: string; variants: Record<string, any>; [k: string]: any };
}

const eventCount = async (detailType: string) => (await consoleState()).events.filter((e) => e.detailType === detailType).length;

describe('products', () => {
  it('creates, reads and lists with an opaque cursor: every product once, in pages', async () => {
    const t = await newTenant();
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await product(t, [`SKU-${i}-${uid()}`], { productId: `prod-${i}` }));
    expect(created[0]!.variants).toEqual({ [Object.keys(created[0]!.variants)[0]!]: expect.objectContaining({ state: 'out_of_stock', incoming: 0, onHand: {} }) });

    const got = await api('GET', '/admin/products/prod-3', { key: t.adminKey });
    expect(got.status).toBe(200);
    expect(got.body.product).toMatchObject({ productId: 'prod-3', title: 'Scarpa rossa', status: 'active' });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await api('GET', `/admin/products?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key: t.adminKey });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((p: { productId: string }) => p.productId));
      cursor = res.body.cursor;
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
    const page = await api('GET', '/admin/products?limit=1', { key: b.adminKey });
    expect(page.body.cursor).toBeTruthy();
    const stolen = await api('GET', `/admin/products?limit=1&cursor=${encodeURIComponent(page.body.cursor)}`, { key: a.adminKey });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.fields).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
    expect((await api('GET', '/admin/products?cursor=not-a-cursor', { key: a.adminKey })).status).toBe(400);
    expect((await api('GET', '/admin/products?limit=0', { key: a.adminKey })).status).toBe(400);
  });

  it('patches descriptive fields and settings, never stock; archives on DELETE', async () => {
    const t = await newTenant();
    const sku = `P-${uid()}`;
    const p = await product(t, [sku], { description: 'old', brand: 'Acme' });

    const patched = await api('PATCH', `/admin/products/${p.productId}`, {
      key: t.adminKey,
      body: { title: 'Scarpa blu', description: null, tags: ['summer'], price: 8900, settings: { lowStockThreshold: 2, safetyStock: 1 } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.product).toMatchObject({ title: 'Scarpa blu', brand: 'Acme', tags: ['summer'], price: 8900, settings: { lowStockThreshold: 2, safetyStock: 1 } });
    expect(patched.body.product.description).toBeUndefined();

    // Settings merge key by key; null goes back to the default.
    const merged = await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: { settings: { safetyStock: null, displayThreshold: 4 } } });
    expect(merged.body.product.settings).toEqual({ lowStockThreshold: 2, displayThreshold: 4 });

    // Stock fields cannot be patched; nor can an empty patch or a malformed URL pass.
    const stockPatch = await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: { variants: { [sku]: { onHand: { main: 99 } } } } });
    expect(stockPatch.status).toBe(400);
    expect(stockPatch.body.error.fields[0].field).toBe('body');
    expect((await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: {} })).status).toBe(400);
    const badUrl = await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: { url: 'javascript:alert(1)' } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.fields[0].field).toBe('body.url');
    expect((await api('PATCH', '/admin/products/nope', { key: t.adminKey, body: { title: 'x' } })).status).toBe(404);

    const archived = await api('DELETE', `/admin/products/${p.productId}`, { key: t.adminKey });
    expect(archived.status).toBe(200);
    expect(archived.body.product.status).toBe('archived');
    expect((await api('GET', `/admin/products/${p.productId}`, { key: t.adminKey })).body.product.status).toBe('archived');
    expect((await api('DELETE', '/admin/products/nope', { key: t.adminKey })).status).toBe(404);
  });

  it('turning preorders on opens them at once: the transition is published', async () => {
    const t = await newTenant();
    const p = await product(t, [`PRE-${uid()}`, `PRE-${uid()}`]);
    const before = await eventCount('PreorderOpened');
    const res = await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: { settings: { preorder: { enabled: true, label: 'Ships in December' } } } });
    expect(res.status).toBe(200);
    expect(res.body.transitions).toHaveLength(2);
    expect(res.body.transitions.every((x: { from: string; to: string }) => x.from === 'out_of_stock' && x.to === 'preorder')).toBe(true);
    expect(Object.values(res.body.product.variants as Record<string, { state: string }>).map((v) => v.state)).toEqual(['preorder', 'preorder']);
    await eventually(async () => (await eventCount('PreorderOpened')) >= before + 2, 'two PreorderOpened events');
    // The same settings again change nothing and publish nothing.
    const again = await api('PATCH', `/admin/products/${p.productId}`, { key: t.adminKey, body: { settings: { preorder: { enabled: true, label: 'Ships in December' } } } });
    expect(again.body.transitions).toEqual([]);
  });
});

describe('variants', () => {
  it('adds and removes variants; a SKU belongs to one product of a tenant', async () => {
    const t = await newTenant();
    const [s1, s2, s3] = [`V-${uid()}`, `V-${uid()}`, `V-${uid()}`];
    const p1 = await product(t, [s1]);
    const p2 = await product(t, [s2]);

    const added = await api('POST', `/admin/products/${p1.productId}/variants`, { key: t.adminKey, body: { sku: s3, attributes: { colour: 'red' }, price: 5000 } });
    expect(added.status).toBe(201);
    expect(Object.keys(added.body.product.variants).sort()).toEqual([s1, s3].sort());
    expect(added.body.product.variants[s3]).toMatchObject({ attributes: { colour: 'red' }, price: 5000, state: 'out_of_stock' });

    // The same SKU on this product, or one owned by another product: 409.
    expect((await api('POST', `/admin/products/${p1.productId}/variants`, { key: t.adminKey, body: { sku: s3 } })).status).toBe(409);
    expect((await api('POST', `/admin/products/${p1.productId}/variants`, { key: t.adminKey, body: { sku: s2 } })).status).toBe(409);
    expect((await api('POST', '/admin/products', { key: t.adminKey, body: { title: 'dup', variants: [{ sku: s1 }] } })).status).toBe(409);
    expect((await api('POST', `/admin/products/nope/variants`, { key: t.adminKey, body: { sku: `V-${uid()}` } })).status).toBe(404);
    expect((await api('POST', `/admin/products/${p1.productId}/variants`, { key: t.adminKey, body: { sku: 'has space' } })).status).toBe(400);
    expect((await api('GET', `/admin/products/${p2.productId}`, { key: t.adminKey })).body.product.variants[s2]).toBeDefined();

    const removed = await api('DELETE', `/admin/products/${p1.productId}/variants/${s3}`, { key: t.adminKey });
    expect(removed.status).toBe(200);
    expect(Object.keys(removed.body.product.variants)).toEqual([s1]);
    expect((await api('DELETE', `/admin/products/${p1.productId}/variants/${s3}`, { key: t.adminKey })).status).toBe(404);
    // The SKU is free again, for any product.
    expect((await api('POST', `/admin/products/${p2.productId}/variants`, { key: t.adminKey, body: { sku: s3 } })).status).toBe(201);
  });
});

describe('locations and suppliers', () => {
  it('CRUD for locations', async () => {
    const t = await newTenant();
    const created = await api('POST', '/admin/locations', { key: t.adminKey, body: { locationId: 'milano', name: 'Milano store', kind: 'store', city: 'Milano', pickup: true } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.location).toMatchObject({ locationId: 'milano', kind: 'store', countsOnline: true, pickup: true });
    expect((await api('POST', '/admin/locations', { key: t.adminKey, body: { locationId: 'milano', name: 'again', kind: 'store' } })).status).toBe(409);
    await api('POST', '/admin/locations', { key: t.adminKey, body: { locationId: 'wh-1', name: 'Warehouse', kind: 'warehouse' } });

    const bad = await api('POST', '/admin/locations', { key: t.adminKey, body: { locationId: 'x y', name: 'x', kind: 'shed' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.kind', 'body.locationId']);

    const list = await api('GET', '/admin/locations', { key: t.adminKey });
    expect(list.body.items.map((l: { locationId: string }) => l.locationId)).toEqual(['milano', 'wh-1']);

    const put = await api('PUT', '/admin/locations/milano', { key: t.adminKey, body: { name: 'Milano Brera', kind: 'store', countsOnline: false } });
    expect(put.status).toBe(200);
    expect((await api('GET', '/admin/locations/milano', { key: t.adminKey })).body.location).toMatchObject({ name: 'Milano Brera', countsOnline: false, pickup: false });
    expect((await api('PUT', '/admin/locations/nowhere', { key: t.adminKey, body: { name: 'x', kind: 'store' } })).status).toBe(404);

    expect((await api('DELETE', '/admin/locations/milano', { key: t.adminKey })).status).toBe(204);
    expect((await api('GET', '/admin/locations/milano', { key: t.adminKey })).status).toBe(404);
    expect((await api('DELETE', '/admin/locations/milano', { key: t.adminKey })).status).toBe(404);
  });

  it('CRUD for suppliers; alternates must exist; PUT keeps the measured statistics', async () => {
    const t = await newTenant();
    expect((await api('POST', '/admin/suppliers', { key: t.adminKey, body: { supplierId: 'backup', name: 'Backup Srl' } })).status).toBe(201);
    const created = await api('POST', '/admin/suppliers', {
      key: t.adminKey,
      body: { supplierId: 'acme', name: 'Acme', email: 'orders@acme.example', leadTimeDays: 21, minOrderQty: 12, casePack: 6, alternates: ['backup'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.supplier).toMatchObject({ supplierId: 'acme', leadTimeDays: 21, minOrderQty: 12, casePack: 6, alternates: ['backup'], receivedOrders: 0 });
    const badAlt = await api('POST', '/admin/suppliers', { key: t.adminKey, body: { supplierId: 'x', name: 'X', alternates: ['ghost', 'x'] } });
    expect(badAlt.status).toBe(422);
    expect(badAlt.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['alternates.0', 'alternates.1']);
    expect((await api('POST', '/admin/suppliers', { key: t.adminKey, body: { supplierId: 'y', name: 'Y', casePack: 0, receivedOrders: 3 } })).status).toBe(400);

    expect((await api('GET', '/admin/suppliers', { key: t.adminKey })).body.items.map((s: { supplierId: string }) => s.supplierId)).toEqual(['acme', 'backup']);
    const put = await api('PUT', '/admin/suppliers/acme', { key: t.adminKey, body: { name: 'Acme SpA', leadTimeDays: 18 } });
    expect(put.status).toBe(200);
    expect(put.body.supplier).toMatchObject({ name: 'Acme SpA', leadTimeDays: 18, casePack: 1, alternates: [], receivedOrders: 0 });
    expect((await api('DELETE', '/admin/suppliers/backup', { key: t.adminKey })).status).toBe(204);
    expect((await api('GET', '/admin/suppliers/backup', { key: t.adminKey })).status).toBe(404);
  });
});

describe('purchase orders', () => {
  it('sets each variant ETA and incoming units, announces ETA changes, and receives exactly once', async () => {
    const t = await newTenant();
    const [a, b] = [`PO-A-${uid()}`, `PO-B-${uid()}`];
    const p = await product(t, [a, b]);
    await api('POST', '/admin/suppliers', { key: t.adminKey, body: { supplierId: 'acme', name: 'Acme', leadTimeDays: 30 } });
    const orderedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const [d20, d10, d5] = [dayFromNow(20), dayFromNow(10), dayFromNow(5)];

    // Unknown SKUs, suppliers and locations are refused with their fields.
    const bad = await api('POST', '/admin/purchase-orders', { key: t.adminKey, body: { supplierId: 'ghost', expectedDate: d20, lines: [{ sku: 'NOPE', quantity: 1, locationId: 'nowhere' }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['lines', 'lines.0.sku', 'supplierId']);
    expect((await api('POST', '/admin/purchase-orders', { key: t.adminKey, body: { expectedDate: '2026-13-01', lines: [{ sku: a, quantity: 0 }] } })).status).toBe(400);

    let etaEvents = await eventCount('RestockEtaChanged');
    const po1 = await api('POST', '/admin/purchase-orders', {
      key: t.adminKey,
      body: { poId: 'po-1', supplierId: 'acme', orderedAt, expectedDate: d20, lines: [{ sku: a, quantity: 10 }, { sku: b, quantity: 4 }] },
    });
    expect(po1.status, JSON.stringify(po1.body)).toBe(201);
    expect(po1.body.purchaseOrder).toMatchObject({ poId: 'po-1', status: 'open', expectedDate: d20 });
    expect(po1.body.etaChanges.map((c: any) => [c.sku, c.eta, c.previousEta, c.incoming]).sort()).toEqual([[a, d20, null, 10], [b, d20, null, 4]].sort());
    let variants = (await api('GET', `/admin/products/${p.productId}`, { key: t.adminKey })).body.product.variants;
    expect(variants[a]).toMatchObject({ eta: d20, incoming: 10 });
    expect(variants[b]).toMatchObject({ eta: d20, incoming: 4 });
    expect(await eventCount('RestockEtaChanged')).toBe(etaEvents + 2);
    expect((await api('POST', '/admin/purchase-orders', { key: t.adminKey, body: { poId: 'po-1', expectedDate: d20, lines: [{ sku: a, quantity: 1 }] } })).status).toBe(409);

    // A later PO adds incoming units but does not move the ETA: no announcement.
    etaEvents = await eventCount('RestockEtaChanged');
    const po2 = await api('POST', '/admin/purchase-orders', { key: t.adminKey, body: { poId: 'po-2', expectedDate: dayFromNow(30), lines: [{ sku: a, quantity: 5 }] } });
    expect(po2.body.etaChanges).toEqual([]);
    expect((await api('GET', `/admin/products/${p.productId}`, { key: t.adminKey })).body.product.variants[a]).toMatchObject({ eta: d20, incoming: 15 });
    expect(await eventCount('RestockEtaChanged')).toBe(etaEvents);

    // Moving po-1 earlier moves both SKUs' ETA: announced again.
    const moved = await api('PATCH', '/admin/purchase-orders/po-1', { key: t.adminKey, body: { expectedDate: d10 } });
    expect(moved.status).toBe(200);
    expect(moved.body.etaChanges.map((c: any) => [c.sku, c.eta, c.previousEta]).sort()).toEqual([[a, d10, d20], [b, d10, d20]].sort());
    expect(await eventCount('RestockEtaChanged')).toBe(etaEvents + 2);
    expect((await api('GET', `/admin/products/${p.productId}`, { key: t.adminKey })).body.product.variants[a]).toMatchObject({ eta: d10, incoming: 15 });

    // Cancelling po-2 leaves a's ETA (po-1 is earlier) but takes its units away.
    etaEvents = await eventCount('RestockEtaChanged');
    const cancelled = await api('PATCH', '/admin/purchase-orders/po-2', { key: t.adminKey, body: { status: 'cancelled' } });
    expect(cancelled.body.purchaseOrder.status).toBe('cancelled');
    expect(cancelled.body.etaChanges).toEqual([]);
    expect((await api('GET', `/admin/products/${p.productId}`, { key: t.adminKey })).body.product.variants[a]).toMatchObject({ eta: d10, incoming: 10 });
    expect((await api('PATCH', '/admin/purchase-orders/po-2', { key: t.adminKey, body: { expectedDate: d5 } })).status).toBe(409);
    expect((await api('PATCH', '/admin/purchase-orders/po-1', { key: t.adminKey, body: { status: 'received' } })).status).toBe(400);

    // Listing, with the status filter.
    const open = await api('GET', '/admin/purchase-orders?status=open', { key: t.adminKey });
    expect(open.body.items.map((po: { poId: string }) => po.poId)).toEqual(['po-1']);
    expect((await api('GET', '/admin/purchase-orders', { key: t.adminKey })).body.items).toHaveLength(2);

    // Receiving: 8 of a arrived (short), all 4 of b; stock rises once, the ETA clears.
    const backInStock = await eventCount('BackInStock');
    const received = await api('POST', '/admin/purchase-orders/po-1/receive', { key: t.adminKey, body: { lines: [{ sku: a, quantity: 8 }, { sku: b, quantity: 4 }] } });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body.purchaseOrder).toMatchObject({ status: 'received', receivedLines: [{ sku: a, quantity: 8 }, { sku: b, quantity: 4 }] });
    expect(received.body.transitions.map((x: any) => [x.sku, x.to]).sort()).toEqual([[a, 'in_stock'], [b, 'low_stock']].sort());
    expect(await eventCount('BackInStock')).toBeGreaterThanOrEqual(backInStock + 2);
    expect(await eventCount('RestockEtaChanged')).toBe(etaEvents + 2);
    variants = (await api('GET', `/admin/products/${p.productId}`, { key: t.adminKey })).body.product.variants;
    expect(variants[a]).toMatchObject({ onHand: { main: 8 }, incoming: 0, state: 'in_stock' });
    expect(variants[a].eta).toBeUndefined();
    expect(variants[b]).toMatchObject({ onHand: { main: 4 }, incoming: 0, state: 'low_stock' });

    // The delivery was measured: 10 days from order, on time (before the expected date).
    expect(received.body.supplier).toMatchObject({ receivedOrders: 1, leadTimeDays: 10, leadTimeStdDays: 0, onTimeRate: 1 });
    expect((await api('GET', '/admin/suppliers/acme', { key: t.adminKey })).body.supplier).toMatchObject({ receivedOrders: 1, leadTimeDays: 10, onTimeRate: 1 });

    // Twice is refused and changes nothing.
    const again = await api('POST', '/admin/purchase-orders/po-1/receive', { key: t.adminKey, body: {} });
    expect(again.status).toBe(409);
    expect((await api('GET', `/admin/products/${p.productId}`, { key: t.adminKey })).body.product.variants[a].onHand).toEqual({ main: 8 });
    expect((await api('GET', '/admin/suppliers/acme', { key: t.adminKey })).body.supplier.receivedOrders).toBe(1);
    expect((await api('POST', '/admin/purchase-orders/po-2/receive', { key: t.adminKey })).status).toBe(409);
    expect((await api('POST', '/admin/purchase-orders/nope/receive', { key: t.adminKey })).status).toBe(404);
  });

  it('receives a late delivery at a named location and updates the supplier statistics', async () => {
    const t = await newTenant();
    const sku = `LATE-${uid()}`;
    const p = await product(t, [sku]);
    await api('POST', '/admin/locations', { key: t.adminKey, body: { locationId: 'wh-2', name: 'North', kind: 'warehouse' } });
    await api('POST', '/admin/suppliers', { key: t.adminKey, body: { supplierId: 'slow', name: 'Slow Ltd' } });
    const orderedAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const expectedDate = dayFromNow(-6);
    const po = await api('POST', '/admin/purchase-orders', { key: t.adminKey, body: { supplierId: 'slow', orderedAt, expectedDate, lines: [{ sku, quantity: 3, locationId: 'wh-2' }] } });
    expect(po.status, JSON.stringify(po.body)).toBe(201);
    const poId = po.body.purchaseOrder.poId;
    // Receiving in the future, or before the order, is a client mistake.
    expect((await api('POST', `/admin/purchase-orders/${poId}/receive`, { key: t.adminKey, body: { receivedDate: dayFromNow(5) } })).status).toBe(422);
    expect((await api('POST', `/admin/purchase-orders/${poId}/receive`, { key: t.adminKey, body: { receivedDate: dayFromNow(-30) } })).status).toBe(422);
    expect((await api('POST', `/admin/purchase-orders/${poId}/receive`, { key: t.adminKey, body: { lines: [{ sku: 'OTHER', quantity: 1 }] } })).status).toBe(422);

    const received = await api('POST', `/admin/purchase-orders/${poId}/receive`, { key: t.adminKey, body: { receivedDate: dayFromNow(-2) } });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body.supplier).toMatchObject({ receivedOrders: 1, leadTimeDays: 18, onTimeRate: 0 });
    expect((await api('GET', `/admin/products/${p.productId}`, { key: t.adminKey })).body.product.variants[sku].onHand).toEqual({ 'wh-2': 3 });
  });
});

describe('API keys', () => {
  it('issues, lists without secrets, revokes (403 at once) and never removes the last admin key', async () => {
    const t = await newTenant();
    const issued = await api('POST', '/admin/keys', { key: t.adminKey, body: { kind: 'admin', label: 'ci' } });
    expect(issued.status).toBe(201);
    const second: string = issued.body.secret;
    expect(second).toMatch(/^rsk\./);
    expect((await api('GET', '/admin/tenant', { key: second })).status).toBe(200);

    const listed = await api('GET', '/admin/keys', { key: second });
    expect(listed.body.items).toHaveLength(2);
    expect(JSON.stringify(listed.body)).not.toMatch(/secret|Hash/i);
    expect(listed.body.items.every((k: { active: boolean }) => k.active)).toBe(true);

    const first = listed.body.items.find((k: { label: string }) => k.label === 'initial');
    const revoked = await api('DELETE', `/admin/keys/${first.keyId}`, { key: second });
    expect(revoked.status).toBe(200);
    expect(revoked.body.key).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect((await api('GET', '/admin/tenant', { key: t.adminKey })).status).toBe(403);

    // The remaining admin key is the last one: it cannot be revoked, even by itself.
    const last = await api('DELETE', `/admin/keys/${issued.body.key.keyId}`, { key: second });
    expect(last.status).toBe(409);
    expect((await api('GET', '/admin/tenant', { key: second })).status).toBe(200);
    expect((await api('DELETE', '/admin/keys/000000000000', { key: second })).status).toBe(404);
    expect((await api('POST', '/admin/keys', { key: second, body: { kind: 'root' } })).status).toBe(400);

    // A publishable key is for storefronts: it is not an admin key, and revoking it needs no guard.
    const pub = await api('POST', '/admin/keys', { key: second, body: { kind: 'publishable' } });
    expect(pub.body.secret).toMatch(/^rpk\./);
    expect((await api('GET', '/admin/keys', { key: pub.body.secret })).status).toBe(403);
    expect((await api('DELETE', `/admin/keys/${pub.body.key.keyId}`, { key: second })).status).toBe(200);
  });

  it('rotates: at once, or with a grace period after which the old key stops', async () => {
    const t = await newTenant();
    const keys = await api('GET', '/admin/keys', { key: t.adminKey });
    const firstId = keys.body.items[0].keyId;

    const rotated = await api('POST', `/admin/keys/${firstId}/rotate`, { key: t.adminKey, body: {} });
    expect(rotated.status).toBe(201);
    expect(rotated.body.previous).toMatchObject({ keyId: firstId, active: false });
    expect(rotated.body.key).toMatchObject({ kind: 'admin', label: 'initial', active: true });
    expect((await api('GET', '/admin/tenant', { key: t.adminKey })).status).toBe(403);
    const next: string = rotated.body.secret;
    expect((await api('GET', '/admin/tenant', { key: next })).status).toBe(200);

    const graceful = await api('POST', `/admin/keys/${rotated.body.key.keyId}/rotate`, { key: next, body: { graceSeconds: 2 } });
    expect(graceful.status).toBe(201);
    expect(graceful.body.previous).toMatchObject({ active: true, expiresAt: expect.any(String) });
    expect((await api('GET', '/admin/tenant', { key: next })).status).toBe(200);
    expect((await api('GET', '/admin/tenant', { key: graceful.body.secret })).status).toBe(200);
    // A key already on its way out cannot be rotated again.
    expect((await api('POST', `/admin/keys/${rotated.body.key.keyId}/rotate`, { key: graceful.body.secret })).status).toBe(409);
    await eventually(async () => (await api('GET', '/admin/tenant', { key: next })).status === 403, 'the old key to expire', 6000);
    expect((await api('GET', '/admin/tenant', { key: graceful.body.secret })).status).toBe(200);
    expect((await api('POST', `/admin/keys/${firstId}/rotate`, { key: graceful.body.secret, body: { graceSeconds: 90_000 } })).status).toBe(400);
  });
});

describe('tenant settings', () => {
  it('reads and patches settings and storefront origins', async () => {
    const t = await newTenant();
    const before = await api('GET', '/admin/settings', { key: t.adminKey });
    expect(before.body).toEqual({ settings: expect.objectContaining({ inventory: expect.objectContaining({ lowStockThreshold: 5 }) }), allowedOrigins: [] });

    const patched = await api('PATCH', '/admin/settings', {
      key: t.adminKey,
      body: { settings: { inventory: { lowStockThreshold: 8 }, alerts: { dailyDigest: true, email: 'alerts@shop.example' } }, allowedOrigins: ['https://shop.example', 'http://localhost:3000'] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const after = await api('GET', '/admin/settings', { key: t.adminKey });
    expect(after.body.settings.inventory).toEqual({ lowStockThreshold: 8, displayThreshold: 3, safetyStock: 0, shipFromStore: false });
    expect(after.body.settings.alerts).toEqual({ lowStockWindowHours: 24, dailyDigest: true, email: 'alerts@shop.example' });
    expect(after.body.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:3000']);

    // null clears the alert address; origins stay when not mentioned.
    await api('PATCH', '/admin/settings', { key: t.adminKey, body: { settings: { alerts: { email: null } } } });
    const cleared = await api('GET', '/admin/settings', { key: t.adminKey });
    expect(cleared.body.settings.alerts.email).toBeUndefined();
    expect(cleared.body.allowedOrigins).toHaveLength(2);

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
    await api('POST', '/admin/locations', { key: b.adminKey, body: { locationId: 'b-store', name: 'B', kind: 'store' } });
    await api('POST', '/admin/suppliers', { key: b.adminKey, body: { supplierId: 'b-sup', name: 'B supplier' } });
    const po = await api('POST', '/admin/purchase-orders', { key: b.adminKey, body: { poId: 'b-po', expectedDate: dayFromNow(7), lines: [{ sku, quantity: 5 }] } });
    expect(po.status).toBe(201);
    const bKeys = await api('GET', '/admin/keys', { key: b.adminKey });

    const asA = (method: string, path: string, body?: unknown) => api(method, path, { key: a.adminKey, body });
    expect((await asA('GET', `/admin/products/${bp.productId}`)).status).toBe(404);
    expect((await asA('PATCH', `/admin/products/${bp.productId}`, { title: 'hijacked' })).status).toBe(404);
    expect((await asA('DELETE', `/admin/products/${bp.productId}`)).status).toBe(404);
    expect((await asA('POST', `/admin/products/${bp.productId}/variants`, { sku: `X-${uid()}` })).status).toBe(404);
    expect((await asA('DELETE', `/admin/products/${bp.productId}/variants/${sku}`)).status).toBe(404);
    expect((await asA('GET', '/admin/products')).body.items).toEqual([]);
    expect((await asA('GET', '/admin/purchase-orders/b-po')).status).toBe(404);
    expect((await asA('PATCH', '/admin/purchase-orders/b-po', { status: 'cancelled' })).status).toBe(404);
    expect((await asA('POST', '/admin/purchase-orders/b-po/receive', {})).status).toBe(404);
    expect((await asA('GET', '/admin/purchase-orders')).body.items).toEqual([]);
    expect((await asA('GET', '/admin/locations/b-store')).status).toBe(404);
    expect((await asA('PUT', '/admin/locations/b-store', { name: 'mine', kind: 'store' })).status).toBe(404);
    expect((await asA('DELETE', '/admin/locations/b-store')).status).toBe(404);
    expect((await asA('GET', '/admin/suppliers/b-sup')).status).toBe(404);
    expect((await asA('DELETE', '/admin/suppliers/b-sup')).status).toBe(404);
    expect((await asA('DELETE', `/admin/keys/${bKeys.body.items[0].keyId}`)).status).toBe(404);
    expect((await asA('POST', `/admin/keys/${bKeys.body.items[0].keyId}/rotate`, {})).status).toBe(404);
    // A's own PO cannot reach B's SKU, and A may use the same ids and SKUs for its own records.
    expect((await asA('POST', '/admin/purchase-orders', { expectedDate: dayFromNow(7), lines: [{ sku, quantity: 1 }] })).status).toBe(422);
    expect((await api('POST', '/admin/products', { key: a.adminKey, body: { productId: 'shared-id', title: 'A shoe', variants: [{ sku }] } })).status).toBe(201);

    // B's records are exactly as B left them.
    const bNow = await api('GET', `/admin/products/${bp.productId}`, { key: b.adminKey });
    expect(bNow.body.product).toMatchObject({ title: 'Scarpa rossa', status: 'active' });
    expect(bNow.body.product.variants[sku]).toMatchObject({ onHand: {}, incoming: 5 });
    expect((await api('GET', '/admin/purchase-orders/b-po', { key: b.adminKey })).body.purchaseOrder.status).toBe('open');
    expect((await api('GET', '/admin/locations/b-store', { key: b.adminKey })).body.location.name).toBe('B');
    expect((await api('GET', '/admin/suppliers/b-sup', { key: b.adminKey })).status).toBe(200);
    expect((await api('GET', '/admin/tenant', { key: b.adminKey })).status).toBe(200);
  });
});
