import * as z from 'zod';
import { pageOf, pageQuery } from '../../shared/http/paging.js';
import { defineRoutes, ErrorBodySchema } from '../../shared/http/route.js';
import { idSchema, skuSchema } from '../../shared/inventory/model.js';
import { erasureReportSchema, personExportSchema, personSchema } from '../../shared/waitlist/gdpr.js';
import { perksSchema } from '../../shared/waitlist/model.js';
import { waitlistSettingsSchema } from '../../shared/waitlist/settings.js';
import { signupAnswerSchema, signupBodySchema } from '../../shared/waitlist/signup.js';

// ---- storefront ----

/** The widget's form (publishable key). */
export const waitlistSignup = defineRoutes({
  capability: 'waitlist',
  entry: 'functions/waitlist/signup.ts',
  routes: {
    joinWaitlist: {
      method: 'POST',
      path: '/storefront/waitlist',
      auth: 'storefront',
      summary: 'Join a product’s or a variant’s waitlist',
      description:
        'One entry per person and list (the same e-mail or phone): a repeat answers exactly as the first time (same entry, live position), sends nothing and is not rate limited. ' +
        'New entries are limited per client and per address (429 with Retry-After; the shop’s `rateLimit` settings), and to the shop’s places per list when it caps them (409). ' +
        'With double opt-in the entry is `pending_confirmation` (no position) until the link sent to the shopper is opened. Contact details are refused with the field and a reason (400), disposable addresses too.',
      body: signupBodySchema,
      responses: { 200: { description: 'The entry and its live place in line.', body: signupAnswerSchema } },
      errors: [404, 409],
    },
  },
});

// ---- the shopper's signed links ----

const token = z.object({ token: z.string().min(1).max(2048).meta({ description: 'The signed token from the message.' }) });
const htmlPage = (description: string) => ({ description, contentType: 'text/html' });

/** What the preference page's forms post, as JSON (form posts are read into the same shape). */
export const linkActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('cancel'), entryId: z.string().min(1).max(100) }),
  z.object({ action: z.literal('cancel_all') }),
  z.object({ action: z.literal('channels'), email: z.boolean(), sms: z.boolean() }),
]);

/** The same actions as the page's HTML forms post them. */
const linkForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('cancel'), entryId: z.string().min(1).max(100) }),
  z.object({ action: z.literal('cancel_all') }),
  z.object({
    action: z.literal('channels'),
    email: z.literal('on').optional().meta({ description: 'A ticked checkbox; absent means off.' }),
    sms: z.literal('on').optional().meta({ description: 'A ticked checkbox; absent means off.' }),
  }),
]);

export const linkAnswerSchema = z.object({
  ok: z.literal(true),
  entries: z.array(z.object({ entryId: z.string(), listId: z.string(), status: z.enum(['active', 'pending']), channels: z.object({ email: z.boolean(), sms: z.boolean() }) })).meta({ description: 'The alerts this link still reaches, after the change.' }),
});

/** Links in waitlist messages, followed by shoppers without logging in: the token in the path is the proof. */
export const waitlistLinks = defineRoutes({
  capability: 'waitlist',
  entry: 'functions/waitlist/preferences.ts',
  routes: {
    openWaitlistLink: {
      method: 'GET',
      path: '/p/{token}',
      auth: 'public',
      publicReason: 'The path carries an HMAC-signed, expiring token naming the shop and the person’s contact hashes (or one entry); a tampered one opens nothing.',
      summary: 'Open a shopper’s link: the preference page, or a one-click action',
      description:
        'A preference link shows every alert of the person in this shop (place in line, channels) with forms to change them. ' +
        'A confirmation link (double opt-in) puts the entry in line, once however often it is opened; a “still interested?” link keeps the place. Pages are never cached.',
      params: token,
      responses: {
        200: htmlPage('The preference page, or the confirmation (with the place in line) of what the link did.'),
        404: htmlPage('The link is not valid (altered or unknown).'),
        409: htmlPage('Confirming: the waitlist filled up meanwhile.'),
        410: htmlPage('The link expired, or its entry is gone.'),
        500: htmlPage('Something went wrong: a page says so.'),
      },
      raw: true,
    },
    updateWaitlistPreferences: {
      method: 'POST',
      path: '/p/{token}',
      auth: 'public',
      publicReason: 'The path carries an HMAC-signed, expiring preference token; it reaches only the alerts of the contacts it names, in its own shop.',
      summary: 'Cancel an alert, cancel all, or set channels (the preference page’s forms)',
      description:
        'Preference links only (405 for the others). The page posts its forms (`application/x-www-form-urlencoded`) and gets the page back with a notice. ' +
        'Scripted callers may post the same actions as JSON (`{"action":"channels","email":true,"sms":false}`) and get JSON back. ' +
        'A channel is only turned on where the alert has the contact for it; at least one channel must stay on (else cancel).',
      params: token,
      body: linkForm,
      bodyContentType: 'application/x-www-form-urlencoded',
      responses: {
        200: { description: 'A form post: the preference page with a notice. A JSON post: the alerts that remain.', contentType: 'text/html', body: linkAnswerSchema },
        404: { description: 'The link is not valid (a page says so), or the alert is not one of this link’s (an error).', contentType: 'text/html', body: ErrorBodySchema },
        410: htmlPage('The link expired.'),
        500: htmlPage('Something went wrong: a page says so.'),
      },
      errors: [405],
      raw: true,
    },
  },
});

