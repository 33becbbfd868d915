import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { once } from '../../shared/data/idempotency.js';
import { parseEvent } from '../../shared/events/consume.js';
import { logger } from '../../shared/observability/logger.js';
import { listSkipsEtaFanOut } from '../../shared/waitlist/cadence.js';
import { waitlistEnv } from '../../shared/waitlist/env.js';
import { campaignHash } from '../../shared/waitlist/fanout.js';
import { sendConfirmation, type LifecycleDeps } from '../../shared/waitlist/lifecycle.js';
import { listIdOf, WaitlistPerks } from '../../shared/waitlist/model.js';
import { WaitlistRepository } from '../../shared/waitlist/repository.js';
import { tenantOf } from '../../shared/waitlist/signup.js';
import { executionName, startFanOut, sweepPage } from '../../shared/waitlist/sweep.js';

const config = loadConfig(waitlistEnv);
const repo = new WaitlistRepository(config.TABLE_NAME);
const deps: LifecycleDeps = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, publicApiUrl: config.PUBLIC_API_URL, repo };

/**
 * The waitlist's event consumer:
 * - WaitlistJoined → drip step 1, the confirmation ("thanks, you are number N");
 * - RestockEtaChanged → drip step 2 for the variant's list and the product-level list: one
 *   fan-out execution per list (skipped when the list's last update is within the cadence
 *   and nobody joined since);
 * - BackInStock → loyalty points for everyone waiting, when the product has that perk.
 * Idempotent per event (`once`), and every message has a per-entry purpose besides.
 * The daily sweep state machine calls it too, one page of lists at a time (`{shard, cursor}`).
 */
const sweepInput = z.object({ shard: z.number().int().nonnegative().default(0), cursor: z.string().optional() });

export async function handler(event: EventBridgeEvent<string, unknown> | { shard?: number; cursor?: string }) {
  if (!('detail-type' in event)) return sweepPage(deps, config.FANOUT_STATE_MACHINE_ARN, sweepInput.parse(event));
  switch (event['detail-type']) {
    case 'WaitlistJoined': {
      const e = parseEvent('WaitlistJoined', event);
      const result = await once(config.TABLE_NAME, { tenantId: e.tenantId, scope: 'waitlist-confirm', id: e.eventId }, () => sendConfirmation(deps, e.tenantId, e.data.listId, e.data.seq, e.data.position));
      return { ran: result.ran };
    }
    case 'RestockEtaChanged': {
      const e = parseEvent('RestockEtaChanged', event);
      const result = await once(config.TABLE_NAME, { tenantId: e.tenantId, scope: 'waitlist-eta', id: e.eventId }, async () => {
        const tenant = await tenantOf(config.TABLE_NAME, e.tenantId).catch(() => undefined);
        if (!tenant) return { started: 0 };
        const settings = tenant.settings.waitlist;
        const now = new Date();
        let started = 0;
        for (const listId of [listIdOf({ productId: e.data.productId, sku: e.data.sku }), listIdOf({ productId: e.data.productId })]) {
          const summary = await repo.summary(e.tenantId, listId, true);
          if (!summary || listSkipsEtaFanOut(summary, now, settings)) continue;
          const campaignId = `eta-${campaignHash(e.eventId)}`;
          await startFanOut(config.FANOUT_STATE_MACHINE_ARN, { tenantId: e.tenantId, listId, kind: 'eta', campaignId, eta: e.data.eta }, executionName('eta', e.eventId, listId));
          // Only once started: a failed start is retried, and must not find the list "just updated".
          await repo.touchSummary(e.tenantId, listId, 'lastEtaFanOutAt', now.toISOString());
          started++;
        }
        return { started };
      });
      logger.info('eta change handled', { eventId: e.eventId, ...(result.result ?? {}) });
      return result.result;
    }
    case 'BackInStock': {
      const e = parseEvent('BackInStock', event);
      const result = await once(config.TABLE_NAME, { tenantId: e.tenantId, scope: 'waitlist-points', id: e.eventId }, async () => {
        const perks = await repo.store.get(WaitlistPerks, { tenantId: e.tenantId, productId: e.data.productId });
        if (!perks?.loyaltyPoints) return { started: 0 };
        let started = 0;
        for (const listId of [listIdOf({ productId: e.data.productId, sku: e.data.sku }), listIdOf({ productId: e.data.productId })]) {
          const summary = await repo.summary(e.tenantId, listId, true);
          if (!summary || summary.active <= 0) continue;
          const campaignId = `return-${campaignHash(e.eventId)}`;
          await startFanOut(config.FANOUT_STATE_MACHINE_ARN, { tenantId: e.tenantId, listId, kind: 'points', campaignId, points: perks.loyaltyPoints, at: e.occurredAt }, executionName('points', e.eventId, listId));
          started++;
        }
        return { started };
      });
      return result.result;
    }
    default:
      throw new Error(`Unexpected event ${event['detail-type']}`);
  }
}
