import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { BadRequestError } from '../../shared/errors.js';
import { httpHandler } from '../../shared/http/handler.js';
import { readDemand } from '../../shared/storefront/data.js';
import { MAX_REPORT_DAYS, daysBetween, demandSignalTypes, totalsOf } from '../../shared/storefront/demand.js';

const config = loadConfig(baseEnv);

const isoDay = z.iso.date();
const query = z.object({
  from: isoDay,
  to: isoDay,
  type: z.enum(demandSignalTypes).optional(),
  kind: z.enum(['sku', 'product', 'query']).optional(),
});

/**
 * GET /admin/demand?from=YYYY-MM-DD&to=YYYY-MM-DD — unmet demand per day and subject (SKU,
 * product or search text), with totals over the range: input for forecasting and for
 * sizing waitlists. At most 92 days per request.
 */
export const handler = httpHandler({ query, tenant: true }, async ({ query, auth }) => {
  if (query.from > query.to) throw new BadRequestError('Invalid range', [{ field: 'query.from', reason: 'after "to"' }]);
  const days = daysBetween(query.from, query.to);
  if (days.length > MAX_REPORT_DAYS) throw new BadRequestError('Range too long', [{ field: 'query.to', reason: `at most ${MAX_REPORT_DAYS} days per request` }]);
  let rows = await readDemand(config.TABLE_NAME, auth.tenantId!, days);
  if (query.kind) rows = rows.filter((r) => r.kind === query.kind);
  if (query.type) rows = rows.filter((r) => (r.counts[query.type!] ?? 0) > 0).map((r) => ({ ...r, counts: { [query.type!]: r.counts[query.type!] }, total: r.counts[query.type!]! }));
  return { headers: { 'cache-control': 'private, no-store' }, body: { from: query.from, to: query.to, rows, totals: totalsOf(rows) } };
});