// ---- the merchant's waitlists ----

const channelCounts = z.object({ email: z.number().int().nonnegative(), sms: z.number().int().nonnegative() });

export const waitlistSummaryView = z
  .object({
    listId: z.string().meta({ description: '`sku:<sku>` (a variant) or `product:<productId>` (any variant of the product).' }),
    productId: z.string(),
    sku: z.string().optional(),
    level: z.enum(['product', 'variant']),
    waiting: z.number().int().nonnegative(),
    byChannel: channelCounts,
    lastJoinedAt: z.string().nullable(),
    lastEtaUpdateAt: z.string().nullable(),
  })
  .meta({ id: 'WaitlistSummary' });

const productWaitlists = z.object({ productId: z.string(), total: z.object({ waiting: z.number().int().nonnegative(), byChannel: channelCounts }), items: z.array(waitlistSummaryView) });

export const waitlistEntryView = z
  .object({
    entryId: z.string(),
    status: z.enum(['active', 'pending']),
    position: z.number().int().positive().nullable().meta({ description: 'The place in line (active entries); null while pending.' }),
    since: z.string().meta({ description: 'When it joined the line (or signed up, while pending).' }),
    channels: z.object({ email: z.boolean(), sms: z.boolean() }),
    email: z.string().optional(),
    phone: z.string().optional(),
    shopperId: z.string().optional(),
    locale: z.string(),
    updatesSent: z.number().int().nonnegative(),
    lastMessageAt: z.string().nullable(),
    consent: z.object({ textVersion: z.string(), recordedAt: z.string(), source: z.string() }),
  })
  .meta({ id: 'WaitlistEntry' });

export const entriesQuery = pageQuery.extend({
  status: z.enum(['active', 'pending']).default('active').meta({ description: '`active`: in line order; `pending`: waiting for their double opt-in, by sign-up.' }),
});

const settingsView = waitlistSettingsSchema.meta({ id: 'WaitlistSettings' });

/**
 * A patch of waitlist settings: any subset of fields, without the schema's defaults (a
 * default would overwrite what is stored); `null` removes an optional field; `rateLimit`
 * merges field by field.
 */
const withoutDefault = (s: z.ZodType): z.ZodType => (s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : s);
const rateLimitShape = (withoutDefault(waitlistSettingsSchema.shape.rateLimit) as z.ZodObject).shape;
export const settingsPatch = z.strictObject(
  Object.fromEntries(
    Object.entries(waitlistSettingsSchema.shape).map(([k, v]) => [
      k,
      k === 'rateLimit'
        ? z.strictObject(Object.fromEntries(Object.entries(rateLimitShape).map(([rk, rv]) => [rk, withoutDefault(rv as z.ZodType).optional()]))).optional()
        : withoutDefault(v as z.ZodType).nullable().optional(),
    ]),
  ),
);

const productPath = z.object({ productId: idSchema });
const perksView = perksSchema.extend({ updatedAt: z.iso.datetime().optional() }).meta({ id: 'WaitlistPerks' });

