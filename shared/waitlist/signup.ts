import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { BadRequestError, ConflictError, NotFoundError, TooManyRequestsError, type FieldProblem } from '../errors.js';
import { publishEvents } from '../events/publish.js';
import { idSchema, Product, skuSchema } from '../inventory/model.js';
import { logger } from '../observability/logger.js';
import { clientKey } from '../storefront/rate-limit.js';
import { Tenant } from '../tenants/model.js';
import { addDays } from './cadence.js';
import { isDisposable } from './disposable-domains.js';
import { identityOf, normalizeEmail, normalizePhone, regionOf, timeZoneOfCountry, validTimeZone, type Identity } from './identity.js';
import { listIdOf, rateMarkKey, type WaitlistEntry } from './model.js';
import { confirmUrl, productFacts, sendToEntry, type LinkContext } from './notify.js';
import { WaitlistRepository } from './repository.js';
import type { WaitlistSettings } from './settings.js';

/** `""` from a form field means "not given". */
const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/**
 * `POST /storefront/waitlist`. Contact details are validated further in `joinWaitlist`
 * (normalisation needs the tenant's default country), always answering with the field and a
 * reason the widget can show.
 */
export const signupBodySchema = z.object({
  productId: idSchema,
  sku: optionalText(skuSchema),
  email: optionalText(z.string().trim().max(254)),
  phone: optionalText(z.string().trim().max(40)),
  /** The shopper's country (ISO alpha-2) for a phone typed without its country code. */
  country: optionalText(z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code')),
  locale: optionalText(z.string().regex(/^[a-z]{2}([-_][A-Za-z]{2})?$/, 'a language tag like "it" or "it-IT"')),
  consent: z.object(
    {
      given: z.literal(true, 'tick the consent box to be contacted'),
      textVersion: z.string().trim().min(1).max(40),
      at: z.iso.datetime().optional(),
      /** The page the form was on. */
      source: z.string().trim().min(1).max(2000),
    },
    'the consent the shopper gave (given, textVersion, source) is required',
  ),
  shopperId: optionalText(z.string().trim().min(1).max(128)),
  /** The browser's IANA time zone (Intl.DateTimeFormat().resolvedOptions().timeZone). */
  timeZone: optionalText(z.string().max(64)),
});
export type SignupBody = z.infer<typeof signupBodySchema>;

/** What a sign-up answers (the same for a repeat of it). */
export const signupAnswerSchema = z
  .object({
    entryId: z.string(),
    listId: z.string(),
    productId: z.string(),
    sku: z.string().optional(),
    status: z.enum(['active', 'pending_confirmation']).meta({ description: '`pending_confirmation` until the double opt-in link is clicked.' }),
    position: z.number().int().positive().nullable().meta({ description: 'Live rank among the active entries of the list; null until confirmed.' }),
    channels: z.object({ email: z.boolean(), sms: z.boolean() }),
  })
  .meta({ id: 'WaitlistSignup' });
export type SignupAnswer = z.infer<typeof signupAnswerSchema>;

export interface SignupDeps extends LinkContext {
  busName: string;
  repo: WaitlistRepository;
}

export interface ValidContact {
  email?: string;
  phone?: string;
  country?: string;
}

/** Normalises and checks the contact details; throws a 400 naming each bad field. */
export function validateContacts(body: Pick<SignupBody, 'email' | 'phone' | 'country' | 'locale'>, settings: Pick<WaitlistSettings, 'defaultCountry' | 'disposableDomains'>, tenantLocale: string): ValidContact {
  const problems: FieldProblem[] = [];
  const out: ValidContact = {};
  if (!body.email && !body.phone) problems.push({ field: 'body.email', reason: 'enter an e-mail address or a phone number' });
  if (body.email) {
    const email = normalizeEmail(body.email);
    if (!z.email().safeParse(email).success) problems.push({ field: 'body.email', reason: 'not a valid e-mail address' });
    else if (isDisposable(email, settings.disposableDomains)) problems.push({ field: 'body.email', reason: 'disposable e-mail addresses are not accepted; use an address you read' });
    else out.email = email;
  }
  if (body.phone) {
    const country = body.country?.toUpperCase() ?? regionOf(body.locale) ?? settings.defaultCountry ?? regionOf(tenantLocale);
    const phone = normalizePhone(body.phone, country);
    if (!phone.ok) problems.push({ field: 'body.phone', reason: phone.reason });
    else {
      out.phone = phone.e164;
      out.country = phone.country;
    }
  }
  if (problems.length) throw new BadRequestError('Invalid sign-up', problems);
  return out;
}

const newEntryId = () => `wl_${Date.now().toString(36)}${randomBytes(8).toString('hex')}`;

function answerOf(entry: WaitlistEntry, position: number | null): SignupAnswer {
  return {
    entryId: entry.entryId,
    listId: entry.listId,
    productId: entry.productId,
    ...(entry.sku ? { sku: entry.sku } : {}),
    status: entry.status === 'active' ? 'active' : 'pending_confirmation',
    position: entry.status === 'active' ? position : null,
    channels: entry.channels,
  };
}

/**
 * A minimum interval between new entries per client and per address, with one conditional
 * write each: the mark holds `until` and expires by itself. A refused request learns when it
 * may try again (Retry-After).
 */
export async function takeRateSlot(tableName: string, key: { pk: string; sk: string }, seconds: number, nowMs: number): Promise<number | undefined> {
  if (seconds <= 0) return undefined;
  const now = nowMs / 1000;
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key, _type: 'WaitlistRateMark', until: now + seconds, expiresAt: Math.ceil(now + seconds + 60) },
        ConditionExpression: 'attribute_not_exists(pk) OR #u <= :now',
        ExpressionAttributeNames: { '#u': 'until' },
        ExpressionAttributeValues: { ':now': now },
      }),
    );
    return undefined;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const mark = await dynamo.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Math.max(1, Math.ceil(Number(mark.Item?.until ?? now + seconds) - now));
  }
}

