import { loadConfig } from '../../shared/config/env.js';
import { messagingEnv } from '../../shared/messaging/env.js';
import { sweepableTenants, sweepStalePending } from '../../shared/messaging/ledger.js';
import { logger } from '../../shared/observability/logger.js';

const config = loadConfig(messagingEnv);

/**
 * Scheduled: every pending send older than the confirmation window, with no SES event to
 * confirm it, is marked failed (`unconfirmed`) — visible in GET /admin/messages, never
 * resent automatically. Only tenants that sent in the last day are visited.
 */
export async function handler() {
  const now = new Date();
  let marked = 0;
  const tenants = await sweepableTenants(config.TABLE_NAME, now);
  // Ten tenants at a time: one tenant's long list does not hold up the others.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(10, tenants.length) }, async () => {
      while (next < tenants.length) marked += await sweepStalePending(config.TABLE_NAME, tenants[next++]!, now, config.PENDING_CONFIRM_MINUTES);
    }),
  );
  logger.info('pending sweep', { tenants: tenants.length, markedFailed: marked });
  return { tenants: tenants.length, markedFailed: marked };
}
