import * as z from 'zod';
import { forecastRunSchema, forecastSchema, reorderSuggestionSchema } from '../../shared/forecast-run/model.js';
import { pageOf, pageQuery } from '../../shared/http/paging.js';
import { defineRoutes } from '../../shared/http/route.js';
import { skuSchema } from '../../shared/inventory/model.js';

/** A forecast without its daily array and inputs (what a listing row needs), with the inputs that matter at a glance. */
export const forecastSummarySchema = forecastSchema
  .omit({ tenantId: true, forecast: true, inputs: true })
  .extend({
    leadTimeDays: forecastSchema.shape.inputs.shape.leadTimeDays,
    supplierId: forecastSchema.shape.inputs.shape.supplierId,
    onHand: forecastSchema.shape.inputs.shape.onHand,
  })
  .meta({ id: 'ForecastSummary' });

/** One SKU's forecast, with its daily forecast dated and the inputs it read. */
export const forecastDetailSchema = forecastSchema
  .omit({ tenantId: true })
  .extend({ daily: z.array(z.object({ date: z.iso.date(), units: z.number() })).meta({ description: 'The `forecast` array with its dates (from the day after `asOf`).' }) })
  .meta({ id: 'Forecast' });

/** A run's progress and totals (its per-partition detail stays internal). */
export const forecastRunViewSchema = forecastRunSchema.omit({ tenantId: true, parts: true }).meta({ id: 'ForecastRun' });

export const reorderSuggestionViewSchema = reorderSuggestionSchema.omit({ tenantId: true }).meta({ id: 'ReorderSuggestion' });

/** Forecasts and reorder suggestions, for the merchant. */
export const forecastingAdmin = defineRoutes({
  capability: 'forecasting',
  entry: 'functions/forecasting/admin.ts',
  routes: {
    listForecasts: {
      method: 'GET',
      path: '/admin/forecasts',
      auth: 'admin',
      summary: 'The latest forecast of every SKU, and the last run',
      description: 'By SKU, paginated. `lastRun` is the tenant’s most recent run (scheduled or manual), `null` before the first.',
      query: pageQuery,
      responses: { 200: { description: 'A page of forecast summaries and the last run.', body: pageOf(forecastSummarySchema).extend({ lastRun: forecastRunViewSchema.nullable() }) } },
    },
    getForecast: {
      method: 'GET',
      path: '/admin/forecasts/{sku}',
      auth: 'admin',
      summary: 'One SKU’s forecast (latest, or of a past run)',
      description: 'The daily forecast with its dates, the model chosen and a summary of its inputs; `runDates` lists the runs kept for the SKU (newest first, up to 30).',
      params: z.object({ sku: skuSchema }),
      query: z.object({ runDate: z.iso.date().optional().meta({ description: 'A past run’s date (default: the latest).' }) }),
      responses: { 200: { description: 'The forecast and the run dates kept.', body: z.object({ forecast: forecastDetailSchema, runDates: z.array(z.iso.date()) }) } },
      errors: [404],
    },
    listReorderSuggestions: {
      method: 'GET',
      path: '/admin/reorder-suggestions',
      auth: 'admin',
      summary: 'SKUs with an order to place, most urgent first',
      query: pageQuery,
      responses: { 200: { description: 'A page of reorder suggestions.', body: pageOf(reorderSuggestionViewSchema) } },
    },
    runForecast: {
      method: 'POST',
      path: '/admin/forecasts/run',
      auth: 'admin',
      summary: 'Run the tenant’s forecast now',
      description:
        'Starts the nightly run’s per-tenant part for the caller’s tenant only; results land in GET /admin/forecasts as partitions finish. At most one start per five minutes (429 with Retry-After otherwise). Any body is ignored.',
      responses: { 202: { description: 'Started.', body: z.object({ runDate: z.iso.date(), executionArn: z.string(), startedAt: z.iso.datetime() }) } },
      errors: [429],
    },
  },
});
