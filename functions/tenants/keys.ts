import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { issueKey, listKeys, MAX_GRACE_SECONDS, revokeKey, rotateKey, viewOf } from '../../shared/tenants/keys.js';
import { byRoute } from '../catalog/router.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

const keyPath = z.object({ keyId: z.string().regex(/^[0-9a-f]{12}$/, 'not a key id') });
const issueBody = z.strictObject({
  kind: z.enum(['admin', 'publishable']),
  label: z.string().trim().max(100).default(''),
});
const rotateBody = z.strictObject({ graceSeconds: z.number().int().min(0).max(MAX_GRACE_SECONDS).default(0) });

export const handler = byRoute({
  /** The secret is in this answer only; Restock keeps just its hash. */
  'POST /admin/keys': httpHandler({ body: issueBody, tenant: true }, async ({ body, auth }) => ({
    status: 201,
    body: await issueKey(store, auth.tenantId!, body.kind, body.label),
  })),

  'GET /admin/keys': httpHandler({ tenant: true }, async ({ auth }) => {
    const now = new Date();
    const keys = (await listKeys(store, auth.tenantId!)).map((k) => viewOf(k, now));
    return { body: { items: keys } };
  }),

  'DELETE /admin/keys/{keyId}': httpHandler({ path: keyPath, tenant: true }, async ({ path, auth }) => ({
    body: { key: await revokeKey(store, auth.tenantId!, path.keyId) },
  })),

  'POST /admin/keys/{keyId}/rotate': httpHandler({ path: keyPath, body: rotateBody.optional(), tenant: true }, async ({ path, body, auth }) => ({
    status: 201,
    body: await rotateKey(store, auth.tenantId!, path.keyId, body?.graceSeconds ?? 0),
  })),
});
