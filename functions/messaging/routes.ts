import * as z from 'zod';
import { pageOf, pageQuery } from '../../shared/http/paging.js';
import { defineRoutes } from '../../shared/http/route.js';
import { sendRecordViewSchema } from '../../shared/messaging/ledger.js';
import { messagingSettingsSchema } from '../../shared/messaging/settings.js';
import { TEMPLATE_NAMES, storedTemplateSchema, templateContentSchema } from '../../shared/messaging/templates/model.js';

const token = z.object({ token: z.string().max(4096) });
const htmlPage = (description: string) => ({ description, contentType: 'text/html' });

/** Links in messages, followed by shoppers without logging in: the token in the path is the proof. */
export const messagingLinks = defineRoutes({
  capability: 'messaging',
  entry: 'functions/messaging/links.ts',
  routes: {
    followTrackedLink: {
      method: 'GET',
      path: '/t/{token}',
      auth: 'public',
      publicReason: 'The path carries an HMAC-signed token naming the destination; only URLs Restock put in a message are followed.',
      summary: 'Follow a tracked link',
      description: 'Records the click on the message’s send record, then redirects to the destination the signed token carries.',
      params: token,
      responses: {
        302: { description: 'To the destination.', headers: { Location: 'The destination URL.' } },
        404: htmlPage('The link is not valid (altered or unknown): a page says so.'),
      },
      raw: true,
    },
    unsubscribeFromLink: {
      method: 'GET',
      path: '/u/{token}',
      auth: 'public',
      publicReason: 'The path carries an HMAC-signed unsubscribe token; a tampered one changes nothing.',
      summary: 'Unsubscribe (the footer link)',
      description: 'Unsubscribes at once and shows a confirmation page with an “I clicked by mistake” button (link scanners sometimes follow GET links).',
      params: token,
      responses: { 200: htmlPage('Unsubscribed.'), 400: htmlPage('The link is not valid.') },
      raw: true,
    },
    unsubscribeOneClick: {
      method: 'POST',
      path: '/u/{token}',
      auth: 'public',
      publicReason: 'The path carries an HMAC-signed unsubscribe token; RFC 8058 one-click posts carry no credentials by design.',
      summary: 'One-click unsubscribe (RFC 8058), or undo it',
      description: '`List-Unsubscribe=One-Click` (sent by mail clients) unsubscribes; `action=resubscribe` (the confirmation page’s button) lifts only this opt-out.',
      params: token,
      body: z.string().max(1000).optional(),
      bodyContentType: 'application/x-www-form-urlencoded',
      responses: { 200: htmlPage('Unsubscribed, or subscribed again.'), 400: htmlPage('The link is not valid.') },
      raw: true,
    },
  },
});

const templatePath = z.object({
  name: z.enum(TEMPLATE_NAMES),
  locale: z.string().regex(/^[a-z]{2,3}$/, 'a language code like "it" or "en"'),
});

const templateView = z.object({
  name: z.enum(TEMPLATE_NAMES),
  locale: z.string(),
  source: z.enum(['override', 'builtin', 'none']).meta({ description: 'Where the text in force comes from.' }),
  template: storedTemplateSchema.nullable(),
  builtin: templateContentSchema.extend({ sms: z.string() }).nullable(),
  requiredData: z.array(z.string()),
  exampleData: z.record(z.string(), z.union([z.string(), z.number()])),
  preview: z.object({ subject: z.string(), text: z.string(), sms: z.string(), variant: z.string() }).nullable(),
});

const settingsBody = messagingSettingsSchema.omit({ domain: true }).strict();
const settingsView = z.object({ settings: messagingSettingsSchema });

const identityView = z.object({
  domain: z.string(),
  from: z.string(),
  status: z.enum(['pending', 'verified', 'failed']),
  verifiedForSending: z.boolean(),
  dkimStatus: z.string(),
  dnsRecords: z.array(z.object({ type: z.literal('CNAME'), name: z.string(), value: z.string() })).meta({ description: 'The Easy DKIM CNAMEs to publish in the domain’s DNS.' }),
  checkedAt: z.iso.datetime(),
});

