import { arnVar, defineEnv } from '../config/env.js';

/** Forecasting: the nightly run's tasks and the admin API that can start a tenant's run. */
export const forecastingEnv = defineEnv({
  FORECAST_TENANT_WORKFLOW_ARN: arnVar,
});
