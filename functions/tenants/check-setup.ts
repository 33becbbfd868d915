import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { Tenant } from '../../shared/tenants/model.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

/** Step Functions task: does the tenant still need a setup reminder? */
export async function handler(raw: unknown) {
  const { tenantId } = z.object({ tenantId: z.string() }).parse(raw);
  const tenant = await store.get(Tenant, { tenantId });
  return { needsReminder: !!tenant && tenant.status === 'active' && tenant.productCount === 0 };
}
