import { BatchGetCommand, DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import { addressHash, type UnsubscribeScope } from './links.js';
import { recipientPk } from './ledger.js';
import type { Channel } from './types.js';

/**
 * The suppression list: who must not be contacted on a channel, and why. Two kinds of
 * entry, both per tenant and per channel:
 * - by address hash (bounces, complaints, unsubscribes): follows the address even when it
 *   comes back under another recipient id (a new waitlist sign-up);
 * - by recipient id (unsubscribes): follows the person even if their address changes.
 * Addresses are stored only as hashes (links.ts `addressHash`), so the list can outlive a
 * GDPR erasure and still honour the opt-out, without keeping the address.
 *
 * Bounces and complaints block every message; unsubscribes block marketing only (a double
 * opt-in confirmation the person just asked for is still sent).
 */
export type SuppressionReason = 'bounce' | 'complaint' | 'unsubscribe' | 'manual';

export interface SuppressionEntry {
  reason: SuppressionReason;
  at: string;
  source?: string;
}

const sk = (channel: Channel) => `SUPP#${channel}`;
const addressPk = (tenantId: string, hash: string) => tenantKey(tenantId, 'SUPP', hash);

export const channelsOf = (scope: UnsubscribeScope): Channel[] => (scope === 'all' ? ['email', 'sms'] : [scope]);

export function suppressionKeys(tenantId: string, channel: Channel, recipientId: string, address: string | undefined) {
  return {
    recipient: { pk: recipientPk(tenantId, recipientId), sk: sk(channel) },
    address: address ? { pk: addressPk(tenantId, addressHash(channel, address)), sk: sk(channel) } : undefined,
  };
}

/** Blocks a verdict only a hard fact (bounce, complaint) or an opt-out can give. */
export function blocks(entry: SuppressionEntry | undefined, kind: 'marketing' | 'transactional'): boolean {
  if (!entry) return false;
  return kind === 'marketing' || entry.reason === 'bounce' || entry.reason === 'complaint';
}

export async function suppressAddress(tableName: string, tenantId: string, channel: Channel, hash: string, entry: SuppressionEntry): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: { pk: addressPk(tenantId, hash), sk: sk(channel), _type: 'Suppression', tenantId, channel, ...entry },
      // A bounce or complaint is never downgraded to an unsubscribe by a later opt-out.
      ConditionExpression: 'attribute_not_exists(pk) OR NOT (reason IN (:b, :c)) OR :reason IN (:b, :c)',
      ExpressionAttributeValues: { ':b': 'bounce', ':c': 'complaint', ':reason': entry.reason },
    }),
  ).catch((error: Error) => {
    if (error.name !== 'ConditionalCheckFailedException') throw error;
  });
}

export async function suppressRecipient(tableName: string, tenantId: string, channel: Channel, recipientId: string, entry: SuppressionEntry): Promise<void> {
  await dynamo.send(
    new PutCommand({ TableName: tableName, Item: { pk: recipientPk(tenantId, recipientId), sk: sk(channel), _type: 'Suppression', tenantId, channel, recipientId, ...entry } }),
  );
}

/** Records an unsubscribe for the person (and their address, when the token carries its hash). */
export async function unsubscribe(
  tableName: string,
  claims: { tenantId: string; recipientId: string; scope: UnsubscribeScope; addressHash?: string },
  source: string,
  now = new Date(),
): Promise<Channel[]> {
  const channels = channelsOf(claims.scope);
  const entry: SuppressionEntry = { reason: 'unsubscribe', at: now.toISOString(), source };
  await Promise.all(
    channels.flatMap((channel) => [
      suppressRecipient(tableName, claims.tenantId, channel, claims.recipientId, entry),
      // The hash is salted with its channel, so under another channel it simply never matches.
      ...(claims.addressHash ? [suppressAddress(tableName, claims.tenantId, channel, claims.addressHash, entry)] : []),
    ]),
  );
  return channels;
}

/**
 * Lifts an opt-out the person themselves gave ("I clicked by mistake", preference page).
 * Never lifts a bounce or a complaint. `addressHash` as carried by the unsubscribe token.
 */
export async function resubscribe(tableName: string, claims: { tenantId: string; recipientId: string; scope: UnsubscribeScope; addressHash?: string }): Promise<void> {
  const keys = channelsOf(claims.scope).flatMap((channel) => [
    { pk: recipientPk(claims.tenantId, claims.recipientId), sk: sk(channel) },
    ...(claims.addressHash ? [{ pk: addressPk(claims.tenantId, claims.addressHash), sk: sk(channel) }] : []),
  ]);
  for (const Key of keys) {
    await dynamo
      .send(new DeleteCommand({ TableName: tableName, Key, ConditionExpression: 'reason = :u', ExpressionAttributeValues: { ':u': 'unsubscribe' } }))
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }
}

/** The suppression entries for one recipient on one channel (the cheap path: one BatchGet). */
export async function suppressionOf(tableName: string, tenantId: string, channel: Channel, recipientId: string, address?: string): Promise<SuppressionEntry | undefined> {
  const keys = suppressionKeys(tenantId, channel, recipientId, address);
  const wanted = [keys.recipient, keys.address].filter((k) => k !== undefined);
  const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: wanted, ConsistentRead: true } } }));
  const items = (res.Responses?.[tableName] ?? []) as (SuppressionEntry & { pk: string })[];
  // A hard fact outranks an opt-out when both exist.
  return items.find((i) => i.reason === 'bounce' || i.reason === 'complaint') ?? items[0];
}