async function loadTarget(tableName: string, tenantId: string, productId: string, sku: string | undefined) {
  const res = await dynamo.send(
    new GetCommand({
      TableName: tableName,
      Key: Product.key({ tenantId, productId }),
      ProjectionExpression: sku ? 'productId, #st, variants.#sku.sku' : 'productId, #st',
      ExpressionAttributeNames: sku ? { '#st': 'status', '#sku': sku } : { '#st': 'status' },
    }),
  );
  if (!res.Item || res.Item.status === 'archived') throw new NotFoundError('Product');
  if (sku && !(res.Item.variants as Record<string, unknown> | undefined)?.[sku]) {
    throw new BadRequestError('Unknown variant', [{ field: 'body.sku', reason: 'this product has no variant with this SKU' }]);
  }
}

export async function tenantOf(tableName: string, tenantId: string) {
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: Tenant.key({ tenantId }), ConsistentRead: true }));
  if (!res.Item) throw new NotFoundError('Shop');
  return Tenant.schema.parse(res.Item);
}

/** Re-announces an active entry whose confirmation has not gone out (a crash after the write). */
async function republishJoined(deps: SignupDeps, entry: WaitlistEntry, position: number) {
  await publishEvents(deps.busName, [joinedEvent(entry, position)]);
}

export function joinedEvent(entry: WaitlistEntry, position: number) {
  return {
    name: 'WaitlistJoined' as const,
    tenantId: entry.tenantId,
    // Deterministic: a re-publish is the same event to idempotent consumers.
    eventId: `waitlist-joined:${entry.entryId}`,
    data: {
      entryId: entry.entryId,
      listId: entry.listId,
      productId: entry.productId,
      sku: entry.sku ?? null,
      channels: entry.channels,
      position,
      seq: entry.seq ?? 0,
      hasShopperId: !!entry.shopperId,
    },
  };
}

/**
 * Joins (or re-joins) a waitlist. The same person on the same list is one entry: a repeat
 * answers exactly as the first time did (same entry, live position) and sends nothing, is
 * not rate limited, and so cannot be used to bomb an inbox.
 */
