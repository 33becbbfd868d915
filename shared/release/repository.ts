import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../data/client.js';
import { Store } from '../data/store.js';
import { Release, activeReleaseKey, type Release as ReleaseT } from './model.js';

/** Marks a field for removal in `updateRelease`. */
export const REMOVE = Symbol('remove');

export async function getRelease(tableName: string, tenantId: string, releaseId: string): Promise<ReleaseT | undefined> {
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: Release.key({ tenantId, releaseId }), ConsistentRead: true }));
  return res.Item ? (Release.schema.parse(res.Item) as ReleaseT) : undefined;
}

export async function putRelease(tableName: string, r: ReleaseT): Promise<boolean> {
  return new Store(tableName).put(Release, r, { ifNotExists: true });
}

/**
 * Sets the given top-level fields of a release (never a whole-item put: the order consumer
 * adds conversions to the same item concurrently), under a condition. False if the
 * condition failed — the caller re-reads and decides again.
 */
export async function updateRelease(
  tableName: string,
  key: { tenantId: string; releaseId: string },
  fields: Record<string, unknown>,
  condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
): Promise<boolean> {
  const names: Record<string, string> = { ...(condition?.names ?? {}) };
  const values: Record<string, unknown> = { ...(condition?.values ?? {}) };
  const sets: string[] = [];
  const removes: string[] = [];
  let i = 0;
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const n = `#f${i}`;
    names[n] = field;
    if (value === REMOVE) removes.push(n);
    else {
      values[`:v${i}`] = value;
      sets.push(`${n} = :v${i}`);
    }
    i++;
  }
  if (!sets.length && !removes.length) return true;
  const update = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' ');
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: Release.key(key),
        UpdateExpression: update,
        ConditionExpression: ['attribute_exists(pk)', condition?.expression].filter(Boolean).join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The variant's running release, if any. */
export async function activeReleaseOf(tableName: string, tenantId: string, sku: string): Promise<string | undefined> {
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: activeReleaseKey(tenantId, sku), ConsistentRead: true }));
  return res.Item?.releaseId as string | undefined;
}

export async function clearActive(tableName: string, tenantId: string, sku: string, releaseId: string): Promise<void> {
  try {
    await dynamo.send(
      new DeleteCommand({ TableName: tableName, Key: activeReleaseKey(tenantId, sku), ConditionExpression: 'releaseId = :r', ExpressionAttributeValues: { ':r': releaseId } }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
