import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { tenantKey } from '../../shared/data/entity.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { Feed } from '../../shared/inventory/feeds/feed-record.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

const query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

/** GET /admin/feeds — the caller's feeds, newest first, with status and counts. */
export const handler = httpHandler({ query, tenant: true }, async ({ query, auth }) => {
  const page = await store.page(Feed, { pk: tenantKey(auth.tenantId!), skPrefix: 'FEED#', limit: query.limit, cursor: query.cursor, forward: false });
  return { body: { feeds: page.items, cursor: page.cursor } };
});
