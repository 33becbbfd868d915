import { createHash, randomUUID } from 'node:crypto';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import { BadRequestError } from '../errors.js';
import { frequencyDecision, trimHistory, type FrequencyDecision } from './policy.js';
import type { MessagingSettings } from './settings.js';
import type { Channel, DeliveryStatus, TemplateName } from './types.js';

/**
 * The send ledger: the idempotency record of every message, which is also its analytics
 * record. One item per (tenant, recipient, channel, purpose), in the recipient's partition
 * (`T#<tenant>#RCPT#<recipientId>`, sk `SEND#<ledgerId>`), beside the recipient's
 * frequency history (`FREQ`), skipped attempts (`SKIP#…`) and opt-outs (`SUPP#…`): all of a
 * person's messaging state is one partition, which makes erasure one query.
 *
 * Life of a record: `pending` (claimed before the provider is called) → `sent` (with the
 * provider's message id) or `failed` (visibly, with a reason). A pending record left by a
 * crash is resolved by the SES event stream (every email carries the ledger id as a tag):
 * a Send/Delivery event marks it sent; with no event within the confirmation window it is
 * marked failed (`unconfirmed`) — never resent automatically. Pending and failed records are
 * indexed (gsi1) per tenant for `GET /admin/messages`; sent ones leave the index.
 */

export type LedgerStatus = 'pending' | 'sent' | 'failed';

export interface LedgerKey {
  tenantId: string;
  recipientId: string;
  ledgerId: string;
}

export interface SendMeta {
  purpose: string;
  channel: Channel;
  template: TemplateName;
  locale: string;
  variant: string;
  kind: 'marketing' | 'transactional';
}

export interface SendRecord extends LedgerKey, SendMeta {
  status: LedgerStatus;
  attemptId: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  messageId?: string;
  failure?: string;
  delivery?: 'delivered' | 'bounced' | 'complained' | 'rejected' | 'delayed';
  deliveryAt?: string;
  openedAt?: string;
  opens?: number;
  clickedAt?: string;
  clicks?: number;
}

export const recipientPk = (tenantId: string, recipientId: string) => tenantKey(tenantId, 'RCPT', recipientId);
const sendSk = (ledgerId: string) => `SEND#${ledgerId}`;
const keyOf = (k: LedgerKey) => ({ pk: recipientPk(k.tenantId, k.recipientId), sk: sendSk(k.ledgerId) });
const statusIndex = (tenantId: string, status: 'pending' | 'failed') => tenantKey(tenantId, 'MSGS', status);

/** Deterministic: the same channel and purpose to the same person is always the same record. */
export function ledgerIdOf(channel: Channel, purpose: string): string {
  return createHash('sha256').update(`${channel}\n${purpose}`).digest('base64url').slice(0, 22);
}

// ---- SES message tags: how an SES event finds its ledger record ---------------------------

const TAG_VALUE = /^[A-Za-z0-9_-]{1,256}$/;

/** SES tags allow only [A-Za-z0-9_-]: the recipient id travels base64url-encoded. */
export function sesTags(k: LedgerKey, meta: Pick<SendMeta, 'template' | 'variant'>): { Name: string; Value: string }[] {
  const tags = [
    { Name: 'rs_t', Value: k.tenantId },
    { Name: 'rs_r', Value: Buffer.from(k.recipientId, 'utf8').toString('base64url') },
    { Name: 'rs_l', Value: k.ledgerId },
    { Name: 'rs_tpl', Value: meta.template },
    { Name: 'rs_v', Value: meta.variant.replace(/[^A-Za-z0-9_-]/g, '_') || 'A' },
  ];
  for (const t of tags) if (!TAG_VALUE.test(t.Value)) throw new Error(`SES tag ${t.Name} would be invalid`);
  return tags;
}

