import type { EventBridgeEvent } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { loadConfig } from '../../shared/config/env.js';
import { once } from '../../shared/data/idempotency.js';
import { DomainError } from '../../shared/errors.js';
import { parseEvent } from '../../shared/events/consume.js';
import { logger } from '../../shared/observability/logger.js';
import { createRelease, releaseSettings, type AdminContext } from '../../shared/release/admin.js';
import { releaseEnv } from '../../shared/release/env.js';
import { attributeOrder } from '../../shared/release/orders.js';
import { defaultPorts } from '../../shared/release/ports.js';

const config = loadConfig(releaseEnv);
const ctx: AdminContext = {
  tableName: config.TABLE_NAME,
  ports: defaultPorts({ tableName: config.TABLE_NAME, publicApiUrl: config.PUBLIC_API_URL }),
  stateMachineArn: config.RELEASE_STATE_MACHINE_ARN,
  senderEmail: config.SENDER_EMAIL,
  now: () => new Date(),
};

/**
 * BackInStock → a release of the variant, if the tenant releases automatically and people
 * are waiting (the release id derives from the event, so a redelivery starts nothing new).
 * OrderPlaced → paid holds become sales, conversions are attributed to waves.
 */
export async function handler(event: EventBridgeEvent<string, unknown>) {
  switch (event['detail-type']) {
    case 'BackInStock': {
      const e = parseEvent('BackInStock', event);
      const result = await once(config.TABLE_NAME, { tenantId: e.tenantId, scope: 'release-auto', id: e.eventId }, async () => {
        const settings = await releaseSettings(config.TABLE_NAME, e.tenantId);
        if (!settings.autoRelease) return { started: false, reason: 'auto_release_off' };
        const lists = ctx.ports.audience.lists(e.data.productId, e.data.sku);
        if ((await ctx.ports.audience.count(e.tenantId, lists)) === 0) return { started: false, reason: 'nobody_waiting' };
        const releaseId = `r-${createHash('sha256').update(`${e.data.sku}:${e.data.transitionSeq}`).digest('hex').slice(0, 12)}`;
        try {
          const { release, created } = await createRelease(ctx, e.tenantId, { productId: e.data.productId, sku: e.data.sku, trigger: 'back_in_stock', releaseId });
          return { started: created, releaseId: release.releaseId };
        } catch (error) {
          // A failed pre-launch check or a release already running is an answer, not a fault.
          if (error instanceof DomainError && error.status < 500) return { started: false, reason: error.message, problems: error.fields };
          throw error;
        }
      });
      logger.info('back in stock: release', { eventId: e.eventId, ...(result.result ?? {}) });
      return result.result;
    }
    case 'OrderPlaced': {
      const e = parseEvent('OrderPlaced', event);
      return attributeOrder(config.TABLE_NAME, e);
    }
    default:
      throw new Error(`Unexpected event ${event['detail-type']}`);
  }
}
