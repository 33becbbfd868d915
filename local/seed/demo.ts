import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ProductSettings } from '../../shared/inventory/model.js';
import type { LocalStack } from '../stack.js';
import { seedDemoHistory } from './demo-history.js';

export interface DemoTenant {
  tenantId: string;
  adminKey: string;
  /** Publishable (storefront) key the demo pages use. */
  publishableKey?: string;
  /** Version of the demo catalog seeded into this tenant (bumped when the catalog changes). */
  catalog?: number;
}

/** What the demo pages read from the console at /_local/demo-config. */
export interface DemoConfig {
  api: string;
  key: string;
  tenantId: string;
  lang: string;
  featured: string;
  products: string[];
}

type DemoStack = Pick<LocalStack, 'urls' | 'env'>;

const CATALOG_VERSION = 1;
const BUS_NAME = 'Restock-bus';

/**
 * Seeds the demo shop on first start: the tenant through the operator API like any operator
 * would; then its storefront catalog (shoes and T-shirts in sizes and colours, a few sold
 * out, one down to its last units, one with a purchase order on the way, one on preorder),
 * two stores and a publishable key through the inventory data layer. Keys are remembered in
 * the data folder; the demo pages get the API URL and publishable key from the console.
 */
export async function seedDemo(stack: DemoStack, file: string, operatorKey: string): Promise<DemoTenant> {
  let demo: DemoTenant;
  if (existsSync(file)) demo = JSON.parse(readFileSync(file, 'utf8')) as DemoTenant;
  else {
    const res = await fetch(`${stack.urls.api}/operator/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bottega Demo', contactEmail: 'owner@bottega-demo.example', locale: 'it', allowedOrigins: [stack.urls.console] }),
    });
    if (res.status !== 201) throw new Error(`Seeding the demo tenant failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { tenant: { tenantId: string }; adminKey: string };
    demo = { tenantId: body.tenant.tenantId, adminKey: body.adminKey };
    writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  }

  // The shared data layer talks to the local emulators through these endpoints.
  for (const [k, v] of Object.entries(stack.env)) if (k.startsWith('AWS_')) process.env[k] = v;
  const tableName = await localTableName(stack);
  await allowConsoleOrigin(tableName, demo.tenantId, stack.urls.console);
  if ((demo.catalog ?? 0) < CATALOG_VERSION || !demo.publishableKey) {
    demo.publishableKey ??= await issuePublishableKey(tableName, demo.tenantId);
    await seedCatalog(tableName, demo.tenantId, stack.urls.console);
    demo.catalog = CATALOG_VERSION;
    writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  }

  const config: DemoConfig = { api: stack.urls.api, key: demo.publishableKey, tenantId: demo.tenantId, lang: 'it', featured: 'sneaker-aria', products: DEMO_PRODUCTS.map((p) => p.productId) };
  const registered = await fetch(`${stack.urls.console}/_local/demo-config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
  if (!registered.ok) throw new Error(`Registering the demo config with the console failed: ${registered.status}`);
  await seedDemoHistory(stack, demo, tableName);
  return demo;
}

async function localTableName(stack: DemoStack): Promise<string> {
  const state = (await (await fetch(`${stack.urls.console}/_local/state`)).json()) as { tables: string[] };
  if (!state.tables[0]) throw new Error('The local stack has no table');
  return state.tables[0];
}

/** The console's port can change between runs: keep the demo pages' origin allowed. */
async function allowConsoleOrigin(tableName: string, tenantId: string, origin: string) {
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dynamo } = await import('../../shared/data/client.js');
  const { Tenant } = await import('../../shared/tenants/model.js');
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: Tenant.key({ tenantId }),
      UpdateExpression: 'SET allowedOrigins = list_append(:origin, allowedOrigins)',
      ConditionExpression: 'attribute_exists(pk) AND NOT contains(allowedOrigins, :o)',
      ExpressionAttributeValues: { ':origin': [origin], ':o': origin },
    }),
  ).catch((e: Error) => {
    if (e.name !== 'ConditionalCheckFailedException') throw e;
  });
}

async function issuePublishableKey(tableName: string, tenantId: string): Promise<string> {
  const { Store } = await import('../../shared/data/store.js');
  const { ApiKeyRecord } = await import('../../shared/tenants/model.js');
  const { generateKey } = await import('../../shared/tenants/api-keys.js');
  const k = generateKey('publishable', tenantId);
  await new Store(tableName).put(ApiKeyRecord, { tenantId, keyId: k.keyId, kind: 'publishable', label: 'demo storefront', secretHash: k.secretHash, createdAt: new Date().toISOString() });
  return k.key;
}

type Stock = Record<string, number>;
interface DemoProduct {
  productId: string;
  title: string;
  category: string;
  price: number;
  attributes?: Record<string, string>;
  related?: string[];
  settings?: ProductSettings;
  description?: string;
  sizes: string[];
  colors: string[];
  /** Units at the warehouse per `size/colour` (missing = 0); `*` sets every variant. */
  stock: Stock;
  /** Units in the Milano store per `size/colour`. */
  storeStock?: Stock;
  /** Units sold per variant over the last days (what the order webhook records). */
  recentSales?: Stock;
  /** An open purchase order: days from today and the variants it brings. */
  purchaseOrder?: { inDays: number; lines: Stock };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const skuOf = (p: Pick<DemoProduct, 'productId'>, size: string, color: string) => `${p.productId}-${size}-${color}`.toLowerCase().replace(/[^a-z0-9-]/g, '');

const DEMO_PRODUCTS: DemoProduct[] = [
  {
    productId: 'sneaker-aria',
    title: 'Sneaker Aria',
    category: 'scarpe',
    price: 8900,
    attributes: { materiale: 'pelle' },
    related: ['calze-cotone', 'lacci-colorati'],
    description: 'Sneaker bassa in pelle, suola in gomma naturale.',
    sizes: ['39', '40', '41', '42', '43'],
    colors: ['bianco', 'nero'],
    stock: { '*': 6, '42/bianco': 0, '40/nero': 0, '39/bianco': 2 },
    storeStock: { '42/bianco': 1 },
    recentSales: { '41/bianco': 3, '43/nero': 2 },
  },
  {
    productId: 'sneaker-vento',
    title: 'Sneaker Vento',
    category: 'scarpe',
    price: 9500,
    attributes: { materiale: 'pelle' },
    related: ['calze-cotone'],
    sizes: ['40', '41', '42', '43'],
    colors: ['grigio'],
    stock: { '*': 8 },
  },
  {
    productId: 'stivaletto-bosco',
    title: 'Stivaletto Bosco',
    category: 'scarpe',
    price: 14900,
    attributes: { materiale: 'pelle' },
    sizes: ['38', '39', '40', '41', '42'],
    colors: ['marrone'],
    stock: { '*': 0 },
    storeStock: { '41/marrone': 1 },
    purchaseOrder: { inDays: 18, lines: { '40/marrone': 10, '41/marrone': 10, '42/marrone': 6 } },
  },
  {
    productId: 'mocassino-lago',
    title: 'Mocassino Lago',
    category: 'scarpe',
    price: 11900,
    attributes: { materiale: 'camoscio' },
    sizes: ['40', '41', '42', '43', '44'],
    colors: ['blu'],
    stock: { '*': 0 },
  },
  {
    productId: 'tshirt-onda',
    title: 'T-shirt Onda',
    category: 't-shirt',
    price: 2900,
    attributes: { materiale: 'cotone' },
    sizes: ['S', 'M', 'L', 'XL'],
    colors: ['bianco', 'blu'],
    stock: { '*': 0, 'M/blu': 2 },
  },
  {
    productId: 'tshirt-luna',
    title: 'T-shirt Luna',
    category: 't-shirt',
    price: 2500,
    attributes: { materiale: 'cotone' },
    sizes: ['S', 'M', 'L', 'XL'],
    colors: ['nero', 'grigio'],
    // 32 units left after 42 sold this week: about five days of cover, "selling fast".
    stock: { '*': 4 },
    recentSales: { 'M/nero': 12, 'L/nero': 12, 'M/grigio': 9, 'S/nero': 9 },
  },
  {
    productId: 'tshirt-sole',
    title: 'T-shirt Sole',
    category: 't-shirt',
    price: 2700,
    attributes: { materiale: 'cotone' },
    sizes: ['S', 'M', 'L'],
    colors: ['giallo'],
    stock: { '*': 0 },
  },
  {
    productId: 'felpa-nebbia',
    title: 'Felpa Nebbia',
    category: 'felpe',
    price: 5900,
    attributes: { materiale: 'cotone' },
    settings: { preorder: { enabled: true, label: 'In preordine: spedizione a fine mese', etaDate: day(30) } },
    sizes: ['S', 'M', 'L'],
    colors: ['grigio'],
    stock: { '*': 0 },
  },
  { productId: 'calze-cotone', title: 'Calze in cotone', category: 'accessori', price: 900, sizes: ['unica'], colors: ['assortito'], stock: { '*': 40 } },
  { productId: 'lacci-colorati', title: 'Lacci colorati', category: 'accessori', price: 400, sizes: ['unica'], colors: ['assortito'], stock: { '*': 0 } },
];

async function seedCatalog(tableName: string, tenantId: string, consoleUrl: string) {
  const { Store } = await import('../../shared/data/store.js');
  const { createLocation, createProduct } = await import('../../shared/inventory/catalog.js');
  const { applyStockChanges } = await import('../../shared/inventory/stock.js');
  const store = new Store(tableName);
  const ctx = { tableName, busName: BUS_NAME, tenantId };
  const ignoreConflict = (e: Error & { status?: number }) => {
    if (e.status !== 409) throw e;
  };

  await createLocation(store, tenantId, { locationId: 'main', name: 'Magazzino Bologna', kind: 'warehouse', city: 'Bologna', countsOnline: true, pickup: false }).catch(ignoreConflict);
  await createLocation(store, tenantId, { locationId: 'milano-brera', name: 'Bottega Milano Brera', kind: 'store', address: 'Via Brera 12', city: 'Milano', openingHours: 'Lun–Sab 10:00–19:30', countsOnline: true, pickup: true }).catch(ignoreConflict);
  await createLocation(store, tenantId, { locationId: 'roma-monti', name: 'Bottega Roma Monti', kind: 'store', address: 'Via del Boschetto 5', city: 'Roma', openingHours: 'Mar–Dom 11:00–20:00', countsOnline: false, pickup: true }).catch(ignoreConflict);

  for (const p of DEMO_PRODUCTS) {
    const variants = p.sizes.flatMap((size) => p.colors.map((color) => ({ sku: skuOf(p, size, color), attributes: { taglia: size, colore: color } })));
    await createProduct(store, tenantId, {
      productId: p.productId,
      title: p.title,
      category: p.category,
      brand: 'Bottega',
      price: p.price,
      description: p.description,
      attributes: p.attributes ?? {},
      related: p.related ?? [],
      settings: p.settings ?? {},
      // Absolute: messages (waves, back in stock) link shoppers to it.
      url: `${consoleUrl}/demo/?product=${p.productId}`,
      variants,
    }).catch(ignoreConflict);
    const units = (table: Stock, size: string, color: string) => table[`${size}/${color}`] ?? table['*'] ?? 0;
    const changes = variants.flatMap((v) => [
      { sku: v.sku, locationId: 'main', set: units(p.stock, v.attributes.taglia, v.attributes.colore) },
      { sku: v.sku, locationId: 'milano-brera', set: p.storeStock?.[`${v.attributes.taglia}/${v.attributes.colore}`] ?? 0 },
      { sku: v.sku, locationId: 'roma-monti', set: units(p.stock, v.attributes.taglia, v.attributes.colore) > 0 ? 2 : 0 },
    ]);
    await applyStockChanges(ctx, changes);
    if (p.recentSales) await writeRecentSales(tableName, tenantId, p, p.recentSales);
    if (p.purchaseOrder) {
      const lines = Object.entries(p.purchaseOrder.lines).map(([k, quantity]) => {
        const [size, color] = k.split('/') as [string, string];
        return { sku: skuOf(p, size, color), quantity };
      });
      try {
        const { createPurchaseOrder } = await import('../../shared/inventory/purchase-orders.js');
        await createPurchaseOrder(store, ctx, { poId: `demo-${p.productId}`, expectedDate: day(p.purchaseOrder.inDays), lines });
      } catch (error) {
        if ((error as { status?: number }).status !== 409) console.warn(`[demo] purchase order for ${p.productId} not created: ${(error as Error).message}`);
      }
    }
  }
}

/** Recent daily sales on the variants, as the order webhook keeps them (for "selling fast"). */
async function writeRecentSales(tableName: string, tenantId: string, p: DemoProduct, sales: Stock) {
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dynamo } = await import('../../shared/data/client.js');
  const { Product } = await import('../../shared/inventory/model.js');
  for (const [k, units] of Object.entries(sales)) {
    const [size, color] = k.split('/') as [string, string];
    // Spread over the last three days.
    const perDay = Object.fromEntries([0, 1, 2].map((d) => [day(-d), Math.ceil(units / 3)]));
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: Product.key({ tenantId, productId: p.productId }),
        UpdateExpression: 'SET variants.#s.recentSales = :sales',
        ConditionExpression: 'attribute_exists(variants.#s)',
        ExpressionAttributeNames: { '#s': skuOf(p, size, color) },
        ExpressionAttributeValues: { ':sales': perDay },
      }),
    );
  }
}
