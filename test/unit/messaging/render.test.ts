import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DATA, TEMPLATE_NAMES, type StoredTemplate } from '../../../shared/messaging/templates/model.js';
import { BUILTIN, builtinTemplate, formatDate, localeCandidates, missingData, pickVariant, render, templateProblems, type RenderInput } from '../../../shared/messaging/templates/render.js';

const base = (over: Partial<RenderInput> = {}): RenderInput => ({
  tenantId: 'tabcdefghijk',
  recipientId: 'sub-1',
  template: 'back_in_stock',
  locale: 'en',
  channel: 'email',
  kind: 'marketing',
  content: builtinTemplate('back_in_stock', 'en')!,
  data: { ...EXAMPLE_DATA },
  shopName: 'Bottega Demo',
  unsubscribeUrl: 'https://api.example/u/abc.def',
  ...over,
});

describe('templates', () => {
  it('exist in Italian and English for every template name, and render with the example data', async () => {
    for (const locale of ['it', 'en']) {
      for (const name of TEMPLATE_NAMES) {
        const content = BUILTIN[locale]![name];
        expect(content, `${name}/${locale}`).toBeDefined();
        const m = await render(base({ template: name, locale, content }));
        expect(m.subject.length, `${name}/${locale} subject`).toBeGreaterThan(5);
        expect(m.text).not.toMatch(/\{\{|\}\}/);
        expect(m.html).not.toMatch(/\{\{|\}\}/);
        expect(m.sms.length, `${name}/${locale} sms`).toBeLessThanOrEqual(320);
        if (name !== 'thank_you') expect(m.text, `${name}/${locale} names the product`).toContain(String(EXAMPLE_DATA.productTitle));
      }
    }
  });

  it('personalise: name, product, date (localised) and link; Italian and English differ', async () => {
    const data = { ...EXAMPLE_DATA, name: 'Giulia', productTitle: 'Borsa verde', date: '2026-12-10', link: 'https://shop.example/borsa' };
    const itMsg = await render(base({ template: 'waitlist_eta_update', locale: 'it', content: builtinTemplate('waitlist_eta_update', 'it')!, data }));
    const enMsg = await render(base({ template: 'waitlist_eta_update', locale: 'en', content: builtinTemplate('waitlist_eta_update', 'en')!, data }));
    expect(itMsg.text).toContain('Ciao Giulia');
    expect(itMsg.subject).toBe('Borsa verde: arrivo previsto il 10 dicembre 2026');
    expect(enMsg.text).toContain('Hi Giulia');
    expect(enMsg.subject).toBe('Borsa verde: expected on December 10, 2026');
  });

  it('say "limited" only when the caller says stock is limited (no faked scarcity)', async () => {
    const plain = await render(base());
    expect(plain.text).not.toMatch(/limited/i);
    const limited = await render(base({ data: { ...EXAMPLE_DATA, limited: true } }));
    expect(limited.text).toContain('in limited quantity');
  });

  it('greet without a name when none is known', async () => {
    const m = await render(base({ data: { ...EXAMPLE_DATA, name: undefined } }));
    expect(m.text.startsWith('Hi,')).toBe(true);
  });
});

