import { describe, expect, it } from 'vitest';
import { client } from '../support/local.js';
import { location, onHand, product, recentSales, setEta, sf, shop, stock, storefrontClient, tenantInventory } from './storefront-fixtures.js';

// The storefront API against the local stack: every rule of honest availability, listings,
// stores and alternatives, with catalog and stock written by the inventory data layer.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const tee = (sku: string, size: string, color: string) => ({ sku, attributes: { size, color } });

/** The product page's answer (typed client; the answer is held to the contract). */
async function productPage(key: string, productId: string, query: { lang?: string; alternatives?: '0' | '1' } = {}) {
  const res = await storefrontClient(key).GET('/storefront/products/{productId}', { params: { path: { productId }, query } });
  expect(res.response.status, JSON.stringify(res.error)).toBe(200);
  return res.data!;
}

async function storesOf(key: string, productId: string, query: { sku?: string } = {}) {
  const res = await storefrontClient(key).GET('/storefront/products/{productId}/stores', { params: { path: { productId }, query } });
  expect(res.response.status, JSON.stringify(res.error)).toBe(200);
  return res.data!;
}

async function listing(key: string, query: { ids: string; variants?: '0' | '1' }) {
  const res = await storefrontClient(key).GET('/storefront/availability', { params: { query } });
  expect(res.response.status, JSON.stringify(res.error)).toBe(200);
  return res.data!;
}

