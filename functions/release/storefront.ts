import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { cancelClaim, claim, earlyAccess, getClaim } from '../../shared/release/access.js';
import { CACHE, storefront } from '../../shared/storefront/http.js';
import { byRoute } from '../catalog/router.js';

const config = loadConfig(baseEnv);
const api = storefront(config.TABLE_NAME);
const token = z.string().min(10).max(2048);
const claimPath = z.object({ claimId: z.string().min(5).max(600) });

/** GET /storefront/early-access?token= — may the holder of this private link buy now? */
const access = api.handler({ query: z.object({ token }), cache: CACHE.none }, async ({ query, tenantId }) => ({ body: await earlyAccess(config.TABLE_NAME, tenantId, query.token) }));

/** POST /storefront/claims {token} — hold one unit for the configured minutes. */
const create = api.handler({ body: z.object({ token }) }, async ({ body, tenantId }) => ({ status: 201, body: await claim(config.TABLE_NAME, tenantId, body.token) }));

const get = api.handler({ path: claimPath, cache: CACHE.none }, async ({ path, tenantId }) => ({ body: await getClaim(config.TABLE_NAME, tenantId, path.claimId) }));

const remove = api.handler({ path: claimPath }, async ({ path, tenantId }) => {
  await cancelClaim(config.TABLE_NAME, tenantId, path.claimId);
  return { status: 204 };
});

/** Early access and unit holds for the storefront (publishable key). */
export const handler = byRoute({
  'GET /storefront/early-access': access,
  'POST /storefront/claims': create,
  'GET /storefront/claims/{claimId}': get,
  'DELETE /storefront/claims/{claimId}': remove,
});
