import { loadConfig } from '../../shared/config/env.js';
import { serve } from '../../shared/http/handler.js';
import { storefrontEdge } from '../../shared/storefront/http.js';
import { waitlistEnv } from '../../shared/waitlist/env.js';
import { WaitlistRepository } from '../../shared/waitlist/repository.js';
import { joinWaitlist } from '../../shared/waitlist/signup.js';
import { waitlistSignup } from './routes.js';

const config = loadConfig(waitlistEnv);
const deps = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, publicApiUrl: config.PUBLIC_API_URL, repo: new WaitlistRepository(config.TABLE_NAME) };

/**
 * The widget's sign-up (publishable key). The storefront edge checks the rate limit and the
 * shop's allowed origins before a write starts, so a refused origin writes nothing.
 */
export const handler = serve(
  waitlistSignup,
  {
    joinWaitlist: async ({ body, tenantId, sourceIp }) => ({ body: await joinWaitlist(deps, tenantId, body, { ip: sourceIp }) }),
  },
  { edge: storefrontEdge(config.TABLE_NAME) },
);
