import * as z from 'zod';

const localeKey = z.string().regex(/^[a-z]{2}$/, 'a two-letter language code');
const days = z.number().min(0).max(3650);

/**
 * Waitlist settings of a tenant (`settings.waitlist`). Durations are in days and may be
 * fractional (the local stack and tests compress time; a merchant could also say "12 hours").
 */
export const waitlistSettingsSchema = z.object({
  /** Entries wait for a click on an e-mailed (or texted) confirmation link before they count. */
  doubleOptIn: z.boolean().default(false),
  /** Unconfirmed entries (and their confirmation links) are removed after this many days (DynamoDB TTL). */
  unconfirmedTtlDays: days.default(3),
  /** An active entry is asked "still interested?" this many days after joining (or keeping its place)… */
  entryTtlDays: days.default(90),
  /** …and removed if the shopper does not keep the place within this many days. */
  keepGraceDays: days.default(7),
  /** "Limited spots": at most this many active entries per variant (or product-level list). */
  capPerVariant: z.number().int().positive().max(10_000_000).optional(),
  /** Drip step 2: never more than one update per this many days… */
  dripCadenceDays: days.default(7),
  /** …at most this many updates per entry… */
  maxUpdates: z.number().int().min(0).max(100).default(3),
  /** …and a "we are working on it" update after this many days without any message. */
  silenceDays: days.default(14),
  /** Consent text shown by the widget, per language, with the version the sign-up records. */
  consentTexts: z.record(localeKey, z.object({ version: z.string().trim().min(1).max(40), text: z.string().trim().min(1).max(2000) })).default({}),
  /** Extra disposable e-mail domains to refuse, on top of the bundled list. */
  disposableDomains: z.array(z.string().trim().toLowerCase().min(3).max(253)).max(1000).default([]),
  /** ISO 3166 country for phone numbers typed without a country code (fallback: the locale's region). */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code').optional(),
  /** Minimum seconds between new entries from one client IP, and to one address (WooCommerce: 30 s, 180 s). */
  rateLimit: z
    .object({ perIpSeconds: z.number().int().min(0).max(86_400).default(30), perAddressSeconds: z.number().int().min(0).max(86_400).default(180) })
    .default({ perIpSeconds: 30, perAddressSeconds: 180 }),
  /** Where product links in messages point, e.g. `https://shop.example/p/{productId}?sku={sku}` (else the product's own url). */
  productUrlTemplate: z.string().max(500).optional(),
});
export type WaitlistSettings = z.infer<typeof waitlistSettingsSchema>;

export const defaultWaitlistSettings = (): WaitlistSettings => waitlistSettingsSchema.parse({});
