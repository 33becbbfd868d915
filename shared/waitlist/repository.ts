import { BatchGetCommand, DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../data/client.js';
import { Store } from '../data/store.js';
import {
  BUCKET_SIZE,
  SUMMARY_SK,
  WaitlistClaim,
  WaitlistEntry,
  WaitlistIndex,
  WaitlistSummary,
  activeSk,
  bucketOf,
  bucketSk,
  channelCounts,
  claimSk,
  contactGsiPk,
  entrySchema,
  entrySkOf,
  listPk,
  pendingSk,
  summarySchema,
  type WaitlistClaim as ClaimT,
  type WaitlistEntry as EntryT,
  type WaitlistSummary as SummaryT,
} from './model.js';
import { positionOf, type BucketCount } from './position.js';

type TxItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** Which transaction items failed their condition (by index), or undefined if it was not a condition failure. */
function failedConditions(error: unknown): number[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reasons = error.CancellationReasons ?? [];
  const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
  return failed.length ? failed : undefined;
}

export type ActivateResult = { status: 'activated'; entry: EntryT } | { status: 'duplicate' } | { status: 'full' } | { status: 'gone' };

/**
 * The waitlist's reads and writes. Every change to who is waiting (activate, remove) is one
 * DynamoDB transaction over the entry, its claims, the list's counters and its bucket
 * counter, so counts and positions are exact at any moment.
 */
export class WaitlistRepository {
  readonly store: Store;
  constructor(readonly tableName: string) {
    this.store = new Store(tableName);
  }

  // ---- reads -------------------------------------------------------------------------

  async summary(tenantId: string, listId: string, consistent = false): Promise<SummaryT | undefined> {
    const res = await dynamo.send(new GetCommand({ TableName: this.tableName, Key: WaitlistSummary.key({ tenantId, listId }), ConsistentRead: consistent }));
    return res.Item ? summarySchema.parse({ tenantId, listId, ...res.Item }) : undefined;
  }

  async entryAt(tenantId: string, listId: string, sk: string): Promise<EntryT | undefined> {
    const res = await dynamo.send(new GetCommand({ TableName: this.tableName, Key: { pk: listPk(tenantId, listId), sk }, ConsistentRead: true }));
    return res.Item && res.Item._type === WaitlistEntry.type ? entrySchema.parse(res.Item) : undefined;
  }

  /** The entry any of these contacts already holds on this list (one person, one entry). */
  async findByContacts(tenantId: string, listId: string, hashes: string[]): Promise<EntryT | undefined> {
    const res = await dynamo.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: hashes.map((hash) => WaitlistClaim.key({ tenantId, listId, hash })), ConsistentRead: true } } }),
    );
    const claims = (res.Responses?.[this.tableName] ?? []).map((c) => WaitlistClaim.schema.parse(c));
    // Unprocessed keys are rare for two small items; read them one by one rather than guess.
    for (const k of (res.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as { pk: string; sk: string }[]) {
      const one = await dynamo.send(new GetCommand({ TableName: this.tableName, Key: k, ConsistentRead: true }));
      if (one.Item) claims.push(WaitlistClaim.schema.parse(one.Item));
    }
    for (const claim of claims) {
      const entry = await this.entryAt(tenantId, listId, claim.entrySk);
      if (entry) return entry;
    }
    return undefined;
  }

  /** Every entry (any list of the tenant) claimed by these contact hashes: a person's own data. */
  async entriesOfContacts(tenantId: string, hashes: string[]): Promise<{ entries: EntryT[]; claims: ClaimT[] }> {
    const claims: ClaimT[] = [];
    for (const hash of new Set(hashes)) {
      for await (const item of this.queryAll({ TableName: this.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': contactGsiPk(tenantId, hash) } })) {
        const parsed = WaitlistClaim.schema.safeParse(item);
        if (parsed.success) claims.push(parsed.data);
      }
    }
    const seen = new Set<string>();
    const entries: EntryT[] = [];
    for (const c of claims) {
      const id = `${c.listId}|${c.entrySk}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const entry = await this.entryAt(tenantId, c.listId, c.entrySk);
      if (entry) entries.push(entry);
    }
    return { entries, claims };
  }

  async *queryAll(input: QueryCommandInput): AsyncGenerator<Record<string, unknown>> {
    let start: Record<string, unknown> | undefined;
    do {
      const res = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      for (const item of res.Items ?? []) yield item;
      start = res.LastEvaluatedKey;
    } while (start);
  }

  /** Bucket counters of a list, optionally only those below `belowBucket`. */
  async buckets(tenantId: string, listId: string, opts: { belowBucket?: number; fromBucket?: number; consistent?: boolean } = {}): Promise<BucketCount[]> {
    const from = bucketSk(opts.fromBucket ?? 0);
    const to = opts.belowBucket === undefined ? 'B#~' : bucketSk(opts.belowBucket - 1);
    if (opts.belowBucket !== undefined && opts.belowBucket <= (opts.fromBucket ?? 0)) return [];
    const out: BucketCount[] = [];
    for await (const item of this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': listPk(tenantId, listId), ':from': from, ':to': to },
      ProjectionExpression: 'sk, n',
      ConsistentRead: opts.consistent,
    })) {
      out.push({ bucket: Number(String(item.sk).slice(2)), n: Number(item.n ?? 0) });
    }
    return out;
  }

  /** Live 1-based rank of the active entry with this sequence among the list's active entries. */
  async position(tenantId: string, listId: string, seq: number): Promise<number> {
    const own = bucketOf(seq);
    const [lower, inOwn] = await Promise.all([
      this.buckets(tenantId, listId, { belowBucket: own, consistent: true }),
      this.countActive(tenantId, listId, own * BUCKET_SIZE, seq),
    ]);
    return positionOf(seq, lower, inOwn);
  }

  private async countActive(tenantId: string, listId: string, fromSeq: number, toSeq: number): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const res = await dynamo.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': listPk(tenantId, listId), ':from': activeSk(fromSeq), ':to': activeSk(toSeq) },
          Select: 'COUNT',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      count += res.Count ?? 0;
      start = res.LastEvaluatedKey;
    } while (start);
    return count;
  }

  /** A page of active entries in join order, optionally within a sequence range. */
  async pageActive(tenantId: string, listId: string, opts: { fromSeq?: number; toSeq?: number; limit?: number; cursor?: Record<string, unknown> } = {}) {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': listPk(tenantId, listId), ':from': activeSk(opts.fromSeq ?? 0), ':to': opts.toSeq === undefined ? 'Q#~' : activeSk(opts.toSeq) },
        Limit: opts.limit ?? 200,
        ExclusiveStartKey: opts.cursor,
      }),
    );
    return { entries: (res.Items ?? []).map((i) => entrySchema.parse(i)), cursor: res.LastEvaluatedKey };
  }

  /** A page of entries waiting for confirmation. */
  async pagePending(tenantId: string, listId: string, opts: { limit?: number; cursor?: Record<string, unknown> } = {}) {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': listPk(tenantId, listId), ':p': 'P#' },
        Limit: opts.limit ?? 50,
        ExclusiveStartKey: opts.cursor,
      }),
    );
    // TTL deletes lazily: hide what has already expired.
    const now = Date.now() / 1000;
    return { entries: (res.Items ?? []).filter((i) => !(typeof i.expiresAt === 'number' && i.expiresAt < now)).map((i) => entrySchema.parse(i)), cursor: res.LastEvaluatedKey };
  }

  // ---- writes ------------------------------------------------------------------------

  /** The next join sequence of a list (an atomic counter; gaps are harmless). */
  async allocateSeq(tenantId: string, listId: string): Promise<number> {
    const res = await dynamo.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: WaitlistSummary.key({ tenantId, listId }),
        UpdateExpression: 'ADD #seq :one SET #type = :type, tenantId = :t, listId = :l',
        ExpressionAttributeNames: { '#seq': 'seq', '#type': '_type' },
        ExpressionAttributeValues: { ':one': 1, ':type': WaitlistSummary.type, ':t': tenantId, ':l': listId },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(res.Attributes?.seq);
  }

  private claimItems(entry: EntryT, sk: string, expiresAt: number | undefined, condition: { pendingSk?: string }): TxItem[] {
    return entry.contactHashes.map((hash) => {
      const claim = { tenantId: entry.tenantId, listId: entry.listId, hash, entryId: entry.entryId, entrySk: sk };
      return {
        Put: {
          TableName: this.tableName,
          Item: this.store.toRecord(WaitlistClaim, claim, WaitlistClaim.schema.parse(claim) as Record<string, unknown>, expiresAt),
          ConditionExpression: condition.pendingSk ? 'attribute_not_exists(pk) OR entrySk = :psk' : 'attribute_not_exists(pk)',
          ...(condition.pendingSk ? { ExpressionAttributeValues: { ':psk': condition.pendingSk } } : {}),
        },
      };
    });
  }

  /** Stores an unconfirmed entry with its claims; both vanish by TTL unless confirmed. */
  async createPending(entry: EntryT, expiresAt: number): Promise<'created' | 'duplicate'> {
    const sk = pendingSk(entry.entryId);
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: this.store.toRecord(WaitlistEntry, entry, entrySchema.parse(entry) as Record<string, unknown>, expiresAt), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...this.claimItems(entry, sk, expiresAt, {}),
          ],
        }),
      );
      return 'created';
    } catch (error) {
      if (failedConditions(error)) return 'duplicate';
      throw error;
    }
  }

  /**
   * Puts an entry in line with sequence `seq`: the entry, its claims, the list counters (with
   * the cap as a condition), its bucket counter and the tenant's list index, all or nothing.
   * From a pending entry, the pending item is removed in the same transaction.
   */
  async activate(pendingOrNew: EntryT, seq: number, now: Date, opts: { cap?: number; reviewAt: string; fromPending: boolean }): Promise<ActivateResult> {
    const at = now.toISOString();
    // An active entry never expires by TTL: it leaves the line only through removeActive, which keeps the counters right.
    const { expiresAt: _ttl, ...rest } = pendingOrNew;
    const entry: EntryT = { ...rest, status: 'active', seq, activatedAt: at, reviewAt: opts.reviewAt };
    const sk = activeSk(seq);
    const { email, sms } = channelCounts(entry);
    const summaryValues: Record<string, unknown> = { ':one': 1, ':e': email, ':s': sms, ':now': at, ':pid': entry.productId, ':t': entry.tenantId, ':l': entry.listId, ':type': WaitlistSummary.type };
    if (opts.cap !== undefined) summaryValues[':cap'] = opts.cap;
    if (entry.sku) summaryValues[':sku'] = entry.sku;
    const index = { tenantId: entry.tenantId, listId: entry.listId, productId: entry.productId, ...(entry.sku ? { sku: entry.sku } : {}) };
    const items: TxItem[] = [
      { Put: { TableName: this.tableName, Item: this.store.toRecord(WaitlistEntry, entry, entrySchema.parse(entry) as Record<string, unknown>), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...this.claimItems(entry, sk, undefined, opts.fromPending ? { pendingSk: pendingSk(entry.entryId) } : {}),
      {
        Update: {
          TableName: this.tableName,
          Key: WaitlistSummary.key(entry),
          UpdateExpression: `ADD active :one, email :e, sms :s SET lastActivatedAt = :now, productId = :pid, tenantId = :t, listId = :l, #type = :type${entry.sku ? ', sku = :sku' : ''}`,
          ConditionExpression: opts.cap !== undefined ? 'attribute_not_exists(active) OR active < :cap' : undefined,
          ExpressionAttributeNames: { '#type': '_type' },
          ExpressionAttributeValues: summaryValues,
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: listPk(entry.tenantId, entry.listId), sk: bucketSk(bucketOf(seq)) },
          UpdateExpression: 'ADD n :one SET #type = :type',
          ExpressionAttributeNames: { '#type': '_type' },
          ExpressionAttributeValues: { ':one': 1, ':type': 'WaitlistBucket' },
        },
      },
      { Put: { TableName: this.tableName, Item: this.store.toRecord(WaitlistIndex, index, WaitlistIndex.schema.parse(index) as Record<string, unknown>) } },
    ];
    const summaryIndex = 1 + entry.contactHashes.length;
    if (opts.fromPending) {
      items.push({ Delete: { TableName: this.tableName, Key: { pk: listPk(entry.tenantId, entry.listId), sk: pendingSk(entry.entryId) }, ConditionExpression: 'attribute_exists(pk)' } });
    }
    try {
      await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
      return { status: 'activated', entry };
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed) throw error;
      if (opts.fromPending && failed.includes(items.length - 1)) return { status: 'gone' };
      // A claim held by someone else wins over a full list: an identical repeat is answered, not refused.
      if (failed.some((i) => i < summaryIndex)) return { status: 'duplicate' };
      return failed.includes(summaryIndex) ? { status: 'full' } : { status: 'duplicate' };
    }
  }

  /** Takes an active entry out of line (cancel, expiry, erasure), counters and claims included. */
  async removeActive(entry: EntryT): Promise<boolean> {
    if (entry.status !== 'active' || entry.seq === undefined) return this.removePending(entry);
    const { email, sms } = channelCounts(entry);
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: this.tableName, Key: { pk: listPk(entry.tenantId, entry.listId), sk: activeSk(entry.seq) }, ConditionExpression: 'attribute_exists(pk)' } },
            ...entry.contactHashes.map((hash) => ({ Delete: { TableName: this.tableName, Key: WaitlistClaim.key({ tenantId: entry.tenantId, listId: entry.listId, hash }) } })),
            {
              Update: {
                TableName: this.tableName,
                Key: WaitlistSummary.key(entry),
                UpdateExpression: 'ADD active :m, email :e, sms :s',
                ExpressionAttributeValues: { ':m': -1, ':e': -email, ':s': -sms },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: listPk(entry.tenantId, entry.listId), sk: bucketSk(bucketOf(entry.seq)) },
                UpdateExpression: 'ADD n :m',
                ExpressionAttributeValues: { ':m': -1 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (failedConditions(error)) return false;
      throw error;
    }
  }

  async removePending(entry: EntryT): Promise<boolean> {
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: this.tableName, Key: { pk: listPk(entry.tenantId, entry.listId), sk: pendingSk(entry.entryId) }, ConditionExpression: 'attribute_exists(pk)' } },
            ...entry.contactHashes.map((hash) => ({
              Delete: {
                TableName: this.tableName,
                Key: WaitlistClaim.key({ tenantId: entry.tenantId, listId: entry.listId, hash }),
                ConditionExpression: 'attribute_not_exists(pk) OR entrySk = :sk',
                ExpressionAttributeValues: { ':sk': pendingSk(entry.entryId) },
              },
            })),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (failedConditions(error)) return false;
      throw error;
    }
  }

  /** Records a step-2 update sent under `campaignId` (once per campaign, whatever retries do). */
  async markUpdate(entry: EntryT, campaignId: string, now: Date): Promise<void> {
    await this.conditionalUpdate(
      entry,
      'SET lastUpdateAt = :now, lastMessageAt = :now, lastCampaign = :c ADD updatesSent :one',
      '(attribute_not_exists(lastCampaign) OR lastCampaign <> :c)',
      { ':now': now.toISOString(), ':c': campaignId, ':one': 1 },
    );
  }

  async markMessage(entry: EntryT, now: Date): Promise<void> {
    await this.conditionalUpdate(entry, 'SET lastMessageAt = :now', undefined, { ':now': now.toISOString() });
  }

  async markStillInterestedAsked(entry: EntryT, keepUntil: string, now: Date): Promise<void> {
    await this.conditionalUpdate(entry, 'SET keepUntil = :k, lastMessageAt = :now', 'attribute_not_exists(keepUntil)', { ':k': keepUntil, ':now': now.toISOString() });
  }

  /** "Keep my place": a fresh review date, and the pending expiry lifted. */
  async keep(entry: EntryT, reviewAt: string): Promise<void> {
    await this.conditionalUpdate(entry, 'SET reviewAt = :r REMOVE keepUntil', undefined, { ':r': reviewAt });
  }

  /** Channel preferences; the list's by-channel counters move with them. */
  async setChannels(entry: EntryT, channels: EntryT['channels']): Promise<void> {
    const before = channelCounts(entry);
    const after = channelCounts({ channels });
    const key = { pk: listPk(entry.tenantId, entry.listId), sk: entrySkOf(entry) };
    const items: TxItem[] = [
      { Update: { TableName: this.tableName, Key: key, UpdateExpression: 'SET channels = :c', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':c': channels } } },
    ];
    if (entry.status === 'active' && (before.email !== after.email || before.sms !== after.sms)) {
      items.push({
        Update: { TableName: this.tableName, Key: WaitlistSummary.key(entry), UpdateExpression: 'ADD email :e, sms :s', ExpressionAttributeValues: { ':e': after.email - before.email, ':s': after.sms - before.sms } },
      });
    }
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
  }

  private async conditionalUpdate(entry: EntryT, update: string, condition: string | undefined, values: Record<string, unknown>): Promise<boolean> {
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: listPk(entry.tenantId, entry.listId), sk: entrySkOf(entry) },
          UpdateExpression: update,
          ConditionExpression: ['attribute_exists(pk)', condition].filter(Boolean).join(' AND '),
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Sets a summary timestamp (fan-out bookkeeping). */
  async touchSummary(tenantId: string, listId: string, field: 'lastEtaFanOutAt' | 'lastSweepAt', at: string): Promise<void> {
    await dynamo.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: WaitlistSummary.key({ tenantId, listId }),
        UpdateExpression: 'SET #f = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#f': field },
        ExpressionAttributeValues: { ':at': at },
      }),
    ).catch((error) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
  }

  /** The tenant's lists (admin overview), one page. */
  async pageLists(tenantId: string, opts: { limit?: number; cursor?: string } = {}) {
    return this.store.page(WaitlistIndex, { pk: WaitlistIndex.key({ tenantId, listId: 'sku:x' }).pk, limit: opts.limit ?? 50, cursor: opts.cursor });
  }

  async summaries(tenantId: string, listIds: string[]): Promise<Map<string, SummaryT>> {
    const out = new Map<string, SummaryT>();
    for (let i = 0; i < listIds.length; i += 100) {
      let keys: Record<string, unknown>[] = listIds.slice(i, i + 100).map((listId) => WaitlistSummary.key({ tenantId, listId }));
      for (let attempt = 0; keys.length && attempt < 8; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
        const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }));
        for (const item of res.Responses?.[this.tableName] ?? []) {
          const s = summarySchema.parse(item);
          out.set(s.listId, s);
        }
        keys = (res.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
    return out;
  }

  /** Drops a list from the indexes once nobody waits on it (the summary must still say 0). */
  async unindexIfEmpty(tenantId: string, listId: string): Promise<boolean> {
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: this.tableName, Key: WaitlistSummary.key({ tenantId, listId }), ConditionExpression: 'attribute_not_exists(active) OR active <= :z', ExpressionAttributeValues: { ':z': 0 } } },
            { Delete: { TableName: this.tableName, Key: WaitlistIndex.key({ tenantId, listId }) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (failedConditions(error)) return false;
      throw error;
    }
  }

  async deleteKey(key: { pk: string; sk: string }): Promise<void> {
    await dynamo.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
  }
}

export { SUMMARY_SK, claimSk };
