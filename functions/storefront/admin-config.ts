import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { BadRequestError } from '../../shared/errors.js';
import { httpHandler } from '../../shared/http/handler.js';
import { StorefrontConfigEntity, defaultConfig, storefrontConfigSchema } from '../../shared/storefront/config.js';
import { forgetTenantContext } from '../../shared/storefront/data.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

const body = storefrontConfigSchema.omit({ tenantId: true, updatedAt: true }).optional();

/**
 * GET and PUT /admin/storefront/config — the merchant's storefront settings: rate limit per
 * client, the "selling fast" rule, consent text per language and the widget's texts. A PUT
 * replaces the whole config (omitted fields return to their defaults). Storefront functions
 * pick changes up within a minute (their per-container cache).
 */
export const handler = httpHandler({ body, tenant: true }, async ({ body, event, auth }) => {
  const tenantId = auth.tenantId!;
  if (event.requestContext.http.method === 'PUT') {
    if (!body) throw new BadRequestError('Request body required', [{ field: 'body', reason: 'missing' }]);
    const saved = { ...body, tenantId, updatedAt: new Date().toISOString() };
    await store.put(StorefrontConfigEntity, saved);
    forgetTenantContext(tenantId);
    return { body: { config: saved } };
  }
  return { body: { config: (await store.get(StorefrontConfigEntity, { tenantId })) ?? defaultConfig(tenantId) } };
});
