/**
 * Optional inputs owned by other capabilities: waitlist lengths (waitlists) and demand
 * signals (storefront). Each adapter reads what exists and answers "nothing" otherwise, so
 * the nightly run works before, and without, either capability.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../data/client.js';
import { listIdOf, WaitlistSummary } from '../waitlist/model.js';
import { demandDayPk, demandSignalTypes } from '../storefront/demand.js';
import { batchGetAll } from './inputs.js';
import { addDays } from './series.js';

/**
 * The waitlist summary of a SKU's list (shared/waitlist/model.ts): `active` people waiting,
 * and, where a capability records them, `conversionRate` or `notified` / `converted`.
 */
export const waitlistSummaryKey = (tenantId: string, sku: string) => WaitlistSummary.key({ tenantId, listId: listIdOf({ productId: '', sku }) });

/** Share of people waiting assumed to buy when no conversion has been observed yet. */
export const DEFAULT_WAITLIST_CONVERSION = 0.2;
/** Fewest notified people before their observed conversion replaces the default. */
const MIN_NOTIFIED_FOR_RATE = 20;

export interface WaitlistInput {
  waiting: number;
  conversionRate: number;
  source: 'observed' | 'summary' | 'default-conversion';
}

/** A stored summary as the model's waitlist input; undefined when nobody waits. */
export function waitlistFromSummary(item: Record<string, unknown> | undefined): WaitlistInput | undefined {
  if (!item) return undefined;
  const num = (k: string) => (typeof item[k] === 'number' && Number.isFinite(item[k]) ? (item[k] as number) : undefined);
  // `active` is the waitlist's own counter; `waiting` is accepted from imported summaries.
  const waiting = num('active') ?? num('waiting');
  if (!waiting || waiting <= 0) return undefined;
  const rate = num('conversionRate');
  if (rate !== undefined && rate >= 0 && rate <= 1) return { waiting, conversionRate: rate, source: 'summary' };
  const notified = num('notified');
  const converted = num('converted');
  if (notified !== undefined && converted !== undefined && notified >= MIN_NOTIFIED_FOR_RATE) {
    return { waiting, conversionRate: Math.min(1, Math.max(0, converted / notified)), source: 'observed' };
  }
  return { waiting, conversionRate: DEFAULT_WAITLIST_CONVERSION, source: 'default-conversion' };
}

/** Waitlist input per SKU, for the SKUs that have a summary with people waiting. */
export async function readWaitlists(tableName: string, tenantId: string, skus: string[]): Promise<Map<string, WaitlistInput>> {
  const items = await batchGetAll(tableName, skus.map((sku) => waitlistSummaryKey(tenantId, sku)));
  const out = new Map<string, WaitlistInput>();
  for (const item of items) {
    const sku = String(item.sku ?? String(item.listId ?? '').replace(/^sku:/, ''));
    const w = waitlistFromSummary(item);
    if (w) out.set(sku, w);
  }
  return out;
}

export interface DemandSignalSummary {
  days: number;
  oosViews: number;
  searches: number;
  cartAttempts: number;
}

/** Adds one stored demand counter item (storefront, per tenant/day/subject) to a summary. */
export function addSignals(summary: DemandSignalSummary, item: Record<string, unknown>): void {
  const n = (k: string) => (typeof item[k] === 'number' ? (item[k] as number) : 0);
  summary.oosViews += n('oos_view');
  summary.searches += n('search_no_results') + n('search_sold_out');
  summary.cartAttempts += n('cart_attempt_unavailable');
}

/**
 * Storefront demand signals over the last `days` days for the given SKUs (and products, for
 * products with a single SKU): one Query per day partition of the tenant, read a few days at
 * a time. SKUs without signals are absent from the answer.
 */
export async function readDemandSignals(
  tableName: string,
  tenantId: string,
  subjects: { sku: string; productId: string; singleVariant: boolean }[],
  lastDay: string,
  days: number,
): Promise<Map<string, DemandSignalSummary>> {
  const bySubject = new Map<string, string>();
  for (const s of subjects) {
    bySubject.set(`SKU#${s.sku}`, s.sku);
    if (s.singleVariant) bySubject.set(`PRODUCT#${s.productId}`, s.sku);
  }
  const out = new Map<string, DemandSignalSummary>();
  const dayList = Array.from({ length: days }, (_, i) => addDays(lastDay, -i));
  let next = 0;
  const worker = async () => {
    while (next < dayList.length) {
      const day = dayList[next++]!;
      let start: Record<string, unknown> | undefined;
      do {
        const res = await dynamo.send(
          new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': demandDayPk(tenantId, day) }, ExclusiveStartKey: start }),
        );
        for (const item of res.Items ?? []) {
          const sku = bySubject.get(String(item.sk));
          if (!sku || !demandSignalTypes.some((t) => typeof item[t] === 'number')) continue;
          const summary = out.get(sku) ?? { days, oosViews: 0, searches: 0, cartAttempts: 0 };
          addSignals(summary, item);
          out.set(sku, summary);
        }
        start = res.LastEvaluatedKey;
      } while (start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, dayList.length) }, worker));
  return out;
}
