import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { ForbiddenError } from '../../shared/errors.js';
import { isOriginAllowed, storefront } from '../../shared/storefront/http.js';
import { WaitlistRepository } from '../../shared/waitlist/repository.js';
import { joinWaitlist, signupBodySchema } from '../../shared/waitlist/signup.js';

const config = loadConfig({ ...baseEnv, PUBLIC_API_URL: z.string().min(1) });
const api = storefront(config.TABLE_NAME);
const deps = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, publicApiUrl: config.PUBLIC_API_URL, repo: new WaitlistRepository(config.TABLE_NAME) };

/**
 * POST /storefront/waitlist — join a product's or a variant's waitlist (publishable key).
 * 200 with the entry and its live position (the same answer for a repeat); 400 naming the
 * field; 404 unknown product; 409 list full; 429 with Retry-After.
 */
export const handler = api.handler({ body: signupBodySchema }, async ({ body, tenantId, tenant, headers, sourceIp }) => {
  // The storefront edge checks the origin beside the work; a write must not even start for
  // a refused origin, so it is checked first here.
  const origin = headers.origin;
  if (origin !== undefined && !isOriginAllowed(origin, (await tenant).allowedOrigins)) {
    throw new ForbiddenError('This origin is not allowed to use this shop’s storefront API; add it to the shop’s allowed origins');
  }
  return { status: 200, body: await joinWaitlist(deps, tenantId, body, { ip: sourceIp }) };
});
