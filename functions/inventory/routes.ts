import * as z from 'zod';
import { nonEmpty, pageOf, pageQuery } from '../../shared/http/paging.js';
import { defineRoutes } from '../../shared/http/route.js';
import { Feed, feedOptionsSchema } from '../../shared/inventory/feeds/feed-record.js';
import { feedReportSchema, feedReportSummarySchema, rowsReportSchema } from '../../shared/inventory/feeds/report.js';
import { DEFAULT_LOCATION, idSchema, isoDate, Location, MAX_VARIANTS, Product, productSettingsSchema, PurchaseOrder, skuSchema, Supplier } from '../../shared/inventory/model.js';
import { orderOutcomeSchema } from '../../shared/inventory/orders.js';
import { etaChangeSchema, receiveResultSchema } from '../../shared/inventory/purchase-orders.js';
import { stockResultSchema, transitionSchema } from '../../shared/inventory/stock.js';

// ---- products ----

const product = Product.schema.shape;
const money = z.number().int().nonnegative().max(1_000_000_000);
const webUrl = z.url({ protocol: /^https?$/ }).max(2000);
const attributes = z.record(z.string().min(1).max(60), z.string().max(200)).refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes');
const variantBody = z.strictObject({ sku: skuSchema, attributes: attributes.optional(), price: money.optional() });
// Creation writes one transaction of product + SKU index entries (≤ 100 items).
const MAX_VARIANTS_AT_CREATION = Math.min(MAX_VARIANTS, 98);

const createProductBody = z.strictObject({
  productId: idSchema.optional().meta({ description: 'Chosen by Restock (`p-…`) when absent.' }),
  title: product.title,
  description: product.description,
  category: product.category,
  brand: product.brand,
  price: money.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "EUR"').optional(),
  attributes: attributes.optional(),
  tags: product.tags.unwrap().optional(),
  url: webUrl.optional(),
  imageUrl: webUrl.optional(),
  related: product.related.unwrap().optional(),
  status: z.enum(['active', 'archived']).optional(),
  settings: productSettingsSchema.optional(),
  variants: z.array(variantBody).min(1).max(MAX_VARIANTS_AT_CREATION),
});

const nullableSettings = z.strictObject(
  Object.fromEntries(Object.entries(productSettingsSchema.shape).map(([k, s]) => [k, s.unwrap().nullable().optional()])) as {
    [K in keyof typeof productSettingsSchema.shape]: z.ZodOptional<z.ZodNullable<ReturnType<(typeof productSettingsSchema.shape)[K]['unwrap']>>>;
  },
);

// Stock fields (variants, onHand, state …) are absent on purpose: strict objects refuse them.
const productPatch = z
  .strictObject({
    title: product.title.optional(),
    description: product.description.unwrap().nullable().optional(),
    category: product.category.unwrap().nullable().optional(),
    brand: product.brand.unwrap().nullable().optional(),
    price: money.nullable().optional(),
    attributes: attributes.optional(),
    tags: product.tags.unwrap().optional(),
    related: product.related.unwrap().optional(),
    url: webUrl.nullable().optional(),
    imageUrl: webUrl.nullable().optional(),
    status: z.enum(['active', 'archived']).optional(),
    settings: nullableSettings.optional(),
  })
  .refine(nonEmpty, 'nothing to change');

const productPath = z.object({ productId: idSchema });
const variantPath = z.object({ productId: idSchema, sku: skuSchema });
const productView = z.object({ product: Product.schema });
const productChange = z.object({ product: Product.schema, transitions: z.array(transitionSchema).meta({ description: 'Availability transitions the change caused (each published once).' }) });

// ---- locations and suppliers ----

const location = Location.schema.shape;
const locationFields = {
  name: location.name,
  kind: location.kind,
  address: location.address,
  city: location.city,
  openingHours: location.openingHours,
  countsOnline: location.countsOnline.unwrap().optional().meta({ description: 'Stock here counts toward online availability; default true.' }),
  pickup: location.pickup.unwrap().optional().meta({ description: 'Shoppers can pick up here; default false.' }),
};
const locationPath = z.object({ locationId: idSchema });
const locationView = z.object({ location: Location.schema });