/** Waitlist admin (demand, entries, settings, perks) and the shops' GDPR requests. */
export const waitlistAdmin = defineRoutes({
  capability: 'waitlist',
  entry: 'functions/waitlist/admin.ts',
  routes: {
    listWaitlists: {
      method: 'GET',
      path: '/admin/waitlists',
      auth: 'admin',
      summary: 'Who waits, per list and channel: the demand signal',
      description: 'A page of the shop’s lists (variant or whole product) with their waiting counts by channel. With `productId`: every list of that product and the product’s total, in one answer.',
      query: pageQuery.extend({ productId: idSchema.optional().meta({ description: 'Only this product’s lists (its variants and the product level), with the total.' }) }),
      responses: { 200: { description: 'A page of lists, or one product’s lists and total.', body: z.union([pageOf(waitlistSummaryView), productWaitlists]) } },
      errors: [404],
    },
    listVariantWaitlistEntries: {
      method: 'GET',
      path: '/admin/waitlists/{sku}/entries',
      auth: 'admin',
      summary: 'Who waits for a variant, in line order',
      params: z.object({ sku: skuSchema }),
      query: entriesQuery,
      responses: { 200: { description: 'A page of entries with their place in line and contacts.', body: pageOf(waitlistEntryView) } },
    },
    listProductWaitlistEntries: {
      method: 'GET',
      path: '/admin/waitlists/products/{productId}/entries',
      auth: 'admin',
      summary: 'Who waits for any variant of a product, in line order',
      params: productPath,
      query: entriesQuery,
      responses: { 200: { description: 'A page of entries with their place in line and contacts.', body: pageOf(waitlistEntryView) } },
    },
    getWaitlistSettings: {
      method: 'GET',
      path: '/admin/waitlists/settings',
      auth: 'admin',
      summary: 'Waitlist settings: double opt-in, limits, expiry, drip cadence, consent texts',
      responses: { 200: { description: 'The settings, defaults filled in.', body: settingsView } },
      errors: [404],
    },
    patchWaitlistSettings: {
      method: 'PATCH',
      path: '/admin/waitlists/settings',
      auth: 'admin',
      summary: 'Change some waitlist settings (the rest stay)',
      description: 'Fields the patch does not name are kept; `null` removes an optional one; `rateLimit` merges field by field. The result is validated whole.',
      body: settingsPatch,
      responses: { 200: { description: 'The settings after the change.', body: settingsView } },
      errors: [404],
    },
    getWaitlistPerks: {
      method: 'GET',
      path: '/admin/waitlists/products/{productId}/perks',
      auth: 'admin',
      summary: 'A product’s waitlist perks',
      params: productPath,
      responses: { 200: { description: 'The perks (`{}` when none are set).', body: perksView } },
    },
    putWaitlistPerks: {
      method: 'PUT',
      path: '/admin/waitlists/products/{productId}/perks',
      auth: 'admin',
      summary: 'Set a product’s waitlist perks',
      description: 'Replaces them: a discount code valid `validHours` after the back-in-stock message, loyalty points credited to everyone waiting when the product returns, and exclusive content (per language) in the messages and on the preference page of people waiting.',
      params: productPath,
      body: perksSchema.strict(),
      responses: { 200: { description: 'The perks now in force.', body: perksView } },
      errors: [404],
    },
    exportShopper: {
      method: 'POST',
      path: '/admin/shoppers/export',
      auth: 'admin',
      summary: 'Everything held about a shopper (GDPR access and portability)',
      description: 'Found by e-mail, phone and/or the shop’s shopper id: waitlist entries with their consent, the points ledger and balance, and every message sent. Only this shop’s data is reachable.',
      body: personSchema,
      responses: { 200: { description: 'The export.', body: personExportSchema } },
      errors: [404],
    },
    eraseShopper: {
      method: 'POST',
      path: '/admin/shoppers/erase',
      auth: 'admin',
      summary: 'Erase a shopper everywhere (GDPR erasure)',
      description:
        'Waitlist entries and their claims, the points ledger, rate-limit marks and the messaging records of the person, with a count of what went. ' +
        'Suppressions by address hash stay: they hold no address and keep an erased person from being contacted again.',
      body: personSchema,
      responses: { 200: { description: 'What was erased.', body: z.object({ erased: erasureReportSchema }) } },
      errors: [404],
    },
  },
});
