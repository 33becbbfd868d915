import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { tenantKey } from '../../shared/data/entity.js';
import { salesMonthKey, stockHistoryKey } from '../../shared/inventory/model.js';
import type { LocalStack } from '../stack.js';

interface DemoProduct {
  productId: string;
  title: string;
  price?: number;
  variants: Record<string, { sku: string; price?: number; recentSales?: Record<string, number> }>;
}

const DAY = 86_400_000;

/** A small deterministic generator per SKU, so every fresh demo shop has the same history. */
function rng(seed: string) {
  let s = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

function poisson(rate: number, next: () => number): number {
  let k = 0;
  let p = Math.exp(-rate);
  let sum = p;
  const u = next();
  while (u > sum && k < 1000) {
    k++;
    p *= rate / k;
    sum += p;
  }
  return k;
}

/**
 * Gives the demo shop a past for the nightly forecast to learn from: ~120 days of daily
 * sales for every demo SKU (weekly rhythm, a gentle trend, each SKU its own pace), written
 * the way the order webhook stores them (month items `uDD`/`rDD`), and one stockout spell
 * in the stock history of the best seller, so the forecast shows censored demand at work.
 * Days before today only: today's real orders stay untouched. Runs once per demo shop.
 */
export async function seedDemoHistory(stack: Pick<LocalStack, 'urls' | 'env'>, demo: { tenantId: string; adminKey: string }, tableName: string, days = 120): Promise<{ skus: number }> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.urls.dynamodb,
      region: stack.env.AWS_REGION ?? 'us-east-1',
      credentials: { accessKeyId: stack.env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: stack.env.AWS_SECRET_ACCESS_KEY ?? 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const marker = { pk: tenantKey(demo.tenantId, 'DEMO'), sk: 'SALES-HISTORY' };
  if ((await client.send(new GetCommand({ TableName: tableName, Key: marker }))).Item) return { skus: 0 };

  const products: DemoProduct[] = [];
  let cursor: string | undefined;
  do {
    const res = await fetch(`${stack.urls.api}/admin/products?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${demo.adminKey}` } });
    if (!res.ok) throw new Error(`Listing the demo products failed: ${res.status}`);
    const page = (await res.json()) as { items: DemoProduct[]; cursor?: string };
    products.push(...page.items);
    cursor = page.cursor;
  } while (cursor);

  const skus = products.flatMap((p) =>
    Object.values(p.variants).map((v) => ({ product: p, sku: v.sku, price: v.price ?? p.price ?? 0, recent: Object.values(v.recentSales ?? {}).reduce((a, b) => a + b, 0), recentDays: Object.keys(v.recentSales ?? {}).length })),
  );
  const rates = skus.map((s) => {
    // A SKU the catalog shows as selling fast keeps its pace; the others: most slow, a few fast.
    if (s.recent > 0) return s.recent / Math.max(1, s.recentDays);
    const next = rng(`rate:${s.sku}`);
    return 0.2 + 5.8 * next() ** 2;
  });
  const best = rates.indexOf(Math.max(...rates));
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const iso = (ago: number) => new Date(today - ago * DAY).toISOString().slice(0, 10);
  // The best seller was out of stock from 45 to 38 days ago.
  const outFrom = 45;
  const outTo = 38;

  for (const [i, s] of skus.entries()) {
    const next = rng(`sales:${s.sku}`);
    const months = new Map<string, Record<string, number>>();
    for (let ago = days; ago >= 1; ago--) {
      if (i === best && ago <= outFrom && ago >= outTo) continue;
      const date = new Date(today - ago * DAY);
      const weekly = [1.35, 0.8, 0.85, 0.9, 1, 1.15, 1.4][date.getUTCDay()]!;
      const trend = 1 + 0.25 * ((days - ago) / days - 0.5);
      const units = poisson(rates[i]! * weekly * trend, next);
      if (!units) continue;
      const day = iso(ago);
      const counters = months.get(day.slice(0, 7)) ?? {};
      counters[`u${day.slice(8, 10)}`] = units;
      counters[`r${day.slice(8, 10)}`] = units * s.price;
      months.set(day.slice(0, 7), counters);
    }
    for (const [month, counters] of months) {
      // ADD, like the webhook: the current month may already hold today's real orders.
      const names: Record<string, string> = { '#t': '_type', '#sku': 'sku' };
      const values: Record<string, unknown> = { ':type': 'SalesMonth', ':sku': s.sku };
      const adds = Object.entries(counters).map(([k, v], j) => {
        names[`#c${j}`] = k;
        values[`:c${j}`] = v;
        return `#c${j} :c${j}`;
      });
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: salesMonthKey(demo.tenantId, s.sku, month),
          UpdateExpression: `ADD ${adds.join(', ')} SET #t = :type, #sku = :sku`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    }
  }

  const bestSku = skus[best];
  if (bestSku) {
    const spell = [
      { at: new Date(today - outFrom * DAY + 14 * 3_600_000).toISOString(), from: 'in_stock', to: 'out_of_stock', seq: 900_001 },
      { at: new Date(today - outTo * DAY + 10 * 3_600_000).toISOString(), from: 'out_of_stock', to: 'in_stock', seq: 900_002 },
    ];
    for (const t of spell) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...stockHistoryKey(demo.tenantId, bestSku.sku, t.at, t.seq), _type: 'StockHistory', sku: bestSku.sku, productId: bestSku.product.productId, from: t.from, to: t.to, available: 0, at: t.at },
        }),
      );
    }
  }
  await client.send(new PutCommand({ TableName: tableName, Item: { ...marker, _type: 'DemoSeed', skus: skus.length, at: new Date().toISOString() } }));
  client.destroy();
  return { skus: skus.length };
}
