import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, client, consoleState, emailsTo, eventually, local, newTenant, type ConsoleState } from '../support/local.js';
import { synthTableName } from '../support/table-name.js';

const ctx = local();
const { dynamo } = await import('../../shared/data/client.js');
const { salesMonthKey, stockHistoryKey } = await import('../../shared/inventory/model.js');
const tableName = await synthTableName();

const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const dayIso = (daysAgo: number) => new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * DAY).toISOString().slice(0, 10);

/** Writes daily sales the way the order webhook stores them: one item per SKU and month, `uDD` units. */
async function writeSales(tenantId: string, sku: string, unitsDaysAgo: (daysAgo: number) => number, days: number, price = 1000) {
  const months = new Map<string, Record<string, number>>();
  for (let ago = days; ago >= 1; ago--) {
    const iso = dayIso(ago);
    const units = unitsDaysAgo(ago);
    if (!units) continue;
    const month = months.get(iso.slice(0, 7)) ?? {};
    month[`u${iso.slice(8, 10)}`] = units;
    month[`r${iso.slice(8, 10)}`] = units * price;
    months.set(iso.slice(0, 7), month);
  }
  for (const [month, counters] of months) {
    await dynamo.send(new PutCommand({ TableName: tableName, Item: { ...salesMonthKey(tenantId, sku, month), _type: 'SalesMonth', sku, ...counters } }));
  }
}

async function writeTransition(tenantId: string, sku: string, productId: string, at: string, from: string, to: string, seq: number) {
  await dynamo.send(
    new PutCommand({ TableName: tableName, Item: { ...stockHistoryKey(tenantId, sku, at, seq), _type: 'StockHistory', sku, productId, from, to, available: 0, at } }),
  );
}

// The run reads two years of history and fits every model: allow for a busy machine.
const SLOW = 180_000;

type BusEvent = ConsoleState['events'][number];
/** The bus log keeps the last 100 deliveries: collect this tenant's as they pass. */
function watchEvents(tenantId: string) {
  const seen = new Map<string, BusEvent>();
  let stopped = false;
  const collect = async () => {
    try {
      for (const e of (await consoleState()).events) if (e.tenantId === tenantId) seen.set(e.eventId, e);
    } catch {
      // A dropped connection to a busy console: the next poll catches up.
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await collect();
      await new Promise((r) => setTimeout(r, 150));
    }
  })();
  return {
    events: () => [...seen.values()],
    stop: async () => {
      stopped = true;
      await loop;
      await collect();
    },
  };
}

let shop: Awaited<ReturnType<typeof newTenant>>;
const LOW = 'TZ-LOW';
const OK = 'PT-OK';

beforeAll(async () => {
  shop = await newTenant('Forecast Shop');
  const key = shop.adminKey;
  expect((await api('POST', '/admin/suppliers', { key, body: { supplierId: 'acme', name: 'Acme Ceramiche', leadTimeDays: 10, minOrderQty: 50, casePack: 12 } })).status).toBe(201);
  expect(
    (await api('POST', '/admin/products', { key, body: { productId: 'tazza', title: 'Tazza blu', category: 'kitchen', attributes: { supplierId: 'acme' }, variants: [{ sku: LOW }] } })).status,
  ).toBe(201);
  expect((await api('POST', '/admin/products', { key, body: { productId: 'piatto', title: 'Piatto', category: 'kitchen', variants: [{ sku: OK }] } })).status).toBe(201);
  expect((await api('POST', '/admin/stock/adjustments', { key, body: { changes: [{ sku: LOW, set: 12 }, { sku: OK, set: 3000 }] } })).status).toBe(200);

  // 90 days of history. The mug sells ~6 a day and was out of stock from 40 to 34 days ago
  // (zero sales then: censored, not zero demand); the plate sells ~2 a day.
  const outOfStock = (ago: number) => ago <= 40 && ago >= 34;
  await writeSales(shop.tenantId, LOW, (ago) => (outOfStock(ago) ? 0 : 4 + (ago % 5)), 90);
  await writeSales(shop.tenantId, OK, (ago) => 1 + (ago % 3), 90);
  const at = (ago: number, hour: number) => new Date(Date.parse(`${dayIso(ago)}T00:00:00Z`) + hour * 3_600_000).toISOString();
  await writeTransition(shop.tenantId, LOW, 'tazza', at(90, 0), 'out_of_stock', 'in_stock', 101);
  await writeTransition(shop.tenantId, LOW, 'tazza', at(40, 9), 'in_stock', 'out_of_stock', 102);
  await writeTransition(shop.tenantId, LOW, 'tazza', at(33, 8), 'out_of_stock', 'in_stock', 103);
}, SLOW);

