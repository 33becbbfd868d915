import { loadConfig } from '../../shared/config/env.js';
import { serve } from '../../shared/http/handler.js';
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
import { releaseEnv } from '../../shared/release/env.js';
import { defaultPorts } from '../../shared/release/ports.js';
import { releaseAdmin } from './routes.js';

const config = loadConfig(releaseEnv);
const ctx: AdminContext = {
  tableName: config.TABLE_NAME,
  ports: defaultPorts({ tableName: config.TABLE_NAME, publicApiUrl: config.PUBLIC_API_URL }),
  stateMachineArn: config.RELEASE_STATE_MACHINE_ARN,
  senderEmail: config.SENDER_EMAIL,
  now: () => new Date(),
};

/** The merchant's release API: plan, start, follow, pause / resume / cancel, campaign copy, defaults, tiers. */
export const handler = serve(releaseAdmin, {
  /** 201 when this request started it; 200 when the release existed already. */
  startRelease: async ({ body, tenantId }) => {
    const { release, created } = await createRelease(ctx, tenantId, { ...body, trigger: 'manual' });
    return { status: created ? 201 : 200, body: await progress(ctx, tenantId, release.releaseId) };
  },

  listReleases: async ({ query, tenantId }) => ({ body: await listReleases(ctx, tenantId, query) }),

  planRelease: async ({ body, tenantId }) => ({ body: await planRelease(ctx, tenantId, body) }),

  getRelease: async ({ path, tenantId }) => ({ body: await progress(ctx, tenantId, path.releaseId) }),

  pauseRelease: async ({ path, tenantId }) => ({ body: await pauseRelease(ctx, tenantId, path.releaseId) }),

  resumeRelease: async ({ path, tenantId }) => ({ body: await resumeRelease(ctx, tenantId, path.releaseId) }),

  cancelRelease: async ({ path, tenantId }) => ({ body: await cancelRelease(ctx, tenantId, path.releaseId) }),

  getReleaseCampaign: async ({ path, query, tenantId }) => ({ body: await campaign(ctx, tenantId, path.releaseId, query.locale?.split(',')) }),

  getReleaseSettings: async ({ tenantId }) => ({ body: await releaseSettings(config.TABLE_NAME, tenantId) }),

  putReleaseSettings: async ({ body, tenantId }) => ({ body: await putReleaseSettings(config.TABLE_NAME, tenantId, body) }),

  listShopperTiers: async ({ query, tenantId }) => ({ body: await listTiers(config.TABLE_NAME, tenantId, query) }),

  setShopperTiers: async ({ body, tenantId }) => ({ body: await setTiers(config.TABLE_NAME, tenantId, body.shoppers) }),
});
