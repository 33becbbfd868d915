import * as z from 'zod';
import { defineEntity, tenantKey } from '../data/entity.js';

/**
 * Stored results of the nightly forecast. Per SKU, one item per run (`RUN#<date>`, kept
 * RUN_TTL_DAYS) and a `LATEST` copy the admin API lists through gsi1; a SKU whose order is
 * due also has a `SUGGESTION` item, listed through gsi1 in urgency order. One item per
 * tenant and run date (`FORECASTRUN`) records the run's progress and totals.
 */
export const RUN_TTL_DAYS = 90;
/** LATEST and SUGGESTION items of SKUs no run refreshes any more (deleted, archived) expire. */
export const LATEST_TTL_DAYS = 60;
export const SUGGESTION_TTL_DAYS = 7;
/** Days of sales history each forecast reads (two years: yearly patterns, weekly seasons). */
export const HISTORY_DAYS = 730;
/** Days of storefront demand signals summarised beside each forecast. */
export const SIGNAL_DAYS = 28;

const isoDate = z.iso.date();

export const forecastInputsSchema = z.object({
  historyFrom: isoDate,
  historyDays: z.number().int(),
  observedDays: z.number().int(),
  censoredDays: z.number().int(),
  unitsSold: z.number(),
  onHand: z.number(),
  backlog: z.number(),
  incoming: z.array(z.object({ arrivalDate: isoDate, quantity: z.number() })),
  supplierId: z.string().nullable(),
  supplierSource: z.string(),
  leadTimeDays: z.number(),
  leadTimeSdDays: z.number(),
  reviewPeriodDays: z.number(),
  serviceLevel: z.number(),
  minOrderQty: z.number(),
  casePack: z.number(),
  categoryPrior: z.number().nullable(),
  waitlist: z.object({ waiting: z.number(), conversionRate: z.number(), source: z.string() }).nullable(),
  demandSignals: z
    .object({ days: z.number().int(), oosViews: z.number(), searches: z.number(), cartAttempts: z.number() })
    .nullable(),
});
export type ForecastInputs = z.infer<typeof forecastInputsSchema>;

export const forecastSchema = z.object({
  tenantId: z.string(),
  sku: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  category: z.string().nullable(),
  runDate: isoDate,
  /** Last day of history; the forecast starts the day after. */
  asOf: isoDate,
  generatedAt: z.iso.datetime(),
  demandClass: z.string(),
  model: z.string(),
  components: z.array(z.string()),
  forecast: z.array(z.number()),
  forecastTotal: z.number(),
  meanDailyDemand: z.number(),
  stockoutDate: isoDate.nullable(),
  daysUntilStockout: z.number().int().nullable(),
  protectionDays: z.number(),
  reorderPoint: z.number(),
  safetyStock: z.number(),
  demandDistribution: z.string(),
  inventoryPosition: z.number(),
  waitlistDemand: z.number(),
  suggestedOrderQty: z.number().int(),
  daysOfCover: z.number().nullable(),
  backtestOrigins: z.number().int(),
  /** Run date the SKU first needed an order / first risked running out within its lead time, in the current spell. */
  reorderSince: isoDate.nullable(),
  stockoutSince: isoDate.nullable(),
  inputs: forecastInputsSchema,
});
export type Forecast = z.infer<typeof forecastSchema>;

export const Forecast = defineEntity({
  type: 'Forecast',
  schema: forecastSchema,
  key: (k: { tenantId: string; sku: string; run: 'LATEST' | string }) => ({
    pk: tenantKey(k.tenantId, 'FORECAST', k.sku),
    sk: k.run === 'LATEST' ? 'LATEST' : `RUN#${k.run}`,
  }),
});

/** gsi1 of LATEST items: the tenant's forecasts by SKU. */
export const latestIndexKeys = (tenantId: string, sku: string) => ({ gsi1pk: tenantKey(tenantId, 'FORECASTS'), gsi1sk: sku });
export const latestIndexPk = (tenantId: string) => tenantKey(tenantId, 'FORECASTS');

export const reorderSuggestionSchema = z.object({
  tenantId: z.string(),
  sku: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  runDate: isoDate,
  suggestedOrderQty: z.number().int(),
  reorderPoint: z.number(),
  safetyStock: z.number(),
  inventoryPosition: z.number(),
  onHand: z.number(),
  waitlistDemand: z.number(),
  stockoutDate: isoDate.nullable(),
  daysUntilStockout: z.number().int().nullable(),
  daysOfCover: z.number().nullable(),
  supplierId: z.string().nullable(),
  leadTimeDays: z.number(),
  minOrderQty: z.number(),
  casePack: z.number(),
  model: z.string(),
  demandClass: z.string(),
});
export type ReorderSuggestion = z.infer<typeof reorderSuggestionSchema>;

export const ReorderSuggestion = defineEntity({
  type: 'ReorderSuggestion',
  schema: reorderSuggestionSchema,
  key: (k: { tenantId: string; sku: string }) => ({ pk: tenantKey(k.tenantId, 'FORECAST', k.sku), sk: 'SUGGESTION' }),
});
export const suggestionIndexPk = (tenantId: string) => tenantKey(tenantId, 'REORDER');

export const partitionSummarySchema = z.object({
  skus: z.number().int(),
  forecasts: z.number().int(),
  failed: z.number().int(),
  reorderSuggested: z.number().int(),
  predictedStockouts: z.number().int(),
  digestEntries: z.number().int(),
  ms: z.number(),
});
export type PartitionSummary = z.infer<typeof partitionSummarySchema>;

export const forecastRunSchema = z.object({
  tenantId: z.string(),
  runDate: isoDate,
  trigger: z.enum(['schedule', 'manual']),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  plannedSkus: z.number().int(),
  partitionCount: z.number().int(),
  /** Per partition index: what it did (a retried partition overwrites its own entry). */
  parts: z.record(z.string(), partitionSummarySchema).default({}),
  totals: partitionSummarySchema.omit({ ms: true }).optional(),
});
export type ForecastRun = z.infer<typeof forecastRunSchema>;

export const ForecastRun = defineEntity({
  type: 'ForecastRun',
  schema: forecastRunSchema,
  key: (k: { tenantId: string; runDate: string }) => ({ pk: tenantKey(k.tenantId, 'FORECASTRUN'), sk: `RUN#${k.runDate}` }),
});

/** The per-tenant manual trigger's throttle item. */
export const manualRunKey = (tenantId: string) => ({ pk: tenantKey(tenantId, 'FORECASTRUN'), sk: 'MANUAL' });
