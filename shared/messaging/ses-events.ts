import * as z from 'zod';
import { logger } from '../observability/logger.js';
import { confirmSent, getRecord, ledgerKeyFromTags, recordEngagement, UNCONFIRMED, type LedgerKey } from './ledger.js';
import { addressHash } from './links.js';
import { suppressAddress, suppressRecipient } from './suppression.js';

/**
 * SES email events, as the configuration set's EventBridge destination puts them on the
 * account's default bus (`source: aws.ses`, detail-types "Email Sent", "Email Delivered",
 * "Email Bounced", …; `detail` is the SES event record). Every message deliver() sends
 * carries its ledger key in tags, so each event finds its record:
 * - Send / Delivery (and any later event): proof SES accepted → a pending record is sent;
 * - Bounce (permanent) / Complaint: the address is suppressed for the tenant;
 * - Delivery / Bounce / Complaint / Reject / DeliveryDelay: the record's delivery outcome;
 * - Open / Click: engagement on the record.
 * Applying an event twice is harmless except for the open/click counters (at-least-once
 * delivery may count a rare duplicate; first-open/first-click times are exact).
 */
export const sesEventDetail = z.object({
  eventType: z.string(),
  mail: z.object({
    messageId: z.string(),
    timestamp: z.string().optional(),
    tags: z.record(z.string(), z.array(z.string())).optional(),
  }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string() })).default([]),
      timestamp: z.string().optional(),
    })
    .optional(),
  complaint: z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })).default([]), timestamp: z.string().optional() }).optional(),
  delivery: z.object({ timestamp: z.string().optional() }).optional(),
  open: z.object({ timestamp: z.string().optional() }).optional(),
  click: z.object({ timestamp: z.string().optional(), link: z.string().optional() }).optional(),
});
export type SesEventDetail = z.infer<typeof sesEventDetail>;

export type SesEventResult = 'applied' | 'untagged' | 'ignored';

export async function applySesEvent(tableName: string, detail: SesEventDetail, receivedAt = new Date()): Promise<SesEventResult> {
  const key = ledgerKeyFromTags(detail.mail.tags);
  const type = detail.eventType;
  if (!key) {
    // Not sent through deliver() (no tags): SES's account-level suppression list covers it.
    logger.info('untagged SES event', { eventType: type });
    return 'untagged';
  }
  const own = { bounce: detail.bounce, complaint: detail.complaint, delivery: detail.delivery, open: detail.open, click: detail.click }[lowerFirst(type) as 'bounce'];
  const at = own?.timestamp ?? detail.mail.timestamp ?? receivedAt.toISOString();
  const accepted = ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject', 'Open', 'Click', 'DeliveryDelay'].includes(type);
  if (!accepted) return 'ignored';
  // A read first: almost every record is already sent, and a read costs a fifth of a write.
  const record = await getRecord(tableName, key);
  // Without a record (erased since), bounces and complaints still suppress the address.
  if (!record && type !== 'Bounce' && type !== 'Complaint') return 'ignored';
  if (record && (record.status === 'pending' || (record.status === 'failed' && record.failure === UNCONFIRMED))) {
    if (await confirmSent(tableName, key, detail.mail.messageId, detail.mail.timestamp ?? at)) {
      logger.info('pending send confirmed by SES event', { tenantId: key.tenantId, ledgerId: key.ledgerId, eventType: type });
    }
  }
  switch (type) {
    case 'Delivery':
      await recordEngagement(tableName, key, { type: 'delivery', status: 'delivered', at });
      break;
    case 'DeliveryDelay':
      await recordEngagement(tableName, key, { type: 'delivery', status: 'delayed', at });
      break;
    case 'Reject':
      await recordEngagement(tableName, key, { type: 'delivery', status: 'rejected', at });
      break;
    case 'Bounce': {
      await recordEngagement(tableName, key, { type: 'delivery', status: 'bounced', at });
      // Only a permanent bounce says the address is bad; a soft one may work next time.
      if (detail.bounce?.bounceType === 'Permanent') await suppressAll(tableName, key, detail.bounce.bouncedRecipients, 'bounce', at);
      break;
    }
    case 'Complaint': {
      await recordEngagement(tableName, key, { type: 'delivery', status: 'complained', at });
      await suppressAll(tableName, key, detail.complaint?.complainedRecipients ?? [], 'complaint', at);
      await suppressRecipient(tableName, key.tenantId, 'email', key.recipientId, { reason: 'complaint', at, source: 'ses' });
      break;
    }
    case 'Open':
      await recordEngagement(tableName, key, { type: 'open', at });
      break;
    case 'Click':
      await recordEngagement(tableName, key, { type: 'click', at });
      break;
  }
  return 'applied';
}

async function suppressAll(tableName: string, key: LedgerKey, recipients: { emailAddress: string }[], reason: 'bounce' | 'complaint', at: string) {
  for (const r of recipients) {
    await suppressAddress(tableName, key.tenantId, 'email', addressHash('email', bareAddress(r.emailAddress)), { reason, at, source: 'ses' });
  }
}

/** `"Name" <a@b>` → `a@b`. */
function bareAddress(s: string): string {
  return s.match(/<([^>]+)>/)?.[1] ?? s;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
