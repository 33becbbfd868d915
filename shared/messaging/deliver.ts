import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { loadConfig, platformEnv } from '../config/env.js';
import { dynamo } from '../data/client.js';
import { Store } from '../data/store.js';
import { logger } from '../observability/logger.js';
import { senderEnv } from './env.js';
import { ProviderError, SesEmailChannel, SnsSmsChannel, formatFrom, type MessageChannel, type OutgoingEmail, type OutgoingSms } from './channels.js';
import {
  claim,
  ledgerIdOf,
  markFailed,
  markSent,
  recipientPk,
  recordSkip,
  release,
  releaseSlot,
  reserveSlot,
  sesTags,
  UNCONFIRMED,
  type LedgerKey,
  type SendMeta,
} from './ledger.js';
import { addressHash, clickUrl, isHttpUrl, unsubscribeUrl as buildUnsubscribeUrl } from './links.js';
import { isValidTimeZone, quietUntil } from './policy.js';
import { backoffMs, TokenBucket } from './rate.js';
import { tenantMessagingContext, type TenantMessagingContext } from './settings.js';
import { blocks, suppressionKeys, type SuppressionEntry } from './suppression.js';
import { missingData, render, type RenderedMessage } from './templates/render.js';
import { effectiveTemplate } from './templates/store.js';
import { TEMPLATE_NAMES } from './templates/model.js';
import type { Channel, DeliveryOutcome, DeliveryStatus, MessageRequest } from './types.js';


/** How soon a caller deferred by a pending twin is asked to try again. */
const PENDING_RECHECK_MS = 60_000;
/**
 * Sending, effectively once. For each request:
 *   validate → tenant settings → consent → suppression → template (fail early, nothing
 *   claimed) → SMS quiet hours → claim the ledger record (pending) → frequency slot →
 *   rate-limited provider call → record sent.
 * The ledger record is claimed before the provider is called and is keyed by (tenant,
 * recipient, channel, purpose), so no retry, redelivery or crash can send a message twice:
 * - the provider refused for rate or availability → the claim is given back, `deferred`;
 * - the provider refused the message → `failed`, recorded;
 * - the call's fate is unknown (timeout, crash after acceptance) → the record stays
 *   `pending` until the SES event stream confirms it (ledger.confirmSent) or the
 *   confirmation window passes (→ `failed: unconfirmed`, visible in GET /admin/messages).
 */

export interface DeliverConfig {
  tableName: string;
  /** The platform's default From address (until a tenant's own domain is verified). */
  senderEmail: string;
  publicApiUrl: string;
  /** SES configuration set whose event destination feeds the event consumer. */
  configurationSetName?: string;
  /** This container's share of the provider quota (messages per second; 0 = unlimited). */
  emailRatePerSecond: number;
  smsRatePerSecond: number;
  /** How long a pending record may wait for the provider's confirmation before it is failed. */
  pendingWindowMinutes: number;
  /** Throttled attempts per message before it is deferred instead. */
  maxThrottleRetries: number;
}

export interface DeliverHooks {
  /** Test-only fault injection: runs after the ledger claim, before the provider call. */
  afterClaim?: (ctx: { key: LedgerKey }) => void | Promise<void>;
  /** Test-only fault injection: runs after the provider accepted, before the record says so. */
  afterProviderAccepted?: (ctx: { key: LedgerKey; messageId: string }) => void | Promise<void>;
}

export interface DeliverDeps {
  config: DeliverConfig;
  store: Store;
  channels: { email: MessageChannel<OutgoingEmail>; sms: MessageChannel<OutgoingSms> };
  buckets: { email: TokenBucket; sms: TokenBucket };
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  hooks?: DeliverHooks;
}

const deliverEnv = z.object({ TABLE_NAME: platformEnv.TABLE_NAME, ...senderEnv });

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DeliverConfig {
  const c = loadConfig(deliverEnv, env);
  // The account's quota is shared by SENDER_CONTAINERS containers at most (reserved concurrency).
  return {
    tableName: c.TABLE_NAME,
    senderEmail: c.SENDER_EMAIL,
    publicApiUrl: c.PUBLIC_API_URL,
    configurationSetName: c.SES_CONFIGURATION_SET,
    emailRatePerSecond: c.SEND_RATE_PER_SECOND / c.SENDER_CONTAINERS,
    smsRatePerSecond: c.SMS_RATE_PER_SECOND / c.SENDER_CONTAINERS,
    pendingWindowMinutes: c.PENDING_CONFIRM_MINUTES,
    maxThrottleRetries: c.SEND_MAX_THROTTLE_RETRIES,
  };
}

