import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, scrubQuery, signalSchema, subjectOf, totalsOf, rowOf } from '../../../shared/storefront/demand.js';
import { etagOf, isOriginAllowed, matchesIfNoneMatch } from '../../../shared/storefront/http.js';
import { OverLimitMemo, allowed, clientKey, rateLimitKey, windowAt } from '../../../shared/storefront/rate-limit.js';
import { unitsInWindow, windowDays } from '../../../shared/storefront/recent-sales.js';
import { resolveLocale, textsFor } from '../../../shared/storefront/messages.js';
import { compareValues } from '../../../shared/storefront/ordering.js';

describe('CORS origins', () => {
  it('match exactly, ignoring case and a trailing slash; "null" and others are refused', () => {
    const allowedOrigins = ['https://shop.example', 'http://127.0.0.1:4000/'];
    expect(isOriginAllowed('https://shop.example', allowedOrigins)).toBe(true);
    expect(isOriginAllowed('HTTPS://SHOP.EXAMPLE', allowedOrigins)).toBe(true);
    expect(isOriginAllowed('http://127.0.0.1:4000', allowedOrigins)).toBe(true);
    expect(isOriginAllowed('https://shop.example.evil.com', allowedOrigins)).toBe(false);
    expect(isOriginAllowed('http://shop.example', allowedOrigins)).toBe(false);
    expect(isOriginAllowed('null', ['null'])).toBe(false);
    expect(isOriginAllowed('https://any.example', [])).toBe(false);
    expect(isOriginAllowed('https://any.example', ['*'])).toBe(true);
  });
});

describe('ETags', () => {
  it('change with the body and match If-None-Match lists, weak or strong', () => {
    const a = etagOf('{"a":1}');
    expect(a).not.toBe(etagOf('{"a":2}'));
    expect(matchesIfNoneMatch(a, a)).toBe(true);
    expect(matchesIfNoneMatch(`"x", W/${a}`, a)).toBe(true);
    expect(matchesIfNoneMatch('*', a)).toBe(true);
    expect(matchesIfNoneMatch('"x"', a)).toBe(false);
    expect(matchesIfNoneMatch(undefined, a)).toBe(false);
  });
});

describe('rate limiting', () => {
  it('uses fixed one-minute windows with an honest Retry-After', () => {
    const w = windowAt(Date.parse('2025-06-01T10:00:45.200Z'));
    expect(w.resetsIn).toBe(15);
    expect(windowAt(Date.parse('2025-06-01T10:00:00.000Z')).resetsIn).toBe(60);
    expect(windowAt(Date.parse('2025-06-01T10:00:59.999Z')).resetsIn).toBe(1);
    expect(w.expiresAt * 1000).toBeGreaterThan(Date.parse('2025-06-01T10:01:00Z'));
    expect(allowed(10, 10)).toBe(true);
    expect(allowed(11, 10)).toBe(false);
  });
  it('keys clients by a tenant-salted hash, never the IP itself', () => {
    const k = clientKey('tabc', '203.0.113.9');
    expect(k).not.toContain('203');
    expect(k).not.toBe(clientKey('tother', '203.0.113.9'));
    expect(rateLimitKey('tabc', k, 42)).toEqual({ pk: `T#tabc#RATE#${k}`, sk: 'W#42' });
  });
  it('remembers clients over the limit until their window ends', () => {
    const memo = new OverLimitMemo(2);
    memo.block('a', 10_000);
    expect(memo.blocked('a', 5_000)).toBe(5);
    expect(memo.blocked('a', 10_000)).toBeUndefined();
    memo.block('b', 20_000);
    memo.block('c', 20_000);
    memo.block('d', 20_000); // bounded: the oldest entry goes
    expect(memo.blocked('b', 0)).toBeUndefined();
    expect(memo.blocked('d', 0)).toBe(20);
  });
});

