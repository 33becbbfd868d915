import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { httpHandler } from '../../shared/http/handler.js';
import { idSchema, skuSchema } from '../../shared/inventory/model.js';
import {
  campaign,
  cancelRelease,
  createRelease,
  listReleases,
  listTiers,
  pauseRelease,
  planRelease,
  progress,
  putReleaseSettings,
  releaseSettings,
  resumeRelease,
  setTiers,
  type AdminContext,
} from '../../shared/release/admin.js';
import { releaseConfigPatchSchema } from '../../shared/release/config.js';
import { releaseIdSchema, tierSchema } from '../../shared/release/model.js';
import { defaultPorts } from '../../shared/release/ports.js';
import { byRoute, pageQuery } from '../catalog/router.js';

const config = loadConfig({ ...baseEnv, RELEASE_STATE_MACHINE_ARN: z.string().min(1), SENDER_EMAIL: z.string().default(''), PUBLIC_API_URL: z.string().default('') });
const ctx: AdminContext = {
  tableName: config.TABLE_NAME,
  ports: defaultPorts({ tableName: config.TABLE_NAME, publicApiUrl: config.PUBLIC_API_URL }),
  stateMachineArn: config.RELEASE_STATE_MACHINE_ARN,
  senderEmail: config.SENDER_EMAIL,
  now: () => new Date(),
};

const releaseBody = z.strictObject({
  productId: idSchema,
  sku: skuSchema,
  units: z.number().int().positive().max(10_000_000).optional(),
  startAt: z.iso.datetime().optional(),
  config: releaseConfigPatchSchema.optional(),
});
const releasePath = z.object({ releaseId: releaseIdSchema });

const create = httpHandler({ body: releaseBody, tenant: true }, async ({ body, auth }) => {
  const { release, created } = await createRelease(ctx, auth.tenantId!, { ...body, trigger: 'manual' });
  return { status: created ? 201 : 200, body: await progress(ctx, auth.tenantId!, release.releaseId) };
});

const plan = httpHandler({ body: releaseBody, tenant: true }, async ({ body, auth }) => ({ body: await planRelease(ctx, auth.tenantId!, body) }));

const list = httpHandler({ query: pageQuery, tenant: true }, async ({ query, auth }) => ({ body: await listReleases(ctx, auth.tenantId!, query) }));

const get = httpHandler({ path: releasePath, tenant: true }, async ({ path, auth }) => ({ body: await progress(ctx, auth.tenantId!, path.releaseId) }));

const pause = httpHandler({ path: releasePath, tenant: true }, async ({ path, auth }) => ({ body: await pauseRelease(ctx, auth.tenantId!, path.releaseId) }));
const resume = httpHandler({ path: releasePath, tenant: true }, async ({ path, auth }) => ({ body: await resumeRelease(ctx, auth.tenantId!, path.releaseId) }));
const cancel = httpHandler({ path: releasePath, tenant: true }, async ({ path, auth }) => ({ body: await cancelRelease(ctx, auth.tenantId!, path.releaseId) }));

const copy = httpHandler(
  { path: releasePath, query: z.object({ locale: z.string().regex(/^[a-z]{2}([-_][A-Za-z]{2})?(,[a-z]{2}([-_][A-Za-z]{2})?)*$/).optional() }), tenant: true },
  async ({ path, query, auth }) => ({ body: await campaign(ctx, auth.tenantId!, path.releaseId, query.locale?.split(',')) }),
);

const getSettings = httpHandler({ tenant: true }, async ({ auth }) => ({ body: await releaseSettings(config.TABLE_NAME, auth.tenantId!) }));
const putSettings = httpHandler(
  { body: z.strictObject({ autoRelease: z.boolean().optional(), defaults: releaseConfigPatchSchema.optional() }), tenant: true },
  async ({ body, auth }) => ({ body: await putReleaseSettings(config.TABLE_NAME, auth.tenantId!, body) }),
);

const shopper = z
  .strictObject({ id: z.string().trim().min(1).max(128).optional(), email: z.email().max(254).optional(), tier: tierSchema.nullable() })
  .refine((s) => s.id || s.email, 'give the shopper id or e-mail the shop knows them by');
const putTiers = httpHandler({ body: z.strictObject({ shoppers: z.array(shopper).min(1).max(100) }), tenant: true }, async ({ body, auth }) => ({
  body: await setTiers(config.TABLE_NAME, auth.tenantId!, body.shoppers),
}));
const getTiers = httpHandler({ query: pageQuery, tenant: true }, async ({ query, auth }) => ({ body: await listTiers(config.TABLE_NAME, auth.tenantId!, query) }));

/** The merchant's release API: plan, start, follow, pause / resume / cancel, campaign copy, defaults, tiers. */
export const handler = byRoute({
  'POST /admin/releases': create,
  'GET /admin/releases': list,
  'POST /admin/releases/plan': plan,
  'GET /admin/releases/{releaseId}': get,
  'POST /admin/releases/{releaseId}/pause': pause,
  'POST /admin/releases/{releaseId}/resume': resume,
  'POST /admin/releases/{releaseId}/cancel': cancel,
  'GET /admin/releases/{releaseId}/campaign': copy,
  'GET /admin/release-settings': getSettings,
  'PUT /admin/release-settings': putSettings,
  'GET /admin/shopper-tiers': getTiers,
  'PUT /admin/shopper-tiers': putTiers,
});
