import * as z from 'zod';
import type { TemplateName } from '../types.js';

/**
 * A message template, per template name and locale: the words only. The layout (HTML shell,
 * footer, unsubscribe links) is the platform's, so an override can never drop the
 * unsubscribe link or break the markup. Every string is a Handlebars template rendered as
 * plain text, then escaped once into the HTML shell.
 *
 * Fields available: name, shopName, productTitle, productUrl, link, date (ISO; use
 * `{{formatDate date}}`), discountCode, discountHours, gift, points, limited, remaining,
 * and any other field the caller passes in `data`.
 */
export const templateContentSchema = z.object({
  subject: z.string().min(1).max(300),
  /** The inbox preview line. */
  preheader: z.string().max(300).optional(),
  heading: z.string().max(300).optional(),
  paragraphs: z.array(z.string().min(1).max(2000)).min(1).max(12),
  cta: z.object({ label: z.string().min(1).max(100), url: z.string().min(1).max(500) }).optional(),
  /** The SMS text (kept short: one or two segments). */
  sms: z.string().min(1).max(480).optional(),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const variantSchema = templateContentSchema.partial().extend({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'letters, digits, _ or -'),
  weight: z.number().int().min(0).max(1000).default(1),
});
export type Variant = z.infer<typeof variantSchema>;

/** A stored template: base content plus optional A/B variants (each overrides some fields). */
export const storedTemplateSchema = templateContentSchema.extend({
  variants: z.array(variantSchema).max(5).optional(),
});
export type StoredTemplate = z.infer<typeof storedTemplateSchema>;

export type LocaleTexts = Record<TemplateName, TemplateContent & { sms: string }>;

export const TEMPLATE_NAMES = [
  'waitlist_confirmation',
  'waitlist_double_opt_in',
  'waitlist_eta_update',
  'waitlist_still_working',
  'waitlist_still_interested',
  'back_in_stock',
  'early_access',
  'sold_out_keep_place',
  'preorder',
  'thank_you',
  'apology',
] as const satisfies readonly TemplateName[];

/** Fields a template cannot do without; a request missing one fails before anything is claimed. */
export const REQUIRED_DATA: Record<TemplateName, string[]> = {
  waitlist_confirmation: ['productTitle'],
  waitlist_double_opt_in: ['productTitle', 'link'],
  waitlist_eta_update: ['productTitle', 'date'],
  waitlist_still_working: ['productTitle'],
  waitlist_still_interested: ['productTitle', 'link'],
  back_in_stock: ['productTitle', 'link'],
  early_access: ['productTitle', 'link'],
  sold_out_keep_place: ['productTitle'],
  preorder: ['productTitle', 'link'],
  thank_you: ['gift'],
  apology: ['productTitle'],
};

/** Example data: documents the fields and lets an override be test-rendered before it is saved. */
export const EXAMPLE_DATA: Record<string, string | number> = {
  name: 'Giulia',
  shopName: 'Bottega Demo',
  productTitle: 'Scarpa rossa 42',
  productUrl: 'https://shop.example/p/scarpa-rossa',
  link: 'https://shop.example/p/scarpa-rossa',
  date: '2026-12-10',
  discountCode: 'RESTOCK10',
  discountHours: 24,
  gift: '10%',
  points: 50,
};

export const SUPPORTED_LOCALES = ['it', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
