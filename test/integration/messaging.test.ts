import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import type { MessageRequest } from '../../shared/messaging/types.js';
import { checkedFetch } from '../support/contract.js';
import { api, client, consoleState, emailsTo, eventually, local, newTenant } from '../support/local.js';
import { synthTableName } from '../support/table-name.js';

const ctx = local();
const tableName = await synthTableName();
const { deliver, deliverBatch, configFromEnv } = await import('../../shared/messaging/deliver.js');
const { ProviderError, SesEmailChannel } = await import('../../shared/messaging/channels.js');
const { ledgerIdOf, sesTags, getRecord } = await import('../../shared/messaging/ledger.js');
const { suppressionOf } = await import('../../shared/messaging/suppression.js');

// In-process sender against the local stack: DynamoDB Local, the SES emulator, the SNS
// outbox. The public links point at the local API, whose Lambdas share the same table.
const config = configFromEnv({
  TABLE_NAME: tableName,
  SENDER_EMAIL: 'no-reply@restock.local',
  PUBLIC_API_URL: ctx.urls.api,
  SEND_RATE_PER_SECOND: '100',
  PENDING_CONFIRM_MINUTES: '30',
});
const deps = { config };
const events = new EventBridgeClient({});

const unique = () => Math.random().toString(36).slice(2, 10);
const address = () => `shopper+${unique()}@mail.example`;

function request(tenantId: string, over: Partial<MessageRequest> & { to?: string } = {}): MessageRequest {
  const { to, ...rest } = over;
  return {
    tenantId,
    purpose: `test:${unique()}`,
    channel: 'email',
    recipient: { recipientId: `sub-${unique()}`, email: to ?? address(), locale: 'en', name: 'Giulia' },
    template: 'back_in_stock',
    data: { productTitle: 'Scarpa rossa 42', link: 'https://shop.example/p/scarpa-rossa' },
    consent: { email: true, sms: true },
    kind: 'marketing',
    ...rest,
  };
}

/** Stands in for SES's event stream (the emulator emits none): what SES would put on the default bus. */
async function sesEvent(detailType: string, detail: Record<string, unknown>) {
  const res = await events.send(new PutEventsCommand({ Entries: [{ Source: 'aws.ses', DetailType: detailType, Detail: JSON.stringify(detail), EventBusName: 'default' }] }));
  expect(res.FailedEntryCount).toBe(0);
}

const tagsOf = (r: MessageRequest, variant = 'A') =>
  Object.fromEntries(
    sesTags({ tenantId: r.tenantId, recipientId: r.recipient.recipientId, ledgerId: ledgerIdOf(r.channel, r.purpose) }, { template: r.template, variant }).map((t) => [t.Name, [t.Value]]),
  );

const keyOf = (r: MessageRequest) => ({ tenantId: r.tenantId, recipientId: r.recipient.recipientId, ledgerId: ledgerIdOf(r.channel, r.purpose) });

async function storedEmails(to: string): Promise<{ messageId: string; subject: string; body: { text?: string; html?: string }; headers?: { name: string; value: string }[] }[]> {
  return (await emailsTo(to)) as never;
}