export async function joinWaitlist(deps: SignupDeps, tenantId: string, body: SignupBody, request: { ip: string; now?: Date }): Promise<SignupAnswer> {
  const now = request.now ?? new Date();
  const tenant = await tenantOf(deps.tableName, tenantId);
  const settings = tenant.settings.waitlist;
  const contacts = validateContacts(body, settings, tenant.locale);
  await loadTarget(deps.tableName, tenantId, body.productId, body.sku);

  const listId = listIdOf(body);
  const identity = identityOf(tenantId, contacts);
  const repeat = await answerRepeat(deps, tenantId, listId, identity);
  if (repeat) return repeat;

  if (settings.capPerVariant !== undefined) {
    const summary = await deps.repo.summary(tenantId, listId, true);
    if ((summary?.active ?? 0) >= settings.capPerVariant) throw fullError(settings.capPerVariant);
  }

  const ipWait = await takeRateSlot(deps.tableName, rateMarkKey(tenantId, 'ip', clientKey(tenantId, request.ip || 'unknown')), settings.rateLimit.perIpSeconds, now.getTime());
  let wait = ipWait;
  for (const hash of identity.hashes) {
    if (wait) break;
    wait = await takeRateSlot(deps.tableName, rateMarkKey(tenantId, 'addr', hash), settings.rateLimit.perAddressSeconds, now.getTime());
  }
  if (wait) {
    // Two identical requests racing: the first may have finished meanwhile.
    const again = await answerRepeat(deps, tenantId, listId, identity);
    if (again) return again;
    throw new TooManyRequestsError(wait);
  }

  const locale = body.locale?.replace('_', '-') ?? tenant.locale;
  const entry: WaitlistEntry = {
    tenantId,
    listId,
    entryId: newEntryId(),
    productId: body.productId,
    ...(body.sku ? { sku: body.sku } : {}),
    status: 'pending',
    subscriberId: identity.subscriberId,
    contactHashes: identity.hashes,
    ...(contacts.email ? { email: contacts.email } : {}),
    ...(contacts.phone ? { phone: contacts.phone } : {}),
    channels: { email: !!contacts.email, sms: !!contacts.phone },
    locale,
    timeZone: validTimeZone(body.timeZone) ?? timeZoneOfCountry(contacts.country ?? regionOf(locale)),
    ...(body.shopperId ? { shopperId: body.shopperId } : {}),
    consent: {
      given: true,
      textVersion: body.consent.textVersion,
      ...(body.consent.at ? { at: body.consent.at } : {}),
      recordedAt: now.toISOString(),
      source: body.consent.source,
      ipHash: clientKey(tenantId, request.ip || 'unknown'),
    },
    createdAt: now.toISOString(),
    updatesSent: 0,
  };

  if (settings.doubleOptIn) {
    const expiresAt = Math.floor(now.getTime() / 1000 + settings.unconfirmedTtlDays * 86_400);
    if ((await deps.repo.createPending(entry, expiresAt)) === 'duplicate') {
      const existing = await answerRepeat(deps, tenantId, listId, identity);
      if (existing) return existing;
      throw new ConflictError('This sign-up is being processed; try again in a moment');
    }
    try {
      await sendDoubleOptIn(deps, entry, settings);
    } catch (error) {
      // No confirmation link went out: undo, so the shopper's retry starts afresh.
      await deps.repo.removePending(entry).catch(() => undefined);
      throw error;
    }
    return answerOf(entry, null);
  }

  const seq = await deps.repo.allocateSeq(tenantId, listId);
  const result = await deps.repo.activate(entry, seq, now, { cap: settings.capPerVariant, reviewAt: addDays(now, settings.entryTtlDays), fromPending: false });
  if (result.status === 'full') throw fullError(settings.capPerVariant!);
  if (result.status !== 'activated') {
    const existing = await answerRepeat(deps, tenantId, listId, identity);
    if (existing) return existing;
    throw new ConflictError('This sign-up is being processed; try again in a moment');
  }
  const position = await deps.repo.position(tenantId, listId, seq);
  // The confirmation ("thanks, you are number N") is sent by the WaitlistJoined consumer:
  // retried by the platform if sending fails, and never twice (its purpose is the entry's).
  await publishEvents(deps.busName, [joinedEvent(result.entry, position)]);
  logger.info('waitlist joined', { listId, entryId: entry.entryId, position });
  return answerOf(result.entry, position);
}

function fullError(cap: number) {
  return new ConflictError(`This waitlist is full: all ${cap} places are taken`);
}

async function answerRepeat(deps: SignupDeps, tenantId: string, listId: string, identity: Identity): Promise<SignupAnswer | undefined> {
  const existing = await deps.repo.findByContacts(tenantId, listId, identity.hashes);
  if (!existing) return undefined;
  if (existing.status !== 'active') return answerOf(existing, null);
  const position = await deps.repo.position(tenantId, listId, existing.seq!);
  // Not confirmed yet (a crash between the write and the event, or the consumer is still at
  // it): announce again under the same event id; consumers and the send ledger dedupe.
  if (!existing.lastMessageAt) await republishJoined(deps, existing, position);
  return answerOf(existing, position);
}

/** The double opt-in request: one transactional message, to the e-mail if there is one. */
export async function sendDoubleOptIn(deps: LinkContext, entry: WaitlistEntry, settings: WaitlistSettings): Promise<void> {
  const facts = await productFacts(deps.tableName, entry.tenantId, entry.productId, entry.sku, settings.productUrlTemplate);
  const link = await confirmUrl(deps, entry, settings.unconfirmedTtlDays);
  await sendToEntry(deps, entry, {
    template: 'waitlist_double_opt_in',
    purpose: `waitlist:${entry.entryId}:double-opt-in`,
    kind: 'transactional',
    channels: entry.email ? ['email'] : ['sms'],
    data: { productTitle: facts.title, productUrl: facts.url, shopName: facts.shopName, link, confirmUrl: link },
  });
}
