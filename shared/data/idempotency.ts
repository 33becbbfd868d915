import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamo } from './client.js';
import { tenantKey } from './entity.js';

const DAY = 86_400;

/**
 * Runs `fn` at most once per (tenant, scope, id): a conditional write claims the id first.
 * If `fn` throws, the claim is released so the platform's retry can run it again; if it
 * succeeded earlier, the repeat returns `undefined` without running. Used by every event
 * consumer (scope = consumer name, id = eventId) and by idempotent HTTP writes.
 */
export async function once<T>(
  tableName: string,
  key: { tenantId: string; scope: string; id: string },
  fn: () => Promise<T>,
  ttlDays = 7,
): Promise<{ ran: true; result: T } | { ran: false; result?: T }> {
  const Key = { pk: tenantKey(key.tenantId, 'IDEMP', key.scope, key.id), sk: 'IDEMP' };
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...Key, _type: 'Idempotency', expiresAt: Math.floor(Date.now() / 1000) + ttlDays * DAY },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      // A repeat: answer what the first run answered (if it finished and was small enough).
      const prior = await dynamo.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
      return { ran: false, result: prior.Item?.result ? (JSON.parse(prior.Item.result as string) as T) : undefined };
    }
    throw error;
  }
  try {
    const result = await fn();
    const text = result === undefined ? undefined : JSON.stringify(result);
    if (text && text.length < 100_000) {
      await dynamo.send(new UpdateCommand({ TableName: tableName, Key, UpdateExpression: 'SET #r = :r', ExpressionAttributeNames: { '#r': 'result' }, ExpressionAttributeValues: { ':r': text } }));
    }
    return { ran: true, result };
  } catch (error) {
    await dynamo.send(new DeleteCommand({ TableName: tableName, Key }));
    throw error;
  }
}
