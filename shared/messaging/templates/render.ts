import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { isHttpUrl } from '../links.js';
import type { Channel, TemplateName } from '../types.js';
import { en } from './en.js';
import { it } from './it.js';
import { EXAMPLE_DATA, REQUIRED_DATA, SUPPORTED_LOCALES, type LocaleTexts, type StoredTemplate, type TemplateContent, type Variant } from './model.js';

/**
 * Rendering with Handlebars (the same template language SES itself uses), in an isolated
 * environment with one helper (`formatDate`) and `knownHelpersOnly`: templates can branch
 * (`{{#if}}`) and interpolate, nothing else. Prototype access is off (Handlebars ≥ 4.6).
 *
 * Every template string is rendered as plain text first; the HTML shell then inserts the
 * rendered strings with `{{…}}`, so data and template words alike are HTML-escaped exactly
 * once. Overrides may not use raw output (`{{{…}}}`, `{{&…}}`) or partials.
 */
export const BUILTIN: Record<string, LocaleTexts> = { it, en };

const hb = Handlebars.create();
hb.registerHelper('formatDate', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
  const locale = (options?.data?.root as { _locale?: string } | undefined)?._locale ?? 'en';
  return formatDate(value, locale);
});

export function formatDate(value: unknown, locale: string): string {
  if (typeof value !== 'string' || !value) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  } catch {
    return value;
  }
}

