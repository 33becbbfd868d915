import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoTenant } from '../../local/seed/demo.js';
import { landing, textOf, urlsIn } from '../integration/waitlist-fixtures.js';
import { api, emailsTo, eventually, local } from '../support/local.js';

// The "notify me" widget in real headless Chromium (Debian's), on the demo storefront pages
// the local console serves, against the seeded demo shop. Screenshots go to test-artifacts/.

const ctx = local();
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = path.join(repoRoot, 'test-artifacts');
let browser: BrowserContext;
let scratch: string;
let demo: DemoTenant;
const pageErrors: string[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'restock-browser-'));
  demo = await seedDemo({ urls: ctx.urls, env: ctx.env }, path.join(scratch, 'demo.json'), ctx.operatorKey);
  // Warm the storefront functions once (the local runtime compiles a handler on first use).
  const headers = { 'x-restock-key': demo.publishableKey! };
  for (const p of ['/storefront/config?lang=en', '/storefront/products/sneaker-aria', '/storefront/products/sneaker-aria/stores', '/storefront/products/sneaker-aria/alternatives', '/storefront/availability?ids=sneaker-aria']) {
    await fetch(`${ctx.urls.api}${p}`, { headers });
  }
  await fetch(`${ctx.urls.api}/storefront/waitlist`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launchPersistentContext(path.join(scratch, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
});

afterAll(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function open(pathAndQuery: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${pathAndQuery}: ${e.message}`));
  await page.goto(`${ctx.urls.console}${pathAndQuery}`);
  // The widget has answered once its status is no longer "checking".
  await expect.poll(async () => page.locator('#notify [part="status"]').getAttribute('data-state'), { timeout: 60_000 }).not.toBe('loading');
  return page;
}

const statusOf = (page: Page) => page.locator('#notify [part="status"]');
const notifyButton = (page: Page) => page.locator('#notify [part="button"]');
const focusInWidget = (page: Page) =>
  page.evaluate(() => {
    const host = document.activeElement as HTMLElement | null;
    const inner = host?.shadowRoot?.activeElement as HTMLElement | null;
    return { host: host?.tagName.toLowerCase(), part: inner?.getAttribute('part') ?? null, id: inner?.id ?? null, inDialog: !!inner?.closest('dialog') };
  });

describe('the notify-me widget on the demo product page', () => {
  it('shows availability in the shop’s language and in English', async () => {
    const it_ = await open('/demo/');
    await expect.poll(() => statusOf(it_).textContent()).toBe('Disponibile');
    expect(await notifyButton(it_).textContent()).toBe('Avvisami');
    await it_.close();

    const en = await open('/demo/?lang=en');
    expect(await statusOf(en).textContent()).toBe('In stock');
    expect(await statusOf(en).getAttribute('data-state')).toBe('in_stock');
    // Some sizes are sold out: the shopper can ask to be told.
    expect(await en.locator('#notify .hint').textContent()).toMatch(/sold out/);
    expect(await notifyButton(en).getAttribute('aria-haspopup')).toBe('dialog');
    await en.close();

    // A sold-out product with a purchase order on the way: the honest date is shown.
    const boot = await open('/demo/?product=stivaletto-bosco&lang=en');
    expect(await statusOf(boot).getAttribute('data-state')).toBe('out_of_stock');
    expect(await statusOf(boot).textContent()).toMatch(/^Out of stockExpected \w+ \d{1,2}, \d{4}$/);
    await boot.close();
  });

  it('opens the form, refuses a bad address clearly, signs up, and shows a clear error when sign-up is not possible', async () => {
    const page = await open('/demo/?lang=en');
    await notifyButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Get notified when it is back' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await notifyButton(page).getAttribute('aria-expanded')).toBe('true');
    // The page stays where it was behind the pop-up: the shopper keeps browsing after closing.
    expect(page.url()).toBe(`${ctx.urls.console}/demo/?lang=en`);

    const variant = dialog.getByLabel('Variant');
    // Only what cannot be bought now is offered, in size order.
    expect((await variant.locator('option').allTextContents()).slice(1)).toEqual(['40 / nero — Out of stock', '42 / bianco — Out of stock']);
    await variant.selectOption({ label: '42 / bianco — Out of stock' });
    await dialog.getByLabel('E-mail').fill('mario.rossi@');
    await dialog.getByLabel('Phone (with country code)').fill('333 12');
    const submit = dialog.getByRole('button', { name: 'Notify me' });
    await submit.click();

    // Checked in the browser: every problem named at its field, focus on the first.
    expect(await dialog.getByRole('alert').textContent()).toBe('Please check the highlighted fields.');
    expect(await dialog.locator('#rn-email-error').textContent()).toBe('Enter a valid e-mail address, like name@example.com.');
    expect(await dialog.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('#rn-phone-error').textContent()).toMatch(/country code/);
    expect(await dialog.locator('#rn-consent-error').textContent()).toBe('Please tick the box to agree to be contacted.');
    expect((await focusInWidget(page)).id).toBe('rn-email');
    await page.screenshot({ path: path.join(artifacts, 'widget-invalid-address.png') });

    // Refused by the server (a throw-away address): the field is flagged the same way.
    await dialog.getByLabel('E-mail').fill('mario@mailinator.com');
    await dialog.getByLabel('Phone (with country code)').fill('');
    await dialog.getByLabel(/I agree to receive a message/).check();
    await submit.click();
    await expect.poll(() => dialog.locator('#rn-email-error').textContent(), { timeout: 45_000 }).toBe('Enter a valid e-mail address, like name@example.com.');
    expect(await dialog.getByRole('alert').textContent()).toBe('Please check the highlighted fields.');

    // A real sign-up through the waitlist endpoint: a clear success state, focus on it.
    await dialog.getByLabel('E-mail').fill('mario.rossi@example.com');
    await dialog.getByLabel('Phone (with country code)').fill('+39 333 123 4567');
    await submit.click();
    const success = dialog.locator('.success');
    await expect.poll(() => success.isVisible(), { timeout: 45_000 }).toBe(true);
    expect(await success.textContent()).toMatch(/^(Done! We will let you know as soon as it is back\.|Almost done: we sent you a message to confirm your sign-up\.)$/);
    expect(await dialog.locator('form').isHidden()).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'widget-signed-up.png') });
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusInWidget(page)).toMatchObject({ part: 'button' });
    await page.close();
  });

  it('tells the shopper plainly when the shop does not take sign-ups (the endpoint answers 404)', async () => {
    const page = await open('/demo/?lang=it');
    // Only the sign-up call is answered with a 404, as before the waitlist existed; the rest is real.
    await page.route('**/storefront/waitlist', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ message: 'Not Found' }) }));
    await notifyButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Ti avvisiamo quando torna' });
    await dialog.getByLabel('Variante').selectOption({ index: 1 });
    await dialog.getByLabel('E-mail').fill('giulia@example.it');
    await dialog.getByLabel(/Acconsento/).check();
    await dialog.getByRole('button', { name: 'Avvisami' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 45_000 }).toBe('Le iscrizioni non sono ancora aperte per questo negozio. Riprova più tardi.');
    expect(await dialog.getByRole('button', { name: 'Avvisami' }).isEnabled()).toBe(true);
    expect(await dialog.locator('form').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'widget-signup-unavailable.png') });
    await page.close();
  });

  it('is usable by keyboard alone: Tab to the button, Enter opens, focus stays inside, Escape closes and returns focus', async () => {
    const page = await open('/demo/?lang=en');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focusInWidget(page)).part === 'button';
    }
    expect(reached, 'the notify button is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Get notified when it is back' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect((await focusInWidget(page)).id).toBe('rn-variant');

    // Every field has a label.
    for (const label of ['Variant', 'E-mail', 'Phone (with country code)', /I agree to receive a message/]) expect(await dialog.getByLabel(label).count()).toBe(1);

    // Focus is trapped in the dialog, both ways.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect((await focusInWidget(page)).inDialog).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focusInWidget(page)).inDialog).toBe(true);
    }
    // Typing and ticking by keyboard work too.
    await dialog.getByLabel('E-mail').focus();
    await page.keyboard.type('not-an-address');
    await page.keyboard.press('Enter');
    expect(await dialog.locator('#rn-email-error').textContent()).toMatch(/valid e-mail/);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusInWidget(page)).toMatchObject({ host: 'restock-notify', part: 'button' });
    expect(await notifyButton(page).getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });
});

describe('the demo category page', () => {
  it('lists availability with badges, sold-out products last, and the widget on sold-out cards', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(`category: ${e.message}`));
    await page.goto(`${ctx.urls.console}/demo/category.html?lang=en`);
    await expect.poll(() => page.locator('.card').count(), { timeout: 20_000 }).toBe(10);
    const cards = await page.locator('.card').evaluateAll((els) => els.map((e) => ({ title: e.querySelector('h3')?.textContent, badges: Array.from(e.querySelectorAll('.badge'), (b) => b.textContent) })));
    const soldOut = cards.filter((c) => c.badges.includes('Sold out'));
    expect(soldOut.map((c) => c.title).sort()).toEqual(['Lacci colorati', 'Mocassino Lago', 'Stivaletto Bosco', 'T-shirt Sole']);
    expect(cards.slice(-soldOut.length)).toEqual(soldOut);
    expect(cards.find((c) => c.title === 'T-shirt Luna')?.badges).toContain('Selling fast');
    expect(cards.find((c) => c.title === 'T-shirt Onda')?.badges).toContain('Only 2 left');
    expect(cards.find((c) => c.title === 'Felpa Nebbia')?.badges).toContain('Preorder');
    expect(await page.locator('.card restock-notify').count()).toBe(soldOut.length + 1);
    // Facets only offer what can be bought: nobody can buy a yellow T-shirt now.
    const facetText = await page.locator('#facets').textContent();
    expect(facetText).toMatch(/bianco/);
    expect(facetText).not.toMatch(/giallo/);
    await page.screenshot({ path: path.join(artifacts, 'demo-category.png'), fullPage: true });
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});

describe('an early-access link on the demo product page', () => {
  it('refuses a forged link plainly, and lets a wave recipient hold a unit', async () => {
    const forged = await open('/demo/?product=sneaker-aria&lang=en&restock_access=v1.k1.eyJ0IjoieCJ9.Zm9yZ2Vk');
    const panel = (page: Page) => page.locator('#notify [part="access"]');
    await expect.poll(() => panel(forged).getAttribute('data-state'), { timeout: 30_000 }).toBe('invalid');
    expect(await panel(forged).textContent()).toMatch(/not valid or has expired/);
    expect(await forged.locator('#buy').isDisabled()).toBe(true);
    await forged.close();

    // A shopper waits for an available variant; the merchant starts a release; the wave's
    // message links to the product page with the shopper's private token.
    const pk = { 'x-restock-key': demo.publishableKey! };
    const product = (await api('GET', '/storefront/products/sneaker-aria', { headers: pk })).body;
    const sku = product.variants.find((v: { available: boolean }) => v.available).sku as string;
    const email = `early+${Date.now()}@mail.example`;
    // (the widget's sign-up above may still hold this client's 30-second limit)
    await eventually(async () => {
      const joined = await api('POST', '/storefront/waitlist', { headers: pk, body: { productId: 'sneaker-aria', sku, email, locale: 'en', consent: { given: true, textVersion: 'v1', source: `${ctx.urls.console}/demo/` } } });
      if (joined.status === 429) return false;
      expect(joined.status, JSON.stringify(joined.body)).toBeLessThan(300);
      return true;
    }, 'a place in line', 60_000);
    const started = await api('POST', '/admin/releases', { key: demo.adminKey, body: { productId: 'sneaker-aria', sku, config: { maxWave: 5 } } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const token = await eventually(async () => {
      for (const m of (await emailsTo(email)).filter((x) => /^It is back|^Early access/.test(x.subject))) {
        for (const u of urlsIn(textOf(m))) {
          const t = new URL(await landing(u)).searchParams.get('restock_access');
          if (t) return t;
        }
      }
      return undefined;
    }, 'the early-access message').catch(async (e) => {
      const mails = (await emailsTo(email)).map((m) => m.subject);
      const release = (await api('GET', `/admin/releases/${started.body.releaseId}`, { key: demo.adminKey })).body;
      throw new Error(`${(e as Error).message}; mails ${JSON.stringify(mails)}; release ${JSON.stringify({ state: release.state, waves: release.waves, audience: release.audience, notices: release.notices, end: release.endReason, units: release.units })}`);
    });

    const page = await open(`/demo/?product=sneaker-aria&lang=en&restock_access=${encodeURIComponent(token)}`);
    // Early access, or already open to everyone once the (one-person) waitlist is served.
    await expect.poll(() => panel(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('may_buy');
    expect(await panel(page).textContent()).toMatch(/you can buy it now/);
    // The demo page's own buy button follows the widget's answer.
    expect(await page.locator('#buy').isEnabled()).toBe(true);
    const hold = page.locator('#notify [part="hold-button"]');
    await hold.click();
    await expect.poll(() => panel(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('held');
    expect(await panel(page).textContent()).toMatch(/Held for you until/);
    await page.screenshot({ path: path.join(artifacts, 'widget-early-access-held.png') });
    await page.close();
    await api('POST', `/admin/releases/${started.body.releaseId}/cancel`, { key: demo.adminKey });
  });
});
