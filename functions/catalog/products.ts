import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { addVariant, archiveProduct, createProduct, getProduct, listProducts, removeVariant, updateProduct } from '../../shared/inventory/catalog.js';
import { idSchema, MAX_VARIANTS, Product, productSettingsSchema, skuSchema } from '../../shared/inventory/model.js';
import type { StockContext } from '../../shared/inventory/stock.js';
import { byRoute, nonEmpty, pageBody, pageQuery } from './router.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);
const stock = (tenantId: string): StockContext => ({ tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, tenantId });

const fields = Product.schema.shape;
const money = z.number().int().nonnegative().max(1_000_000_000);
const webUrl = z.url({ protocol: /^https?$/ }).max(2000);
const attributes = z.record(z.string().min(1).max(60), z.string().max(200)).refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes');
const variant = z.strictObject({ sku: skuSchema, attributes: attributes.optional(), price: money.optional() });
// Creation writes one transaction of product + SKU index entries (≤ 100 items).
const MAX_VARIANTS_AT_CREATION = Math.min(MAX_VARIANTS, 98);

const createBody = z.strictObject({
  productId: idSchema.optional(),
  title: fields.title,
  description: fields.description,
  category: fields.category,
  brand: fields.brand,
  price: money.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "EUR"').optional(),
  attributes: attributes.optional(),
  tags: fields.tags.unwrap().optional(),
  url: webUrl.optional(),
  imageUrl: webUrl.optional(),
  related: fields.related.unwrap().optional(),
  status: z.enum(['active', 'archived']).optional(),
  settings: productSettingsSchema.optional(),
  variants: z.array(variant).min(1).max(MAX_VARIANTS_AT_CREATION),
});

const nullableSettings = z.strictObject(Object.fromEntries(Object.entries(productSettingsSchema.shape).map(([k, s]) => [k, s.unwrap().nullable().optional()])) as {
  [K in keyof typeof productSettingsSchema.shape]: z.ZodOptional<z.ZodNullable<ReturnType<(typeof productSettingsSchema.shape)[K]['unwrap']>>>;
});

// Stock fields (variants, onHand, state …) are absent on purpose: strict objects refuse them.
const patchBody = z
  .strictObject({
    title: fields.title.optional(),
    description: fields.description.unwrap().nullable().optional(),
    category: fields.category.unwrap().nullable().optional(),
    brand: fields.brand.unwrap().nullable().optional(),
    price: money.nullable().optional(),
    attributes: attributes.optional(),
    tags: fields.tags.unwrap().optional(),
    related: fields.related.unwrap().optional(),
    url: webUrl.nullable().optional(),
    imageUrl: webUrl.nullable().optional(),
    status: z.enum(['active', 'archived']).optional(),
    settings: nullableSettings.optional(),
  })
  .refine(nonEmpty, 'nothing to change');

const productPath = z.object({ productId: idSchema });
const variantPath = z.object({ productId: idSchema, sku: skuSchema });

export const handler = byRoute({
  'POST /admin/products': httpHandler({ body: createBody, tenant: true }, async ({ body, auth }) => {
    const product = await createProduct(store, auth.tenantId!, { ...body, productId: body.productId ?? `p-${randomBytes(6).toString('hex')}` });
    return { status: 201, body: { product } };
  }),

  'GET /admin/products': httpHandler({ query: pageQuery, tenant: true }, async ({ query, auth }) => ({
    body: pageBody(await listProducts(store, auth.tenantId!, query)),
  })),

  'GET /admin/products/{productId}': httpHandler({ path: productPath, tenant: true }, async ({ path, auth }) => ({
    body: { product: await getProduct(store, auth.tenantId!, path.productId) },
  })),

  'PATCH /admin/products/{productId}': httpHandler({ path: productPath, body: patchBody, tenant: true }, async ({ path, body, auth }) => {
    const { product, transitions } = await updateProduct(store, stock(auth.tenantId!), path.productId, body);
    return { body: { product, transitions } };
  }),

  'DELETE /admin/products/{productId}': httpHandler({ path: productPath, tenant: true }, async ({ path, auth }) => ({
    body: { product: await archiveProduct(store, stock(auth.tenantId!), path.productId) },
  })),

  'POST /admin/products/{productId}/variants': httpHandler({ path: productPath, body: variant, tenant: true }, async ({ path, body, auth }) => {
    const { product, transitions } = await addVariant(store, stock(auth.tenantId!), path.productId, body);
    return { status: 201, body: { product, transitions } };
  }),

  'DELETE /admin/products/{productId}/variants/{sku}': httpHandler({ path: variantPath, tenant: true }, async ({ path, auth }) => ({
    body: { product: await removeVariant(store, stock(auth.tenantId!), path.productId, path.sku) },
  })),
});
