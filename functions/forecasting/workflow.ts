import * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { forecastingEnv } from '../../shared/forecasting/env.js';
import { finishRun, listTenantsPage, planTenant } from '../../shared/forecast-run/run.js';
import { tenantIdSchema } from '../../shared/tenants/model.js';

const config = loadConfig(forecastingEnv);
const ctx = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME };

const input = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('list-tenants'),
    run: z.object({
      /** The nightly execution's start time: its date is the run date of every tenant. */
      startTime: z.string().optional(),
      runDate: z.iso.date().nullable().optional(),
      cursor: z.string().nullable().optional(),
    }),
  }),
  z.object({ step: z.literal('plan'), tenantId: tenantIdSchema, runDate: z.iso.date().optional(), trigger: z.enum(['schedule', 'manual']).optional() }),
  z.object({ step: z.literal('finish'), tenantId: tenantIdSchema, runDate: z.iso.date(), failed: z.boolean().optional() }),
]);

/**
 * The light steps of the forecast workflows: a page of active tenants (nightly, loops while
 * there is a cursor); a tenant's plan (settings and SKUs cut into partitions); the run's
 * status and totals once its partitions are done.
 */
export async function handler(raw: unknown) {
  const i = input.parse(raw);
  switch (i.step) {
    case 'list-tenants':
      return listTenantsPage(config.TABLE_NAME, i.run);
    case 'plan':
      return planTenant(ctx, i);
    case 'finish':
      return finishRun(ctx, i);
  }
}
