import * as z from 'zod';
import { defineEntity, tenantKey } from '../data/entity.js';
import { Store } from '../data/store.js';
import { Tenant } from '../tenants/model.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like "21:00"');

/**
 * A tenant's messaging policy. Defaults are deliberately conservative: a shopper hears from
 * a shop at most once per cooldown and a few times a week, and never gets a marketing SMS
 * at night in their own time zone.
 */
export const messagingSettingsSchema = z.object({
  quietHours: z
    .object({ start: hhmm, end: hhmm })
    .default({ start: '21:00', end: '09:00' }),
  /** Used when the recipient's own zone is unknown. */
  defaultTimeZone: z.string().default('Europe/Rome'),
  /** Minimum gap between two marketing messages to one person (all channels). */
  cooldownMinutes: z.number().int().min(0).max(60 * 24 * 30).default(30),
  /** At most `max` marketing messages to one person per `windowDays` (0 = no cap). */
  frequencyCap: z
    .object({ max: z.number().int().min(0).max(1000), windowDays: z.number().int().min(1).max(90) })
    .default({ max: 5, windowDays: 7 }),
  /** Click tracking through signed `/t/` redirect links (email only). */
  trackClicks: z.boolean().default(true),
  /** Reply-To for the tenant's messages; shoppers' replies reach the merchant. */
  replyTo: z.email().optional(),
  /** Display name in From; the shop's name by default. */
  fromName: z.string().min(1).max(100).optional(),
  /** A mailbox the tenant reads for `mailto:` unsubscribe requests (optional in RFC 8058). */
  unsubscribeMailto: z.email().optional(),
  /** The tenant's own sending domain; used for From only once SES reports it verified. */
  domain: z
    .object({
      name: z.string(),
      fromLocalPart: z.string().regex(/^[A-Za-z0-9._%+-]{1,64}$/),
      status: z.enum(['pending', 'verified', 'failed']),
      checkedAt: z.iso.datetime(),
    })
    .optional(),
  /** SNS sender id for SMS where the destination country supports it. */
  smsSenderId: z.string().regex(/^[A-Za-z0-9]{1,11}$/).optional(),
});
export type MessagingSettings = z.infer<typeof messagingSettingsSchema>;

export const MessagingSettingsRecord = defineEntity({
  type: 'MessagingSettings',
  schema: z.object({ tenantId: z.string(), settings: messagingSettingsSchema, updatedAt: z.iso.datetime() }),
  key: (k: { tenantId: string }) => ({ pk: tenantKey(k.tenantId, 'MESSAGING'), sk: 'SETTINGS' }),
});

export interface TenantMessagingContext {
  settings: MessagingSettings;
  shopName: string;
  tenantLocale: string;
}

const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<TenantMessagingContext | undefined> }>();

/**
 * Settings plus the tenant facts messages need (shop name, locale), cached per container for
 * a minute: a batch of 100k sends reads them once, and a change reaches every container soon.
 */
export function tenantMessagingContext(store: Store, tenantId: string, now = Date.now()): Promise<TenantMessagingContext | undefined> {
  const hit = cache.get(`${store.tableName}|${tenantId}`);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const value = (async () => {
    const [tenant, record] = await Promise.all([store.get(Tenant, { tenantId }), store.get(MessagingSettingsRecord, { tenantId })]);
    if (!tenant) return undefined;
    return { settings: record?.settings ?? messagingSettingsSchema.parse({}), shopName: tenant.name, tenantLocale: tenant.locale };
  })();
  value.catch(() => cache.delete(`${store.tableName}|${tenantId}`));
  cache.set(`${store.tableName}|${tenantId}`, { at: now, value });
  return value;
}

export function forgetTenantContext(tenantId: string): void {
  for (const k of cache.keys()) if (k.endsWith(`|${tenantId}`)) cache.delete(k);
}

export async function getMessagingSettings(store: Store, tenantId: string): Promise<MessagingSettings> {
  return (await store.get(MessagingSettingsRecord, { tenantId }, true))?.settings ?? messagingSettingsSchema.parse({});
}

export async function putMessagingSettings(store: Store, tenantId: string, settings: MessagingSettings): Promise<MessagingSettings> {
  const parsed = messagingSettingsSchema.parse(settings);
  await store.put(MessagingSettingsRecord, { tenantId, settings: parsed, updatedAt: new Date().toISOString() });
  forgetTenantContext(tenantId);
  return parsed;
}
