import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { dynamo } from '../../shared/data/client.js';
import { tenantKey } from '../../shared/data/entity.js';
import { Store } from '../../shared/data/store.js';
import { NotFoundError, TooManyRequestsError } from '../../shared/errors.js';
import { Forecast, ForecastRun, latestIndexPk, manualRunKey, ReorderSuggestion, suggestionIndexPk, type Forecast as ForecastT } from '../../shared/forecast-run/model.js';
import { addDays } from '../../shared/forecast-run/series.js';
import { httpHandler } from '../../shared/http/handler.js';
import { skuSchema } from '../../shared/inventory/model.js';
import { byRoute, pageQuery } from '../catalog/router.js';

const config = loadConfig({ ...baseEnv, FORECAST_TENANT_WORKFLOW_ARN: z.string().min(1) });
const store = new Store(config.TABLE_NAME);
const sfn = new SFNClient({});

/** One manual run per tenant per window: a run reads every SKU of the tenant. */
const MANUAL_WINDOW_SECONDS = 300;

/** A forecast without its daily array and inputs: what a listing row needs. */
const summary = ({ forecast: _f, inputs, tenantId: _t, ...rest }: ForecastT) => ({
  ...rest,
  leadTimeDays: inputs.leadTimeDays,
  supplierId: inputs.supplierId,
  onHand: inputs.onHand,
});

async function lastRun(tenantId: string) {
  const res = await dynamo.send(
    new QueryCommand({
      TableName: config.TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :run)',
      ExpressionAttributeValues: { ':pk': ForecastRun.key({ tenantId, runDate: 'x' }).pk, ':run': 'RUN#' },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const item = res.Items?.[0];
  if (!item) return null;
  const { parts: _p, tenantId: _t, ...run } = ForecastRun.schema.parse(item);
  return run;
}

async function runDates(tenantId: string, sku: string): Promise<string[]> {
  const res = await dynamo.send(
    new QueryCommand({
      TableName: config.TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :run)',
      ExpressionAttributeValues: { ':pk': tenantKey(tenantId, 'FORECAST', sku), ':run': 'RUN#' },
      ProjectionExpression: 'sk',
      ScanIndexForward: false,
      Limit: 30,
    }),
  );
  return (res.Items ?? []).map((i) => String(i.sk).slice(4));
}

const skuPath = z.object({ sku: skuSchema });
const runQuery = z.object({ runDate: z.iso.date().optional() });

export const handler = byRoute({
  /** GET /admin/forecasts — the latest forecast of every SKU (by SKU, paginated) and the last run. */
  'GET /admin/forecasts': httpHandler({ query: pageQuery, tenant: true }, async ({ query, auth }) => {
    const tenantId = auth.tenantId!;
    const [page, run] = await Promise.all([store.page(Forecast, { pk: latestIndexPk(tenantId), index: 'gsi1', limit: query.limit, cursor: query.cursor }), lastRun(tenantId)]);
    return { body: { items: page.items.map(summary), ...(page.cursor ? { cursor: page.cursor } : {}), lastRun: run } };
  }),

  /**
   * GET /admin/forecasts/{sku}[?runDate=] — one SKU's forecast (latest, or of a past run):
   * the daily forecast with its dates, the model chosen and a summary of its inputs.
   */
  'GET /admin/forecasts/{sku}': httpHandler({ path: skuPath, query: runQuery, tenant: true }, async ({ path, query, auth }) => {
    const tenantId = auth.tenantId!;
    const [forecast, dates] = await Promise.all([store.get(Forecast, { tenantId, sku: path.sku, run: query.runDate ?? 'LATEST' }), runDates(tenantId, path.sku)]);
    if (!forecast) throw new NotFoundError(query.runDate ? `Forecast of ${query.runDate}` : 'Forecast');
    const { tenantId: _t, ...rest } = forecast;
    return {
      body: {
        forecast: { ...rest, daily: forecast.forecast.map((units, i) => ({ date: addDays(forecast.asOf, i + 1), units })) },
        runDates: dates,
      },
    };
  }),

  /** GET /admin/reorder-suggestions — SKUs with an order to place, most urgent first. */
  'GET /admin/reorder-suggestions': httpHandler({ query: pageQuery, tenant: true }, async ({ query, auth }) => {
    const page = await store.page(ReorderSuggestion, { pk: suggestionIndexPk(auth.tenantId!), index: 'gsi1', limit: query.limit, cursor: query.cursor });
    return { body: { items: page.items.map(({ tenantId: _t, ...s }) => s), ...(page.cursor ? { cursor: page.cursor } : {}) } };
  }),

  /**
   * POST /admin/forecasts/run — runs the caller's forecast now (the nightly workflow's
   * per-tenant part, for this tenant only). Answers 202 with the execution; results land in
   * GET /admin/forecasts as partitions finish. At most one start per five minutes.
   */
  'POST /admin/forecasts/run': httpHandler({ tenant: true }, async ({ auth }) => {
    const tenantId = auth.tenantId!;
    const now = new Date();
    try {
      await dynamo.send(
        new PutCommand({
          TableName: config.TABLE_NAME,
          Item: { ...manualRunKey(tenantId), _type: 'ForecastManualRun', startedAt: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + 86_400 },
          ConditionExpression: 'attribute_not_exists(pk) OR startedAt < :cutoff',
          ExpressionAttributeValues: { ':cutoff': new Date(now.getTime() - MANUAL_WINDOW_SECONDS * 1000).toISOString() },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new TooManyRequestsError(MANUAL_WINDOW_SECONDS);
      throw error;
    }
    const runDate = now.toISOString().slice(0, 10);
    let res;
    try {
      res = await sfn.send(
        new StartExecutionCommand({
          stateMachineArn: config.FORECAST_TENANT_WORKFLOW_ARN,
          name: `manual-${tenantId}-${now.getTime()}`,
          input: JSON.stringify({ tenantId, runDate, trigger: 'manual' }),
        }),
      );
    } catch (error) {
      // Nothing started: the merchant may try again at once.
      await dynamo.send(new DeleteCommand({ TableName: config.TABLE_NAME, Key: manualRunKey(tenantId) }));
      throw error;
    }
    return { status: 202, body: { runDate, executionArn: res.executionArn, startedAt: now.toISOString() } };
  }),
});
