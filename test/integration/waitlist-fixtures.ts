import { expect } from 'vitest';
import { api, consoleState, emailsTo, issuePublishableKey, newTenant, type CapturedEmail } from '../support/local.js';

/** Waitlist test helpers: a shop with a product, sign-ups, and links out of captured messages. */

export const uid = () => Math.random().toString(36).slice(2, 10);
export const address = (tag = 'w') => `${tag}+${uid()}@mail.example`;
/** A valid Italian mobile number, different each call. */
export const mobile = () => `+39 3${String(Math.floor(10 + Math.random() * 89))} ${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;
export const e164 = (phone: string) => phone.replace(/\s/g, '');
export const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface Shop {
  tenantId: string;
  adminKey: string;
  publishableKey: string;
  productId: string;
  skus: string[];
}

/** A tenant with one product (variants `skus`), a publishable key and waitlist settings. */
export async function shop(settings: Record<string, unknown> = {}, skus = ['SR-41', 'SR-42']): Promise<Shop> {
  const t = await newTenant('Waitlist Shop');
  const publishableKey = await issuePublishableKey(t.tenantId);
  const productId = `scarpa-${uid()}`;
  const res = await api('POST', '/admin/products', { key: t.adminKey, body: { productId, title: 'Scarpa rossa', url: 'https://shop.example/p/scarpa', variants: skus.map((sku) => ({ sku })) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (Object.keys(settings).length) {
    const patched = await api('PATCH', '/admin/waitlists/settings', { key: t.adminKey, body: settings });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  }
  return { ...t, publishableKey, productId, skus };
}

export const consent = { given: true, textVersion: 'v1', source: 'https://shop.example/p/scarpa' };

export function signup(s: Pick<Shop, 'publishableKey' | 'productId'>, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return api('POST', '/storefront/waitlist', { headers: { 'x-restock-key': s.publishableKey, ...headers }, body: { productId: s.productId, consent, locale: 'en', ...body } });
}

export const smsTo = async (phone: string) => (await consoleState()).sms.filter((m) => m.phoneNumber === phone);

export const textOf = (m: CapturedEmail) => `${m.body.text ?? ''}\n${m.body.html ?? ''}`;

/** Every http(s) URL in a message, in order. */
export const urlsIn = (text: string) => [...new Set(text.match(/https?:\/\/[^\s"'<>)]+/g) ?? [])].map((u) => u.replace(/&amp;/g, '&').replace(/[.,]+$/, ''));

/** A link as the shopper's click lands: tracked `/t/` links are followed to their target. */
export async function landing(url: string): Promise<string> {
  if (!url.includes('/t/')) return url;
  const res = await fetch(url, { redirect: 'manual' });
  return res.headers.get('location') ?? url;
}

/** The first `/p/` link (preference page, confirm, keep) in a message, resolved. */
export async function pLink(m: CapturedEmail, which: 'first' | 'last' = 'first'): Promise<string> {
  const candidates: string[] = [];
  for (const u of urlsIn(textOf(m))) {
    const target = await landing(u);
    if (/\/p\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(target)) candidates.push(target);
  }
  const found = which === 'first' ? candidates[0] : candidates.at(-1);
  if (!found) throw new Error(`no /p/ link in message "${m.subject}"`);
  return found;
}

export async function waitingCount(s: Shop, sku: string): Promise<number> {
  const res = await api('GET', `/admin/waitlists?productId=${s.productId}`, { key: s.adminKey });
  expect(res.status).toBe(200);
  return res.body.items.find((i: { sku?: string }) => i.sku === sku)?.waiting ?? 0;
}

export const emailsWithSubject = async (to: string, pattern: RegExp) => (await emailsTo(to)).filter((m) => pattern.test(m.subject));

/** A time zone where it is daytime now, so marketing SMS are not held for quiet hours. */
export function daytimeZone(): string {
  const zones = ['Europe/Rome', 'America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'Asia/Tokyo', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Sao_Paulo', 'Asia/Dubai', 'Australia/Sydney', 'Pacific/Kiritimati', 'Atlantic/Azores'];
  const hourIn = (tz: string) => Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return zones.find((tz) => hourIn(tz) >= 10 && hourIn(tz) <= 18) ?? 'Europe/Rome';
}

/** Waits until `to` has at least `count` messages whose subject matches; returns them. */
export async function mailWith(to: string, pattern: RegExp, count = 1): Promise<CapturedEmail[]> {
  const { eventually } = await import('../support/local.js');
  return eventually(async () => {
    const found = await emailsWithSubject(to, pattern);
    return found.length >= count ? found : undefined;
  }, `${count} e-mail(s) "${pattern.source}"`);
}
