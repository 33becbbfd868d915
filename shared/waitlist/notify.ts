import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { Product } from '../inventory/model.js';
import { addressHash, unsubscribeUrl } from '../messaging/links.js';
import type { Channel, DeliveryOutcome, MessageRequest, TemplateName } from '../messaging/types.js';
import { deliver } from '../messaging/deliver.js';
import { Tenant } from '../tenants/model.js';
import { WaitlistPerks, type Perks, type WaitlistEntry } from './model.js';
import { mintToken, expiryIn } from './tokens.js';

/**
 * Waitlist messages, all through the messaging layer's `deliver()` (consent, suppression,
 * quiet hours, frequency caps and effectively-once sending live there). This module decides
 * what to say and to which channels, and builds the links: one-click unsubscribe per channel,
 * the person's preference page, and the confirm / keep-my-place links.
 */

export interface LinkContext {
  tableName: string;
  publicApiUrl: string;
}

const base = (url: string) => url.replace(/\/+$/, '');
/** Preference links live about as long as a waiting entry can (a little over a year). */
const PREFS_LINK_DAYS = 400;

export async function preferencesUrl(ctx: LinkContext, entry: Pick<WaitlistEntry, 'tenantId' | 'contactHashes'>): Promise<string> {
  const token = await mintToken(ctx.tableName, { k: 'prefs', t: entry.tenantId, h: entry.contactHashes, x: expiryIn(PREFS_LINK_DAYS) });
  return `${base(ctx.publicApiUrl)}/p/${token}`;
}

export async function confirmUrl(ctx: LinkContext, entry: Pick<WaitlistEntry, 'tenantId' | 'listId' | 'entryId' | 'contactHashes'>, ttlDays: number): Promise<string> {
  const token = await mintToken(ctx.tableName, { k: 'confirm', t: entry.tenantId, l: entry.listId, e: entry.entryId, h: entry.contactHashes, x: expiryIn(ttlDays) });
  return `${base(ctx.publicApiUrl)}/p/${token}`;
}

export async function keepUrl(ctx: LinkContext, entry: Pick<WaitlistEntry, 'tenantId' | 'listId' | 'entryId'>, sk: string, ttlDays: number): Promise<string> {
  const token = await mintToken(ctx.tableName, { k: 'keep', t: entry.tenantId, l: entry.listId, s: sk, e: entry.entryId, x: expiryIn(Math.max(ttlDays, 1 / 24) + 1) });
  return `${base(ctx.publicApiUrl)}/p/${token}`;
}

/** The channels an entry can be reached on: asked for, and with the contact to do it. */
export function reachableChannels(entry: Pick<WaitlistEntry, 'email' | 'phone' | 'channels'>): Channel[] {
  const out: Channel[] = [];
  if (entry.email && entry.channels.email) out.push('email');
  if (entry.phone && entry.channels.sms) out.push('sms');
  return out;
}

export interface ProductFacts {
  title: string;
  url?: string;
  shopName: string;
  perks?: Perks;
}

/** Product title and link, shop name and perks for a batch of messages about one list. */
export async function productFacts(tableName: string, tenantId: string, productId: string, sku: string | undefined, productUrlTemplate?: string): Promise<ProductFacts> {
  const [product, tenant, perks] = await Promise.all([
    dynamo.send(new GetCommand({ TableName: tableName, Key: Product.key({ tenantId, productId }), ProjectionExpression: 'title, #u', ExpressionAttributeNames: { '#u': 'url' } })),
    dynamo.send(new GetCommand({ TableName: tableName, Key: Tenant.key({ tenantId }), ProjectionExpression: '#n', ExpressionAttributeNames: { '#n': 'name' } })),
    dynamo.send(new GetCommand({ TableName: tableName, Key: WaitlistPerks.key({ tenantId, productId }) })),
  ]);
  const url = productUrlTemplate
    ? productUrlTemplate.replaceAll('{productId}', encodeURIComponent(productId)).replaceAll('{sku}', encodeURIComponent(sku ?? ''))
    : (product.Item?.url as string | undefined);
  const parsedPerks = perks.Item ? WaitlistPerks.schema.safeParse(perks.Item) : undefined;
  return {
    title: (product.Item?.title as string | undefined) ?? productId,
    url,
    shopName: (tenant.Item?.name as string | undefined) ?? '',
    perks: parsedPerks?.success ? parsedPerks.data : undefined,
  };
}

export const exclusiveContentFor = (perks: Perks | undefined, locale: string) => {
  const lang = locale.slice(0, 2).toLowerCase();
  return perks?.exclusiveContent?.[lang] ?? perks?.exclusiveContent?.en ?? (perks?.exclusiveContent ? Object.values(perks.exclusiveContent)[0] : undefined);
};

export interface SendPlan {
  template: TemplateName;
  /** Unique per intended message (the ledger's idempotency key), without the channel. */
  purpose: string;
  kind: 'marketing' | 'transactional';
  data: Record<string, string | number | undefined>;
  /** Only these channels (default: every reachable one). */
  channels?: Channel[];
}

export interface SendSummary {
  /** Sent now or already sent before (a retry): the person has the message. */
  delivered: number;
  deferred: number;
  /** Earliest retry time among deferred channels. */
  retryAt?: string;
  outcomes: { channel: Channel; status: DeliveryOutcome['status'] }[];
}

/** Sends one message about an entry to each of its channels. */
export async function sendToEntry(ctx: LinkContext, entry: WaitlistEntry, plan: SendPlan): Promise<SendSummary> {
  const channels = plan.channels ?? reachableChannels(entry);
  const prefs = await preferencesUrl(ctx, entry);
  const summary: SendSummary = { delivered: 0, deferred: 0, outcomes: [] };
  for (const channel of channels) {
    const address = channel === 'email' ? entry.email : entry.phone;
    if (!address) continue;
    const request: MessageRequest = {
      tenantId: entry.tenantId,
      purpose: plan.purpose,
      channel,
      recipient: { recipientId: entry.subscriberId, email: entry.email, phone: entry.phone, locale: entry.locale, timeZone: entry.timeZone },
      template: plan.template,
      data: { preferencesUrl: prefs, ...plan.data },
      consent: { email: entry.channels.email, sms: entry.channels.sms },
      unsubscribeUrl: await unsubscribeUrl(
        { tenantId: entry.tenantId, recipientId: entry.subscriberId, scope: channel, addressHash: addressHash(channel, address) },
        { tableName: ctx.tableName, publicApiUrl: ctx.publicApiUrl },
      ),
      preferencesUrl: prefs,
      kind: plan.kind,
    };
    const outcome = await deliver(request);
    summary.outcomes.push({ channel, status: outcome.status });
    if (outcome.status === 'sent' || outcome.status === 'duplicate') summary.delivered++;
    if (outcome.status === 'deferred') {
      summary.deferred++;
      if (outcome.retryAt && (!summary.retryAt || outcome.retryAt < summary.retryAt)) summary.retryAt = outcome.retryAt;
    }
  }
  return summary;
}

/** Runs `fn` over `items` with at most `limit` in flight (sending pages without a burst per person). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}