describe('nightly forecast on the local stack', () => {
  it(
    'runs from the schedule, stores forecasts, and raises one stockout and one reorder event for the SKU that will run out',
    async () => {
      const state = await consoleState();
      const schedules = (state as unknown as { schedules: { rule: string; expression: string }[] }).schedules;
      const rule = schedules.find((s) => s.rule.startsWith('Forecasting') && s.expression === 'cron(0 2 * * ? *)');
      expect(rule, JSON.stringify(schedules)).toBeDefined();

      const watch = watchEvents(shop.tenantId);
      const fired = await fetch(`${ctx.urls.console}/_local/schedules/${rule!.rule}/run`, { method: 'POST' });
      expect(fired.status).toBe(202);

      const admin = client({ adminKey: shop.adminKey });
      const run = await eventually(
        async () => {
          const { data } = await admin.GET('/admin/forecasts');
          return data?.lastRun?.status === 'succeeded' && data.items.length === 2 && data;
        },
        'the scheduled run to finish for the tenant',
        SLOW - 20_000,
      );
      expect(run.lastRun).toMatchObject({ runDate: today, trigger: 'schedule', plannedSkus: 2, partitionCount: 1, totals: { forecasts: 2, failed: 0 } });
      const bySku = Object.fromEntries(run.items.map((f) => [f.sku, f]));
      expect(bySku[LOW]).toMatchObject({ runDate: today, asOf: dayIso(1), stockoutDate: expect.any(String), supplierId: 'acme', leadTimeDays: 10 });
      expect(bySku[LOW]!.daysUntilStockout).toBeLessThanOrEqual(10);
      expect(bySku[LOW]!.suggestedOrderQty).toBeGreaterThanOrEqual(50);
      expect(bySku[LOW]!.suggestedOrderQty % 12).toBe(0);
      expect(bySku[OK]).toMatchObject({ stockoutDate: null, suggestedOrderQty: 0, leadTimeDays: 14, supplierId: null });

      // One detail call: the daily forecast with dates, the model, the inputs it read.
      const detail = await admin.GET('/admin/forecasts/{sku}', { params: { path: { sku: LOW } } });
      expect(detail.response.status).toBe(200);
      const f = detail.data!.forecast;
      expect(f.daily).toHaveLength(60);
      expect(f.daily[0]!.date).toBe(today);
      expect(f.model).toEqual(expect.any(String));
      expect(['smooth', 'erratic']).toContain(f.demandClass);
      expect(f.inputs).toMatchObject({ onHand: 12, supplierId: 'acme', supplierSource: 'product', leadTimeDays: 10, minOrderQty: 50, casePack: 12, censoredDays: 7, waitlist: null });
      expect(f.inputs.observedDays).toBe(f.inputs.historyDays - 7);
      // Demand is estimated from the days it could be observed: about 6 a day.
      expect(f.meanDailyDemand).toBeGreaterThan(4.5);
      expect(f.meanDailyDemand).toBeLessThan(7.5);
      expect(detail.data!.runDates).toEqual([today]);

      const suggestions = await admin.GET('/admin/reorder-suggestions');
      expect(suggestions.response.status).toBe(200);
      expect(suggestions.data!.items.map((s) => s.sku)).toEqual([LOW]);
      expect(suggestions.data!.items[0]).toMatchObject({ suggestedOrderQty: bySku[LOW]!.suggestedOrderQty, supplierId: 'acme', runDate: today });

      // A manual run the same day changes nothing about the events: they are per (SKU, date).
      const manual = await admin.POST('/admin/forecasts/run', {});
      expect(manual.response.status).toBe(202);
      // The per-tenant workflow has a fixed name (<stack>-forecast-tenant), so its ARN can be configured before it exists.
      expect(manual.data).toMatchObject({ runDate: today, executionArn: expect.stringContaining('-forecast-tenant:') });
      expect((await api('POST', '/admin/forecasts/run', { key: shop.adminKey, body: {} })).status).toBe(429);
      await eventually(
        async () => {
          const lastRun = (await admin.GET('/admin/forecasts')).data?.lastRun;
          return lastRun?.trigger === 'manual' && lastRun.status === 'succeeded';
        },
        'the manual run to finish',
        SLOW - 20_000,
      );
      await watch.stop();

      const forecastEvents = watch.events().filter((e) => e.source === 'restock.forecasting');
      const ofType = (type: string, sku: string) => forecastEvents.filter((e) => e.detailType === type && e.detailEventId?.startsWith(`forecast:${sku}:`));
      expect(ofType('PredictedStockout', LOW).map((e) => e.detailEventId)).toEqual([`forecast:${LOW}:${today}:stockout`]);
      expect(ofType('ReorderSuggested', LOW).map((e) => e.detailEventId)).toEqual([`forecast:${LOW}:${today}:reorder`]);
      expect(forecastEvents.filter((e) => e.detailEventId?.includes(`:${OK}:`))).toEqual([]);
      expect(forecastEvents).toHaveLength(2);

      const after = await admin.GET('/admin/forecasts/{sku}', { params: { path: { sku: LOW } } });
      expect(after.data!.forecast).toMatchObject({ reorderSince: today, stockoutSince: today });
    },
    SLOW * 2,
  );

  it('puts the reorder suggestion in the merchant’s daily digest', async () => {
    const schedules = ((await consoleState()) as unknown as { schedules: { rule: string; expression: string }[] }).schedules;
    const digest = schedules.find((s) => s.expression === 'cron(0 7 * * ? *)');
    expect(digest).toBeDefined();
    expect((await fetch(`${ctx.urls.console}/_local/schedules/${digest!.rule}/run`, { method: 'POST' })).status).toBe(202);
    const mail = await eventually(async () => (await emailsTo(shop.contactEmail)).find((m) => /to reorder/.test(m.subject)), 'the digest e-mail', 30_000);
    expect(mail.subject).toContain('1 to reorder');
    expect(mail.body.text).toContain(`Tazza blu (${LOW})`);
    expect(mail.body.text).not.toContain(OK);
  });

  it(
    'follows the tenant’s forecasting settings: default lead time, and no digest entry when the digest is off',
    async () => {
      const t = await newTenant('Quiet Shop');
      const admin = client({ adminKey: t.adminKey });
      const patched = await admin.PATCH('/admin/settings', { body: { settings: { forecasting: { digest: false, defaultLeadTimeDays: 21 } } } });
      expect(patched.response.status).toBe(200);
      expect(patched.data!.settings.forecasting).toEqual({ serviceLevel: 0.95, horizonDays: 60, defaultLeadTimeDays: 21, reviewPeriodDays: 7, digest: false });
      // Patching another section keeps these.
      const again = await admin.PATCH('/admin/settings', { body: { settings: { alerts: { dailyDigest: true } } } });
      expect(again.data!.settings.forecasting).toMatchObject({ defaultLeadTimeDays: 21, digest: false });

      expect((await api('POST', '/admin/products', { key: t.adminKey, body: { productId: 'vaso', title: 'Vaso', variants: [{ sku: 'VS-1' }] } })).status).toBe(201);
      expect((await api('POST', '/admin/stock/adjustments', { key: t.adminKey, body: { changes: [{ sku: 'VS-1', set: 5 }] } })).status).toBe(200);
      await writeSales(t.tenantId, 'VS-1', (ago) => 2 + (ago % 3), 60);

      const watch = watchEvents(t.tenantId);
      expect((await admin.POST('/admin/forecasts/run', {})).response.status).toBe(202);
      const run = await eventually(
        async () => {
          const { data } = await admin.GET('/admin/forecasts');
          return data?.lastRun?.status === 'succeeded' && data;
        },
        'the manual run',
        SLOW - 20_000,
      );
      await watch.stop();
      expect(run.lastRun).toMatchObject({ trigger: 'manual', totals: { forecasts: 1, reorderSuggested: 1, digestEntries: 0 } });
      expect(run.items[0]).toMatchObject({ sku: 'VS-1', leadTimeDays: 21, reorderSince: today });
      expect(watch.events().filter((e) => e.detailType === 'ReorderSuggested').map((e) => e.detailEventId)).toEqual([`forecast:VS-1:${today}:reorder`]);
      const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
      const { tenantKey } = await import('../../shared/data/entity.js');
      const digest = await dynamo.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenantKey(t.tenantId, 'DIGEST', today) } }));
      expect(digest.Items ?? []).toEqual([]);
    },
    SLOW,
  );

  it('answers 404 for a SKU without a forecast and keeps tenants apart', async () => {
    expect((await api('GET', '/admin/forecasts/NOPE', { key: shop.adminKey })).status).toBe(404);
    const other = await newTenant('Other Shop');
    expect((await api('GET', `/admin/forecasts/${LOW}`, { key: other.adminKey })).status).toBe(404);
    const otherAdmin = client({ adminKey: other.adminKey });
    const list = await otherAdmin.GET('/admin/forecasts');
    expect(list.data).toMatchObject({ items: [] });
    expect((await otherAdmin.GET('/admin/reorder-suggestions')).data).toEqual({ items: [] });
  });
});
