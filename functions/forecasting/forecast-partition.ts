import * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { forecastingEnv } from '../../shared/forecasting/env.js';
import { forecastPartition } from '../../shared/forecast-run/run.js';
import { forecastingSettingsSchema } from '../../shared/forecast-run/settings.js';
import { tenantIdSchema } from '../../shared/tenants/model.js';

const config = loadConfig(forecastingEnv);
const ctx = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME };

const input = z.object({
  tenantId: tenantIdSchema,
  runDate: z.iso.date(),
  settings: forecastingSettingsSchema.partial().optional(),
  partition: z.object({ index: z.number().int().nonnegative(), first: z.string().min(1), last: z.string().min(1), skus: z.number().int().nonnegative() }),
});

/**
 * Per-tenant forecast, step 2 (once per partition, in parallel): read the partition's
 * inputs, forecast every SKU, publish events, add digest entries, store the results.
 */
export async function handler(raw: unknown) {
  return forecastPartition(ctx, input.parse(raw));
}
