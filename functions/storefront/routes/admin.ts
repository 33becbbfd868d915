import * as z from 'zod';
import { defineRoutes } from '../../../shared/http/route.js';
import { storefrontConfigSchema } from '../../../shared/storefront/config.js';
import { MAX_REPORT_DAYS, demandRowSchema, demandSignalTypes, demandTotalSchema } from '../../../shared/storefront/demand.js';

const isoDay = z.iso.date();
const configView = storefrontConfigSchema.meta({ id: 'StorefrontConfig' });

/** The merchant's demand report and storefront settings. */
export const storefrontAdmin = defineRoutes({
  capability: 'storefront',
  entry: 'functions/storefront/admin.ts',
  routes: {
    demandReport: {
      method: 'GET',
      path: '/admin/demand',
      auth: 'admin',
      summary: 'Unmet demand per day and subject',
      description: `Per day and subject (SKU, product or search text), with totals over the range, largest first. At most ${MAX_REPORT_DAYS} days per request.`,
      query: z.object({
        from: isoDay,
        to: isoDay,
        type: z.enum(demandSignalTypes).optional().meta({ description: 'Only this kind of signal.' }),
        kind: z.enum(['sku', 'product', 'query']).optional().meta({ description: 'Only this kind of subject.' }),
      }),
      responses: {
        200: {
          description: 'The rows of each day and the totals per subject.',
          body: z.object({ from: isoDay, to: isoDay, rows: z.array(demandRowSchema), totals: z.array(demandTotalSchema) }),
          headers: { 'Cache-Control': '`private, no-store`' },
        },
      },
    },
    getStorefrontConfig: {
      method: 'GET',
      path: '/admin/storefront/config',
      auth: 'admin',
      summary: 'Storefront settings',
      responses: { 200: { description: 'The settings, defaults filled in.', body: z.object({ config: configView }) } },
    },
    putStorefrontConfig: {
      method: 'PUT',
      path: '/admin/storefront/config',
      auth: 'admin',
      summary: 'Replace the storefront settings',
      description:
        'Rate limit per client, the "selling fast" rule, consent text per language, the widget’s texts and languages, privacy link. Replaces the whole configuration: omitted fields return to their defaults. Storefront functions pick the change up within a minute (they cache it per container).',
      body: storefrontConfigSchema.omit({ tenantId: true, updatedAt: true }),
      responses: { 200: { description: 'The settings as saved.', body: z.object({ config: configView }) } },
    },
  },
});
