/**
 * The messaging contract every capability sends through (waitlist drips, release waves,
 * preorder updates, merchant digests use their own simple path). Implemented in
 * shared/messaging/deliver.ts; this file is the interface, agreed before the implementation.
 */
export type Channel = 'email' | 'sms';

export type TemplateName =
  | 'waitlist_confirmation'
  | 'waitlist_double_opt_in'
  | 'waitlist_eta_update'
  | 'waitlist_still_working'
  | 'waitlist_still_interested'
  | 'back_in_stock'
  | 'early_access'
  | 'sold_out_keep_place'
  | 'preorder'
  | 'thank_you'
  | 'apology';

export interface Recipient {
  /** Stable id of the person within the tenant (e.g. the waitlist subscriber id). */
  recipientId: string;
  email?: string;
  /** E.164. */
  phone?: string;
  locale: string;
  /** IANA zone, for SMS quiet hours. */
  timeZone?: string;
  name?: string;
}

export interface MessageRequest {
  tenantId: string;
  /**
   * What this message is for, unique per intended message: the same purpose to the same
   * recipient on the same channel is sent at most once, ever (e.g. `waitlist:<entryId>:confirm`,
   * `release:<releaseId>:wave:3`). This is the idempotency key of the send ledger.
   */
  purpose: string;
  channel: Channel;
  recipient: Recipient;
  template: TemplateName;
  /** Template fields: productTitle, productUrl, date, link, discountCode, shopName, … */
  data: Record<string, string | number | undefined>;
  /** Consent this channel was given under (checked before sending). */
  consent?: { email?: boolean; sms?: boolean };
  /** Unsubscribe / preferences links (RFC 8058 headers are built from `unsubscribeUrl`). */
  unsubscribeUrl?: string;
  preferencesUrl?: string;
  /** Marketing messages respect frequency caps and quiet hours; transactional ones (double opt-in) do not. */
  kind: 'marketing' | 'transactional';
}

export type DeliveryStatus = 'sent' | 'duplicate' | 'suppressed' | 'no_consent' | 'deferred' | 'failed';

export interface DeliveryOutcome {
  status: DeliveryStatus;
  /** SES/SNS message id when sent (or already sent, for duplicates). */
  messageId?: string;
  /** For `deferred` (quiet hours, frequency cap, throttling): when to try again. */
  retryAt?: string;
  reason?: string;
  variant?: string;
}
