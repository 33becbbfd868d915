import type { TenantContext } from './data.js';
import { resolveLocale, translator } from './messages.js';
import type { ViewContext } from './view.js';

/** The view context of one request: the tenant's settings in the shopper's language, today. */
export function viewContextOf(tenant: TenantContext, lang: string | undefined, now = new Date()): ViewContext {
  const locale = resolveLocale(lang, tenant.config.locales?.[0] ?? tenant.locale, tenant.config.texts);
  return { inventory: tenant.inventory, locations: tenant.locations, today: now.toISOString().slice(0, 10), tr: translator(locale, tenant.config.texts) };
}