/** The merchant's messaging: template texts, sends that need a look, sending policy and domain. */
export const messagingAdmin = defineRoutes({
  capability: 'messaging',
  entry: 'functions/messaging/admin.ts',
  routes: {
    listTemplates: {
      method: 'GET',
      path: '/admin/templates',
      auth: 'admin',
      summary: 'Templates and locales, built-in or the tenant’s own',
      responses: {
        200: {
          description: 'Every template in every supported locale (and any other locale the tenant wrote).',
          body: z.object({ items: z.array(z.object({ name: z.enum(TEMPLATE_NAMES), locale: z.string(), source: z.enum(['override', 'builtin']), updatedAt: z.string().optional() })) }),
        },
      },
    },
    getTemplate: {
      method: 'GET',
      path: '/admin/templates/{name}/{locale}',
      auth: 'admin',
      summary: 'A template: the text in force, the built-in one, the data it needs and a preview',
      params: templatePath,
      responses: { 200: { description: 'The template.', body: templateView } },
    },
    putTemplate: {
      method: 'PUT',
      path: '/admin/templates/{name}/{locale}',
      auth: 'admin',
      summary: 'Replace the tenant’s text for a template and locale (with optional A/B variants)',
      params: templatePath,
      body: storedTemplateSchema,
      responses: { 200: { description: 'The template now in force, with a preview.', body: templateView } },
      errors: [422],
    },
    deleteTemplate: {
      method: 'DELETE',
      path: '/admin/templates/{name}/{locale}',
      auth: 'admin',
      summary: 'Back to the built-in text',
      params: templatePath,
      responses: { 204: { description: 'The override is gone.' } },
    },
    listMessages: {
      method: 'GET',
      path: '/admin/messages',
      auth: 'admin',
      summary: 'Sends that need a look (pending or failed), or every message to one person',
      description: '`status=pending` awaits the provider’s confirmation; `failed` has a reason (a refused address, or `unconfirmed`: never resent automatically). `recipientId=` lists every message to one person instead.',
      query: pageQuery.extend({ status: z.enum(['pending', 'failed']).default('failed'), recipientId: z.string().min(1).max(128).optional() }),
      responses: { 200: { description: 'A page of send records, newest first.', body: pageOf(sendRecordViewSchema) } },
    },
    getMessagingSettings: {
      method: 'GET',
      path: '/admin/messaging/settings',
      auth: 'admin',
      summary: 'Sending policy: quiet hours, cooldown, frequency cap, click tracking, reply-to',
      responses: { 200: { description: 'The settings, defaults filled in.', body: settingsView } },
    },
    putMessagingSettings: {
      method: 'PUT',
      path: '/admin/messaging/settings',
      auth: 'admin',
      summary: 'Replace the sending policy (fields left out go back to their defaults)',
      body: settingsBody,
      responses: { 200: { description: 'The settings in force.', body: settingsView } },
    },
    getSendingDomain: {
      method: 'GET',
      path: '/admin/messaging/domain',
      auth: 'admin',
      summary: 'The tenant’s sending domain and its verification',
      responses: {
        200: {
          description: 'The domain with its DKIM records and status, or the platform default when none is set.',
          body: z.union([identityView, z.object({ domain: z.null(), from: z.null(), status: z.literal('platform-default') })]),
        },
      },
      errors: [503],
    },
    verifySendingDomain: {
      method: 'POST',
      path: '/admin/messaging/domain',
      auth: 'admin',
      summary: 'Start verifying the tenant’s own sending domain (Easy DKIM)',
      description: 'Until SES reports it verified, messages go out from the platform’s address with the tenant’s name and Reply-To. A domain belongs to the first tenant that claims it.',
      body: z.strictObject({
        domain: z
          .string()
          .max(253)
          .transform((s) => s.toLowerCase())
          .pipe(z.string().regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'a domain like "shop.example"')),
        fromLocalPart: z.string().regex(/^[A-Za-z0-9._%+-]{1,64}$/).default('alerts'),
      }),
      responses: { 202: { description: 'Verification started: publish the DNS records.', body: identityView } },
      errors: [409, 503],
    },
  },
});
