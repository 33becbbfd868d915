import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { BadRequestError, DomainError, NotFoundError } from '../../shared/errors.js';
import { errorResponse, serve, zodProblems } from '../../shared/http/handler.js';
import { unsubscribeUrl } from '../../shared/messaging/links.js';
import { logger } from '../../shared/observability/logger.js';
import { waitlistEnv } from '../../shared/waitlist/env.js';
import { maskContact } from '../../shared/waitlist/identity.js';
import { confirmEntry, keepPlace, leave, type LifecycleDeps } from '../../shared/waitlist/lifecycle.js';
import type { WaitlistEntry } from '../../shared/waitlist/model.js';
import { exclusiveContentFor, productFacts } from '../../shared/waitlist/notify.js';
import { WaitlistRepository } from '../../shared/waitlist/repository.js';
import { openToken, type TokenPayload } from '../../shared/waitlist/tokens.js';
import { tenantOf } from '../../shared/waitlist/signup.js';
import { renderMessagePage, renderPreferencePage, textsFor, type PageEntry } from '../../web/preferences/page.js';
import { linkActionSchema, waitlistLinks, type linkAnswerSchema } from './routes.js';

const config = loadConfig(waitlistEnv);
const deps: LifecycleDeps = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, publicApiUrl: config.PUBLIC_API_URL, repo: new WaitlistRepository(config.TABLE_NAME) };

const html = (status: number, body: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  // Personal pages behind a secret URL: never cached, never indexed, never leak the URL onward.
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex', ...headers },
  body,
});
const json = (status: number, body: z.output<typeof linkAnswerSchema>): APIGatewayProxyStructuredResultV2 => ({ statusCode: status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) });
/** The one error body (with the request id), never cached. */
const jsonError = (event: APIGatewayProxyEventV2, error: DomainError): APIGatewayProxyStructuredResultV2 => {
  const res = errorResponse(error, event.requestContext?.requestId ?? 'unknown');
  return { ...res, headers: { ...res.headers, 'cache-control': 'no-store' } };
};

function readForm(event: APIGatewayProxyEventV2): { data: unknown; form: boolean } {
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  const type = event.headers?.['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    const p = new URLSearchParams(raw);
    const action = p.get('action');
    // Unticked checkboxes are simply absent from a form post.
    if (action === 'channels') return { data: { action, email: p.get('email') === 'on', sms: p.get('sms') === 'on' }, form: true };
    return { data: Object.fromEntries(p), form: true };
  }
  try {
    return { data: raw ? JSON.parse(raw) : {}, form: false };
  } catch {
    return { data: undefined, form: false };
  }
}

/**
 * The shopper's signed links (no login): `GET /p/{token}` shows the preference page, or
 * performs the one-click action the token is for (confirm a double opt-in, keep a place);
 * `POST /p/{token}` applies the page's forms (cancel one alert or all, channel preferences)
 * and answers with the page again and a notice (JSON to a JSON post). A bad link is a page
 * whoever asks; errors of a post itself are JSON.
 */
async function openLink(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const token = event.pathParameters?.token ?? '';
  const lang = (event.headers?.['accept-language'] ?? 'en').slice(0, 2);
  try {
    const opened = await openToken(config.TABLE_NAME, token);
    if (!opened.ok) {
      const t = textsFor(lang);
      return opened.reason === 'expired' ? html(410, renderMessagePage(lang, t.expiredTitle, t.expired)) : html(404, renderMessagePage(lang, t.invalidTitle, t.invalid));
    }
    const payload = opened.payload;
    logger.appendKeys({ tenantId: payload.t });
    if (event.requestContext.http.method === 'POST') return await post(event, payload, token);
    switch (payload.k) {
      case 'confirm':
        return await confirm(payload, lang);
      case 'keep':
        return await keep(payload, lang);
      default:
        return html(200, await page(payload, token, lang));
    }
  } catch (error) {
    logger.error('preference page failed', error as Error);
    const t = textsFor(lang);
    return html(500, renderMessagePage(lang, 'Error', t.error));
  }
}

async function confirm(p: Extract<TokenPayload, { k: 'confirm' }>, lang: string) {
  const result = await confirmEntry(deps, p.t, p.l, p.e, p.h);
  if (result.status === 'expired') {
    const t = textsFor(lang);
    return html(410, renderMessagePage(lang, t.expiredTitle, t.expired));
  }
  if (result.status === 'full') {
    const t = textsFor(lang);
    return html(409, renderMessagePage(lang, t.fullTitle, t.full));
  }
  const t = textsFor(result.entry.locale);
  return html(200, renderMessagePage(result.entry.locale, t.confirmedTitle, t.confirmed(result.position)));
}

