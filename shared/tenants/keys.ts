import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import type { Store } from '../data/store.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { generateKey, type KeyKind } from './api-keys.js';
import { ApiKeyRecord as BaseApiKeyRecord } from './model.js';

/** Longest grace period a rotated key keeps working: one day. */
export const MAX_GRACE_SECONDS = 86_400;

/**
 * The key record as key management sees it: the base record plus `expiresAt` (epoch
 * seconds), set on a key rotated with a grace period. It is also the table's TTL attribute,
 * so DynamoDB removes the record some time after it expires; `authenticate` refuses it from
 * the exact second on, since TTL deletion is lazy.
 */
export const ApiKey = {
  ...BaseApiKeyRecord,
  schema: BaseApiKeyRecord.schema.extend({ expiresAt: z.number().int().positive().optional() }),
};
export type ApiKey = z.infer<typeof ApiKey.schema>;

/** What the API shows of a key: never its hash. */
export const apiKeyViewSchema = z
  .object({
    keyId: z.string(),
    kind: z.enum(['admin', 'publishable']),
    label: z.string(),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().optional(),
    expiresAt: z.iso.datetime().optional().meta({ description: 'A rotated key keeps working until then (its grace period).' }),
    active: z.boolean(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

const nowSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

export function isActive(k: ApiKey, now = new Date()): boolean {
  return !k.revokedAt && (k.expiresAt === undefined || k.expiresAt > nowSeconds(now));
}

export function viewOf(k: ApiKey, now = new Date()): ApiKeyView {
  return {
    keyId: k.keyId,
    kind: k.kind,
    label: k.label,
    createdAt: k.createdAt,
    revokedAt: k.revokedAt,
    expiresAt: k.expiresAt === undefined ? undefined : new Date(k.expiresAt * 1000).toISOString(),
    active: isActive(k, now),
  };
}

export async function listKeys(store: Store, tenantId: string): Promise<ApiKey[]> {
  const keys: ApiKey[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.page(ApiKey, { pk: tenantKey(tenantId), skPrefix: 'APIKEY#', limit: 100, cursor });
    keys.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return keys;
}

async function getKey(store: Store, tenantId: string, keyId: string): Promise<ApiKey> {
  const key = await store.get(ApiKey, { tenantId, keyId }, true);
  if (!key) throw new NotFoundError('API key');
  return key;
}

/** Issues a key; the full secret is in this answer only (only its hash is stored). */
export async function issueKey(store: Store, tenantId: string, kind: KeyKind, label = '', now = new Date()): Promise<{ key: ApiKeyView; secret: string }> {
  const generated = generateKey(kind, tenantId);
  const record: ApiKey = { tenantId, keyId: generated.keyId, kind, label, secretHash: generated.secretHash, createdAt: now.toISOString() };
  if (!(await store.put(ApiKey, record, { ifNotExists: true }))) throw new ConflictError('Key id collision; retry');
  return { key: viewOf(record, now), secret: generated.key };
}

/** A key that keeps the tenant administrable: an admin key, not revoked, not on its way out. */
const lastingAdmin = (k: ApiKey) => k.kind === 'admin' && !k.revokedAt && k.expiresAt === undefined;

/**
 * Revokes a key at once (the authorizer reads the key on every request, no caching).
 * Revoking the tenant's last lasting admin key is refused with 409: the tenant would lock
 * itself out. That check is part of the same transaction (a condition on another admin
 * key), so two concurrent revocations cannot both pass it. Revoking a revoked key is a no-op.
 */
export async function revokeKey(store: Store, tenantId: string, keyId: string, now = new Date()): Promise<ApiKeyView> {
  for (let attempt = 0; ; attempt++) {
    const key = await getKey(store, tenantId, keyId);
    if (key.revokedAt) return viewOf(key, now);
    const revoke = {
      TableName: store.tableName,
      Key: ApiKey.key({ tenantId, keyId }),
      UpdateExpression: 'SET revokedAt = :now',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
      ExpressionAttributeValues: { ':now': now.toISOString() },
    };
    try {
      if (!lastingAdmin(key)) await dynamo.send(new UpdateCommand(revoke));
      else {
        const other = (await listKeys(store, tenantId)).find((k) => k.keyId !== keyId && lastingAdmin(k));
        if (!other) throw new ConflictError('This is the last active admin key of the tenant; issue another admin key before revoking it');
        await dynamo.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: revoke },
              {
                ConditionCheck: {
                  TableName: store.tableName,
                  Key: ApiKey.key({ tenantId, keyId: other.keyId }),
                  ConditionExpression: 'attribute_not_exists(revokedAt) AND attribute_not_exists(expiresAt)',
                },
              },
            ],
          }),
        );
      }
      return viewOf({ ...key, revokedAt: now.toISOString() }, now);
    } catch (error) {
      // Someone else revoked this key or the other one meanwhile: look again.
      if ((error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException) && attempt < 5) continue;
      throw error;
    }
  }
}

/**
 * Replaces a key with a new one of the same kind and label. Without a grace period the old
 * key is revoked at once; with one, it keeps working until `expiresAt` and then stops
 * (a rotated key cannot be rotated again). Both writes are one transaction.
 */
export async function rotateKey(
  store: Store,
  tenantId: string,
  keyId: string,
  graceSeconds = 0,
  now = new Date(),
): Promise<{ key: ApiKeyView; secret: string; previous: ApiKeyView }> {
  const old = await getKey(store, tenantId, keyId);
  if (!isActive(old, now)) throw new ConflictError('Only an active key can be rotated');
  if (old.expiresAt !== undefined) throw new ConflictError('This key was already rotated; it expires at the end of its grace period');
  const generated = generateKey(old.kind, tenantId);
  const fresh: ApiKey = { tenantId, keyId: generated.keyId, kind: old.kind, label: old.label, secretHash: generated.secretHash, createdAt: now.toISOString() };
  const previous: ApiKey = graceSeconds > 0 ? { ...old, expiresAt: nowSeconds(now) + graceSeconds } : { ...old, revokedAt: now.toISOString() };
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: store.tableName, Item: store.toRecord(ApiKey, fresh, fresh), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: store.tableName,
              Key: ApiKey.key({ tenantId, keyId }),
              UpdateExpression: graceSeconds > 0 ? 'SET expiresAt = :v' : 'SET revokedAt = :v',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt) AND attribute_not_exists(expiresAt)',
              ExpressionAttributeValues: { ':v': graceSeconds > 0 ? previous.expiresAt : previous.revokedAt },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new ConflictError('The key changed meanwhile (revoked or rotated); look again');
    throw error;
  }
  return { key: viewOf(fresh, now), secret: generated.key, previous: viewOf(previous, now) };
}
