import * as z from 'zod';
import { defineEntity, tenantKey } from '../data/entity.js';

/**
 * Inventory data model. The product item is the aggregate root: it carries its variants and
 * their stock per location, so the storefront answers a product with one GetItem and a
 * listing of 100 products with one BatchGetItem; a stock change is one atomic UpdateItem on
 * one path of it. Bounded by DynamoDB's 400 KB item size: at most MAX_VARIANTS variants ×
 * MAX_LOCATIONS_PER_VARIANT locations per product (validated at the edge).
 */
export const MAX_VARIANTS = 250;
export const MAX_LOCATIONS_PER_VARIANT = 50;

export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" or "-", at most 64');
export const skuSchema = z.string().trim().min(1).max(64).regex(/^[^#\s]+$/, 'no spaces or "#"');
export const isoDate = z.iso.date();

export const availabilityStates = ['in_stock', 'low_stock', 'out_of_stock', 'preorder', 'backorder'] as const;
export type AvailabilityState = (typeof availabilityStates)[number];

export const productSettingsSchema = z.object({
  /** Alert threshold: the merchant is e-mailed when sellable stock falls to it. */
  lowStockThreshold: z.number().int().nonnegative().optional(),
  /** Display threshold: the storefront shows "only N left" at or below it. */
  displayThreshold: z.number().int().nonnegative().optional(),
  safetyStock: z.number().int().nonnegative().optional(),
  preorder: z.object({ enabled: z.boolean(), label: z.string().max(120).optional(), etaDate: isoDate.optional(), cap: z.number().int().positive().optional() }).optional(),
  backorder: z.object({ enabled: z.boolean(), cap: z.number().int().positive().optional() }).optional(),
  /** Merchant-set reason shown when out of stock ("discontinued", "seasonal", …). */
  outOfStockReason: z.string().max(200).optional(),
});
export type ProductSettings = z.infer<typeof productSettingsSchema>;

export const variantStockSchema = z.object({
  sku: skuSchema,
  attributes: z.record(z.string(), z.string()).default({}),
  price: z.number().int().nonnegative().optional(),
  /** On-hand units per location id. */
  onHand: z.record(z.string(), z.number().int()).default({}),
  /** Units held by shoppers' claims (release waves) and allocated to preorders/backorders. */
  reserved: z.number().int().nonnegative().default(0),
  allocated: z.number().int().nonnegative().default(0),
  /** Earliest expected arrival of open purchase orders, and the units they bring. */
  eta: isoDate.optional(),
  incoming: z.number().int().nonnegative().default(0),
  state: z.enum(availabilityStates).default('out_of_stock'),
  stateSince: z.iso.datetime().optional(),
  /** Increments on every state transition: consumers debounce flapping stock with it. */
  transitionSeq: z.number().int().nonnegative().default(0),
  /**
   * Units sold per UTC day over the last 14 days (`YYYY-MM-DD` → units), kept on the
   * aggregate so the storefront's "selling fast" badge needs no extra read.
   */
  recentSales: z.record(z.string(), z.number().int()).default({}),
});
export type VariantStock = z.infer<typeof variantStockSchema>;

export const Product = defineEntity({
  type: 'Product',
  schema: z.object({
    tenantId: z.string(),
    productId: idSchema,
    title: z.string().min(1).max(300),
    description: z.string().max(5000).optional(),
    category: z.string().max(120).optional(),
    brand: z.string().max(120).optional(),
    price: z.number().int().nonnegative().optional(),
    currency: z.string().length(3).default('EUR'),
    attributes: z.record(z.string(), z.string()).default({}),
    tags: z.array(z.string().max(60)).max(50).default([]),
    url: z.string().max(2000).optional(),
    imageUrl: z.string().max(2000).optional(),
    related: z.array(idSchema).max(50).default([]),
    status: z.enum(['active', 'archived']).default('active'),
    settings: productSettingsSchema.default({}),
    variants: z.record(z.string(), variantStockSchema).default({}),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }).meta({ id: 'Product' }),
  key: (k: { tenantId: string; productId: string }) => ({ pk: tenantKey(k.tenantId, 'PRODUCT', k.productId), sk: 'PRODUCT' }),
  gsi1: (p) => ({ gsi1pk: tenantKey(p.tenantId, 'PRODUCTS'), gsi1sk: p.productId }),
});
export type Product = z.infer<typeof Product.schema>;

/** SKU → product pointer, so feeds, orders and adjustments find a variant's aggregate. */
export const SkuIndex = defineEntity({
  type: 'SkuIndex',
  schema: z.object({ tenantId: z.string(), sku: skuSchema, productId: idSchema }),
  key: (k: { tenantId: string; sku: string }) => ({ pk: tenantKey(k.tenantId, 'SKU', k.sku), sk: 'SKU' }),
});

export const Location = defineEntity({
  type: 'Location',
  schema: z.object({
    tenantId: z.string(),
    locationId: idSchema,
    name: z.string().min(1).max(200),
    kind: z.enum(['warehouse', 'store']),
    address: z.string().max(500).optional(),
    city: z.string().max(120).optional(),
    openingHours: z.string().max(300).optional(),
    /** Stock here counts toward online availability (warehouses; stores with ship-from-store). */
    countsOnline: z.boolean().default(true),
    pickup: z.boolean().default(false),
  }).meta({ id: 'Location' }),
  key: (k: { tenantId: string; locationId: string }) => ({ pk: tenantKey(k.tenantId), sk: `LOCATION#${k.locationId}` }),
});
export type Location = z.infer<typeof Location.schema>;
export const DEFAULT_LOCATION = 'main';

export const Supplier = defineEntity({
  type: 'Supplier',
  schema: z.object({
    tenantId: z.string(),
    supplierId: idSchema,
    name: z.string().min(1).max(200),
    email: z.email().optional(),
    leadTimeDays: z.number().nonnegative().default(14),
    /** Measured from received purchase orders: on-time share and lead-time spread. */
    onTimeRate: z.number().min(0).max(1).optional(),
    leadTimeStdDays: z.number().nonnegative().optional(),
    receivedOrders: z.number().int().nonnegative().default(0),
    minOrderQty: z.number().int().positive().default(1),
    casePack: z.number().int().positive().default(1),
    alternates: z.array(idSchema).max(10).default([]),
  }).meta({ id: 'Supplier' }),
  key: (k: { tenantId: string; supplierId: string }) => ({ pk: tenantKey(k.tenantId), sk: `SUPPLIER#${k.supplierId}` }),
});
export type Supplier = z.infer<typeof Supplier.schema>;

export const PurchaseOrder = defineEntity({
  type: 'PurchaseOrder',
  schema: z.object({
    tenantId: z.string(),
    poId: idSchema,
    supplierId: idSchema.optional(),
    status: z.enum(['open', 'received', 'cancelled']),
    orderedAt: z.iso.datetime(),
    expectedDate: isoDate,
    lines: z.array(z.object({ sku: skuSchema, quantity: z.number().int().positive(), locationId: idSchema.default(DEFAULT_LOCATION) })).min(1).max(500),
    receivedAt: z.iso.datetime().optional(),
    receivedLines: z.array(z.object({ sku: skuSchema, quantity: z.number().int().nonnegative() })).optional(),
  }).meta({ id: 'PurchaseOrder' }),
  key: (k: { tenantId: string; poId: string }) => ({ pk: tenantKey(k.tenantId, 'PO', k.poId), sk: 'PO' }),
  gsi1: (po) => ({ gsi1pk: tenantKey(po.tenantId, 'POS'), gsi1sk: `${po.status}#${po.expectedDate}#${po.poId}` }),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder.schema>;

/** One item per order id: makes the order webhook idempotent and remembers what to restore. */
export const Order = defineEntity({
  type: 'Order',
  schema: z.object({
    tenantId: z.string(),
    orderId: z.string().min(1).max(128),
    status: z.enum(['placed', 'cancelled', 'returned', 'partially_returned']),
    placedAt: z.iso.datetime(),
    currency: z.string().length(3).default('EUR'),
    /** Pseudonymous: a hash of the shopper id or e-mail, for wave conversion attribution. */
    shopperRef: z.string().optional(),
    lines: z.array(z.object({ sku: skuSchema, quantity: z.number().int().positive(), price: z.number().int().nonnegative(), locationId: z.string(), returned: z.number().int().nonnegative().default(0) })),
    updatedAt: z.iso.datetime(),
  }),
  key: (k: { tenantId: string; orderId: string }) => ({ pk: tenantKey(k.tenantId, 'ORDER', k.orderId), sk: 'ORDER' }),
});
export type Order = z.infer<typeof Order.schema>;

/**
 * Daily sales per SKU, one item per SKU and month with top-level counters `u01..u31` (units)
 * and `r01..r31` (revenue, minor units), so recording a sale is one atomic ADD and two years
 * of history is one 24-item Query.
 */
export const salesMonthKey = (tenantId: string, sku: string, month: string) => ({ pk: tenantKey(tenantId, 'SALES', sku), sk: `M#${month}` });

/** Stock history: every availability transition of a SKU with its time (censored demand). */
export const stockHistoryKey = (tenantId: string, sku: string, at: string, seq: number) => ({
  pk: tenantKey(tenantId, 'STOCKHIST', sku),
  sk: `${at}#${String(seq).padStart(8, '0')}`,
});