describe('product availability', () => {
  it('describes every variant on sellable stock, with a count only at or under the display threshold', async () => {
    const s = await shop();
    await product(s.tenantId, {
      productId: 'tee',
      title: 'Tee',
      category: 't-shirts',
      price: 2500,
      // L/blue is not made: the matrix must say so.
      variants: [tee('tee-s-red', 'S', 'red'), tee('tee-m-red', 'M', 'red'), tee('tee-l-red', 'L', 'red'), tee('tee-s-blue', 'S', 'blue'), tee('tee-m-blue', 'M', 'blue')],
    });
    await onHand(s.tenantId, { 'tee-s-red': 10, 'tee-m-red': 3, 'tee-l-red': 4, 'tee-s-blue': 0, 'tee-m-blue': 1 });

    const body = await productPage(s.key, 'tee');
    const v = Object.fromEntries(body.variants.map((x) => [x.sku, x]));
    // Default display threshold 3: counts for 3 and 1, none for 10 and 4.
    expect(v['tee-m-red']).toMatchObject({ state: 'low_stock', available: true, unitsLeft: 3, label: 'Only 3 left' });
    expect(v['tee-m-blue']).toMatchObject({ state: 'low_stock', unitsLeft: 1, label: 'Only 1 left' });
    for (const sku of ['tee-s-red', 'tee-l-red']) {
      expect(v[sku]).toMatchObject({ state: 'in_stock', available: true, label: 'In stock' });
      expect(v[sku]).not.toHaveProperty('unitsLeft');
    }
    expect(v['tee-s-blue']).toMatchObject({ state: 'out_of_stock', available: false, notify: true, eta: { status: 'unknown', date: null } });
    // The product as a whole has 18 units: in stock, no count; the waitlist is offered for S/blue.
    expect(body.availability).toMatchObject({ state: 'in_stock', available: true });
    expect(body.availability).not.toHaveProperty('unitsLeft');
    expect(body.waitlist).toEqual({ available: true, signupPath: '/storefront/waitlist' });
    expect(body).not.toHaveProperty('outOfStock');
    expect(JSON.stringify(body)).not.toMatch(/sellableUnits|"onHand"/);

    // Size × colour matrix: which combinations exist, which are available.
    const { axes, cells } = body.matrix;
    expect(axes.map((a) => a.name)).toEqual(['size', 'color']);
    expect(axes[0]!.values).toEqual([
      { value: 'S', available: true },
      { value: 'M', available: true },
      { value: 'L', available: true },
    ]);
    const cell = (size: string, color: string) => cells!.find((c) => c.attributes.size === size && c.attributes.color === color);
    expect(cells).toHaveLength(6);
    expect(cell('L', 'blue')).toEqual({ attributes: { size: 'L', color: 'blue' }, sku: null, state: null, available: false });
    expect(cell('S', 'blue')).toMatchObject({ sku: 'tee-s-blue', state: 'out_of_stock', available: false });
    expect(cell('M', 'blue')).toMatchObject({ sku: 'tee-m-blue', state: 'low_stock', available: true });
  }, 180_000); // the first call of the file also starts the storefront functions

  it('never shows a count above the threshold, and shows the true one once stock falls to it', async () => {
    const s = await shop();
    await product(s.tenantId, { productId: 'mug', settings: { displayThreshold: 2 }, variants: [{ sku: 'mug-1' }] });
    await onHand(s.tenantId, { 'mug-1': 3 });
    const above = await productPage(s.key, 'mug');
    expect(above.variants[0]).toMatchObject({ state: 'in_stock', label: 'In stock' });
    expect(JSON.stringify(above)).not.toMatch(/unitsLeft|left/i);

    await stock(s.tenantId, [{ sku: 'mug-1', locationId: 'main', delta: -1 }]);
    const at = await productPage(s.key, 'mug');
    expect(at.variants[0]).toMatchObject({ state: 'low_stock', unitsLeft: 2, label: 'Only 2 left' });
    expect(at.availability).toMatchObject({ state: 'low_stock', unitsLeft: 2 });
  });

  it('speaks Italian when asked', async () => {
    const s = await shop();
    await product(s.tenantId, { productId: 'borsa', variants: [{ sku: 'borsa-1' }, { sku: 'borsa-2' }] });
    await onHand(s.tenantId, { 'borsa-1': 1 });
    const res = await productPage(s.key, 'borsa', { lang: 'it' });
    expect(res.locale).toBe('it');
    expect(res.variants.map((v) => v.label)).toEqual(['Ne resta solo 1', 'Esaurito']);
  });

  it('answers out of stock with a derived reason, the purchase-order date, the waitlist and alternatives', async () => {
    const s = await shop();
    await product(s.tenantId, { productId: 'boot', title: 'Boot', category: 'shoes', price: 12000, variants: [{ sku: 'boot-40', attributes: { size: '40' } }, { sku: 'boot-41', attributes: { size: '41' } }] });
    await product(s.tenantId, { productId: 'boot-2', title: 'Other boot', category: 'shoes', price: 11000, variants: [{ sku: 'boot2-40', attributes: { size: '40' } }] });
    await product(s.tenantId, { productId: 'boot-3', title: 'Sold-out boot', category: 'shoes', price: 12000, variants: [{ sku: 'boot3-40', attributes: { size: '40' } }] });
    await onHand(s.tenantId, { 'boot-40': 0, 'boot2-40': 8, 'boot3-40': 0 });
    const later = day(20);
    await setEta(s.tenantId, 'boot', 'boot-41', later, 12);
    await setEta(s.tenantId, 'boot', 'boot-40', day(-3), 5); // a late purchase order: no longer a promise

    const res = await productPage(s.key, 'boot');
    expect(res.availability).toMatchObject({ state: 'out_of_stock', available: false, eta: { status: 'expected', date: later, source: 'purchase_order' } });
    const v = Object.fromEntries(res.variants.map((x) => [x.sku, x]));
    expect(v['boot-41']!.eta).toMatchObject({ status: 'expected', date: later });
    expect(v['boot-40']!.eta).toEqual({ status: 'unknown', date: null, source: null, label: 'Restock date not known yet' });
    const oos = res.outOfStock!;
    expect(oos.reason.code).toBe('restock_expected');
    expect(oos.reason.text).toMatch(/^Restock expected /);
    expect(oos.eta.date).toBe(later);
    expect(oos.waitlist).toEqual({ available: true, signupPath: '/storefront/waitlist' });
    // Alternatives are available now: the sold-out boot is never proposed.
    expect(oos.alternatives!.similar.map((a) => a.productId)).toEqual(['boot-2']);
    expect(oos.alternatives!.similar[0]!.reasons).toContain('same_category');
  });

  it('uses the merchant’s reason, the preorder, or plain "sold out"', async () => {
    const s = await shop();
    await product(s.tenantId, { productId: 'gone', settings: { outOfStockReason: 'Discontinued by the maker' }, variants: [{ sku: 'gone-1' }] });
    await product(s.tenantId, { productId: 'soon', settings: { preorder: { enabled: true, label: 'Preorder: ships in June', etaDate: day(40) } }, variants: [{ sku: 'soon-1' }] });
    await product(s.tenantId, { productId: 'plain', variants: [{ sku: 'plain-1' }] });
    await product(s.tenantId, { productId: 'later', settings: { backorder: { enabled: true } }, variants: [{ sku: 'later-1' }] });

    const gone = await productPage(s.key, 'gone', { alternatives: '0' });
    expect(gone.outOfStock!.reason).toEqual({ code: 'merchant', text: 'Discontinued by the maker' });
    const soon = await productPage(s.key, 'soon');
    expect(soon.availability).toMatchObject({ state: 'preorder', orderable: true, label: 'Preorder: ships in June', eta: { status: 'expected', source: 'preorder', date: day(40) } });
    expect(soon.outOfStock!.reason).toEqual({ code: 'preorder', text: 'Preorder: ships in June' });
    const later = await productPage(s.key, 'later');
    expect(later.availability).toMatchObject({ state: 'backorder', orderable: true });
    expect(later.outOfStock!.reason.code).toBe('backorder');
    const plain = await productPage(s.key, 'plain');
    expect(plain.outOfStock!.reason).toEqual({ code: 'sold_out', text: 'Sold out' });
    expect(plain.outOfStock!.eta).toMatchObject({ status: 'unknown', date: null });
  });

  it('answers 404 for an unknown product and 400 for a malformed id', async () => {
    const s = await shop();
    expect((await sf(s.key, '/storefront/products/nope')).status).toBe(404);
    expect((await sf(s.key, '/storefront/products/%23bad')).status).toBe(400);
  });
});

