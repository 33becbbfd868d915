import { createHash } from 'node:crypto';
import * as z from 'zod';
import { defineEntity, tenantKey } from '../data/entity.js';
import { DEFAULT_SELLING_FAST } from './listing.js';
import { BUILT_IN_LOCALES, language, resolveLocale, textsFor, type MessageKey } from './messages.js';
import { DEFAULT_LIMIT_PER_MINUTE } from './rate-limit.js';

const localeKey = z.string().regex(/^[a-z]{2}$/, 'a two-letter language code');

/**
 * The tenant's storefront settings: rate limit, the "selling fast" rule, the consent text
 * per language shown next to the widget's checkbox, and text overrides (or whole extra
 * languages) for the widget and the availability labels.
 */
export const storefrontConfigSchema = z.object({
  tenantId: z.string(),
  rateLimitPerMinute: z.number().int().min(10).max(100_000).default(DEFAULT_LIMIT_PER_MINUTE),
  sellingFast: z
    .object({ coverDays: z.number().positive().max(90).default(DEFAULT_SELLING_FAST.coverDays), minUnits7d: z.number().int().min(1).max(100_000).default(DEFAULT_SELLING_FAST.minUnits7d) })
    .default(DEFAULT_SELLING_FAST),
  consent: z.record(localeKey, z.string().trim().min(1).max(1000)).default({}),
  texts: z.record(localeKey, z.record(z.string().max(60), z.string().max(500))).default({}),
  /** Languages the widget offers; the first is the default when none is asked for. */
  locales: z.array(localeKey).min(1).max(20).optional(),
  privacyUrl: z.url().max(2000).optional(),
  updatedAt: z.iso.datetime().optional(),
});
export type StorefrontConfig = z.infer<typeof storefrontConfigSchema>;

export const StorefrontConfigEntity = defineEntity({
  type: 'StorefrontConfig',
  schema: storefrontConfigSchema,
  key: (k: { tenantId: string }) => ({ pk: tenantKey(k.tenantId), sk: 'STOREFRONT' }),
});

export const defaultConfig = (tenantId: string): StorefrontConfig => storefrontConfigSchema.parse({ tenantId });

/** What the widget needs: its texts in one language, the consent text, where to sign up. */
export const widgetConfigSchema = z.lazy(() =>
  z
  .object({
    locale: z.string(),
    locales: z.array(z.string()).meta({ description: 'Languages the widget offers; the first is the shop’s default.' }),
    texts: z.record(z.string(), z.string()).meta({ description: 'The widget’s, states’, ETAs’ and badges’ texts in `locale`, the tenant’s overrides applied.' }),
    consent: z.object({
      text: z.string(),
      version: z.string().meta({ description: 'Identifies the exact words the shopper agrees to (recorded with the consent).' }),
      custom: z.boolean().meta({ description: 'The shop’s own consent text (else the built-in one).' }),
    }),
    privacyUrl: z.string().optional(),
    waitlist: z.object({ signupPath: z.string() }),
    signals: z.object({ path: z.string() }),
  })
  .meta({ id: 'WidgetConfig' }),
);
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

/** The widget's config in the requested language (else the shop's first language). */
export function widgetConfig(cfg: StorefrontConfig, tenantLocale: string, requested: string | undefined): WidgetConfig {
  const locales = cfg.locales ?? [...new Set([language(tenantLocale), ...BUILT_IN_LOCALES, ...Object.keys(cfg.texts)])].filter(Boolean);
  const locale = resolveLocale(requested, locales[0], cfg.texts);
  const texts = textsFor(locale, cfg.texts);
  const consentText = cfg.consent[locale] ?? texts['widget.consent'];
  const widgetTexts = Object.fromEntries(Object.entries(texts).filter(([k]) => k.startsWith('widget.') || k.startsWith('state.') || k.startsWith('eta.') || k.startsWith('badge.'))) as Partial<Record<MessageKey, string>>;
  return {
    locale,
    locales,
    texts: widgetTexts,
    // The version identifies the exact words the shopper agreed to (recorded with the consent).
    consent: { text: consentText, version: createHash('sha256').update(`${locale}\u0000${consentText}`).digest('hex').slice(0, 12), custom: locale in cfg.consent },
    ...(cfg.privacyUrl ? { privacyUrl: cfg.privacyUrl } : {}),
    waitlist: { signupPath: '/storefront/waitlist' },
    signals: { path: '/storefront/signals' },
  };
}
