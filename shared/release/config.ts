import * as z from 'zod';

/**
 * Release configuration: tenant defaults (PUT /admin/releases/settings) overridden per
 * release (POST /admin/releases). Every number has a default that `npm run sim:release`
 * was run with; the README quotes that run.
 */
export const responseCurveSchema = z.object({
  /**
   * When shoppers act on a message: a mix of fast responders and a slow tail
   * (hyper-exponential). The defaults reproduce published open-time curves: about a quarter
   * of eventual responses in the first hour, half by six hours, about 80 % by a day
   * (GetResponse, MailerMailer, Experian — see bench/release-sim/run.ts).
   */
  fastShare: z.number().min(0).max(1).default(0.3),
  fastMeanHours: z.number().positive().max(24 * 7).default(0.75),
  slowMeanHours: z.number().positive().max(24 * 30).default(18),
});
export type ResponseCurve = z.infer<typeof responseCurveSchema>;

export const releaseConfigSchema = z.object({
  /** Time between waves: the release re-checks stock, holds and conversions this often. */
  windowMinutes: z.number().min(1).max(7 * 24 * 60).default(45),
  /** Between waves the workflow still looks this often: sold out, lapsed holds, pause. */
  checkMinutes: z.number().min(1).max(24 * 60).default(5),
  /** Each wave aims to sell the free units within this horizon (shorter = bigger waves). */
  horizonHours: z.number().positive().max(7 * 24).default(8),
  /** Expected buyers per free unit a wave aims for (1 = exactly as many as units). */
  oversubscription: z.number().min(0.1).max(10).default(1.05),
  /**
   * Beta(α, β) prior on the share of notified shoppers who buy. The default (mean 10 %, worth
   * ten observations) sits in the published 5–15 % range for back-in-stock messages.
   */
  prior: z.object({ alpha: z.number().positive().max(10_000), beta: z.number().positive().max(100_000) }).default({ alpha: 1, beta: 9 }),
  /** Share of notified shoppers who click through: used to estimate disappointment only. */
  clickThrough: z.number().min(0).max(1).default(0.2),
  response: responseCurveSchema.default({ fastShare: 0.3, fastMeanHours: 0.75, slowMeanHours: 18 }),
  /** A claim link holds a unit this long. */
  holdMinutes: z.number().positive().max(24 * 60).default(15),
  /** The product opens to everyone this long after the first wave (or at once when the waitlist is exhausted). */
  publicAfterHours: z.number().min(0).max(24 * 30).default(24),
  minWave: z.number().int().min(1).max(1_000_000).default(1),
  maxWave: z.number().int().min(1).max(1_000_000).default(50_000),
  /** Hold-pool shards; absent = sized to the units (about one per ten units, 1–32). */
  shards: z.number().int().min(1).max(100).optional(),
  /** Tier names in priority order: VIP before loyalty; shoppers with other tiers follow them. */
  tiers: z.array(z.string().min(1).max(40)).max(10).default(['vip', 'loyalty']),
  /** Early-access links expire this long after they are sent. */
  linkTtlHours: z.number().positive().max(24 * 30).default(72),
  channels: z.array(z.enum(['email', 'sms'])).min(1).default(['email', 'sms']),
  /** Optional flash discount for the first 24 h after public opening. */
  flashDiscount: z.object({ percent: z.number().min(1).max(90), code: z.string().min(3).max(40).regex(/^[A-Za-z0-9_-]+$/) }).optional(),
  /** Product page the links point to (default: the product's own URL). */
  productUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});
export type ReleaseConfig = z.infer<typeof releaseConfigSchema>;
export type ReleaseConfigInput = z.input<typeof releaseConfigSchema>;

/** A partial config (tenant settings, per-release overrides): every field optional, nothing defaulted. */
export const releaseConfigPatchSchema = z.strictObject({
  windowMinutes: z.number().min(1).max(7 * 24 * 60).optional(),
  checkMinutes: z.number().min(1).max(24 * 60).optional(),
  horizonHours: z.number().positive().max(7 * 24).optional(),
  oversubscription: z.number().min(0.1).max(10).optional(),
  prior: z.strictObject({ alpha: z.number().positive().max(10_000), beta: z.number().positive().max(100_000) }).optional(),
  clickThrough: z.number().min(0).max(1).optional(),
  response: z.strictObject({ fastShare: z.number().min(0).max(1), fastMeanHours: z.number().positive().max(24 * 7), slowMeanHours: z.number().positive().max(24 * 30) }).optional(),
  holdMinutes: z.number().positive().max(24 * 60).optional(),
  publicAfterHours: z.number().min(0).max(24 * 30).optional(),
  minWave: z.number().int().min(1).max(1_000_000).optional(),
  maxWave: z.number().int().min(1).max(1_000_000).optional(),
  shards: z.number().int().min(1).max(100).optional(),
  tiers: z.array(z.string().min(1).max(40)).max(10).optional(),
  linkTtlHours: z.number().positive().max(24 * 30).optional(),
  channels: z.array(z.enum(['email', 'sms'])).min(1).optional(),
  flashDiscount: z.strictObject({ percent: z.number().min(1).max(90), code: z.string().min(3).max(40).regex(/^[A-Za-z0-9_-]+$/) }).optional(),
  productUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});
export type ReleaseConfigPatch = z.infer<typeof releaseConfigPatchSchema>;

export const DEFAULT_RELEASE_CONFIG: ReleaseConfig = releaseConfigSchema.parse({});

/** Defaults ⊕ tenant settings ⊕ this release's overrides (later wins, field by field). */
export function resolveConfig(...patches: (ReleaseConfigPatch | undefined)[]): ReleaseConfig {
  const merged: Record<string, unknown> = {};
  for (const p of patches) for (const [k, v] of Object.entries(p ?? {})) if (v !== undefined) merged[k] = v;
  const config = releaseConfigSchema.parse(merged);
  if (config.minWave > config.maxWave) config.minWave = config.maxWave;
  return config;
}
