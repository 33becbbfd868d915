import { expect } from 'vitest';
import type { operations } from '../../shared/client/index.js';
import { checkedFetch } from '../support/contract.js';
import { api, client, consoleState, emailsTo, issuePublishableKey, newTenant, type CapturedEmail } from '../support/local.js';

type SignupBody = operations['joinWaitlist']['requestBody']['content']['application/json'];
type SettingsPatch = operations['patchWaitlistSettings']['requestBody']['content']['application/json'];

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
export async function shop(settings: SettingsPatch = {}, skus = ['SR-41', 'SR-42']): Promise<Shop> {
  const t = await newTenant('Waitlist Shop');
  const publishableKey = await issuePublishableKey(t.tenantId);
  const productId = `scarpa-${uid()}`;
  const admin = client({ adminKey: t.adminKey });
  const res = await admin.POST('/admin/products', { body: { productId, title: 'Scarpa rossa', url: 'https://shop.example/p/scarpa', variants: skus.map((sku) => ({ sku })) } });
  expect(res.response.status, JSON.stringify(res.error)).toBe(201);
  if (Object.keys(settings).length) {
    const patched = await admin.PATCH('/admin/waitlists/settings', { body: settings });
    expect(patched.response.status, JSON.stringify(patched.error)).toBe(200);
  }
  return { ...t, publishableKey, productId, skus };
}

export const consent = { given: true as const, textVersion: 'v1', source: 'https://shop.example/p/scarpa' };

/** A sign-up through the typed client (the good paths). */
export function join(s: Pick<Shop, 'publishableKey' | 'productId'>, body: Partial<SignupBody> = {}) {
  return client({ publishableKey: s.publishableKey }).POST('/storefront/waitlist', { body: { productId: s.productId, consent, locale: 'en', ...body } });
}

/** A sign-up as raw HTTP, for bodies the typed client would not send and for refusals. */
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
  const res = await checkedFetch(url, { redirect: 'manual' });
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

/** Every list of the shop's product, with the product's total. */
export async function productWaitlists(s: Shop) {
  const res = await client({ adminKey: s.adminKey }).GET('/admin/waitlists', { params: { query: { productId: s.productId } } });
  expect(res.response.status).toBe(200);
  if (!res.data || !('total' in res.data)) throw new Error(`expected the product's lists, got ${JSON.stringify(res.data)}`);
  return res.data;
}

export async function waitingCount(s: Shop, sku: string): Promise<number> {
  return (await productWaitlists(s)).items.find((i) => i.sku === sku)?.waiting ?? 0;
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
