import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { WaitlistPerks, type Perks } from './model.js';

/**
 * Perks of a product's waitlist, for the messages other capabilities send to the people
 * waiting (the release waves' back-in-stock message carries the discount).
 */
export async function perksOf(tableName: string, tenantId: string, productId: string): Promise<Perks | undefined> {
  const res = await dynamo.send(new GetCommand({ TableName: tableName, Key: WaitlistPerks.key({ tenantId, productId }) }));
  const parsed = res.Item ? WaitlistPerks.schema.safeParse(res.Item) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

/**
 * The discount a back-in-stock message sent at `sentAt` offers: the code and until when it is
 * valid (`validHours` after the message). Template fields: discountCode, discountHours, date.
 */
export function discountFor(perks: Perks | undefined, sentAt: Date): { discountCode: string; discountHours: number; validUntil: string } | undefined {
  if (!perks?.discount) return undefined;
  return {
    discountCode: perks.discount.code,
    discountHours: perks.discount.validHours,
    validUntil: new Date(sentAt.getTime() + perks.discount.validHours * 3_600_000).toISOString(),
  };
}