/** The ledger key from an SES event's `mail.tags` (values are arrays there). */
export function ledgerKeyFromTags(tags: Record<string, string[] | undefined> | undefined): LedgerKey | undefined {
  const one = (name: string) => tags?.[name]?.[0];
  const tenantId = one('rs_t');
  const recipient = one('rs_r');
  const ledgerId = one('rs_l');
  if (!tenantId || !recipient || !ledgerId) return undefined;
  return { tenantId, recipientId: Buffer.from(recipient, 'base64url').toString('utf8'), ledgerId };
}

// ---- claim → sent | failed ----------------------------------------------------------------

export type ClaimResult = { claimed: true; attemptId: string } | { claimed: false; existing: SendRecord };

export async function claim(tableName: string, k: LedgerKey, meta: SendMeta, now: Date): Promise<ClaimResult> {
  const attemptId = randomUUID();
  const at = now.toISOString();
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keyOf(k),
          _type: 'SendRecord',
          ...k,
          ...meta,
          status: 'pending',
          attemptId,
          createdAt: at,
          updatedAt: at,
          gsi1pk: statusIndex(k.tenantId, 'pending'),
          gsi1sk: `${at}#${k.ledgerId}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await markSweepable(tableName, k.tenantId, now);
    return { claimed: true, attemptId };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const existing = await getRecord(tableName, k);
    // Deleted between our put and our read (a released claim): claim again.
    if (!existing) return claim(tableName, k, meta, now);
    return { claimed: false, existing };
  }
}

export async function getRecord(tableName: string, k: LedgerKey): Promise<SendRecord | undefined> {
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: keyOf(k), ConsistentRead: true }));
  return res.Item as SendRecord | undefined;
}

/** pending → sent, by the attempt that holds the claim. False if the record moved on already. */
export async function markSent(tableName: string, k: LedgerKey, attemptId: string, messageId: string, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keyOf(k),
        UpdateExpression: 'SET #s = :sent, messageId = :m, sentAt = :now, updatedAt = :now REMOVE gsi1pk, gsi1sk, failure',
        ConditionExpression: '#s = :pending AND attemptId = :a',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':pending': 'pending', ':m': messageId, ':now': now.toISOString(), ':a': attemptId },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * pending → failed, visibly (indexed for the admin listing). With `attemptId`, only by the
 * attempt holding the claim; without, any pending record (the sweeper, a stale retry).
 */
export async function markFailed(tableName: string, k: LedgerKey, reason: string, now: Date, attemptId?: string): Promise<boolean> {
  const at = now.toISOString();
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keyOf(k),
        UpdateExpression: 'SET #s = :failed, failure = :r, updatedAt = :now, gsi1pk = :gpk, gsi1sk = :gsk',
        ConditionExpression: attemptId ? '#s = :pending AND attemptId = :a' : '#s = :pending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':failed': 'failed',
          ':pending': 'pending',
          ':r': reason,
          ':now': at,
          ':gpk': statusIndex(k.tenantId, 'failed'),
          ':gsk': `${at}#${k.ledgerId}`,
          ...(attemptId ? { ':a': attemptId } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives a claim back when the provider certainly did not accept the message (throttled, deferred). */
export async function release(tableName: string, k: LedgerKey, attemptId: string): Promise<void> {
  await dynamo
    .send(
      new DeleteCommand({
        TableName: tableName,
        Key: keyOf(k),
        ConditionExpression: '#s = :pending AND attemptId = :a',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':a': attemptId },
      }),
    )
    .catch((error: Error) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
}

export const UNCONFIRMED = 'unconfirmed: no provider event confirmed the send within the confirmation window; not resent automatically';

/**
 * Evidence from the provider (an SES Send or Delivery event) that the message was accepted:
 * a pending record — or one the sweeper already gave up on as unconfirmed — becomes sent.
 */
export async function confirmSent(tableName: string, k: LedgerKey, messageId: string, at: string): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keyOf(k),
        UpdateExpression: 'SET #s = :sent, messageId = :m, sentAt = if_not_exists(sentAt, :at), updatedAt = :at, reconciled = :true REMOVE gsi1pk, gsi1sk, failure',
        ConditionExpression: '#s = :pending OR (#s = :failed AND failure = :unconfirmed)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':pending': 'pending', ':failed': 'failed', ':unconfirmed': UNCONFIRMED, ':m': messageId, ':at': at, ':true': true },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export type EngagementEvent =
  | { type: 'delivery'; status: NonNullable<SendRecord['delivery']>; at: string }
  | { type: 'open'; at: string }
  | { type: 'click'; at: string };

/** Delivery outcome and engagement on the record, for analytics. Only on existing records. */
export async function recordEngagement(tableName: string, k: LedgerKey, e: EngagementEvent): Promise<void> {
  const update =
    e.type === 'delivery'
      ? { UpdateExpression: 'SET delivery = :d, deliveryAt = :at', values: { ':d': e.status, ':at': e.at } }
      : e.type === 'open'
        ? { UpdateExpression: 'SET openedAt = if_not_exists(openedAt, :at) ADD opens :one', values: { ':at': e.at, ':one': 1 } }
        : { UpdateExpression: 'SET clickedAt = if_not_exists(clickedAt, :at) ADD clicks :one', values: { ':at': e.at, ':one': 1 } };
  // A bounce or complaint is final: a late "delivery delayed" must not overwrite it.
  const guard = e.type === 'delivery' && (e.status === 'delivered' || e.status === 'delayed') ? ' AND (attribute_not_exists(delivery) OR NOT delivery IN (:b, :c))' : '';
  await dynamo
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keyOf(k),
        UpdateExpression: update.UpdateExpression,
        ConditionExpression: `attribute_exists(pk)${guard}`,
        ExpressionAttributeValues: { ...update.values, ...(guard ? { ':b': 'bounced', ':c': 'complained' } : {}) },
      }),
    )
    .catch((error: Error) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
}