describe('sending effectively once', () => {
  it('sends the same request once: a repeat is a duplicate, concurrent repeats too', async () => {
    const t = await newTenant('Once Shop');
    const r = request(t.tenantId);
    const first = await deliver(r, deps);
    expect(first.status).toBe('sent');
    const again = await deliver(r, deps);
    expect(again).toMatchObject({ status: 'duplicate', messageId: first.messageId });

    const r2 = request(t.tenantId);
    const racing = await Promise.all(Array.from({ length: 5 }, () => deliver(r2, deps)));
    expect(racing.filter((o) => o.status === 'sent')).toHaveLength(1);
    expect(racing.every((o) => ['sent', 'duplicate', 'deferred'].includes(o.status))).toBe(true);
    expect(await emailsTo(r.recipient.email!)).toHaveLength(1);
    expect(await emailsTo(r2.recipient.email!)).toHaveLength(1);
  });

  it('a crash between SES accepting and the ledger write, then retries: exactly one message, reconciled by the SES Send event', async () => {
    const t = await newTenant('Crash Shop');
    const r = request(t.tenantId);
    const crash = { hooks: { afterProviderAccepted: () => Promise.reject(new Error('injected crash after SES accepted')) } };
    await expect(deliver(r, { ...deps, ...crash })).rejects.toThrow('injected crash');
    const [email] = await storedEmails(r.recipient.email!);
    expect(email).toBeDefined();

    // The retry finds the record pending and does not send blindly.
    const retry = await deliver(r, deps);
    expect(retry.status).toBe('deferred');
    expect(retry.retryAt).toBeDefined();
    expect(await emailsTo(r.recipient.email!)).toHaveLength(1);
    const pending = await client({ adminKey: t.adminKey }).GET('/admin/messages', { params: { query: { status: 'pending' } } });
    expect(pending.response.status).toBe(200);
    expect(pending.data!.items.map((i) => i.ledgerId)).toContain(ledgerIdOf('email', r.purpose));

    // SES's Send event carries the ledger tags and the message id: the record becomes sent.
    await sesEvent('Email Sent', { eventType: 'Send', mail: { messageId: email!.messageId, timestamp: new Date().toISOString(), destination: [r.recipient.email], tags: tagsOf(r) }, send: {} });
    const confirmed = await eventually(async () => {
      const rec = await getRecord(tableName, keyOf(r));
      return rec?.status === 'sent' ? rec : undefined;
    }, 'the Send event to confirm the pending record');
    expect(confirmed.messageId).toBe(email!.messageId);
    const after = await client({ adminKey: t.adminKey }).GET('/admin/messages', { params: { query: { status: 'pending' } } });
    expect(after.data!.items).toHaveLength(0);

    expect(await deliver(r, deps)).toMatchObject({ status: 'duplicate', messageId: email!.messageId });
    expect(await emailsTo(r.recipient.email!)).toHaveLength(1);
  });

  it('a crash before SES is called leaves the record pending; past the confirmation window it is failed visibly, never resent', async () => {
    const t = await newTenant('Unconfirmed Shop');
    const r = request(t.tenantId);
    await expect(deliver(r, { ...deps, hooks: { afterClaim: () => Promise.reject(new Error('injected crash before SES')) } })).rejects.toThrow('injected crash');
    expect((await deliver(r, deps)).status).toBe('deferred');
    const later = () => new Date(Date.now() + 31 * 60_000);
    const outcome = await deliver(r, { ...deps, now: later });
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toMatch(/unconfirmed/);
    const failed = await client({ adminKey: t.adminKey }).GET('/admin/messages', { params: { query: { status: 'failed' } } });
    expect(failed.data!.items).toEqual([expect.objectContaining({ ledgerId: ledgerIdOf('email', r.purpose), status: 'failed', failure: expect.stringMatching(/unconfirmed/) })]);
    expect((await deliver(r, { ...deps, now: later })).status).toBe('failed');
    expect(await emailsTo(r.recipient.email!)).toHaveLength(0);
  });

  it('answers throttling with backoff, not loss', async () => {
    const t = await newTenant('Throttle Shop');
    const ses = new SesEmailChannel();
    let calls = 0;
    const flaky = {
      channel: 'email' as const,
      send: async (m: Parameters<typeof ses.send>[0]) => {
        if (++calls <= 2) throw new ProviderError('throttled', 'TooManyRequestsException', 'Maximum sending rate exceeded.');
        return ses.send(m);
      },
    };
    const r = request(t.tenantId);
    const outcome = await deliver(r, { ...deps, channels: { email: flaky, sms: undefined as never } });
    expect(outcome.status).toBe('sent');
    expect(calls).toBe(3);
    expect(await emailsTo(r.recipient.email!)).toHaveLength(1);
  });
});