describe('listing availability', () => {
  it('badges, out-of-stock last, and facets that leave out what cannot be bought', async () => {
    const s = await shop();
    const shoe = (id: string, sizes: string[], color: string, extra: Record<string, unknown> = {}) =>
      product(s.tenantId, { productId: id, title: id, category: 'shoes', variants: sizes.map((size) => ({ sku: `${id}-${size}`, attributes: { size, color } })), ...extra });
    await shoe('sold', ['42'], 'green');
    await shoe('plenty', ['40', '41'], 'black');
    await shoe('pre', ['43'], 'white', { settings: { preorder: { enabled: true } } });
    await shoe('few', ['40'], 'red');
    await shoe('fast', ['39'], 'black');
    await onHand(s.tenantId, { 'sold-42': 0, 'plenty-40': 50, 'plenty-41': 0, 'few-40': 2, 'fast-39': 10 });
    // Recent sales as the order webhook records them: 14 units this week against 10 in stock
    // = 5 days of cover (< 7); sales 10 days ago are outside the window.
    await recentSales(s.tenantId, 'fast', 'fast-39', 8);
    await recentSales(s.tenantId, 'fast', 'fast-39', 6, 3);
    await recentSales(s.tenantId, 'plenty', 'plenty-40', 90, 10);
    // Slow seller: 7 units a week against 50 = 50 days of cover.
    await recentSales(s.tenantId, 'plenty', 'plenty-41', 7, 1);

    const res = await listing(s.key, { ids: 'sold,plenty,pre,few,fast,ghost' });
    expect(res.items.map((i) => i.productId)).toEqual(['plenty', 'few', 'fast', 'pre', 'sold']);
    expect(res.missing).toEqual(['ghost']);
    const badges = Object.fromEntries(res.items.map((i) => [i.productId, i.badges.map((b) => b.code)]));
    expect(badges).toEqual({ plenty: [], few: ['low_stock'], fast: ['selling_fast'], pre: ['preorder'], sold: ['sold_out'] });
    const few = res.items.find((i) => i.productId === 'few');
    expect(few).toMatchObject({ state: 'low_stock', unitsLeft: 2, label: 'Only 2 left' });
    expect(res.items.find((i) => i.productId === 'fast')!.badges[0]!.label).toBe('Selling fast');
    // Sizes 41, 42 and 43 and the colours green and white cannot be bought now: not counted.
    expect(res.facets).toEqual({
      size: [
        { value: '39', count: 1 },
        { value: '40', count: 2 },
      ],
      color: [
        { value: 'black', count: 2 },
        { value: 'red', count: 1 },
      ],
    });
  });

  it('returns variants on request and refuses more than 100 ids', async () => {
    const s = await shop();
    await product(s.tenantId, { productId: 'p1', variants: [{ sku: 'p1-a', attributes: { size: 'S' } }] });
    await onHand(s.tenantId, { 'p1-a': 9 });
    const res = await listing(s.key, { ids: 'p1', variants: '1' });
    expect(res.items[0]!.variants).toEqual([{ sku: 'p1-a', attributes: { size: 'S' }, state: 'in_stock', available: true, label: 'In stock' }]);
    const ids = Array.from({ length: 101 }, (_, i) => `x${i}`).join(',');
    const tooMany = await sf(s.key, `/storefront/availability?ids=${ids}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields[0].field).toBe('query.ids');
  });
});

describe('stores and ship-from-store', () => {
  const setUp = async (shipFromStore: boolean) => {
    const s = await shop();
    await tenantInventory(s.tenantId, { shipFromStore });
    await location(s.tenantId, { locationId: 'main', name: 'Warehouse', kind: 'warehouse' });
    await location(s.tenantId, { locationId: 'brera', name: 'Brera', kind: 'store', city: 'Milano', address: 'Via Brera 1', openingHours: 'Mon–Sat 10–19', pickup: true });
    await location(s.tenantId, { locationId: 'monti', name: 'Monti', kind: 'store', city: 'Roma', countsOnline: false });
    await product(s.tenantId, { productId: 'lamp', variants: [{ sku: 'lamp-1' }] });
    await stock(s.tenantId, [
      { sku: 'lamp-1', locationId: 'main', set: 0 },
      { sku: 'lamp-1', locationId: 'brera', set: 2 },
      { sku: 'lamp-1', locationId: 'monti', set: 5 },
    ]);
    return s;
  };

  it('shows each store’s stock and keeps store stock out of online availability without ship-from-store', async () => {
    const s = await setUp(false);
    const res = await storesOf(s.key, 'lamp');
    expect(res.shipFromStore).toBe(false);
    expect(res.online).toMatchObject({ state: 'out_of_stock', available: false });
    expect(res.stores).toEqual([
      expect.objectContaining({ locationId: 'brera', name: 'Brera', city: 'Milano', address: 'Via Brera 1', openingHours: 'Mon–Sat 10–19', pickup: true, state: 'low_stock', unitsLeft: 2, label: 'Only 2 left' }),
      expect.objectContaining({ locationId: 'monti', name: 'Monti', city: 'Roma', state: 'in_stock', available: true, pickup: false, countsOnline: false }),
    ]);
    expect(res.stores[1]).not.toHaveProperty('unitsLeft');
    // The warehouse is not a store: it is not listed under "check in store".
    expect(res.stores.map((x) => x.locationId)).not.toContain('main');
    // The product page agrees: nothing sellable online.
    expect((await productPage(s.key, 'lamp', { alternatives: '0' })).availability.state).toBe('out_of_stock');
  });

  it('counts stores that take part when the tenant ships from stores', async () => {
    const s = await setUp(true);
    const res = await storesOf(s.key, 'lamp');
    expect(res.shipFromStore).toBe(true);
    // Brera (countsOnline) adds its 2 units; Monti opted out.
    expect(res.online).toMatchObject({ state: 'low_stock', available: true, unitsLeft: 2 });
    expect(res.stores.find((x) => x.locationId === 'brera')!.countsOnline).toBe(true);
    const page = await productPage(s.key, 'lamp');
    expect(page.availability).toMatchObject({ state: 'low_stock', unitsLeft: 2 });
  });

  it('filters by variant', async () => {
    const s = await setUp(false);
    expect((await storesOf(s.key, 'lamp', { sku: 'lamp-1' })).stores[0]!.variants).toHaveLength(1);
    expect((await sf(s.key, '/storefront/products/lamp/stores?sku=nope')).status).toBe(404);
  });
});

describe('alternatives', () => {
  it('ranks similar products available now and the merchant’s complements, personalised by recent categories', async () => {
    const s = await shop();
    const shoe = (id: string, price: number, sizes: string[], extra: Record<string, unknown> = {}) =>
      product(s.tenantId, { productId: id, title: id, category: 'sneakers', price, attributes: { material: 'leather' }, variants: sizes.map((size) => ({ sku: `${id}-${size}`, attributes: { size } })), ...extra });
    await shoe('wanted', 9000, ['41', '42'], { related: ['socks', 'laces'] });
    await shoe('close', 9500, ['42']);
    await shoe('pricey', 30000, ['42']);
    await shoe('also-gone', 9000, ['42']);
    await product(s.tenantId, { productId: 'socks', category: 'accessories', price: 900, variants: [{ sku: 'socks-1' }] });
    await product(s.tenantId, { productId: 'laces', category: 'accessories', price: 300, variants: [{ sku: 'laces-1' }] });
    await product(s.tenantId, { productId: 'tote', category: 'bags', price: 4000, variants: [{ sku: 'tote-1' }] });
    await onHand(s.tenantId, { 'wanted-42': 0, 'close-42': 6, 'pricey-42': 6, 'also-gone-42': 0, 'socks-1': 20, 'laces-1': 0, 'tote-1': 4 });

    const storefront = storefrontClient(s.key);
    const alternatives = (query: { sku?: string; shopperId?: string }) => storefront.GET('/storefront/products/{productId}/alternatives', { params: { path: { productId: 'wanted' }, query } });
    const res = await alternatives({ sku: 'wanted-42' });
    expect(res.response.status).toBe(200);
    expect(res.data!.similar.map((a) => a.productId)).toEqual(['close', 'pricey']);
    expect(res.data!.similar[0]!.reasons).toEqual(expect.arrayContaining(['same_category', 'similar_attributes', 'similar_price', 'same_variant_available']));
    expect(res.data!.similar[1]!.reasons).not.toContain('similar_price');
    expect(res.data!.complementary.map((a) => a.productId)).toEqual(['socks']);
    expect(res.data!.personalised).toBe(false);
    expect(res.response.headers.get('cache-control')).toMatch(/^public/);

    // The shopper has been looking at bags: the tote joins the list, for them only.
    const shopperId = 'visitor-7f3a9c21';
    const viewed = await storefront.POST('/storefront/signals', { body: { type: 'product_view', shopperId, productId: 'tote' } });
    expect(viewed.response.status).toBe(202);
    const mine = await alternatives({ shopperId });
    expect(mine.response.status).toBe(200);
    expect(mine.data!.personalised).toBe(true);
    expect(mine.data!.similar.map((a) => a.productId)).toContain('tote');
    expect(mine.data!.similar.find((a) => a.productId === 'tote')!.reasons).toEqual(['your_interests']);
    expect(mine.response.headers.get('cache-control')).toBe('private, max-age=60');
  });
});

describe('widget config', () => {
  it('serves texts and the tenant’s consent text per language', async () => {
    const s = await shop();
    const put = await client({ adminKey: s.adminKey }).PUT('/admin/storefront/config', { body: { consent: { it: 'Acconsento a essere avvisato da Bottega.' }, texts: { en: { 'widget.notify': 'Tell me' } } } });
    expect(put.response.status, JSON.stringify(put.error)).toBe(200);
    const storefront = storefrontClient(s.key);
    const it_ = await storefront.GET('/storefront/config', { params: { query: { lang: 'it' } } });
    expect(it_.response.status).toBe(200);
    expect(it_.data).toMatchObject({ locale: 'it', consent: { text: 'Acconsento a essere avvisato da Bottega.', custom: true }, waitlist: { signupPath: '/storefront/waitlist' } });
    expect(it_.data!.texts['widget.notify']).toBe('Avvisami');
    const en = await storefront.GET('/storefront/config', { params: { query: { lang: 'en' } } });
    expect(en.response.status).toBe(200);
    expect(en.data!.texts['widget.notify']).toBe('Tell me');
    expect(en.data!.consent.custom).toBe(false);
    expect(en.response.headers.get('cache-control')).toMatch(/max-age=300/);
  });
});
