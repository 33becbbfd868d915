import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { DEFAULT_LOCATION, idSchema, isoDate, skuSchema } from '../../shared/inventory/model.js';
import { createPurchaseOrder, getPurchaseOrder, listPurchaseOrders, receivePurchaseOrder, updatePurchaseOrder } from '../../shared/inventory/purchase-orders.js';
import type { StockContext } from '../../shared/inventory/stock.js';
import { byRoute, nonEmpty, pageBody, pageQuery } from './router.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);
const stock = (tenantId: string): StockContext => ({ tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, tenantId });

const units = z.number().int().max(10_000_000);
const createBody = z.strictObject({
  poId: idSchema.optional(),
  supplierId: idSchema.optional(),
  expectedDate: isoDate,
  orderedAt: z.iso.datetime().optional(),
  lines: z
    .array(z.strictObject({ sku: skuSchema, quantity: units.positive(), locationId: idSchema.default(DEFAULT_LOCATION) }))
    .min(1)
    .max(500),
});
const patchBody = z
  .strictObject({
    expectedDate: isoDate.optional(),
    supplierId: idSchema.nullable().optional(),
    status: z.literal('cancelled', { error: 'only "cancelled"; receive a purchase order with POST …/receive' }).optional(),
  })
  .refine(nonEmpty, 'nothing to change');
const receiveBody = z.strictObject({
  receivedDate: isoDate.optional(),
  lines: z.array(z.strictObject({ sku: skuSchema, locationId: idSchema.optional(), quantity: units.nonnegative() })).max(500).optional(),
});
const listQuery = pageQuery.extend({ status: z.enum(['open', 'received', 'cancelled']).optional() });
const poPath = z.object({ poId: idSchema });

export const handler = byRoute({
  'POST /admin/purchase-orders': httpHandler({ body: createBody, tenant: true }, async ({ body, auth }) => {
    const { purchaseOrder, etaChanges } = await createPurchaseOrder(store, stock(auth.tenantId!), body);
    return { status: 201, body: { purchaseOrder, etaChanges } };
  }),

  'GET /admin/purchase-orders': httpHandler({ query: listQuery, tenant: true }, async ({ query, auth }) => ({
    body: pageBody(await listPurchaseOrders(store, auth.tenantId!, query)),
  })),

  'GET /admin/purchase-orders/{poId}': httpHandler({ path: poPath, tenant: true }, async ({ path, auth }) => ({
    body: { purchaseOrder: await getPurchaseOrder(store, auth.tenantId!, path.poId) },
  })),

  'PATCH /admin/purchase-orders/{poId}': httpHandler({ path: poPath, body: patchBody, tenant: true }, async ({ path, body, auth }) => ({
    body: await updatePurchaseOrder(store, stock(auth.tenantId!), path.poId, body),
  })),

  'POST /admin/purchase-orders/{poId}/receive': httpHandler({ path: poPath, body: receiveBody.optional(), tenant: true }, async ({ path, body, auth }) => ({
    body: await receivePurchaseOrder(store, stock(auth.tenantId!), path.poId, body ?? {}),
  })),
});