const supplier = Supplier.schema.shape;
// What the merchant configures; measured statistics (on-time rate, spread, received orders)
// come from received purchase orders only.
const supplierFields = {
  name: supplier.name,
  email: supplier.email,
  leadTimeDays: z.number().nonnegative().max(365).default(14),
  minOrderQty: z.number().int().positive().max(1_000_000).default(1),
  casePack: z.number().int().positive().max(100_000).default(1),
  alternates: z.array(idSchema).max(10).default([]).meta({ description: 'Other suppliers of this tenant to order from instead (they must exist).' }),
};
const supplierPath = z.object({ supplierId: idSchema });
const supplierView = z.object({ supplier: Supplier.schema });

// ---- purchase orders ----

const units = z.number().int().max(10_000_000);
const poPath = z.object({ poId: idSchema });
const poChange = z.object({ purchaseOrder: PurchaseOrder.schema, etaChanges: z.array(etaChangeSchema).meta({ description: 'SKUs whose restock ETA moved (each announced as RestockEtaChanged).' }) });

// ---- stock and orders ----

const stockChange = z
  .object({
    sku: skuSchema,
    locationId: idSchema.default(DEFAULT_LOCATION),
    set: z.number().int().nonnegative().optional().meta({ description: 'Absolute quantity.' }),
    delta: z.number().int().optional().meta({ description: 'Relative change.' }),
    reason: z.string().max(200).optional(),
  })
  .refine((c) => (c.set === undefined) !== (c.delta === undefined), { message: 'give exactly one of "set" or "delta"' });

const orderId = z.string().trim().min(1).max(128);
const orderWebhookBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('placed'),
    orderId,
    placedAt: z.iso.datetime().optional(),
    currency: z.string().length(3).optional(),
    shopper: z.object({ id: z.string().max(128).optional(), email: z.email().optional() }).optional().meta({ description: 'Kept only as a pseudonym (a hash), for release conversion attribution.' }),
    lines: z.array(z.object({ sku: skuSchema, quantity: z.number().int().positive(), price: z.number().int().nonnegative(), locationId: idSchema.optional() })).min(1).max(40),
  }),
  z.object({ type: z.literal('cancelled'), orderId }),
  z.object({
    type: z.literal('returned'),
    orderId,
    returnId: z.string().min(1).max(128),
    restock: z.boolean().optional(),
    lines: z.array(z.object({ sku: skuSchema, quantity: z.number().int().positive() })).min(1).max(40),
  }),
]);

const MAX_HTTP_ROWS = 1000;

// ---- feeds ----

const feedView = Feed.schema.meta({ id: 'Feed' });
const feedPath = z.object({ feedId: z.string().max(64) });

/**
 * The merchant's inventory: catalog (products, variants, locations, suppliers), purchase
 * orders, stock adjustments, the order webhook, inventory feeds and stock rows. One function.
 */
