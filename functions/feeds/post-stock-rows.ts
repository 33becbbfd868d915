import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { httpHandler } from '../../shared/http/handler.js';
import { ingestHttpRows } from '../../shared/inventory/feeds/ingest-runs.js';
import { DEFAULT_LOCATION, idSchema } from '../../shared/inventory/model.js';

const config = loadConfig(baseEnv);

export const MAX_HTTP_ROWS = 1000;

const body = z.object({
  /** Feed rows as JSON objects: sku, quantity (qty, on_hand), location (optional). Checked row by row. */
  rows: z.array(z.unknown()).min(1).max(MAX_HTTP_ROWS),
  location: idSchema.default(DEFAULT_LOCATION),
  dryRun: z.boolean().default(false),
});

/**
 * POST /admin/stock/rows — small absolute updates over HTTP, through the same validate → diff →
 * apply code as feeds: unchanged rows cost nothing, each bad row is reported with its index.
 */
export const handler = httpHandler({ body, tenant: true }, async ({ body, auth }) => {
  const report = await ingestHttpRows({ tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, tenantId: auth.tenantId! }, body.rows, { location: body.location, dryRun: body.dryRun });
  return { body: report };
});