async function keep(p: Extract<TokenPayload, { k: 'keep' }>, lang: string) {
  const result = await keepPlace(deps, p.t, p.l, p.s, p.e);
  if (result.status === 'gone') {
    const t = textsFor(lang);
    return html(410, renderMessagePage(lang, t.goneTitle, t.gone));
  }
  const t = textsFor(result.entry.locale);
  return html(200, renderMessagePage(result.entry.locale, t.keptTitle, t.kept(result.position)));
}

async function entriesOf(p: Extract<TokenPayload, { k: 'prefs' }>): Promise<WaitlistEntry[]> {
  return (await deps.repo.entriesOfContacts(p.t, p.h)).entries;
}

async function page(p: Extract<TokenPayload, { k: 'prefs' }>, token: string, lang: string, notice?: string): Promise<string> {
  const [entries, tenant] = await Promise.all([entriesOf(p), tenantOf(config.TABLE_NAME, p.t)]);
  const locale = entries[0]?.locale ?? lang ?? tenant.locale;
  const view: PageEntry[] = [];
  for (const e of entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const facts = await productFacts(config.TABLE_NAME, p.t, e.productId, e.sku, tenant.settings.waitlist.productUrlTemplate);
    view.push({
      entryId: e.entryId,
      productTitle: facts.title,
      ...(e.sku ? { variant: e.sku } : {}),
      ...(facts.url ? { productUrl: facts.url } : {}),
      status: e.status,
      position: e.status === 'active' ? await deps.repo.position(p.t, e.listId, e.seq!) : null,
      since: e.activatedAt ?? e.createdAt,
      channels: e.channels,
      ...(e.status === 'active' ? { exclusiveContent: exclusiveContentFor(facts.perks, e.locale) } : {}),
    });
  }
  const first = entries[0];
  const email = entries.find((e) => e.email)?.email;
  const phone = entries.find((e) => e.phone)?.phone;
  const contacts = [email ? maskContact({ kind: 'email', value: email }) : undefined, phone ? maskContact({ kind: 'phone', value: phone }) : undefined].filter((c): c is string => !!c);
  return renderPreferencePage({
    locale,
    shopName: tenant.name,
    contacts,
    hasEmail: !!email,
    hasPhone: !!phone,
    entries: view,
    actionUrl: `${config.PUBLIC_API_URL.replace(/\/+$/, '')}/p/${token}`,
    unsubscribeUrl: first ? await unsubscribeUrl({ tenantId: p.t, recipientId: first.subscriberId, scope: 'all' }, { tableName: config.TABLE_NAME, publicApiUrl: config.PUBLIC_API_URL }) : undefined,
    notice,
  });
}

async function post(event: APIGatewayProxyEventV2, p: TokenPayload, token: string) {
  const lang = (event.headers?.['accept-language'] ?? 'en').slice(0, 2);
  if (p.k !== 'prefs') return jsonError(event, new DomainError(405, 'method_not_allowed', 'This link takes no form posts'));
  const { data, form } = readForm(event);
  const parsed = linkActionSchema.safeParse(data);
  if (!parsed.success) return jsonError(event, new BadRequestError('Unknown action', zodProblems(parsed.error, 'body')));
  const action = parsed.data;
  const entries = await entriesOf(p);
  const t = textsFor(entries[0]?.locale ?? lang);
  let notice: string;
  if (action.action === 'cancel') {
    // Only entries this link's contacts hold: an entry id from elsewhere is simply not found.
    const entry = entries.find((e) => e.entryId === action.entryId);
    if (!entry) return jsonError(event, new NotFoundError('Alert'));
    await leave(deps, entry, 'cancelled');
    notice = t.cancelled;
  } else if (action.action === 'cancel_all') {
    for (const e of entries) await leave(deps, e, 'cancelled');
    notice = t.cancelledAll;
  } else {
    if (!action.email && !action.sms) {
      return jsonError(event, new BadRequestError('Choose at least one channel, or cancel the alert', [{ field: 'body.email', reason: 'at least one channel' }]));
    }
    for (const e of entries) {
      // A channel can only be on where the entry has the contact for it.
      const channels = { email: action.email && !!e.email, sms: action.sms && !!e.phone };
      if (!channels.email && !channels.sms) continue;
      if (channels.email !== e.channels.email || channels.sms !== e.channels.sms) await deps.repo.setChannels(e, channels);
    }
    notice = t.saved;
  }
  if (form) return html(200, await page(p, token, lang, notice));
  const remaining = await entriesOf(p);
  return json(200, { ok: true, entries: remaining.map((e) => ({ entryId: e.entryId, listId: e.listId, status: e.status, channels: e.channels })) });
}

/** The shopper's signed links: both methods share the token check and the page. */
export const handler = serve(waitlistLinks, { openWaitlistLink: openLink, updateWaitlistPreferences: openLink });
