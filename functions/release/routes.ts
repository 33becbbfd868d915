import * as z from 'zod';
import { pageOf, pageQuery } from '../../shared/http/paging.js';
import { defineRoutes } from '../../shared/http/route.js';
import { idSchema, skuSchema } from '../../shared/inventory/model.js';
import { accessAnswerSchema, claimAnswerSchema } from '../../shared/release/access.js';
import { campaignAnswerSchema, planAnswerSchema, releaseProgressSchema, releaseSummarySchema, shopperTierViewSchema } from '../../shared/release/admin.js';
import { releaseConfigPatchSchema } from '../../shared/release/config.js';
import { ReleaseSettings, releaseIdSchema, tierSchema } from '../../shared/release/model.js';
import { CACHE } from '../../shared/storefront/cache.js';

const releaseBody = z.strictObject({
  productId: idSchema,
  sku: skuSchema,
  units: z.number().int().positive().max(10_000_000).optional().meta({ description: 'Release at most this many units (default: every sellable unit, restocks mid-release included).' }),
  startAt: z.iso.datetime().optional().meta({ description: 'When to start (default: now).' }),
  config: releaseConfigPatchSchema.optional().meta({ description: 'Overrides of the tenant’s release defaults, for this release only.' }),
});
const releasePath = z.object({ releaseId: releaseIdSchema });

const progress = releaseProgressSchema.meta({ id: 'ReleaseProgress' });
const settings = ReleaseSettings.schema.meta({ id: 'ReleaseSettings' });

const shopper = z
  .strictObject({ id: z.string().trim().min(1).max(128).optional(), email: z.email().max(254).optional(), tier: tierSchema.nullable().meta({ description: 'null removes the shopper’s tier.' }) })
  .refine((s) => s.id || s.email, 'give the shopper id or e-mail the shop knows them by');

/** The merchant's release API: plan, start, follow, pause / resume / cancel, campaign copy, defaults, tiers. */
export const releaseAdmin = defineRoutes({
  capability: 'release',
  entry: 'functions/release/admin.ts',
  routes: {
    startRelease: {
      method: 'POST',
      path: '/admin/releases',
      auth: 'admin',
      summary: 'Start a release of a variant',
      description:
        'Runs the pre-launch check (422 with every failed item in `fields` when it fails), claims the variant (409 while another release of it runs) and starts the release workflow.',
      body: releaseBody,
      responses: {
        201: { description: 'Started: the release’s progress.', body: progress },
        200: { description: 'This release exists already: its progress.', body: progress },
      },
      errors: [404, 409, 422],
    },
    listReleases: {
      method: 'GET',
      path: '/admin/releases',
      auth: 'admin',
      summary: 'List releases, newest first',
      query: pageQuery,
      responses: { 200: { description: 'A page of releases.', body: pageOf(releaseSummarySchema.meta({ id: 'ReleaseSummary' })) } },
    },
    planRelease: {
      method: 'POST',
      path: '/admin/releases/plan',
      auth: 'admin',
      summary: 'Preview a release (no writes)',
      description: 'The pre-launch check, the expected waves and their timing, and a simulation of sell-through and disappointed shoppers, for the same body POST /admin/releases takes.',
      body: releaseBody,
      responses: { 200: { description: 'What would happen, and whether it may start.', body: planAnswerSchema } },
      errors: [404, 422],
    },
    getRelease: {
      method: 'GET',
      path: '/admin/releases/{releaseId}',
      auth: 'admin',
      summary: 'A release’s progress',
      params: releasePath,
      responses: { 200: { description: 'Units, audience, waves, conversions and the workflow’s state.', body: progress } },
      errors: [404],
    },
    pauseRelease: {
      method: 'POST',
      path: '/admin/releases/{releaseId}/pause',
      auth: 'admin',
      summary: 'Pause a release',
      description: 'No new wave or page is sent until it is resumed; holds keep running.',
      params: releasePath,
      responses: { 200: { description: 'The release’s progress.', body: progress } },
      errors: [404, 409],
    },
    resumeRelease: {
      method: 'POST',
      path: '/admin/releases/{releaseId}/resume',
      auth: 'admin',
      summary: 'Resume a release (or restart its workflow)',
      description: 'Resumes a paused release; when its workflow is not running (it crashed or was stopped) a new execution carries on from where the last one stopped, sending nobody twice.',
      params: releasePath,
      responses: { 200: { description: 'The release’s progress; `restarted` says whether a new execution was started.', body: releaseProgressSchema.extend({ restarted: z.boolean() }) } },
      errors: [404, 409],
    },
    cancelRelease: {
      method: 'POST',
      path: '/admin/releases/{releaseId}/cancel',
      auth: 'admin',
      summary: 'Cancel a release',
      params: releasePath,
      responses: { 200: { description: 'The release’s progress.', body: progress } },
      errors: [404, 409],
    },
    getReleaseCampaign: {
      method: 'GET',
      path: '/admin/releases/{releaseId}/campaign',
      auth: 'admin',
      summary: 'Campaign copy for the release (e-mail, SMS, social)',
      params: releasePath,
      query: z.object({
        locale: z
          .string()
          .regex(/^[a-z]{2}([-_][A-Za-z]{2})?(,[a-z]{2}([-_][A-Za-z]{2})?)*$/)
          .optional()
          .meta({ description: 'Comma-separated locales, e.g. `it,en` (default: the shop’s, English and Italian).' }),
      }),
      responses: { 200: { description: 'The copy in each locale asked for.', body: campaignAnswerSchema } },
      errors: [404],
    },
    getReleaseSettings: {
      method: 'GET',
      path: '/admin/release-settings',
      auth: 'admin',
      summary: 'Release defaults of the tenant',
      responses: { 200: { description: 'Whether releases start on BackInStock, and the default configuration.', body: settings } },
    },
    putReleaseSettings: {
      method: 'PUT',
      path: '/admin/release-settings',
      auth: 'admin',
      summary: 'Set the release defaults',
      description: 'A field left out keeps its value; `defaults`, when given, replaces the stored defaults as a whole.',
      body: z.strictObject({ autoRelease: z.boolean().optional(), defaults: releaseConfigPatchSchema.optional() }),
      responses: { 200: { description: 'The settings now.', body: settings } },
    },
    listShopperTiers: {
      method: 'GET',
      path: '/admin/shopper-tiers',
      auth: 'admin',
      summary: 'List shoppers’ tiers',
      description: 'Shoppers are listed by pseudonym (`ref`), never by e-mail or id.',
      query: pageQuery,
      responses: { 200: { description: 'A page of tier assignments, by tier.', body: pageOf(shopperTierViewSchema) } },
    },
    setShopperTiers: {
      method: 'PUT',
      path: '/admin/shopper-tiers',
      auth: 'admin',
      summary: 'Set shoppers’ tiers (early access order)',
      description: 'Stored under the pseudonyms orders and waitlist entries map to; `tier: null` removes a shopper’s tier. At most 100 shoppers per call.',
      body: z.strictObject({ shoppers: z.array(shopper).min(1).max(100) }),
      responses: { 200: { description: 'Assignments written and removed (one per id and per e-mail given).', body: z.object({ updated: z.number().int(), removed: z.number().int() }) } },
    },
  },
});

