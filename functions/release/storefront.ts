import { loadConfig } from '../../shared/config/env.js';
import { serve } from '../../shared/http/handler.js';
import { cancelClaim, claim, earlyAccess, getClaim } from '../../shared/release/access.js';
import { releaseEnv } from '../../shared/release/env.js';
import { storefrontEdge } from '../../shared/storefront/http.js';
import { releaseStorefront } from './routes.js';

const config = loadConfig(releaseEnv);

/** Early access and unit holds for the storefront (publishable key). */
export const handler = serve(
  releaseStorefront,
  {
    /** May the holder of this private link buy now? */
    checkEarlyAccess: async ({ query, tenantId }) => ({ body: await earlyAccess(config.TABLE_NAME, tenantId, query.token) }),

    /** Holds one unit for the configured minutes. */
    claimUnit: async ({ body, tenantId }) => ({ status: 201, body: await claim(config.TABLE_NAME, tenantId, body.token) }),

    getClaim: async ({ path, tenantId }) => ({ body: await getClaim(config.TABLE_NAME, tenantId, path.claimId) }),

    cancelClaim: async ({ path, tenantId }) => {
      await cancelClaim(config.TABLE_NAME, tenantId, path.claimId);
      return { status: 204 };
    },
  },
  { edge: storefrontEdge(config.TABLE_NAME) },
);
