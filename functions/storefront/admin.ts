import { loadConfig } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { BadRequestError } from '../../shared/errors.js';
import { serve } from '../../shared/http/handler.js';
import { StorefrontConfigEntity, defaultConfig } from '../../shared/storefront/config.js';
import { forgetTenantContext, readDemand } from '../../shared/storefront/data.js';
import { MAX_REPORT_DAYS, daysBetween, totalsOf } from '../../shared/storefront/demand.js';
import { storefrontEnv } from '../../shared/storefront/env.js';
import { storefrontAdmin } from './routes/admin.js';

const config = loadConfig(storefrontEnv);
const store = new Store(config.TABLE_NAME);

export const handler = serve(storefrontAdmin, {
  /**
   * Unmet demand per day and subject (SKU, product or search text), with totals over the
   * range: input for forecasting and for sizing waitlists.
   */
  demandReport: async ({ query, tenantId }) => {
    if (query.from > query.to) throw new BadRequestError('Invalid range', [{ field: 'query.from', reason: 'after "to"' }]);
    const days = daysBetween(query.from, query.to);
    if (days.length > MAX_REPORT_DAYS) throw new BadRequestError('Range too long', [{ field: 'query.to', reason: `at most ${MAX_REPORT_DAYS} days per request` }]);
    let rows = await readDemand(config.TABLE_NAME, tenantId, days);
    if (query.kind) rows = rows.filter((r) => r.kind === query.kind);
    const type = query.type;
    if (type) rows = rows.filter((r) => (r.counts[type] ?? 0) > 0).map((r) => ({ ...r, counts: { [type]: r.counts[type] }, total: r.counts[type]! }));
    return { headers: { 'cache-control': 'private, no-store' }, body: { from: query.from, to: query.to, rows, totals: totalsOf(rows) } };
  },

  getStorefrontConfig: async ({ tenantId }) => ({ body: { config: (await store.get(StorefrontConfigEntity, { tenantId })) ?? defaultConfig(tenantId) } }),

  /**
   * Replaces the whole config (omitted fields return to their defaults). Storefront functions
   * pick changes up within a minute (their per-container cache).
   */
  putStorefrontConfig: async ({ body, tenantId }) => {
    const saved = { ...body, tenantId, updatedAt: new Date().toISOString() };
    await store.put(StorefrontConfigEntity, saved);
    forgetTenantContext(tenantId);
    return { body: { config: saved } };
  },
});
