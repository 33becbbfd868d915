import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import type { WaitlistEntry } from '../waitlist/model.js';
import { placeLateMember, placeMember, type AudienceMember } from './audience.js';
import { ShopperTier, audienceItemSchema, audiencePk, refKey, type AudienceItem, type Release } from './model.js';
import { refsOfEntry, type ReleasePorts } from './ports.js';

/**
 * The release's audience, stored in release order: built from the waitlists before the
 * first wave (tiers looked up by the shopper's pseudonym), extended at the end with people
 * who join while the release runs, and read by key ranges when waves are sent. Items hold
 * where to find each person (list and join sequence), not who they are: erasure on the
 * waitlist leaves nothing here to erase, and a person who left is simply skipped.
 */

export interface AudienceCtx {
  tableName: string;
  ports: ReleasePorts;
}

const TTL_DAYS = 60;
const expiry = (now: Date) => Math.floor(now.getTime() / 1000) + TTL_DAYS * 86_400;
/** One person on both the variant's and the product's list is reached once. */
const personKey = (tenantId: string, releaseId: string, subscriberId: string) => ({ pk: tenantKey(tenantId, 'RELSUB', releaseId, subscriberId), sk: 'SUB' });

async function batchWrite(tableName: string, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests: Record<string, unknown>[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt > 10) throw new Error('BatchWriteItem left items unwritten');
      if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
      const res = await dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests as never } }));
      requests = (res.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
    }
  }
}

export async function batchGet(tableName: string, keys: { pk: string; sk: string }[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(keys.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + 100);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 8) throw new Error('BatchGetItem left keys unread');
      if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of res.Responses?.[tableName] ?? []) out.set(`${item.pk}|${item.sk}`, item);
      pending = (res.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return out;
}

/** The best-ranked tier among a person's pseudonyms. */
async function tiersOf(ctx: AudienceCtx, tenantId: string, entries: WaitlistEntry[], order: readonly string[]): Promise<Map<string, string>> {
  const refs = entries.flatMap((e) => refsOfEntry(tenantId, e));
  if (!refs.length) return new Map();
  const found = await batchGet(ctx.tableName, refs.map((ref) => ShopperTier.key({ tenantId, ref })));
  const byRef = new Map<string, string>();
  for (const item of found.values()) byRef.set(String(item.ref), String(item.tier));
  const rank = (t: string) => {
    const i = order.findIndex((o) => o.toLowerCase() === t.toLowerCase());
    return i < 0 ? order.length : i;
  };
  const out = new Map<string, string>();
  for (const e of entries) {
    const tiers = refsOfEntry(tenantId, e).map((r) => byRef.get(r)).filter((t): t is string => !!t).sort((a, b) => rank(a) - rank(b));
    if (tiers[0]) out.set(e.entryId, tiers[0]);
  }
  return out;
}

/**
 * Adds a page of waiting people to the audience (initially by segment, tier and join time;
 * late joiners after everyone). Writing is idempotent: a retried page writes the same items;
 * a person already present through another list is skipped, unless it is this very entry
 * (a retry after a partial write), which is written again.
 */
async function addMembers(ctx: AudienceCtx, r: Release, entries: WaitlistEntry[], now: Date, late?: { nextSeq: number }): Promise<{ added: number; tiered: number }> {
  if (!entries.length) return { added: 0, tiered: 0 };
  const tiers = late ? new Map<string, string>() : await tiersOf(ctx, r.tenantId, entries, r.config.tiers);
  const existing = await batchGet(ctx.tableName, entries.map((e) => personKey(r.tenantId, r.releaseId, e.subscriberId)));
  const items: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let added = 0;
  let tiered = 0;
  for (const e of entries) {
    const marker = personKey(r.tenantId, r.releaseId, e.subscriberId);
    const prior = existing.get(`${marker.pk}|${marker.sk}`);
    if ((prior && prior.entryId !== e.entryId) || seen.has(e.subscriberId)) continue;
    seen.add(e.subscriberId);
    const candidate = { entryId: e.entryId, joinedAt: e.activatedAt ?? e.createdAt, tier: tiers.get(e.entryId) };
    const member: AudienceMember = late ? placeLateMember(candidate, late.nextSeq++) : placeMember(candidate, r.config.tiers);
    const key = prior?.key ? String(prior.key) : member.key;
    const refs = refsOfEntry(r.tenantId, e);
    const item: AudienceItem = { sk: key, entryId: e.entryId, listId: e.listId, seq: e.seq!, segment: member.segment, tier: member.tier, refs };
    items.push({ pk: audiencePk(r.tenantId, r.releaseId), ...item, _type: 'ReleaseAudience', expiresAt: expiry(now) });
    items.push({ ...marker, _type: 'ReleasePerson', entryId: e.entryId, key, expiresAt: expiry(now) });
    for (const ref of refs) items.push({ ...refKey(r.tenantId, r.releaseId, ref), _type: 'ReleaseRef', entryId: e.entryId, key, listId: e.listId, seq: e.seq, expiresAt: expiry(now) });
    if (!prior) added++;
    if (member.segment === 'tier' && !prior) tiered++;
  }
  await batchWrite(ctx.tableName, items);
  return { added, tiered };
}

