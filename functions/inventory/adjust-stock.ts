import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { once } from '../../shared/data/idempotency.js';
import { UnprocessableError } from '../../shared/errors.js';
import { httpHandler } from '../../shared/http/handler.js';
import { DEFAULT_LOCATION, idSchema, skuSchema } from '../../shared/inventory/model.js';
import { applyStockChanges, type StockResult } from '../../shared/inventory/stock.js';

const config = loadConfig(baseEnv);

const change = z
  .object({
    sku: skuSchema,
    locationId: idSchema.default(DEFAULT_LOCATION),
    set: z.number().int().nonnegative().optional(),
    delta: z.number().int().optional(),
    reason: z.string().max(200).optional(),
  })
  .refine((c) => (c.set === undefined) !== (c.delta === undefined), { message: 'give exactly one of "set" or "delta"' });

const body = z.object({
  idempotencyKey: z.string().min(8).max(128).optional(),
  changes: z.array(change).min(1).max(500),
});

/**
 * POST /admin/stock/adjustments — `set` (absolute) and `delta` (relative) changes from an
 * ERP or POS. With an idempotency key (body or `Idempotency-Key` header) the same request
 * twice applies once and answers the first answer.
 */
export const handler = httpHandler({ body, tenant: true }, async ({ body, auth, headers }) => {
  const tenantId = auth.tenantId!;
  const key = body.idempotencyKey ?? headers['idempotency-key'];
  const run = async (): Promise<StockResult> => {
    const result = await applyStockChanges({ tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, tenantId }, body.changes);
    if (result.unknownSkus.length === body.changes.length) {
      throw new UnprocessableError('Unknown SKU', result.unknownSkus.map((sku) => ({ field: 'changes.sku', reason: `unknown SKU ${sku}` })));
    }
    return result;
  };
  if (!key) return { body: await run() };
  const outcome = await once(config.TABLE_NAME, { tenantId, scope: 'stock-adjustment', id: key }, run, 30);
  return { body: { ...(outcome.result ?? {}), replayed: !outcome.ran } };
});
