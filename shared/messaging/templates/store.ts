import * as z from 'zod';
import { defineEntity, tenantKey } from '../../data/entity.js';
import type { Store } from '../../data/store.js';
import type { TemplateName } from '../types.js';
import { storedTemplateSchema, type StoredTemplate, type TemplateContent } from './model.js';
import { builtinTemplate, localeCandidates } from './render.js';

/** A tenant's own text for one template in one locale (admin `PUT /admin/templates/{name}/{locale}`). */
export const TemplateOverride = defineEntity({
  type: 'TemplateOverride',
  schema: z.object({
    tenantId: z.string(),
    name: z.string(),
    locale: z.string(),
    template: storedTemplateSchema,
    updatedAt: z.iso.datetime(),
  }),
  // One partition per tenant: listing a tenant's overrides is one query.
  key: (k: { tenantId: string; name: string; locale: string }) => ({ pk: tenantKey(k.tenantId, 'TEMPLATES'), sk: `${k.name}#${k.locale}` }),
});

const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<StoredTemplate | undefined> }>();

function override(store: Store, tenantId: string, name: TemplateName, locale: string, now: number): Promise<StoredTemplate | undefined> {
  const id = `${store.tableName}|${tenantId}|${name}|${locale}`;
  const hit = cache.get(id);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const value = store.get(TemplateOverride, { tenantId, name, locale }).then((r) => r?.template);
  value.catch(() => cache.delete(id));
  cache.set(id, { at: now, value });
  if (cache.size > 20_000) cache.clear();
  return value;
}

export interface EffectiveTemplate {
  locale: string;
  source: 'override' | 'builtin';
  template: StoredTemplate;
}

/**
 * The template a message uses: for each candidate locale (request's, tenant's, English),
 * the tenant's override if any, else the built-in text. Overrides are cached a minute per
 * container, so a 100k batch reads each at most once.
 */
export async function effectiveTemplate(store: Store, tenantId: string, name: TemplateName, requestedLocale: string, tenantLocale: string, now = Date.now()): Promise<EffectiveTemplate> {
  for (const locale of localeCandidates(requestedLocale, tenantLocale)) {
    const own = await override(store, tenantId, name, locale, now);
    if (own) return { locale, source: 'override', template: own };
    const builtin = builtinTemplate(name, locale);
    if (builtin) return { locale, source: 'builtin', template: builtin };
  }
  return { locale: 'en', source: 'builtin', template: builtinTemplate(name, 'en') as TemplateContent };
}

export async function putOverride(store: Store, tenantId: string, name: TemplateName, locale: string, template: StoredTemplate): Promise<void> {
  await store.put(TemplateOverride, { tenantId, name, locale, template, updatedAt: new Date().toISOString() });
  forget(tenantId, name, locale);
}

export async function deleteOverride(store: Store, tenantId: string, name: TemplateName, locale: string): Promise<void> {
  await store.delete(TemplateOverride, { tenantId, name, locale });
  forget(tenantId, name, locale);
}

export async function getOverride(store: Store, tenantId: string, name: TemplateName, locale: string): Promise<StoredTemplate | undefined> {
  return (await store.get(TemplateOverride, { tenantId, name, locale }, true))?.template;
}

function forget(tenantId: string, name: string, locale: string) {
  for (const k of cache.keys()) if (k.endsWith(`|${tenantId}|${name}|${locale}`)) cache.delete(k);
}

export async function listOverrides(store: Store, tenantId: string): Promise<{ name: string; locale: string; updatedAt: string }[]> {
  const out: { name: string; locale: string; updatedAt: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.page(TemplateOverride, { pk: tenantKey(tenantId, 'TEMPLATES'), limit: 100, cursor });
    out.push(...page.items.map((i) => ({ name: i.name, locale: i.locale, updatedAt: i.updatedAt })));
    cursor = page.cursor;
  } while (cursor);
  return out;
}