describe('escaping', () => {
  it('HTML-escapes every data value exactly once; the text part keeps it verbatim', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && /[<>&"']/.test(s)), async (evil) => {
        // Markers make the value findable in the page whatever it contains.
        const value = `«${evil}»`;
        const m = await render(base({ data: { ...EXAMPLE_DATA, productTitle: value, name: value } }));
        const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/`/g, '&#x60;').replace(/=/g, '&#x3D;');
        expect(m.html).toContain(escaped);
        expect(m.html).not.toContain(value);
        expect(m.text).toContain(value);
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a script tag from data into the HTML', async () => {
    const m = await render(base({ data: { ...EXAMPLE_DATA, productTitle: '<script>alert(1)</script>', name: '<img src=x onerror=alert(1)>' } }));
    expect(m.html).not.toMatch(/<script|<img/i);
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops a call-to-action whose link is not http(s)', async () => {
    const m = await render(base({ data: { ...EXAMPLE_DATA, link: 'javascript:alert(1)' } }));
    expect(m.html).not.toContain('javascript:');
    expect(m.text).not.toContain('javascript:');
  });

  it('wraps the call-to-action in the tracked link for email only', async () => {
    const trackLink = async (url: string) => `https://api.example/t/${Buffer.from(url).toString('base64url')}.sig`;
    const email = await render(base({ trackLink }));
    expect(email.html).toContain('https://api.example/t/');
    const sms = await render(base({ channel: 'sms', trackLink }));
    expect(sms.sms).toContain(String(EXAMPLE_DATA.link));
  });
});

describe('overrides and variants', () => {
  const good: StoredTemplate = { subject: 'Back: {{productTitle}}', paragraphs: ['{{#if name}}Dear {{name}}{{/if}} it is back.'], cta: { label: 'Buy', url: '{{link}}' } };

  it('accept a plain override and refuse raw output, partials and syntax errors', () => {
    expect(templateProblems(good)).toEqual([]);
    expect(templateProblems({ ...good, subject: 'Hi {{{name}}}' })[0]?.field).toBe('subject');
    expect(templateProblems({ ...good, paragraphs: ['{{& name}}'] })[0]?.field).toBe('paragraphs.0');
    expect(templateProblems({ ...good, paragraphs: ['{{> header}}'] })[0]?.field).toBe('paragraphs.0');
    expect(templateProblems({ ...good, paragraphs: ['{{#if name}}unclosed'] })[0]?.reason).toMatch(/template error/);
    expect(templateProblems({ ...good, paragraphs: ['{{lookup this "constructor"}}', '{{unknownHelper name}}'] }).length).toBeGreaterThan(0);
  });

  it('assign variants stably per person and split by weight', () => {
    const variants = [
      { id: 'A', weight: 1, subject: 'A' },
      { id: 'B', weight: 3, subject: 'B' },
    ];
    const counts = { A: 0, B: 0 } as Record<string, number>;
    for (let i = 0; i < 4000; i++) {
      const key = { tenantId: 'tabcdefghijk', template: 'back_in_stock' as const, recipientId: `r${i}` };
      const v = pickVariant(variants, key)!;
      expect(pickVariant(variants, key)!.id).toBe(v.id);
      counts[v.id]!++;
    }
    expect(counts.B! / 4000).toBeGreaterThan(0.7);
    expect(counts.B! / 4000).toBeLessThan(0.8);
  });

  it('render the variant a person gets and report it', async () => {
    const variants = [
      { id: 'A', weight: 1, subject: 'Subject A {{productTitle}}' },
      { id: 'B', weight: 1, subject: 'Subject B {{productTitle}}' },
    ];
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const m = await render(base({ recipientId: `r${i}`, content: good, variants }));
      expect(m.subject).toBe(`Subject ${m.variant} ${EXAMPLE_DATA.productTitle}`);
      seen.add(m.variant);
    }
    expect(seen).toEqual(new Set(['A', 'B']));
  });
});

describe('helpers', () => {
  it('fall back from an unknown locale to the tenant locale, then English', () => {
    expect(localeCandidates('it-IT', 'en')).toEqual(['it', 'en']);
    expect(localeCandidates('de-DE', 'it')).toEqual(['de', 'it', 'en']);
  });

  it('name missing required fields', () => {
    expect(missingData('back_in_stock', { productTitle: 'x' })).toEqual(['link']);
    expect(missingData('waitlist_confirmation', { productTitle: 'x' })).toEqual([]);
  });

  it('format dates per locale and leave unparseable ones as given', () => {
    expect(formatDate('2026-12-10', 'it')).toBe('10 dicembre 2026');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});
