import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { createTenant } from '../../shared/tenants/service.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

const body = z.object({
  name: z.string().trim().min(1).max(200),
  contactEmail: z.email(),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a locale like "en" or "it-IT"').default('en'),
  allowedOrigins: z.array(z.url()).max(20).optional(),
});

/** POST /operator/tenants — onboard a merchant; the admin key is in this response only. */
export const handler = httpHandler({ body }, async ({ body }) => {
  const { tenant, adminKey } = await createTenant(store, config.EVENT_BUS_NAME, body);
  return { status: 201, body: { tenant, adminKey } };
});
