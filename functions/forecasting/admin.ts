import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../shared/config/env.js';
import { dynamo } from '../../shared/data/client.js';
import { tenantKey } from '../../shared/data/entity.js';
import { Store } from '../../shared/data/store.js';
import { NotFoundError, TooManyRequestsError } from '../../shared/errors.js';
import { Forecast, ForecastRun, latestIndexPk, manualRunKey, ReorderSuggestion, suggestionIndexPk, type Forecast as ForecastT } from '../../shared/forecast-run/model.js';
import { addDays } from '../../shared/forecast-run/series.js';
import { forecastingEnv } from '../../shared/forecasting/env.js';
import { serve } from '../../shared/http/handler.js';
import { forecastingAdmin } from './routes.js';

const config = loadConfig(forecastingEnv);
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

export const handler = serve(forecastingAdmin, {
  /** The latest forecast of every SKU (by SKU, paginated) and the last run. */
  listForecasts: async ({ query, tenantId }) => {
    const [page, run] = await Promise.all([store.page(Forecast, { pk: latestIndexPk(tenantId), index: 'gsi1', limit: query.limit, cursor: query.cursor }), lastRun(tenantId)]);
    return { body: { items: page.items.map(summary), ...(page.cursor ? { cursor: page.cursor } : {}), lastRun: run } };
  },

  /** One SKU's forecast (latest, or of a past run): the daily forecast with its dates, the model chosen and a summary of its inputs. */
  getForecast: async ({ path, query, tenantId }) => {
    const [forecast, dates] = await Promise.all([store.get(Forecast, { tenantId, sku: path.sku, run: query.runDate ?? 'LATEST' }), runDates(tenantId, path.sku)]);
    if (!forecast) throw new NotFoundError(query.runDate ? `Forecast of ${query.runDate}` : 'Forecast');
    const { tenantId: _t, ...rest } = forecast;
    return {
      body: {
        forecast: { ...rest, daily: forecast.forecast.map((units, i) => ({ date: addDays(forecast.asOf, i + 1), units })) },
        runDates: dates,
      },
    };
  },

  /** SKUs with an order to place, most urgent first. */
  listReorderSuggestions: async ({ query, tenantId }) => {
    const page = await store.page(ReorderSuggestion, { pk: suggestionIndexPk(tenantId), index: 'gsi1', limit: query.limit, cursor: query.cursor });
    return { body: { items: page.items.map(({ tenantId: _t, ...s }) => s), ...(page.cursor ? { cursor: page.cursor } : {}) } };
  },

  /**
   * Runs the caller's forecast now (the nightly workflow's per-tenant part, for this tenant
   * only). Answers 202 with the execution; results land in GET /admin/forecasts as
   * partitions finish. At most one start per five minutes.
   */
  runForecast: async ({ tenantId }) => {
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
  },
});