const token = z.string().min(10).max(2048);
const claimPath = z.object({ claimId: z.string().min(5).max(600) });
const claim = claimAnswerSchema.meta({ id: 'ReleaseClaim' });

/** Early access and unit holds, for the storefront (publishable key). */
export const releaseStorefront = defineRoutes({
  capability: 'release',
  entry: 'functions/release/storefront.ts',
  routes: {
    checkEarlyAccess: {
      method: 'GET',
      path: '/storefront/early-access',
      auth: 'storefront',
      summary: 'May the holder of this private link buy now?',
      description:
        'The token comes from the link in a wave message. When the shopper may claim a unit, the answer carries a short-lived `claimToken`; a refused link (forged, altered, expired, another shop’s) answers 403 with the reason in `fields`.',
      query: z.object({ token }),
      cache: CACHE.none,
      responses: { 200: { description: 'Whether the shopper may buy now and why; nobody told “no” loses their place.', body: accessAnswerSchema.meta({ id: 'EarlyAccess' }) } },
      errors: [404],
    },
    claimUnit: {
      method: 'POST',
      path: '/storefront/claims',
      auth: 'storefront',
      summary: 'Hold one unit for the shopper',
      description: 'Takes the `claimToken` of GET /storefront/early-access; the unit is held for the release’s `holdMinutes`. One hold per shopper and release: 409 when none is left, the link was used, or the release is not taking claims.',
      body: z.object({ token }),
      responses: { 201: { description: 'The hold.', body: claim } },
      errors: [404, 409],
    },
    getClaim: {
      method: 'GET',
      path: '/storefront/claims/{claimId}',
      auth: 'storefront',
      summary: 'A hold',
      params: claimPath,
      cache: CACHE.none,
      responses: { 200: { description: 'The hold and its status (held, converted, lapsed, released).', body: claim } },
      errors: [404],
    },
    cancelClaim: {
      method: 'DELETE',
      path: '/storefront/claims/{claimId}',
      auth: 'storefront',
      summary: 'Give a held unit back',
      params: claimPath,
      responses: { 204: { description: 'Released: the unit is back in the pool.' } },
      errors: [404, 409],
    },
  },
});
