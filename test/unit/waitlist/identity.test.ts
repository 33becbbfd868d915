import { describe, expect, it } from 'vitest';
import { isDisposable } from '../../../shared/waitlist/disposable-domains.js';
import { contactHash, identityOf, maskContact, normalizeEmail, normalizePhone, regionOf, timeZoneOfCountry, validTimeZone } from '../../../shared/waitlist/identity.js';
import { validateContacts } from '../../../shared/waitlist/signup.js';

const T = 'tabc1234567890';

describe('dedupe identity', () => {
  it('is the same for the same e-mail however it is typed', () => {
    const a = identityOf(T, { email: normalizeEmail('  Giulia.Rossi@Example.COM ') });
    const b = identityOf(T, { email: 'giulia.rossi@example.com' });
    expect(a.hashes).toEqual(b.hashes);
    expect(a.subscriberId).toBe(b.subscriberId);
  });

  it('keeps sub-addresses apart (a different inbox to its owner)', () => {
    expect(identityOf(T, { email: 'a+shop@example.com' }).hashes[0]).not.toBe(identityOf(T, { email: 'a@example.com' }).hashes[0]);
  });

  it('claims every contact given, e-mail first, and names the person by the first', () => {
    const both = identityOf(T, { email: 'a@example.com', phone: '+393331234567' });
    const phoneOnly = identityOf(T, { phone: '+393331234567' });
    expect(both.hashes).toHaveLength(2);
    // The phone claim is shared: a later phone-only sign-up finds the same entry.
    expect(both.hashes[1]).toBe(phoneOnly.hashes[0]);
    expect(both.subscriberId).toBe(identityOf(T, { email: 'a@example.com' }).subscriberId);
  });

  it('salts hashes with the tenant, so two shops cannot join their lists', () => {
    const c = { kind: 'email' as const, value: 'a@example.com' };
    expect(contactHash(T, c)).not.toBe(contactHash('tother12345678', c));
    expect(contactHash(T, c)).not.toContain('example');
  });

  it('never confuses an e-mail with a phone of the same text', () => {
    expect(contactHash(T, { kind: 'email', value: '+39333' })).not.toBe(contactHash(T, { kind: 'phone', value: '+39333' }));
  });

  it('refuses an identity with no contact', () => {
    expect(() => identityOf(T, {})).toThrow();
  });
});

describe('phone normalisation (E.164, libphonenumber-js)', () => {
  it('reads a national number in the given country', () => {
    expect(normalizePhone('333 123 4567', 'IT')).toEqual({ ok: true, e164: '+393331234567', country: 'IT' });
  });

  it('keeps an international number whatever the default country', () => {
    expect(normalizePhone('+1 (415) 555-2671', 'IT')).toMatchObject({ ok: true, e164: '+14155552671', country: 'US' });
    expect(normalizePhone('0039 333 1234567')).toMatchObject({ ok: true, e164: '+393331234567' });
  });

  it('asks for the country code when none is known', () => {
    const r = normalizePhone('333 123 4567');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/country code/);
  });

  it('refuses what cannot be a phone number', () => {
    expect(normalizePhone('hello', 'IT').ok).toBe(false);
    expect(normalizePhone('+39 12', 'IT').ok).toBe(false);
    expect(normalizePhone('<script>', 'IT').ok).toBe(false);
  });

  it('finds the region of a locale', () => {
    expect(regionOf('it-IT')).toBe('IT');
    expect(regionOf('en_gb')).toBe('GB');
    expect(regionOf('it')).toBeUndefined();
  });
});

describe('time zone', () => {
  it('accepts IANA zones and refuses the rest', () => {
    expect(validTimeZone('Europe/Rome')).toBe('Europe/Rome');
    expect(validTimeZone('Mars/Olympus')).toBeUndefined();
    expect(validTimeZone(undefined)).toBeUndefined();
  });

  it("falls back to the country's main zone", () => {
    expect(timeZoneOfCountry('IT')).toBe('Europe/Rome');
    expect(timeZoneOfCountry('us')).toBe('America/New_York');
    expect(timeZoneOfCountry('ZZ')).toBeUndefined();
  });
});

describe('contact validation at sign-up', () => {
  const settings = { disposableDomains: ['spam-shop.example'] };

  it('needs an e-mail or a phone, naming the field', () => {
    expect(() => validateContacts({}, settings, 'it')).toThrowError(expect.objectContaining({ status: 400, fields: [{ field: 'body.email', reason: expect.stringMatching(/e-mail address or a phone/) }] }));
  });

  it('refuses disposable domains, bundled and the tenant’s own, subdomains included', () => {
    expect(isDisposable('x@mailinator.com')).toBe(true);
    expect(isDisposable('x@eu.mailinator.com')).toBe(true);
    expect(isDisposable('x@gmail.com')).toBe(false);
    expect(() => validateContacts({ email: 'x@spam-shop.example' }, settings, 'it')).toThrowError(expect.objectContaining({ fields: [expect.objectContaining({ field: 'body.email', reason: expect.stringMatching(/disposable/) })] }));
  });

  it('reports every bad field at once', () => {
    try {
      validateContacts({ email: 'not-an-email', phone: 'abc' }, settings, 'it');
      expect.unreachable();
    } catch (e) {
      expect((e as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['body.email', 'body.phone']);
    }
  });

  it("reads a phone in the browser's country, then the locale's, then the shop's", () => {
    expect(validateContacts({ phone: '020 7946 0958', country: 'gb' }, settings, 'it').phone).toBe('+442079460958');
    expect(validateContacts({ phone: '333 123 4567', locale: 'it-IT' }, settings, 'en').phone).toBe('+393331234567');
    expect(validateContacts({ phone: '333 123 4567' }, { ...settings, defaultCountry: 'IT' }, 'en').phone).toBe('+393331234567');
  });

  it('masks contacts for pages a link-holder sees', () => {
    expect(maskContact({ kind: 'email', value: 'giulia@example.com' })).toBe('g•••@example.com');
    expect(maskContact({ kind: 'phone', value: '+393331234567' })).toBe('+39••••67');
  });
});