// ---- outcomes that sent nothing -----------------------------------------------------------

const SKIP_TTL_DAYS = 180;

/**
 * A send that did not happen (no consent, suppressed, deferred) is recorded for analytics
 * beside the ledger, not in it: it must not block the same message once consent is given.
 */
export async function recordSkip(tableName: string, k: LedgerKey, meta: SendMeta, status: DeliveryStatus, reason: string | undefined, now: Date): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: recipientPk(k.tenantId, k.recipientId),
        sk: `SKIP#${k.ledgerId}`,
        _type: 'SendSkip',
        ...k,
        ...meta,
        status,
        reason,
        at: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + SKIP_TTL_DAYS * 86_400,
      },
    }),
  );
}

// ---- per-recipient frequency history ----------------------------------------------------

type Freq = Pick<MessagingSettings, 'cooldownMinutes' | 'frequencyCap'>;

/**
 * Reserves a marketing slot for the person, atomically: read the history, decide, write it
 * back conditionally on the version read (two concurrent sends to one person cannot both
 * pass a cooldown). `known` is a history already read in bulk, saving the read.
 */
export async function reserveSlot(
  tableName: string,
  tenantId: string,
  recipientId: string,
  settings: Freq,
  now: Date,
  known?: { recent: number[]; version: number } | null,
): Promise<FrequencyDecision> {
  const Key = { pk: recipientPk(tenantId, recipientId), sk: 'FREQ' };
  let state = known;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (state === undefined) {
      const item = (await dynamo.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }))).Item;
      state = item ? { recent: (item.recent as number[]) ?? [], version: (item.version as number) ?? 0 } : null;
    }
    const recent = state?.recent ?? [];
    const decision = frequencyDecision(recent, now, settings);
    if (!decision.ok) return decision;
    const next = trimHistory([...recent, now.getTime()], now, settings);
    try {
      await dynamo.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...Key, _type: 'RecipientFrequency', tenantId, recipientId, recent: next, version: (state?.version ?? 0) + 1 },
          ConditionExpression: state ? 'version = :v' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: state ? { ':v': state.version } : undefined,
        }),
      );
      return decision;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      state = undefined; // someone else wrote: read again and decide again
    }
  }
  throw new Error('frequency history contended: retry later');
}

