import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { z } from 'zod';
import { dynamo } from './client.js';
import type { EntityDef } from './entity.js';
import { BadRequestError } from '../errors.js';

/** The one data-access layer: entity-typed reads and writes over the single table. */
export class Store {
  constructor(readonly tableName: string) {}

  keyOf<S extends z.ZodObject, K>(entity: EntityDef<S, K>, k: K) {
    return entity.key(k);
  }

  /** Writes an item; with `ifNotExists`, returns false instead of overwriting. */
  async put<S extends z.ZodObject, K>(
    entity: EntityDef<S, K>,
    item: z.infer<S> & K,
    opts: { ifNotExists?: boolean; expiresAt?: number } = {},
  ): Promise<boolean> {
    const parsed = entity.schema.parse(item) as Record<string, unknown>;
    const record = this.toRecord(entity, item, parsed, opts.expiresAt);
    try {
      await dynamo.send(
        new PutCommand({
          TableName: this.tableName,
          Item: record,
          ConditionExpression: opts.ifNotExists ? 'attribute_not_exists(pk)' : undefined,
        }),
      );
      return true;
    } catch (error) {
      if (opts.ifNotExists && error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Puts several entities atomically (all or none), each optionally only if new. */
  async putAll(items: { entity: EntityDef<z.ZodObject, any>; item: Record<string, unknown>; ifNotExists?: boolean }[]): Promise<void> {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: items.map(({ entity, item, ifNotExists }) => ({
          Put: {
            TableName: this.tableName,
            Item: this.toRecord(entity, item, entity.schema.parse(item) as Record<string, unknown>),
            ConditionExpression: ifNotExists ? 'attribute_not_exists(pk)' : undefined,
          },
        })),
      }),
    );
  }

  toRecord<S extends z.ZodObject, K>(entity: EntityDef<S, K>, k: K, parsed: Record<string, unknown>, expiresAt?: number) {
    return {
      ...parsed,
      ...entity.key(k),
      ...(entity.gsi1?.(parsed as z.infer<S>) ?? {}),
      _type: entity.type,
      ...(expiresAt ? { expiresAt } : {}),
    };
  }

  async get<S extends z.ZodObject, K>(entity: EntityDef<S, K>, k: K, consistent = false): Promise<z.infer<S> | undefined> {
    const res = await dynamo.send(new GetCommand({ TableName: this.tableName, Key: entity.key(k), ConsistentRead: consistent }));
    return res.Item ? (entity.schema.parse(res.Item) as z.infer<S>) : undefined;
  }

  async delete<S extends z.ZodObject, K>(entity: EntityDef<S, K>, k: K): Promise<void> {
    await dynamo.send(new DeleteCommand({ TableName: this.tableName, Key: entity.key(k) }));
  }

  /**
   * One page of items of an entity under a partition, with an opaque cursor. Cursors are the
   * DynamoDB LastEvaluatedKey, base64url-encoded; a cursor from another partition is refused
   * so it cannot be used to read across tenants.
   */
  async page<S extends z.ZodObject>(
    entity: { type: string; schema: S },
    query: { pk: string; skPrefix?: string; index?: 'gsi1'; limit?: number; cursor?: string; forward?: boolean },
  ): Promise<{ items: z.infer<S>[]; cursor?: string }> {
    const pkName = query.index ? 'gsi1pk' : 'pk';
    const skName = query.index ? 'gsi1sk' : 'sk';
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: query.index,
      KeyConditionExpression: query.skPrefix ? '#pk = :pk AND begins_with(#sk, :sk)' : '#pk = :pk',
      ExpressionAttributeNames: query.skPrefix ? { '#pk': pkName, '#sk': skName } : { '#pk': pkName },
      ExpressionAttributeValues: query.skPrefix ? { ':pk': query.pk, ':sk': query.skPrefix } : { ':pk': query.pk },
      Limit: query.limit ?? 50,
      ScanIndexForward: query.forward ?? true,
      ExclusiveStartKey: query.cursor ? decodeCursor(query.cursor, pkName, query.pk) : undefined,
    };
    const res = await dynamo.send(new QueryCommand(input));
    return {
      items: (res.Items ?? []).map((i) => entity.schema.parse(i) as z.infer<S>),
      cursor: res.LastEvaluatedKey ? encodeCursor(res.LastEvaluatedKey) : undefined,
    };
  }
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, pkName: string, pk: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (key[pkName] !== pk) throw new Error('cursor from another listing');
    return key;
  } catch {
    throw new BadRequestError('Invalid cursor', [{ field: 'cursor', reason: 'not a cursor returned by this listing' }]);
  }
}