export const inventoryAdmin = defineRoutes({
  capability: 'inventory',
  entry: 'functions/inventory/admin.ts',
  routes: {
    // ---- products and variants ----
    createProduct: {
      method: 'POST',
      path: '/admin/products',
      auth: 'admin',
      summary: 'Create a product with its variants',
      description: `New variants start out of stock with no units. A SKU belongs to one product of the tenant: a product id or SKU already used is a 409. At most ${MAX_VARIANTS_AT_CREATION} variants at creation (add more one by one, up to ${MAX_VARIANTS}).`,
      body: createProductBody,
      responses: { 201: { description: 'The product.', body: productView } },
      errors: [404, 409, 422],
    },
    listProducts: {
      method: 'GET',
      path: '/admin/products',
      auth: 'admin',
      summary: 'List products',
      description: 'In product id order, a page at a time; a cursor from another listing or tenant is refused (400).',
      query: pageQuery,
      responses: { 200: { description: 'A page of products.', body: pageOf(Product.schema) } },
    },
    getProduct: {
      method: 'GET',
      path: '/admin/products/{productId}',
      auth: 'admin',
      summary: 'A product with its variants and their stock',
      params: productPath,
      responses: { 200: { description: 'The product.', body: productView } },
      errors: [404],
    },
    patchProduct: {
      method: 'PATCH',
      path: '/admin/products/{productId}',
      auth: 'admin',
      summary: 'Change descriptive fields and settings (never stock)',
      description:
        'A partial update: fields not named are kept, `null` clears an optional field. `settings` merge key by key (`null` goes back to the tenant default); a settings change that changes availability (thresholds, preorder, backorder, safety stock) reconciles every variant and publishes the transitions. Stock fields are refused: change stock with adjustments, orders, purchase orders or feeds.',
      params: productPath,
      body: productPatch,
      responses: { 200: { description: 'The product after the change, and the transitions it caused.', body: productChange } },
      errors: [404, 422],
    },
    archiveProduct: {
      method: 'DELETE',
      path: '/admin/products/{productId}',
      auth: 'admin',
      summary: 'Archive a product',
      description: 'The product keeps its history and SKUs; the storefront stops showing it. `PATCH` with `status: active` brings it back.',
      params: productPath,
      responses: { 200: { description: 'The archived product.', body: productView } },
      errors: [404],
    },
    addVariant: {
      method: 'POST',
      path: '/admin/products/{productId}/variants',
      auth: 'admin',
      summary: 'Add a variant',
      description: 'A SKU already used by any product of the tenant is a 409. A variant of a product taking preorders is a preorder at once (a transition).',
      params: productPath,
      body: variantBody,
      responses: { 201: { description: 'The product with its new variant, and the transitions it caused.', body: productChange } },
      errors: [404, 409, 422],
    },
    removeVariant: {
      method: 'DELETE',
      path: '/admin/products/{productId}/variants/{sku}',
      auth: 'admin',
      summary: 'Remove a variant (its SKU is free again)',
      description: 'Refused (409) while open purchase orders bring the SKU: receive or cancel them first.',
      params: variantPath,
      responses: { 200: { description: 'The product without the variant.', body: productView } },
      errors: [404, 409],
    },

    // ---- locations ----
    createLocation: {
      method: 'POST',
      path: '/admin/locations',
      auth: 'admin',
      summary: 'Create a warehouse or store',
      body: z.strictObject({ locationId: idSchema, ...locationFields }),
      responses: { 201: { description: 'The location.', body: locationView } },
      errors: [409],
    },
    listLocations: {
      method: 'GET',
      path: '/admin/locations',
      auth: 'admin',
      summary: 'List locations',
      query: pageQuery,
      responses: { 200: { description: 'A page of locations, in id order.', body: pageOf(Location.schema) } },
    },
    getLocation: {
      method: 'GET',
      path: '/admin/locations/{locationId}',
      auth: 'admin',
      summary: 'A location',
      params: locationPath,
      responses: { 200: { description: 'The location.', body: locationView } },
      errors: [404],
    },
    putLocation: {
      method: 'PUT',
      path: '/admin/locations/{locationId}',
      auth: 'admin',
      summary: 'Replace a location',
      description: 'Fields left out go back to their defaults. The location must exist (create it with POST).',
      params: locationPath,
      body: z.strictObject(locationFields),
      responses: { 200: { description: 'The location.', body: locationView } },
      errors: [404],
    },
    deleteLocation: {
      method: 'DELETE',
      path: '/admin/locations/{locationId}',
      auth: 'admin',
      summary: 'Delete a location',
      description: 'Stock counted there stays on the variants (move or zero it); open purchase orders delivering there keep their location id.',
      params: locationPath,
      responses: { 204: { description: 'Deleted.' } },
      errors: [404],
    },

    // ---- suppliers ----
    createSupplier: {
      method: 'POST',
      path: '/admin/suppliers',
      auth: 'admin',
      summary: 'Create a supplier',
      body: z.strictObject({ supplierId: idSchema, ...supplierFields }),
      responses: { 201: { description: 'The supplier.', body: supplierView } },
      errors: [409, 422],
    },
    listSuppliers: {
      method: 'GET',
      path: '/admin/suppliers',
      auth: 'admin',
      summary: 'List suppliers',
      query: pageQuery,
      responses: { 200: { description: 'A page of suppliers, in id order.', body: pageOf(Supplier.schema) } },
    },
    getSupplier: {
      method: 'GET',
      path: '/admin/suppliers/{supplierId}',
      auth: 'admin',
      summary: 'A supplier with its measured statistics',
      params: supplierPath,
      responses: { 200: { description: 'The supplier.', body: supplierView } },
      errors: [404],
    },
    putSupplier: {
      method: 'PUT',
      path: '/admin/suppliers/{supplierId}',
      auth: 'admin',
      summary: 'Replace what the merchant configures of a supplier',
      description: 'Fields left out go back to their defaults; the measured statistics (received orders, lead-time spread, on-time rate) are kept.',
      params: supplierPath,
      body: z.strictObject(supplierFields),
      responses: { 200: { description: 'The supplier.', body: supplierView } },
      errors: [404, 422],
    },
    deleteSupplier: {
      method: 'DELETE',
      path: '/admin/suppliers/{supplierId}',
      auth: 'admin',
      summary: 'Delete a supplier',
      params: supplierPath,
      responses: { 204: { description: 'Deleted.' } },
      errors: [404],
    },

    // ---- purchase orders ----
    createPurchaseOrder: {
      method: 'POST',
      path: '/admin/purchase-orders',
      auth: 'admin',
      summary: 'Create an open purchase order',
      description: 'Sets each SKU’s restock ETA (the earliest open order) and incoming units, and announces ETA changes. Unknown SKUs, suppliers and locations are refused (422) with their fields.',
      body: z.strictObject({
        poId: idSchema.optional().meta({ description: 'Chosen by Restock when absent.' }),
        supplierId: idSchema.optional(),
        expectedDate: isoDate,
        orderedAt: z.iso.datetime().optional().meta({ description: 'Default: now.' }),
        lines: z
          .array(z.strictObject({ sku: skuSchema, quantity: units.positive(), locationId: idSchema.default(DEFAULT_LOCATION) }))
          .min(1)
          .max(500),
      }),
      responses: { 201: { description: 'The purchase order and the ETA changes it caused.', body: poChange } },
      errors: [409, 422],
    },
    listPurchaseOrders: {
      method: 'GET',
      path: '/admin/purchase-orders',
      auth: 'admin',
      summary: 'List purchase orders',
      description: 'By status, then expected date.',
      query: pageQuery.extend({ status: z.enum(['open', 'received', 'cancelled']).optional() }),
      responses: { 200: { description: 'A page of purchase orders.', body: pageOf(PurchaseOrder.schema) } },
    },
    getPurchaseOrder: {
      method: 'GET',
      path: '/admin/purchase-orders/{poId}',
      auth: 'admin',
      summary: 'A purchase order',
      params: poPath,
      responses: { 200: { description: 'The purchase order.', body: z.object({ purchaseOrder: PurchaseOrder.schema }) } },
      errors: [404],
    },
    patchPurchaseOrder: {
      method: 'PATCH',
      path: '/admin/purchase-orders/{poId}',
      auth: 'admin',
      summary: 'Move, reassign or cancel an open purchase order',
      description: 'Only open orders change (409 otherwise). `supplierId: null` removes the supplier; `status` accepts only `cancelled` (receive with `POST …/receive`).',
      params: poPath,
      body: z
        .strictObject({
          expectedDate: isoDate.optional(),
          supplierId: idSchema.nullable().optional(),
          status: z.literal('cancelled', { error: 'only "cancelled"; receive a purchase order with POST …/receive' }).optional(),
        })
        .refine(nonEmpty, 'nothing to change'),
      responses: { 200: { description: 'The purchase order and the ETA changes it caused.', body: poChange } },
      errors: [404, 409, 422],
    },
    receivePurchaseOrder: {
      method: 'POST',
      path: '/admin/purchase-orders/{poId}/receive',
      auth: 'admin',
      summary: 'Receive a purchase order (exactly once)',
      description:
        'Adds the received units to stock, closes the order and folds the delivery into the supplier’s statistics, all at once; a second receive answers 409 and changes nothing. Without `lines` everything arrived as ordered; lines not listed arrived with 0 units. `receivedDate` defaults to today.',
      params: poPath,
      body: z
        .strictObject({
          receivedDate: isoDate.optional(),
          lines: z.array(z.strictObject({ sku: skuSchema, locationId: idSchema.optional(), quantity: units.nonnegative() })).max(500).optional(),
        })
        .optional(),
      responses: { 200: { description: 'The received order, what was booked, the supplier and the transitions and ETA changes it caused.', body: receiveResultSchema } },
      errors: [404, 409, 422],
    },

    // ---- stock and orders ----
    adjustStock: {
      method: 'POST',
      path: '/admin/stock/adjustments',
      auth: 'admin',
      summary: 'Set or change stock (from an ERP or POS)',
      description:
        '`set` is absolute, `delta` relative; an unchanged `set` costs no write. With an idempotency key (`idempotencyKey` in the body, or an `Idempotency-Key` header) the same request twice applies once and answers the first answer with `replayed: true` (only `replayed` while the first is still running). Unknown SKUs are skipped; all of them unknown is a 422.',
      body: z.object({
        idempotencyKey: z.string().min(8).max(128).optional(),
        changes: z.array(stockChange).min(1).max(500),
      }),
      responses: {
        200: {
          description: 'What changed.',
          body: z.union([
            stockResultSchema.extend({ replayed: z.boolean().optional().meta({ description: 'With an idempotency key: whether this answer is the first request’s.' }) }),
            z.object({ replayed: z.literal(true) }).meta({ description: 'A repeat of a request still running.' }),
          ]),
        },
      },
      errors: [422],
    },
    orderWebhook: {
      method: 'POST',
      path: '/admin/orders/webhook',
      auth: 'admin',
      summary: 'Checkout integration: an order placed, cancelled or returned',
      description:
        'Idempotent by order id (and return id): a redelivery changes nothing and answers 200 with `duplicate: true`. A placed order takes its units from stock and records the day’s sales; a cancel restores them; a return restocks (unless `restock: false`).',
      body: orderWebhookBody,
      responses: {
        202: { description: 'Applied.', body: orderOutcomeSchema },
        200: { description: 'Seen before: nothing changed.', body: orderOutcomeSchema },
      },
      errors: [404, 409, 422],
    },

    // ---- feeds ----
    createFeed: {
      method: 'POST',
      path: '/admin/feeds',
      auth: 'admin',
      summary: 'Start an inventory feed: get an upload URL',
      description:
        'Registers the feed with its options and answers a presigned PUT for exactly one object under the tenant’s prefix; uploading it starts ingestion. The options live in the feed, not in the upload: the uploader chooses nothing but the bytes.',
      body: feedOptionsSchema.extend({
        filename: z.string().trim().min(1).max(255).meta({ description: 'The merchant’s file name, kept (sanitized) in the object key.' }),
      }),
      responses: {
        201: {
          description: 'The feed (pending) and where to PUT the file.',
          body: z.object({
            feedId: z.string(),
            uploadUrl: z.string().meta({ description: 'Presigned: PUT the file’s bytes here, with no credentials.' }),
            method: z.literal('PUT'),
            expiresIn: z.number().int().positive().meta({ description: 'Seconds the upload URL stays valid.' }),
            feed: feedView,
          }),
        },
      },
    },
    listFeeds: {
      method: 'GET',
      path: '/admin/feeds',
      auth: 'admin',
      summary: 'List feeds, newest first',
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        cursor: z.string().max(2000).optional().meta({ description: 'The `cursor` of the previous page, as returned.' }),
      }),
      responses: {
        200: {
          description: 'A page of feeds with their status and counts.',
          body: z.object({ feeds: z.array(feedView), cursor: z.string().optional().meta({ description: 'Present when there is a next page.' }) }),
        },
      },
    },
    getFeed: {
      method: 'GET',
      path: '/admin/feeds/{feedId}',
      auth: 'admin',
      summary: 'A feed: status, counts and, once processed, the report summary',
      params: feedPath,
      responses: {
        200: {
          description: 'The feed, and its report without the full list of rejections (the first 20 are in `firstRejections`).',
          body: z.object({ feed: feedView, report: feedReportSummarySchema.optional().meta({ description: 'Once the feed is processed.' }) }),
        },
      },
      errors: [404],
    },
    getFeedReport: {
      method: 'GET',
      path: '/admin/feeds/{feedId}/report',
      auth: 'admin',
      summary: 'A feed’s full report',
      description: 'Every rejected row with its line, field and reason (at most 10,000; counts are always exact). 404 until the feed is processed.',
      params: feedPath,
      responses: { 200: { description: 'The report.', body: feedReportSchema } },
      errors: [404],
    },
    postStockRows: {
      method: 'POST',
      path: '/admin/stock/rows',
      auth: 'admin',
      summary: 'Apply feed rows over HTTP (small absolute updates)',
      description: `Up to ${MAX_HTTP_ROWS} rows (objects with \`sku\`, a quantity as \`quantity\`, \`qty\` or \`on_hand\`, and optionally \`location\`) through the same validate → diff → apply code as feeds: unchanged rows cost nothing, each bad row is reported with its index. \`dryRun\` reports what would change and changes nothing.`,
      body: z.object({
        rows: z.array(z.unknown()).min(1).max(MAX_HTTP_ROWS).meta({ description: 'Checked row by row: a bad row is reported, not a 400.' }),
        location: idSchema.default(DEFAULT_LOCATION).meta({ description: 'Location of rows that name none.' }),
        dryRun: z.boolean().default(false),
      }),
      responses: { 200: { description: 'The report: counts, and each rejected row with its index.', body: rowsReportSchema } },
    },
  },
});
