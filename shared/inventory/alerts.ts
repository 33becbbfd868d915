import { PutCommand, QueryCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';

/**
 * Claims the right to alert about a variant: at most once per window. A conditional write on
 * one item per (tenant, SKU) makes the throttle exact under concurrent deliveries.
 */
export async function claimAlertWindow(tableName: string, tenantId: string, sku: string, windowHours: number, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - windowHours * 3_600_000).toISOString();
  try {
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: tenantKey(tenantId, 'ALERT', sku), sk: 'LOWSTOCK', _type: 'AlertThrottle', sentAt: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + Math.ceil(windowHours * 3600) + 86_400 },
        ConditionExpression: 'attribute_not_exists(pk) OR sentAt < :windowStart',
        ExpressionAttributeValues: { ':windowStart': windowStart },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export type DigestKind = 'low-stock' | 'reorder';

export interface DigestEntry {
  kind: DigestKind;
  sku: string;
  productId: string;
  title: string;
  line: string;
}

/**
 * The merchant's daily digest: entries collected during the day under the tenant and date,
 * plus one sweep marker per (date, tenant) in the shared index so the daily schedule finds
 * the tenants with something to send. The marker holds no tenant data beyond its id.
 */
export const digestDay = (d: Date) => d.toISOString().slice(0, 10);

export async function addDigestEntry(tableName: string, tenantId: string, entry: DigestEntry, now = new Date()): Promise<void> {
  const date = digestDay(now);
  const expiresAt = Math.floor(now.getTime() / 1000) + 7 * 86_400;
  await dynamo.send(new PutCommand({ TableName: tableName, Item: { pk: tenantKey(tenantId, 'DIGEST', date), sk: `${entry.kind}#${entry.sku}`, _type: 'DigestEntry', ...entry, at: now.toISOString(), expiresAt } }));
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: { pk: tenantKey(tenantId, 'DIGEST', date), sk: '#MARKER', _type: 'DigestMarker', gsi1pk: `SWEEP#DIGEST#${date}`, gsi1sk: tenantId, tenantId, expiresAt },
    }),
  );
}

export async function tenantsWithDigest(tableName: string, date: string): Promise<string[]> {
  const out: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(
      new QueryCommand({ TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `SWEEP#DIGEST#${date}` }, ExclusiveStartKey: start }),
    );
    for (const i of res.Items ?? []) out.push(i.tenantId as string);
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

export async function digestEntries(tableName: string, tenantId: string, date: string): Promise<DigestEntry[]> {
  const res = await dynamo.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :p AND sk > :m', ExpressionAttributeValues: { ':p': tenantKey(tenantId, 'DIGEST', date), ':m': '#MARKER' } }),
  );
  return (res.Items ?? []) as DigestEntry[];
}

export async function clearDigestMarker(tableName: string, tenantId: string, date: string): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName: tableName, Key: { pk: tenantKey(tenantId, 'DIGEST', date), sk: '#MARKER' } }));
}

export function renderDigest(shopName: string, date: string, entries: DigestEntry[]): { subject: string; text: string } {
  const low = entries.filter((e) => e.kind === 'low-stock');
  const reorder = entries.filter((e) => e.kind === 'reorder');
  const parts = [`Hello ${shopName},`, '', `your Restock digest for ${date}.`];
  if (low.length) parts.push('', `Low stock (${low.length}):`, ...low.map((e) => `- ${e.line}`));
  if (reorder.length) parts.push('', `Reorder suggestions (${reorder.length}):`, ...reorder.map((e) => `- ${e.line}`));
  return { subject: `${shopName}: ${low.length} low-stock, ${reorder.length} to reorder (${date})`, text: parts.join('\n') + '\n' };
}
