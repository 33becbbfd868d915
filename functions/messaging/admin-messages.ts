import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { httpHandler } from '../../shared/http/handler.js';
import { listByStatus, listForRecipient } from '../../shared/messaging/ledger.js';
import { pageBody, pageQuery } from '../catalog/router.js';

const config = loadConfig(baseEnv);

const query = pageQuery.extend({
  status: z.enum(['pending', 'failed']).default('failed'),
  recipientId: z.string().min(1).max(128).optional(),
});

/**
 * `GET /admin/messages?status=pending|failed` — the sends that need an operator's eye:
 * pending ones awaiting the provider's confirmation, failed ones with their reason (a
 * refused address, or `unconfirmed`: never resent automatically). `?recipientId=` lists
 * every message to one person instead (template, variant, outcome, delivery, opens, clicks).
 */
export const routes = {
  'GET /admin/messages': httpHandler({ query, tenant: true }, async ({ query: q, auth }) => {
    const page = q.recipientId
      ? await listForRecipient(config.TABLE_NAME, auth.tenantId!, q.recipientId, { limit: q.limit, cursor: q.cursor })
      : await listByStatus(config.TABLE_NAME, auth.tenantId!, q.status, { limit: q.limit, cursor: q.cursor });
    return { body: pageBody(page) };
  }),
};