/** Gives back a reserved slot when the message was not sent after all (best effort). */
export async function releaseSlot(tableName: string, tenantId: string, recipientId: string, at: Date): Promise<void> {
  const Key = { pk: recipientPk(tenantId, recipientId), sk: 'FREQ' };
  for (let attempt = 0; attempt < 3; attempt++) {
    const item = (await dynamo.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }))).Item;
    if (!item) return;
    const recent = (item.recent as number[]).filter((t) => t !== at.getTime());
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: 'SET recent = :r, version = :nv',
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':r': recent, ':v': item.version, ':nv': (item.version as number) + 1 },
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

// ---- listings -----------------------------------------------------------------------------

export interface Page<T> {
  items: T[];
  cursor?: string;
}

function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

function decodeCursor(cursor: string | undefined, field: string, expected: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (key[field] !== expected) throw new Error('foreign cursor');
    return key;
  } catch {
    throw new BadRequestError('Invalid cursor', [{ field: 'cursor', reason: 'not a cursor returned by this listing' }]);
  }
}

/** Pending or failed messages of a tenant, newest first (what an operator must look at). */
export async function listByStatus(tableName: string, tenantId: string, status: 'pending' | 'failed', q: { limit?: number; cursor?: string; olderThan?: string } = {}): Promise<Page<SendRecord>> {
  const gpk = statusIndex(tenantId, status);
  const res = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: q.olderThan ? 'gsi1pk = :pk AND gsi1sk < :before' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gpk, ...(q.olderThan ? { ':before': q.olderThan } : {}) },
      ScanIndexForward: false,
      Limit: q.limit ?? 50,
      ExclusiveStartKey: decodeCursor(q.cursor, 'gsi1pk', gpk),
    }),
  );
  return { items: (res.Items ?? []).map(view), cursor: encodeCursor(res.LastEvaluatedKey) };
}

/** Every message to one person (all statuses), for support and the data export. */
export async function listForRecipient(tableName: string, tenantId: string, recipientId: string, q: { limit?: number; cursor?: string } = {}): Promise<Page<SendRecord>> {
  const pk = recipientPk(tenantId, recipientId);
  const res = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :send)',
      ExpressionAttributeValues: { ':pk': pk, ':send': 'SEND#' },
      Limit: q.limit ?? 50,
      ExclusiveStartKey: decodeCursor(q.cursor, 'pk', pk),
    }),
  );
  return { items: (res.Items ?? []).map(view), cursor: encodeCursor(res.LastEvaluatedKey) };
}

/** What the admin API shows of a send record (and the data export): known fields only. */
export const sendRecordViewSchema = z
  .object({
    tenantId: z.string(),
    recipientId: z.string(),
    ledgerId: z.string(),
    purpose: z.string(),
    channel: z.enum(['email', 'sms']),
    template: z.string(),
    locale: z.string(),
    variant: z.string(),
    kind: z.enum(['marketing', 'transactional']),
    status: z.enum(['pending', 'sent', 'failed']),
    attemptId: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.string().optional(),
    messageId: z.string().optional(),
    failure: z.string().optional().meta({ description: 'Why it failed: the provider’s refusal, or `unconfirmed` (no SES event confirmed it).' }),
    reconciled: z.boolean().optional(),
    delivery: z.enum(['delivered', 'bounced', 'complained', 'rejected', 'delayed']).optional(),
    deliveryAt: z.string().optional(),
    openedAt: z.string().optional(),
    opens: z.number().optional(),
    clickedAt: z.string().optional(),
    clicks: z.number().optional(),
  })
  .meta({ id: 'SendRecord' });

