import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { UnprocessableError } from '../../shared/errors.js';
import { httpHandler } from '../../shared/http/handler.js';
import { EXAMPLE_DATA, REQUIRED_DATA, SUPPORTED_LOCALES, TEMPLATE_NAMES, storedTemplateSchema, type StoredTemplate } from '../../shared/messaging/templates/model.js';
import { builtinTemplate, render, templateProblems } from '../../shared/messaging/templates/render.js';
import { deleteOverride, getOverride, listOverrides, putOverride } from '../../shared/messaging/templates/store.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

const path = z.object({
  name: z.enum(TEMPLATE_NAMES),
  locale: z.string().regex(/^[a-z]{2,3}$/, 'a language code like "it" or "en"'),
});

/** What a merchant sees for a template: the text in force, where it comes from, and a preview. */
async function view(tenantId: string, name: z.infer<typeof path>['name'], locale: string, own: StoredTemplate | undefined) {
  const builtin = builtinTemplate(name, locale);
  const template = own ?? builtin;
  const preview = template
    ? await render({
        tenantId,
        recipientId: 'preview',
        template: name,
        locale,
        channel: 'email',
        kind: 'marketing',
        content: template,
        variants: own?.variants,
        data: EXAMPLE_DATA,
        shopName: String(EXAMPLE_DATA.shopName),
        unsubscribeUrl: 'https://example.invalid/u/preview',
      })
    : undefined;
  return {
    name,
    locale,
    source: own ? 'override' : builtin ? 'builtin' : 'none',
    template: template ?? null,
    builtin: builtin ?? null,
    requiredData: REQUIRED_DATA[name],
    exampleData: EXAMPLE_DATA,
    preview: preview ? { subject: preview.subject, text: preview.text, sms: preview.sms, variant: preview.variant } : null,
  };
}

export const routes = {
  'GET /admin/templates': httpHandler({ tenant: true }, async ({ auth }) => {
    const overrides = await listOverrides(store, auth.tenantId!);
    const items = TEMPLATE_NAMES.flatMap((name) => {
      const locales = new Set<string>([...SUPPORTED_LOCALES, ...overrides.filter((o) => o.name === name).map((o) => o.locale)]);
      return [...locales].map((locale) => {
        const own = overrides.find((o) => o.name === name && o.locale === locale);
        return { name, locale, source: own ? 'override' : 'builtin', updatedAt: own?.updatedAt };
      });
    });
    return { body: { items } };
  }),

  'GET /admin/templates/{name}/{locale}': httpHandler({ path, tenant: true }, async ({ path: p, auth }) => {
    return { body: await view(auth.tenantId!, p.name, p.locale, await getOverride(store, auth.tenantId!, p.name, p.locale)) };
  }),

  /** Replaces the tenant's text for one template and locale (with optional A/B variants). */
  'PUT /admin/templates/{name}/{locale}': httpHandler({ path, body: storedTemplateSchema, tenant: true }, async ({ path: p, body, auth }) => {
    const problems = templateProblems(body);
    if (problems.length) throw new UnprocessableError('Template cannot be used', problems);
    await putOverride(store, auth.tenantId!, p.name, p.locale, body);
    return { body: await view(auth.tenantId!, p.name, p.locale, body) };
  }),

  /** Back to the built-in text. */
  'DELETE /admin/templates/{name}/{locale}': httpHandler({ path, tenant: true }, async ({ path: p, auth }) => {
    await deleteOverride(store, auth.tenantId!, p.name, p.locale);
    return { status: 204 };
  }),
};
