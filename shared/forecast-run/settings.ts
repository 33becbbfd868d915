import * as z from 'zod';

/**
 * Tenant settings of the nightly forecast (tenant.settings.forecasting). The supplier's own
 * lead time, minimum order and case pack win over these defaults when a SKU has a supplier.
 */
export const forecastingSettingsSchema = z.object({
  /** Cycle service level the reorder points are set for. */
  serviceLevel: z.number().min(0.5).max(0.999).default(0.95),
  /** Days of daily forecast stored per SKU. */
  horizonDays: z.number().int().min(7).max(365).default(60),
  /** Lead time of SKUs with no known supplier. */
  defaultLeadTimeDays: z.number().nonnegative().max(365).default(14),
  /** Days between two order decisions (added to the lead time to size the reorder point). */
  reviewPeriodDays: z.number().nonnegative().max(90).default(7),
  /** Put new reorder suggestions in the merchant's daily digest e-mail. */
  digest: z.boolean().default(true),
});
export type ForecastingSettings = z.infer<typeof forecastingSettingsSchema>;