function view(item: Record<string, unknown>): SendRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, _type, ...rest } = item;
  // A record written by an older version still reads: unknown attributes are left out, and an
  // odd one is shown as stored rather than failing the listing.
  const parsed = sendRecordViewSchema.safeParse(rest);
  return (parsed.success ? parsed.data : rest) as unknown as SendRecord;
}

/**
 * GDPR erasure of a person's messaging state: send records, skips, frequency history and
 * their recipient-level opt-outs. Address-hash suppressions stay: they hold no address and
 * are what keeps an erased person from being mailed again.
 */
export async function eraseRecipient(tableName: string, tenantId: string, recipientId: string): Promise<number> {
  const pk = recipientPk(tenantId, recipientId);
  let deleted = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ProjectionExpression: 'pk, sk', ExclusiveStartKey: start }),
    );
    const keys = (res.Items ?? []) as { pk: string; sk: string }[];
    for (let i = 0; i < keys.length; i += 25) {
      let batch = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; batch.length; attempt++) {
        const out = await dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
        batch = (out.UnprocessedItems?.[tableName] ?? []) as typeof batch;
        if (batch.length) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
      }
    }
    deleted += keys.length;
    start = res.LastEvaluatedKey;
  } while (start);
  return deleted;
}

// ---- the sweep of stale pending records ---------------------------------------------------

/**
 * Which tenants may hold pending records: one marker per tenant per hour, written once per
 * container (the same pattern as the daily digest's markers), so the sweeper visits only
 * tenants that sent recently instead of every tenant.
 */
const markedHours = new Set<string>();
const hourOf = (d: Date) => d.toISOString().slice(0, 13);

async function markSweepable(tableName: string, tenantId: string, now: Date): Promise<void> {
  const hour = hourOf(now);
  const id = `${tableName}|${tenantId}|${hour}`;
  if (markedHours.has(id)) return;
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: tenantKey(tenantId, 'MSGSWEEP', hour),
        sk: '#MARKER',
        _type: 'SendSweepMarker',
        gsi1pk: `SWEEP#MSGPENDING#${hour}`,
        gsi1sk: tenantId,
        tenantId,
        expiresAt: Math.floor(now.getTime() / 1000) + 3 * 86_400,
      },
    }),
  );
  markedHours.add(id);
  if (markedHours.size > 10_000) markedHours.clear();
}

/** Tenants that claimed sends in the last `hours` hours (the hour partitions are read in parallel). */
export async function sweepableTenants(tableName: string, now: Date, hours = 26): Promise<string[]> {
  const perHour = await Promise.all(
    Array.from({ length: hours }, async (_, h) => {
      const hour = hourOf(new Date(now.getTime() - h * 3_600_000));
      const found: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await dynamo.send(
          new QueryCommand({ TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `SWEEP#MSGPENDING#${hour}` }, ExclusiveStartKey: start }),
        );
        for (const i of res.Items ?? []) found.push(i.tenantId as string);
        start = res.LastEvaluatedKey;
      } while (start);
      return found;
    }),
  );
  return [...new Set(perHour.flat())];
}

/**
 * Resolves every pending record older than the confirmation window: with no provider event
 * in that time, it is marked failed (`unconfirmed`), visibly. A late event still turns it
 * into `sent` (confirmSent). Returns how many were marked.
 */
export async function sweepStalePending(tableName: string, tenantId: string, now: Date, windowMinutes: number): Promise<number> {
  const cutoff = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  let marked = 0;
  let cursor: string | undefined;
  do {
    const page = await listByStatus(tableName, tenantId, 'pending', { limit: 100, cursor, olderThan: cutoff });
    for (const r of page.items) if (await markFailed(tableName, r, UNCONFIRMED, now)) marked++;
    cursor = page.cursor;
  } while (cursor);
  return marked;
}