export interface BuildProgress {
  audience: Release['audience'];
  added: number;
}

/**
 * One step of the initial build: reads the lists in order (the variant's, then the
 * product's), a page at a time from where the last step stopped, until `maxEntries` or the
 * end. Returns the new build state for the caller to store.
 */
export async function buildAudienceStep(ctx: AudienceCtx, r: Release, now: Date, maxEntries = 2000, pageSize = 500): Promise<BuildProgress> {
  const lists = ctx.ports.audience.lists(r.productId, r.sku);
  const a = structuredClone(r.audience);
  let added = 0;
  let read = 0;
  while (read < maxEntries && a.buildList < lists.length) {
    const listId = lists[a.buildList]!;
    const page = await ctx.ports.audience.page(r.tenantId, listId, a.lastSeq[listId] ?? -1, pageSize);
    read += page.entries.length;
    const res = await addMembers(ctx, r, page.entries, now);
    added += res.added;
    a.size += res.added;
    a.tiered += res.tiered;
    if (page.lastSeq !== undefined) a.lastSeq[listId] = page.lastSeq;
    if (!page.more || !page.entries.length) a.buildList++;
  }
  a.built = a.buildList >= lists.length;
  return { audience: a, added };
}

/** People who joined after the build: appended after everyone, in the order they joined. */
export async function appendLateMembers(ctx: AudienceCtx, r: Release, now: Date, maxEntries = 1000): Promise<BuildProgress> {
  const a = structuredClone(r.audience);
  let added = 0;
  for (const listId of ctx.ports.audience.lists(r.productId, r.sku)) {
    let more = true;
    while (more && added < maxEntries) {
      const page = await ctx.ports.audience.page(r.tenantId, listId, a.lastSeq[listId] ?? -1, 200);
      if (!page.entries.length) break;
      const res = await addMembers(ctx, r, page.entries, now, { nextSeq: a.late });
      a.late += page.entries.length; // sequence numbers are only ever used once, even for skipped people
      added += res.added;
      a.size += res.added;
      if (page.lastSeq !== undefined) a.lastSeq[listId] = page.lastSeq;
      more = page.more;
    }
  }
  return { audience: a, added };
}

/** The next `limit` audience keys after `after` (exclusive), in order. */
export async function keysAfter(tableName: string, r: Pick<Release, 'tenantId' | 'releaseId'>, after: string | undefined, limit: number): Promise<string[]> {
  const keys: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: after === undefined ? 'pk = :pk' : 'pk = :pk AND sk > :after',
        ExpressionAttributeValues: { ':pk': audiencePk(r.tenantId, r.releaseId), ...(after === undefined ? {} : { ':after': after }) },
        ProjectionExpression: 'sk',
        ConsistentRead: true,
        Limit: Math.min(1000, limit - keys.length),
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) keys.push(String(item.sk));
    start = res.LastEvaluatedKey;
  } while (start && keys.length < limit);
  return keys;
}

/** The audience members from `from` through `through` (inclusive). */
export async function membersBetween(tableName: string, r: Pick<Release, 'tenantId' | 'releaseId'>, from: string, through: string): Promise<AudienceItem[]> {
  const out: AudienceItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :f AND :t',
        ExpressionAttributeValues: { ':pk': audiencePk(r.tenantId, r.releaseId), ':f': from, ':t': through },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) out.push(audienceItemSchema.parse(item));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** An audience member by one of their shopper pseudonyms (order attribution). */
export async function memberByRef(tableName: string, tenantId: string, releaseId: string, refs: string[]): Promise<{ entryId: string; key: string; ref: string; converted?: boolean } | undefined> {
  if (!refs.length) return undefined;
  const found = await batchGet(tableName, refs.map((ref) => refKey(tenantId, releaseId, ref)));
  for (const ref of refs) {
    const k = refKey(tenantId, releaseId, ref);
    const item = found.get(`${k.pk}|${k.sk}`);
    if (item) return { entryId: String(item.entryId), key: String(item.key), ref, converted: item.converted === true };
  }
  return undefined;
}