describe('before every send', () => {
  it('a bounced address gets nothing more, under any recipient id, marketing or transactional', async () => {
    const t = await newTenant('Bounce Shop');
    const to = address();
    const r = request(t.tenantId, { to });
    const first = await deliver(r, deps);
    expect(first.status).toBe('sent');
    await sesEvent('Email Bounced', {
      eventType: 'Bounce',
      mail: { messageId: first.messageId, timestamp: new Date().toISOString(), destination: [to], tags: tagsOf(r) },
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: to }], timestamp: new Date().toISOString() },
    });
    await eventually(async () => (await suppressionOf(tableName, t.tenantId, 'email', 'anyone', to))?.reason === 'bounce', 'the bounce to reach the suppression list');
    expect((await getRecord(tableName, keyOf(r)))?.delivery).toBe('bounced');

    expect(await deliver(request(t.tenantId, { to }), deps)).toMatchObject({ status: 'suppressed', reason: 'bounce' });
    expect(await deliver(request(t.tenantId, { to, kind: 'transactional', template: 'waitlist_double_opt_in' }), deps)).toMatchObject({ status: 'suppressed' });
    expect(await emailsTo(to)).toHaveLength(1);
  });

  it('needs consent for the channel of a marketing message', async () => {
    const t = await newTenant('Consent Shop');
    const r = request(t.tenantId, { consent: { email: false } });
    expect(await deliver(r, deps)).toMatchObject({ status: 'no_consent' });
    expect(await emailsTo(r.recipient.email!)).toHaveLength(0);
  });

  it('holds a second marketing message within the cooldown, and sends it after', async () => {
    const t = await newTenant('Cooldown Shop');
    const recipient = { recipientId: `sub-${unique()}`, email: address(), locale: 'en' };
    expect((await deliver(request(t.tenantId, { recipient }), deps)).status).toBe('sent');
    const second = request(t.tenantId, { recipient, template: 'early_access' });
    const held = await deliver(second, deps);
    expect(held).toMatchObject({ status: 'deferred', reason: 'cooldown' });
    expect(new Date(held.retryAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect((await deliver(second, { ...deps, now: () => new Date(Date.now() + 31 * 60_000) })).status).toBe('sent');
    expect(await emailsTo(recipient.email)).toHaveLength(2);
  });

  it('quiet hours hold a marketing SMS at night in the recipient’s zone; a daytime SMS lands in the outbox', async () => {
    const t = await newTenant('Quiet Shop');
    const phone = `+39333${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const sms = (purpose: string, timeZone: string): MessageRequest => ({
      ...request(t.tenantId, { channel: 'sms', purpose }),
      recipient: { recipientId: `sub-${unique()}`, phone, locale: 'it', timeZone },
    });
    const night = new Date('2026-01-15T21:30:00Z'); // 22:30 in Rome, 13:30 in Los Angeles
    const held = await deliver(sms('night', 'Europe/Rome'), { ...deps, now: () => night });
    expect(held).toMatchObject({ status: 'deferred', reason: 'quiet hours', retryAt: '2026-01-16T08:00:00.000Z' });
    expect((await consoleState()).sms.filter((m) => m.phoneNumber === phone)).toHaveLength(0);

    const sameInstantElsewhere = await deliver(sms('la', 'America/Los_Angeles'), { ...deps, now: () => night });
    expect(sameInstantElsewhere.status).toBe('sent');
    const morning = await deliver(sms('night', 'Europe/Rome'), { ...deps, now: () => new Date('2026-01-16T09:30:00Z') });
    expect(morning.status).toBe('sent');
    const outbox = (await consoleState()).sms.filter((m) => m.phoneNumber === phone);
    expect(outbox).toHaveLength(2);
    expect(outbox[0]!.message).toContain('Scarpa rossa 42 è tornato!');
  });
});

describe('unsubscribe', () => {
  it('every marketing email carries RFC 8058 headers; one-click POST works without login', async () => {
    const t = await newTenant('Unsub Shop');
    const recipient = { recipientId: `sub-${unique()}`, email: address(), locale: 'en' };
    expect((await deliver(request(t.tenantId, { recipient }), deps)).status).toBe('sent');
    const [email] = await storedEmails(recipient.email);
    const header = (name: string) => email!.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
    expect(header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = header('List-Unsubscribe')!.match(/<(https?:\/\/[^>]+\/u\/[^>]+)>/)![1]!;
    expect(url.startsWith(ctx.urls.api)).toBe(true);
    expect(email!.body.text).toContain(url);

    const tampered = await checkedFetch(url.slice(0, -2) + (url.endsWith('A') ? 'BB' : 'AA'), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(tampered.status).toBe(400);
    expect(await deliver(request(t.tenantId, { recipient, template: 'early_access' }), { ...deps, now: () => new Date(Date.now() + 3_600_000) })).toMatchObject({ status: 'sent' });

    const oneClick = await checkedFetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.status).toBe(200);
    const later = { ...deps, now: () => new Date(Date.now() + 7_200_000) };
    expect(await deliver(request(t.tenantId, { recipient, template: 'preorder' }), later)).toMatchObject({ status: 'suppressed', reason: 'unsubscribe' });
    // The address itself is suppressed too (a new sign-up under another id), for marketing only.
    expect(await deliver(request(t.tenantId, { to: recipient.email }), later)).toMatchObject({ status: 'suppressed' });
    expect((await deliver(request(t.tenantId, { recipient, kind: 'transactional', template: 'waitlist_double_opt_in' }), later)).status).toBe('sent');
  });

  it('the footer link (GET) unsubscribes at once, and "clicked by mistake" undoes it', async () => {
    const t = await newTenant('Unsub Get Shop');
    const recipient = { recipientId: `sub-${unique()}`, email: address(), locale: 'it' };
    await deliver(request(t.tenantId, { recipient }), deps);
    const [email] = await storedEmails(recipient.email);
    const url = email!.body.html!.match(/href="(https?:\/\/[^"]+\/u\/[^"]+)"/)![1]!;
    const page = await checkedFetch(url, { headers: { 'accept-language': 'it-IT' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Iscrizione annullata');
    const later = { ...deps, now: () => new Date(Date.now() + 3_600_000) };
    expect((await deliver(request(t.tenantId, { recipient, template: 'preorder' }), later)).status).toBe('suppressed');

    const undo = await checkedFetch(url, { method: 'POST', body: 'action=resubscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(undo.status).toBe(200);
    expect((await deliver(request(t.tenantId, { recipient, template: 'preorder' }), later)).status).toBe('sent');
  });
});

describe('templates, variants and tracking', () => {
  it('renders Italian and English with personalisation, escaping data in HTML', async () => {
    const t = await newTenant('Template Shop');
    const data = { productTitle: 'Borsa <verde>', link: 'https://shop.example/borsa', position: 3 };
    const itTo = address();
    const enTo = address();
    await deliver(request(t.tenantId, { kind: 'transactional', template: 'waitlist_confirmation', data, recipient: { recipientId: `sub-${unique()}`, email: itTo, locale: 'it-IT', name: 'Giulia' } }), deps);
    await deliver(request(t.tenantId, { kind: 'transactional', template: 'waitlist_confirmation', data, recipient: { recipientId: `sub-${unique()}`, email: enTo, locale: 'en-GB', name: 'Anna' } }), deps);
    const [itMail] = await storedEmails(itTo);
    const [enMail] = await storedEmails(enTo);
    expect(itMail!.subject).toBe('Sei in lista d’attesa per Borsa <verde>');
    expect(itMail!.body.text).toContain('Ciao Giulia,');
    expect(itMail!.body.text).toContain('Sei il numero 3 in lista.');
    expect(itMail!.body.html).toContain('Borsa &lt;verde&gt;');
    expect(itMail!.body.html).not.toContain('<verde>');
    expect(enMail!.subject).toBe('You are on the waitlist for Borsa <verde>');
    expect(enMail!.body.text).toContain('Hi Anna,');
    // Transactional: no List-Unsubscribe headers.
    expect(enMail!.headers ?? []).not.toContainEqual(expect.objectContaining({ name: 'List-Unsubscribe' }));
  });

  it('uses the tenant’s override and records the A/B variant of every send', async () => {
    const t = await newTenant('AB Shop');
    const put = await client({ adminKey: t.adminKey }).PUT('/admin/templates/{name}/{locale}', {
      params: { path: { name: 'back_in_stock', locale: 'en' } },
      body: {
        subject: 'Back in stock: {{productTitle}}',
        paragraphs: ['{{productTitle}} is back.'],
        cta: { label: 'Buy', url: '{{link}}' },
        variants: [
          { id: 'A', weight: 1 },
          { id: 'B', weight: 1, subject: 'Hurry, {{productTitle}} returned' },
        ],
      },
    });
    expect(put.response.status).toBe(200);
    expect(put.data!.source).toBe('override');
    const refused = await api('PUT', '/admin/templates/back_in_stock/en', { key: t.adminKey, body: { subject: '{{{name}}}', paragraphs: ['x'] } });
    expect(refused.status).toBe(422);

    const reqs = Array.from({ length: 16 }, () => request(t.tenantId));
    const outcomes = await deliverBatch(reqs, deps);
    expect(new Set(outcomes.map((o) => o.variant))).toEqual(new Set(['A', 'B']));
    for (const [i, o] of outcomes.entries()) {
      expect(o.status).toBe('sent');
      const [mail] = await storedEmails(reqs[i]!.recipient.email!);
      expect(mail!.subject).toBe(o.variant === 'B' ? 'Hurry, Scarpa rossa 42 returned' : 'Back in stock: Scarpa rossa 42');
      const listed = await client({ adminKey: t.adminKey }).GET('/admin/messages', { params: { query: { recipientId: reqs[i]!.recipient.recipientId } } });
      expect(listed.data!.items).toEqual([expect.objectContaining({ status: 'sent', template: 'back_in_stock', variant: o.variant, messageId: o.messageId, purpose: reqs[i]!.purpose })]);
    }
  });

  it('tracks clicks through a signed redirect and refuses altered links', async () => {
    const t = await newTenant('Click Shop');
    const r = request(t.tenantId);
    await deliver(r, deps);
    const [mail] = await storedEmails(r.recipient.email!);
    const tracked = mail!.body.html!.match(/href="(https?:\/\/[^"]+\/t\/[^"]+)"/)![1]!.replace(/&amp;/g, '&');
    const res = await checkedFetch(tracked, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example/p/scarpa-rossa');
    expect((await getRecord(tableName, keyOf(r)))?.clicks).toBe(1);
    const altered = await checkedFetch(tracked.replace(/\.([A-Za-z0-9_-]+)$/, (_m, mac: string) => `.${mac.split('').reverse().join('')}`), { redirect: 'manual' });
    expect(altered.status).toBe(404);
  });
});

describe('batches', () => {
  it('deliverBatch returns outcomes in order: sent, duplicate, suppressed, no consent', async () => {
    const t = await newTenant('Batch Shop');
    const bounced = address();
    const first = request(t.tenantId, { to: bounced });
    await deliver(first, deps);
    await sesEvent('Email Bounced', {
      eventType: 'Bounce',
      mail: { messageId: 'x', destination: [bounced], tags: tagsOf(first) },
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: bounced }] },
    });
    await eventually(async () => (await suppressionOf(tableName, t.tenantId, 'email', 'x', bounced))?.reason === 'bounce', 'bounce suppression');
    const fresh = Array.from({ length: 30 }, () => request(t.tenantId));
    const reqs = [...fresh, fresh[0]!, request(t.tenantId, { to: bounced }), request(t.tenantId, { consent: { email: false } })];
    const outcomes = await deliverBatch(reqs, deps);
    expect(outcomes.slice(0, 30).every((o) => o.status === 'sent')).toBe(true);
    // The repeat of the first request is a duplicate (or, if it raced its twin, awaiting confirmation).
    expect(['duplicate', 'deferred']).toContain(outcomes[30]!.status);
    expect(outcomes.slice(31).map((o) => o.status)).toEqual(['suppressed', 'no_consent']);
    for (const r of fresh) expect(await emailsTo(r.recipient.email!)).toHaveLength(1);
  });
});