const COMPILE_OPTIONS = { knownHelpers: { formatDate: true }, knownHelpersOnly: true, noEscape: true } as const;
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function renderText(source: string, ctx: Record<string, unknown>): string {
  let fn = compiled.get(source);
  if (!fn) {
    fn = hb.compile(source, COMPILE_OPTIONS);
    if (compiled.size > 5000) compiled.clear();
    compiled.set(source, fn);
  }
  return fn(ctx, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

/** Rejects template strings an override must not contain; returns the problems found. */
export function templateProblems(t: StoredTemplate): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  const strings: [string, string | undefined][] = [];
  const collect = (prefix: string, c: Partial<TemplateContent>) => {
    strings.push([`${prefix}subject`, c.subject], [`${prefix}preheader`, c.preheader], [`${prefix}heading`, c.heading], [`${prefix}sms`, c.sms]);
    c.paragraphs?.forEach((p, i) => strings.push([`${prefix}paragraphs.${i}`, p]));
    if (c.cta) strings.push([`${prefix}cta.label`, c.cta.label], [`${prefix}cta.url`, c.cta.url]);
  };
  collect('', t);
  t.variants?.forEach((v, i) => collect(`variants.${i}.`, v));
  for (const [field, s] of strings) {
    if (s === undefined) continue;
    if (/\{\{\{|\{\{~?\s*&|\{\{~?\s*>/.test(s)) {
      problems.push({ field, reason: 'raw output ({{{ }}}, {{& }}) and partials ({{> }}) are not allowed' });
      continue;
    }
    try {
      renderText(s, { ...EXAMPLE_DATA, _locale: 'en' });
    } catch (error) {
      problems.push({ field, reason: `template error: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  if (t.variants) {
    const ids = t.variants.map((v) => v.id);
    if (new Set(ids).size !== ids.length) problems.push({ field: 'variants', reason: 'variant ids must be unique' });
    if (t.variants.length && t.variants.every((v) => (v.weight ?? 1) === 0)) problems.push({ field: 'variants', reason: 'at least one variant needs a weight above 0' });
  }
  return problems;
}

/** The locale actually used: the request's language if we have texts for it, else the tenant's, else English. */
export function localeCandidates(requested: string, tenantLocale: string): string[] {
  const base = (l: string) => l.toLowerCase().split(/[-_]/)[0] ?? '';
  return [...new Set([base(requested), base(tenantLocale), 'en'].filter((l) => /^[a-z]{2,3}$/.test(l)))];
}

export function builtinTemplate(name: TemplateName, locale: string): (TemplateContent & { sms: string }) | undefined {
  return BUILTIN[locale]?.[name];
}

export const isSupportedLocale = (l: string): boolean => (SUPPORTED_LOCALES as readonly string[]).includes(l);

/**
 * The variant a person gets: a stable hash of (tenant, template, recipient) over the
 * weights, so the same person always sees the same variant of a template — retries and
 * repeated sends included — and groups split by weight.
 */
export function pickVariant(variants: Variant[] | undefined, key: { tenantId: string; template: TemplateName; recipientId: string }): Variant | undefined {
  const eligible = (variants ?? []).filter((v) => (v.weight ?? 1) > 0);
  if (!eligible.length) return undefined;
  const total = eligible.reduce((s, v) => s + (v.weight ?? 1), 0);
  const h = createHash('sha256').update(`${key.tenantId}\n${key.template}\n${key.recipientId}`).digest().readUInt32BE(0);
  let point = (h / 0x1_0000_0000) * total;
  for (const v of eligible) {
    point -= v.weight ?? 1;
    if (point < 0) return v;
  }
  return eligible[eligible.length - 1];
}

export interface RenderInput {
  tenantId: string;
  recipientId: string;
  template: TemplateName;
  locale: string;
  channel: Channel;
  kind: 'marketing' | 'transactional';
  content: TemplateContent;
  variants?: Variant[];
  data: Record<string, string | number | boolean | undefined>;
  shopName: string;
  unsubscribeUrl?: string;
  preferencesUrl?: string;
  /** Turns the call-to-action URL into a tracked one (email click tracking). */
  trackLink?: (url: string) => Promise<string>;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  sms: string;
  variant: string;
  locale: string;
}

export class MissingDataError extends Error {
  constructor(readonly fields: string[]) {
    super(`missing template data: ${fields.join(', ')}`);
  }
}

export function missingData(template: TemplateName, data: Record<string, unknown>): string[] {
  return REQUIRED_DATA[template].filter((f) => data[f] === undefined || data[f] === null || data[f] === '');
}

const FOOTER: Record<string, { reason: string; unsubscribe: string; preferences: string; smsStop: string }> = {
  it: {
    reason: 'Ricevi questo messaggio perché ti sei iscritto agli avvisi di {{shopName}}.',
    unsubscribe: 'Annulla l’iscrizione',
    preferences: 'Gestisci le preferenze',
    smsStop: 'Rispondi STOP per non ricevere più SMS.',
  },
  en: {
    reason: 'You are receiving this because you signed up for alerts from {{shopName}}.',
    unsubscribe: 'Unsubscribe',
    preferences: 'Manage preferences',
    smsStop: 'Reply STOP to opt out.',
  },
};

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').replace(/\s{2,}/g, ' ').trim();

/** Renders a message: subject, HTML and text for email, or the SMS body. */
export async function render(input: RenderInput): Promise<RenderedMessage> {
  const variant = pickVariant(input.variants, input);
  const c: TemplateContent = { ...input.content, ...Object.fromEntries(Object.entries(variant ?? {}).filter(([k, v]) => v !== undefined && k !== 'id' && k !== 'weight')) };
  const ctx: Record<string, unknown> = { ...input.data, shopName: input.data.shopName ?? input.shopName, _locale: input.locale };
  const t = (s: string | undefined) => (s === undefined ? '' : renderText(s, ctx).trim());
  const footer = FOOTER[input.locale] ?? FOOTER.en!;

  const subject = oneLine(t(c.subject));
  const heading = t(c.heading);
  const preheader = oneLine(t(c.preheader));
  const paragraphs = c.paragraphs.map(t).filter(Boolean);
  let cta: { label: string; url: string } | undefined;
  if (c.cta) {
    const url = t(c.cta.url);
    // A CTA pointing anywhere but the web (javascript:, data:, nothing) is dropped, not sent.
    if (isHttpUrl(url)) cta = { label: t(c.cta.label), url: input.trackLink && input.channel === 'email' ? await input.trackLink(url) : url };
  }
  const sms = oneLine(t(c.sms ?? [c.subject, c.cta ? c.cta.url : ''].join(' ')) + (input.kind === 'marketing' ? ` ${footer.smsStop}` : ''));

  const shell = {
    locale: input.locale,
    subject,
    preheader,
    heading,
    paragraphs,
    cta,
    shopName: ctx.shopName,
    reason: input.kind === 'marketing' ? renderText(footer.reason, ctx) : undefined,
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: footer.unsubscribe,
    preferencesUrl: input.preferencesUrl,
    preferencesLabel: footer.preferences,
  };
  const html = layout(shell);
  const text = [
    heading,
    ...paragraphs,
    cta ? `${cta.label}: ${cta.url}` : '',
    '--',
    String(ctx.shopName ?? ''),
    shell.reason ?? '',
    input.unsubscribeUrl ? `${footer.unsubscribe}: ${input.unsubscribeUrl}` : '',
    input.preferencesUrl ? `${footer.preferences}: ${input.preferencesUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { subject, html, text, sms, variant: variant?.id ?? 'A', locale: input.locale };
}

// The HTML shell: escaped interpolation only (this is the one place HTML is produced).
const layout = hb.compile(
  `<!doctype html>
<html lang="{{locale}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;color:#18181b;">
{{#if preheader}}<div style="display:none;max-height:0;overflow:hidden;">{{preheader}}</div>{{/if}}
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;">
<p style="margin:0 0 16px;font-size:13px;color:#71717a;">{{shopName}}</p>
{{#if heading}}<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">{{heading}}</h1>{{/if}}
{{#each paragraphs}}<p style="margin:0 0 14px;font-size:15px;line-height:1.5;">{{this}}</p>
{{/each}}
{{#if cta}}<p style="margin:24px 0;"><a href="{{cta.url}}" style="display:inline-block;padding:12px 20px;background:#18181b;color:#ffffff;text-decoration:none;border-radius:6px;font-size:15px;">{{cta.label}}</a></p>{{/if}}
<hr style="border:none;border-top:1px solid #e4e4e7;margin:24px 0 12px;">
<p style="margin:0;font-size:12px;line-height:1.5;color:#71717a;">{{#if reason}}{{reason}} {{/if}}{{#if unsubscribeUrl}}<a href="{{unsubscribeUrl}}" style="color:#71717a;">{{unsubscribeLabel}}</a>{{/if}}{{#if preferencesUrl}} · <a href="{{preferencesUrl}}" style="color:#71717a;">{{preferencesLabel}}</a>{{/if}}</p>
</div>
</body>
</html>`,
  { knownHelpersOnly: true, strict: false },
);
