import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { NotFoundError } from '../../shared/errors.js';
import { Tenant } from '../../shared/tenants/model.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

/** GET /admin/tenant — the calling merchant's own tenant (the key decides which). */
export const handler = httpHandler({ tenant: true }, async ({ auth }) => {
  const tenant = await store.get(Tenant, { tenantId: auth.tenantId! });
  if (!tenant) throw new NotFoundError('Tenant');
  return { body: { tenant } };
});
