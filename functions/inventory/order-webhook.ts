import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { idSchema, skuSchema } from '../../shared/inventory/model.js';
import { handleOrderWebhook } from '../../shared/inventory/orders.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

const orderId = z.string().trim().min(1).max(128);
const body = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('placed'),
    orderId,
    placedAt: z.iso.datetime().optional(),
    currency: z.string().length(3).optional(),
    shopper: z.object({ id: z.string().max(128).optional(), email: z.email().optional() }).optional(),
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

/**
 * POST /admin/orders/webhook — checkout integration: an order placed, cancelled or returned.
 * Idempotent by order id (and return id): redeliveries change nothing.
 */
export const handler = httpHandler({ body, tenant: true }, async ({ body, auth }) => {
  const outcome = await handleOrderWebhook({ tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, tenantId: auth.tenantId!, store }, body);
  return { status: outcome.duplicate ? 200 : 202, body: outcome };
});
