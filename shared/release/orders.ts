import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { once } from '../data/idempotency.js';
import type { Envelope } from '../events/catalogue.js';
import { memberByRef } from './audience-store.js';
import { Release, refKey, type Release as ReleaseT } from './model.js';
import { convertHold, takeUnit } from './pool.js';
import { activeReleaseOf, getRelease } from './repository.js';
import { poolOf } from './workflow.js';

/**
 * Orders (OrderPlaced, from the inventory's order webhook) meet releases here:
 * - a buyer who holds a unit: the hold becomes a sale (its unit is not returned to the pool);
 * - any other sale of the variant takes a unit from the pool at once, so claims cannot
 *   promise a unit the shop no longer has (the workflow also re-checks the stock each loop);
 * - a buyer the release reached (by the order's shopper pseudonym, the same sha256 the
 *   waitlist entries are indexed by) counts as a conversion of the wave that reached them:
 *   this is the "conversion observed so far" the next wave is sized with.
 */
export interface OrderOutcomeLine {
  sku: string;
  releaseId?: string;
  hold: boolean;
  wave?: number;
}

/** The wave whose key range holds an audience key. */
export function waveOf(r: Pick<ReleaseT, 'waves'>, key: string): number | undefined {
  return r.waves.find((w) => w.from !== undefined && w.through !== undefined && w.from <= key && key <= w.through)?.n;
}

export async function attributeOrder(tableName: string, e: Envelope<'OrderPlaced'>): Promise<OrderOutcomeLine[] | undefined> {
  const res = await once(tableName, { tenantId: e.tenantId, scope: 'release-order', id: e.eventId }, async () => {
    const out: OrderOutcomeLine[] = [];
    for (const line of e.data.lines) {
      const releaseId = await activeReleaseOf(tableName, e.tenantId, line.sku);
      const r = releaseId ? await getRelease(tableName, e.tenantId, releaseId) : undefined;
      if (!r || !['waves', 'public'].includes(r.state) || !r.shards) {
        out.push({ sku: line.sku, hold: false });
        continue;
      }
      const pool = poolOf(tableName, r);
      const member = e.data.shopperRef ? await memberByRef(tableName, e.tenantId, r.releaseId, [e.data.shopperRef]) : undefined;
      let units = line.quantity;
      const hold = member ? await convertHold(pool, member.entryId, e.data.orderId) : false;
      if (hold) units--;
      for (; units > 0; units--) await takeUnit(pool);
      const wave = member && !member.converted ? waveOf(r, member.key) : undefined;
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName,
          Key: Release.key(r),
          UpdateExpression: wave !== undefined ? 'ADD sold :q, conversions :one SET conversionsByWave.#w = if_not_exists(conversionsByWave.#w, :zero) + :one' : 'ADD sold :q',
          ExpressionAttributeNames: wave !== undefined ? { '#w': String(wave) } : undefined,
          ExpressionAttributeValues: wave !== undefined ? { ':q': line.quantity, ':one': 1, ':zero': 0 } : { ':q': line.quantity },
        }),
      );
      if (member && !member.converted) {
        await dynamo.send(new UpdateCommand({ TableName: tableName, Key: refKey(e.tenantId, r.releaseId, member.ref), UpdateExpression: 'SET converted = :t, orderId = :o', ExpressionAttributeValues: { ':t': true, ':o': e.data.orderId } }));
      }
      out.push({ sku: line.sku, releaseId: r.releaseId, hold, wave });
    }
    return out;
  });
  return res.result;
}