describe('demand signals', () => {
  it('scrub search text of contact details (property: no e-mail or long number survives)', () => {
    expect(scrubQuery('  Red  Boots mario.rossi@example.com +39 333 123 4567 ')).toBe('red boots');
    expect(scrubQuery('scarpe 42')).toBe('scarpe 42');
    expect(scrubQuery('a@b.it')).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.emailAddress(), fc.stringMatching(/^\+?[0-9]{6,12}$/), (text, email, phone) => {
        const out = scrubQuery(`${text} ${email} ${phone} ${text}`) ?? '';
        expect(out).not.toContain('@');
        expect(out).not.toMatch(/\d{6,}/);
        expect(out.length).toBeLessThanOrEqual(80);
      }),
      { numRuns: 300 },
    );
  });
  it('aggregate on the most precise subject', () => {
    expect(subjectOf({ sku: 's1', productId: 'p1', query: 'x' })).toEqual({ kind: 'sku', sk: 'SKU#s1', sku: 's1', productId: 'p1' });
    expect(subjectOf({ productId: 'p1', query: 'x' })).toEqual({ kind: 'product', sk: 'PRODUCT#p1', productId: 'p1' });
    expect(subjectOf({ query: 'Blue Scarf' })).toEqual({ kind: 'query', sk: 'QUERY#blue scarf', query: 'blue scarf' });
    expect(subjectOf({ query: 'x@y.z' })).toBeUndefined();
  });
  it('validate what each type needs', () => {
    expect(signalSchema.safeParse({ type: 'oos_view', productId: 'p1' }).success).toBe(true);
    expect(signalSchema.safeParse({ type: 'oos_view', query: 'boots' }).success).toBe(false);
    expect(signalSchema.safeParse({ type: 'search_no_results', query: 'boots' }).success).toBe(true);
    expect(signalSchema.safeParse({ type: 'product_view', category: 'bags' }).success).toBe(false);
    expect(signalSchema.safeParse({ type: 'product_view', category: 'bags', shopperId: 'visitor-123' }).success).toBe(true);
  });
  it('report rows and totals', () => {
    const rows = [rowOf({ day: '2025-06-01', kind: 'sku', sku: 'a', oos_view: 2, pk: 'x', expiresAt: 1 }), rowOf({ day: '2025-06-02', kind: 'sku', sku: 'a', oos_view: 1, cart_attempt_unavailable: 4 })];
    expect(rows[0]).toEqual({ day: '2025-06-01', kind: 'sku', sku: 'a', counts: { oos_view: 2 }, total: 2 });
    expect(totalsOf(rows)).toEqual([{ kind: 'sku', sku: 'a', counts: { oos_view: 3, cart_attempt_unavailable: 4 }, total: 7 }]);
    expect(daysBetween('2025-02-27', '2025-03-01')).toEqual(['2025-02-27', '2025-02-28', '2025-03-01']);
  });
});

describe('recent sales on the variants', () => {
  const today = new Date('2025-06-10T15:00:00Z');
  const v = (recentSales: Record<string, number>) => ({ recentSales }) as never;
  it('sum the last seven days of every variant and ignore older days', () => {
    const product = { variants: { a: v({ '2025-06-10': 3, '2025-06-04': 4, '2025-06-03': 100 }), b: v({ '2025-06-09': 2 }) } };
    expect(unitsInWindow(product, today)).toBe(9);
    expect(unitsInWindow({ variants: { a: v({ '2025-05-01': 9 }) } }, today)).toBe(0);
    expect(unitsInWindow({ variants: {} }, today)).toBe(0);
    expect(windowDays(today)).toEqual(['2025-06-10', '2025-06-09', '2025-06-08', '2025-06-07', '2025-06-06', '2025-06-05', '2025-06-04']);
  });
});

describe('languages and order', () => {
  it('resolve to the asked language, the shop’s, or English, with tenant overrides', () => {
    expect(resolveLocale('it-IT', 'en')).toBe('it');
    expect(resolveLocale('de', 'it')).toBe('it');
    expect(resolveLocale('de', 'fr')).toBe('en');
    expect(resolveLocale('de', 'en', { de: { 'widget.notify': 'Benachrichtigen' } })).toBe('de');
    expect(textsFor('de', { de: { 'widget.notify': 'Benachrichtigen' } })['widget.notify']).toBe('Benachrichtigen');
    expect(textsFor('de', { de: { 'widget.notify': 'Benachrichtigen' } })['widget.close']).toBe('Close');
  });
  it('sort sizes and numbers naturally', () => {
    expect(['XL', 'S', 'M', 'XS', 'L'].sort(compareValues)).toEqual(['XS', 'S', 'M', 'L', 'XL']);
    expect(['42', '9', '38.5', '40'].sort(compareValues)).toEqual(['9', '38.5', '40', '42']);
    expect(['rosso', 'blu', 'Nero'].sort(compareValues)).toEqual(['blu', 'Nero', 'rosso']);
  });
});

describe('widget config', () => {
  it('serves one language with the tenant’s consent text and a version that changes with the words', async () => {
    const { defaultConfig, widgetConfig, storefrontConfigSchema } = await import('../../../shared/storefront/config.js');
    const plain = widgetConfig(defaultConfig('tabc'), 'it', undefined);
    expect(plain.locale).toBe('it');
    expect(plain.texts['widget.notify']).toBe('Avvisami');
    expect(plain.consent.custom).toBe(false);
    const custom = storefrontConfigSchema.parse({ tenantId: 'tabc', consent: { it: 'Acconsento a essere avvisato.' }, texts: { de: { 'widget.notify': 'Benachrichtigen' } } });
    const it_ = widgetConfig(custom, 'it', 'it-IT');
    expect(it_.consent).toMatchObject({ text: 'Acconsento a essere avvisato.', custom: true });
    expect(it_.consent.version).not.toBe(plain.consent.version);
    expect(it_.consent.version).toMatch(/^[0-9a-f]{12}$/);
    const de = widgetConfig(custom, 'it', 'de');
    expect(de.locale).toBe('de');
    expect(de.texts['widget.notify']).toBe('Benachrichtigen');
    expect(de.texts['widget.close']).toBe('Close');
    expect(Object.keys(de.texts).every((k) => /^(widget|state|eta|badge)\./.test(k))).toBe(true);
  });
});
