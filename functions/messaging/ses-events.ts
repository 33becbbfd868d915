import type { EventBridgeEvent } from 'aws-lambda';
import { loadConfig } from '../../shared/config/env.js';
import { messagingEnv } from '../../shared/messaging/env.js';
import { applySesEvent, sesEventDetail } from '../../shared/messaging/ses-events.js';
import { logger } from '../../shared/observability/logger.js';

const config = loadConfig(messagingEnv);

/**
 * SES email events from the default bus (configuration set → EventBridge): confirms pending
 * sends, suppresses bounced and complaining addresses, records delivery and engagement.
 * A malformed event throws, so it is retried and lands in the dead-letter queue, not lost.
 */
export async function handler(event: EventBridgeEvent<string, unknown>) {
  const detail = sesEventDetail.parse(event.detail);
  const result = await applySesEvent(config.TABLE_NAME, detail, event.time ? new Date(event.time) : new Date());
  logger.info('SES event', { detailType: event['detail-type'], eventType: detail.eventType, result });
  return { result };
}
