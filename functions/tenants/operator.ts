import { loadConfig } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { serve } from '../../shared/http/handler.js';
import { tenantsEnv } from '../../shared/tenants/env.js';
import { createTenant } from '../../shared/tenants/service.js';
import { tenantsOperator } from './routes.js';

const config = loadConfig(tenantsEnv);
const store = new Store(config.TABLE_NAME);

export const handler = serve(tenantsOperator, {
  /** The admin key is in this response only. */
  createTenant: async ({ body }) => {
    const { tenant, adminKey } = await createTenant(store, config.EVENT_BUS_NAME, body);
    return { status: 201, body: { tenant, adminKey } };
  },
});