/**
 * Burst of ~20 ms of quota: enough to absorb timer lateness at high rates, small enough to
 * leave a provider's own burst allowance for the jitter between our clock and its clock.
 */
export const burstFor = (rate: number) => Math.max(1, Math.floor(rate / 50));

function build(config: DeliverConfig): DeliverDeps {
  return {
    config,
    store: new Store(config.tableName),
    channels: { email: new SesEmailChannel({ configurationSetName: config.configurationSetName }), sms: new SnsSmsChannel() },
    buckets: { email: new TokenBucket(config.emailRatePerSecond, burstFor(config.emailRatePerSecond)), sms: new TokenBucket(config.smsRatePerSecond, burstFor(config.smsRatePerSecond)) },
    now: () => new Date(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
}

let fromEnv: DeliverDeps | undefined;
const byConfig = new WeakMap<DeliverConfig, DeliverDeps>();

/**
 * The container's dependencies, built once per configuration (from the environment unless
 * `overrides.config` is given) so every call shares one token bucket per channel;
 * `overrides` replace single parts (tests inject a clock, hooks or channels).
 */
export function deliverDeps(overrides: Partial<DeliverDeps> = {}): DeliverDeps {
  let built: DeliverDeps;
  if (overrides.config) {
    built = byConfig.get(overrides.config) ?? build(overrides.config);
    byConfig.set(overrides.config, built);
  } else {
    built = fromEnv ??= build(configFromEnv());
  }
  return { ...built, ...overrides };
}

const requestSchema = z.object({
  tenantId: z.string().regex(/^t[a-z0-9]{10,30}$/),
  purpose: z.string().min(1).max(500),
  channel: z.enum(['email', 'sms']),
  recipient: z.object({
    recipientId: z.string().min(1).max(128),
    email: z.email().max(254).optional(),
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164').optional(),
    locale: z.string().min(2).max(35),
    timeZone: z.string().max(64).optional(),
    name: z.string().max(200).optional(),
  }),
  template: z.enum(TEMPLATE_NAMES),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.undefined(), z.null()])),
  consent: z.object({ email: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
  unsubscribeUrl: z.url().optional(),
  preferencesUrl: z.url().optional(),
  kind: z.enum(['marketing', 'transactional']),
});

/** What deliverBatch read for a request in bulk; undefined fields are read per message. */
interface Prefetched {
  suppression?: SuppressionEntry | null;
  frequency?: { recent: number[]; version: number } | null;
}

/** Sends one message (see the file comment for the checks and the guarantees). */
export async function deliver(req: MessageRequest, deps: Partial<DeliverDeps> = {}): Promise<DeliveryOutcome> {
  return deliverOne(req, deliverDeps(deps));
}

async function deliverOne(req: MessageRequest, d: DeliverDeps, pre: Prefetched = {}): Promise<DeliveryOutcome> {
  const parsed = requestSchema.safeParse(req);
  if (!parsed.success) {
    return { status: 'failed', reason: `invalid request: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  }
  const { tableName } = d.config;
  const now = d.now();
  const channel: Channel = req.channel;
  const address = channel === 'email' ? req.recipient.email : req.recipient.phone;
  const key: LedgerKey = { tenantId: req.tenantId, recipientId: req.recipient.recipientId, ledgerId: ledgerIdOf(channel, req.purpose) };
  const meta: SendMeta = { purpose: req.purpose, channel, template: req.template, locale: req.recipient.locale, variant: 'A', kind: req.kind };

  const tenant = await tenantMessagingContext(d.store, req.tenantId, now.getTime());
  if (!tenant) return { status: 'failed', reason: 'unknown tenant' };

  const skip = async (status: DeliveryStatus, reason: string, extra: Partial<DeliveryOutcome> = {}): Promise<DeliveryOutcome> => {
    await recordSkip(tableName, key, meta, status, reason, now);
    return { status, reason, ...extra };
  };

  if (!address) return skip('failed', `no ${channel === 'email' ? 'email address' : 'phone number'} for this channel`);
  if (req.kind === 'marketing' && req.consent?.[channel] !== true) return skip('no_consent', `no ${channel} consent`);

  const suppression = pre.suppression !== undefined ? pre.suppression ?? undefined : await readSuppression(tableName, req.tenantId, channel, key.recipientId, address);
  if (blocks(suppression, req.kind)) return skip('suppressed', suppression!.reason);

  const missing = missingData(req.template, { ...req.data });
  if (missing.length) return skip('failed', `missing template data: ${missing.join(', ')}`);

  if (channel === 'sms' && req.kind === 'marketing') {
    const zone = req.recipient.timeZone && isValidTimeZone(req.recipient.timeZone) ? req.recipient.timeZone : tenant.settings.defaultTimeZone;
    const until = quietUntil(now, zone, tenant.settings.quietHours);
    if (until) return skip('deferred', 'quiet hours', { retryAt: until.toISOString() });
  }

  const { message, unsubscribe } = await renderFor(req, key, address, tenant, d);
  meta.locale = message.locale;
  meta.variant = message.variant;

  const claimed = await claim(tableName, key, meta, now);
  if (!claimed.claimed) {
    const prior = claimed.existing;
    if (prior.status === 'sent') return { status: 'duplicate', messageId: prior.messageId, variant: prior.variant };
    if (prior.status === 'failed') return { status: 'failed', reason: `already failed: ${prior.failure ?? 'unknown'}`, variant: prior.variant };
    const confirmBy = new Date(new Date(prior.createdAt).getTime() + d.config.pendingWindowMinutes * 60_000);
    if (confirmBy > now) {
      // Usually a twin still in flight, done within seconds: ask to be called again soon (it is
      // then a duplicate), not only at the end of the window (when it becomes failed).
      const retryAt = new Date(Math.min(confirmBy.getTime(), now.getTime() + PENDING_RECHECK_MS));
      return { status: 'deferred', reason: 'a send of this message is awaiting confirmation', retryAt: retryAt.toISOString(), variant: prior.variant };
    }
    await markFailed(tableName, key, UNCONFIRMED, now);
    return { status: 'failed', reason: UNCONFIRMED, variant: prior.variant };
  }
  const { attemptId } = claimed;

  // After the claim, not beside it: a racing twin of this request must not hold the slot
  // while this one holds the claim, or neither would send.
  if (req.kind === 'marketing') {
    const slot = await reserveSlot(tableName, req.tenantId, key.recipientId, tenant.settings, now, pre.frequency);
    if (!slot.ok) {
      await release(tableName, key, attemptId);
      return skip('deferred', slot.reason, { retryAt: slot.retryAt.toISOString(), variant: meta.variant });
    }
  }
  await d.hooks?.afterClaim?.({ key });

  const giveBack = async () => {
    await release(tableName, key, attemptId);
    if (req.kind === 'marketing') await releaseSlot(tableName, req.tenantId, key.recipientId, now);
  };
  const outgoing = channel === 'email' ? emailOf(req, address, message, unsubscribe, tenant, key, meta, d) : smsOf(req, address, message, tenant);
  const bucket = d.buckets[channel];
  for (let attempt = 0; ; attempt++) {
    await bucket.take();
    let messageId: string;
    try {
      ({ messageId } = await (d.channels[channel] as MessageChannel).send(await outgoing));
    } catch (error) {
      const e = error instanceof ProviderError ? error : new ProviderError('unknown', 'Error', String(error));
      if (e.failure === 'throttled' && attempt < d.config.maxThrottleRetries) {
        const wait = backoffMs(attempt, 100, 10_000);
        bucket.penalise(wait / 2);
        await d.sleep(wait);
        continue;
      }
      if (e.failure === 'throttled' || e.failure === 'unavailable') {
        await giveBack();
        const retryAt = new Date(d.now().getTime() + (e.failure === 'throttled' ? 60_000 : 15 * 60_000)).toISOString();
        return skip('deferred', `provider ${e.failure}: ${e.code}`, { retryAt, variant: meta.variant });
      }
      if (e.failure === 'permanent') {
        await markFailed(tableName, key, `provider refused: ${e.code}: ${e.message}`.slice(0, 500), d.now(), attemptId);
        if (req.kind === 'marketing') await releaseSlot(tableName, req.tenantId, key.recipientId, now);
        return { status: 'failed', reason: `provider refused: ${e.code}`, variant: meta.variant };
      }
      // Unknown fate: the message may be out. Leave the record pending for reconciliation.
      logger.warn('send outcome unknown; left pending for reconciliation', { tenantId: req.tenantId, ledgerId: key.ledgerId, code: e.code });
      const retryAt = new Date(now.getTime() + d.config.pendingWindowMinutes * 60_000).toISOString();
      return { status: 'deferred', reason: 'provider outcome unknown; awaiting confirmation', retryAt, variant: meta.variant };
    }
    await d.hooks?.afterProviderAccepted?.({ key, messageId });
    // False only if the event stream confirmed it first: still sent, by this attempt.
    await markSent(tableName, key, attemptId, messageId, d.now());
    return { status: 'sent', messageId, variant: meta.variant };
  }
}

async function readSuppression(tableName: string, tenantId: string, channel: Channel, recipientId: string, address: string): Promise<SuppressionEntry | undefined> {
  const keys = suppressionKeys(tenantId, channel, recipientId, address);
  const wanted = [keys.recipient, keys.address!];
  const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: wanted, ConsistentRead: true } } }));
  const items = (res.Responses?.[tableName] ?? []) as SuppressionEntry[];
  return items.find((i) => i.reason === 'bounce' || i.reason === 'complaint') ?? items[0];
}

async function renderFor(req: MessageRequest, key: LedgerKey, address: string, tenant: TenantMessagingContext, d: DeliverDeps): Promise<{ message: RenderedMessage; unsubscribe?: string }> {
  const effective = await effectiveTemplate(d.store, req.tenantId, req.template, req.recipient.locale, tenant.tenantLocale, d.now().getTime());
  const links = { tableName: d.config.tableName, publicApiUrl: d.config.publicApiUrl };
  const canLink = !!d.config.publicApiUrl;
  const unsubscribe =
    req.kind === 'marketing' && req.channel === 'email'
      ? (req.unsubscribeUrl ?? (canLink ? await buildUnsubscribeUrl({ tenantId: req.tenantId, recipientId: key.recipientId, scope: req.channel, addressHash: addressHash(req.channel, address) }, links) : undefined))
      : undefined;
  const message = await render({
    tenantId: req.tenantId,
    recipientId: key.recipientId,
    template: req.template,
    locale: effective.locale,
    channel: req.channel,
    kind: req.kind,
    content: effective.template,
    variants: effective.template.variants,
    data: { ...req.data, name: req.data.name ?? req.recipient.name } as Record<string, string | number | boolean | undefined>,
    shopName: tenant.shopName,
    unsubscribeUrl: unsubscribe,
    preferencesUrl: req.preferencesUrl,
    trackLink:
      tenant.settings.trackClicks && canLink && req.channel === 'email'
        ? (url) => clickUrl({ tenantId: req.tenantId, recipientId: key.recipientId, ledgerId: key.ledgerId, url }, links)
        : undefined,
  });
  return { message, unsubscribe };
}

async function emailOf(
  req: MessageRequest,
  to: string,
  m: RenderedMessage,
  unsubscribe: string | undefined,
  tenant: TenantMessagingContext,
  key: LedgerKey,
  meta: SendMeta,
  d: DeliverDeps,
): Promise<OutgoingEmail> {
  const s = tenant.settings;
  const fromAddress = s.domain?.status === 'verified' ? `${s.domain.fromLocalPart}@${s.domain.name}` : d.config.senderEmail;
  const headers: Record<string, string> = {};
  if (req.kind === 'marketing') {
    if (unsubscribe && isHttpUrl(unsubscribe)) {
      // RFC 8058: the HTTPS URI answers a one-click POST; mailto is only added where a mailbox reads it.
      const mailto = s.unsubscribeMailto ? `, <mailto:${s.unsubscribeMailto}?subject=unsubscribe>` : '';
      headers['List-Unsubscribe'] = `<${unsubscribe}>${mailto}`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
  }
  return {
    channel: 'email',
    to,
    from: formatFrom(fromAddress, s.fromName ?? tenant.shopName),
    replyTo: s.replyTo,
    subject: m.subject,
    html: m.html,
    text: m.text,
    headers,
    tags: sesTags(key, meta),
  };
}

async function smsOf(req: MessageRequest, to: string, m: RenderedMessage, tenant: TenantMessagingContext): Promise<OutgoingSms> {
  return { channel: 'sms', to, body: m.sms, kind: req.kind, senderId: tenant.settings.smsSenderId };
}

// ---- batches --------------------------------------------------------------------------------

export interface BatchOptions {
  /** Messages in flight at once; default scales with the rate (the pipeline must cover latency). */
  concurrency?: number;
  /** Called as each message settles (progress, metrics). */
  onOutcome?: (index: number, outcome: DeliveryOutcome) => void;
}

const PREFETCH_CHUNK = 33; // ≤ 3 keys per request, BatchGetItem takes 100

/**
 * Sends many messages: the per-message guarantees of deliver(), with the reads batched
 * (suppression and frequency history: one BatchGetItem per 33 messages, read ahead of the
 * senders) and the provider calls paced by the container's token bucket at full quota.
 * Outcomes come back in request order. A failure of the store (not of a message) rejects.
 */
export async function deliverBatch(reqs: MessageRequest[], deps: Partial<DeliverDeps> = {}, opts: BatchOptions = {}): Promise<DeliveryOutcome[]> {
  const d = deliverDeps(deps);
  const rate = Math.max(d.config.emailRatePerSecond || 0, d.config.smsRatePerSecond || 0);
  const concurrency = Math.max(1, opts.concurrency ?? (d.buckets.email.unlimited ? 64 : Math.min(256, Math.max(8, Math.ceil(rate / 4)))));
  const outcomes = new Array<DeliveryOutcome>(reqs.length);
  const chunks = new Map<number, { data: Promise<Prefetched[]>; left: number }>();
  const chunkOf = (c: number) => {
    let entry = chunks.get(c);
    if (!entry) {
      const slice = reqs.slice(c * PREFETCH_CHUNK, (c + 1) * PREFETCH_CHUNK);
      entry = { data: prefetch(d.config.tableName, slice), left: slice.length };
      entry.data.catch(() => undefined); // surfaced when awaited
      chunks.set(c, entry);
    }
    return entry;
  };
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= reqs.length) return;
      const c = Math.floor(i / PREFETCH_CHUNK);
      const entry = chunkOf(c);
      // Read ahead so the senders never wait on a read.
      for (let ahead = 1; ahead <= 3 && (c + ahead) * PREFETCH_CHUNK < reqs.length; ahead++) chunkOf(c + ahead);
      let pre: Prefetched = {};
      try {
        pre = (await entry.data)[i - c * PREFETCH_CHUNK] ?? {};
      } catch {
        pre = {}; // the per-message path reads what the batch could not
      }
      if (--entry.left === 0) chunks.delete(c);
      const outcome = await deliverOne(reqs[i]!, d, pre);
      outcomes[i] = outcome;
      opts.onOutcome?.(i, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, reqs.length) }, worker));
  return outcomes;
}

async function prefetch(tableName: string, reqs: MessageRequest[]): Promise<Prefetched[]> {
  const wanted: { pk: string; sk: string }[] = [];
  const plan = reqs.map((r) => {
    const address = r?.channel === 'email' ? r.recipient?.email : r?.recipient?.phone;
    if (!r?.tenantId || !r.recipient?.recipientId || !address || !['email', 'sms'].includes(r.channel)) return undefined;
    const keys = suppressionKeys(r.tenantId, r.channel, r.recipient.recipientId, address);
    const freq = r.kind === 'marketing' ? { pk: recipientPk(r.tenantId, r.recipient.recipientId), sk: 'FREQ' } : undefined;
    for (const k of [keys.recipient, keys.address!, freq]) if (k && !wanted.some((w) => w.pk === k.pk && w.sk === k.sk)) wanted.push(k);
    return { keys, freq };
  });
  const found = new Map<string, Record<string, unknown>>();
  let pending: Record<string, unknown>[] = wanted;
  for (let attempt = 0; pending.length; attempt++) {
    const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of res.Responses?.[tableName] ?? []) found.set(`${item.pk}|${item.sk}`, item);
    pending = (res.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
    if (pending.length) {
      if (attempt >= 5) throw new Error('BatchGetItem left keys unprocessed');
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return plan.map((p) => {
    if (!p) return {};
    const entries = [p.keys.recipient, p.keys.address!].map((k) => found.get(`${k.pk}|${k.sk}`) as SuppressionEntry | undefined).filter((e) => e !== undefined);
    const suppression = entries.find((e) => e.reason === 'bounce' || e.reason === 'complaint') ?? entries[0] ?? null;
    const f = p.freq ? found.get(`${p.freq.pk}|${p.freq.sk}`) : undefined;
    return {
      suppression,
      ...(p.freq ? { frequency: f ? { recent: (f.recent as number[]) ?? [], version: (f.version as number) ?? 0 } : null } : {}),
    };
  });
}
