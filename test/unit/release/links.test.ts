import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signLink, verifyLink, type LinkClaims } from '../../../shared/release/links.js';

const key = { id: 'k1', secret: randomBytes(32) };
const keys = (id: string) => (id === 'k1' ? key.secret : undefined);
const now = Date.parse('2026-11-20T10:00:00Z');
const claims = (over: Partial<LinkClaims> = {}): Omit<LinkClaims, 'j'> => ({ t: 'tshop0000001', r: 'r-abc123', p: 'scarpa', s: 'SR-42', e: 'wl_1', u: 'access', x: now / 1000 + 3600, ...over });

describe('signed early-access links', () => {
  it('verify for their tenant and purpose before they expire', () => {
    const token = signLink(claims(), key);
    const v = verifyLink(token, keys, { tenantId: 'tshop0000001', purpose: 'access' }, now);
    expect(v).toMatchObject({ ok: true, claims: { r: 'r-abc123', e: 'wl_1', u: 'access' } });
  });

  it('refuse another tenant, another purpose, an expired link and an unknown key', () => {
    const token = signLink(claims(), key);
    expect(verifyLink(token, keys, { tenantId: 'tother000001', purpose: 'access' }, now)).toEqual({ ok: false, reason: 'wrong_tenant' });
    expect(verifyLink(token, keys, { tenantId: 'tshop0000001', purpose: 'claim' }, now)).toEqual({ ok: false, reason: 'wrong_purpose' });
    expect(verifyLink(token, keys, { tenantId: 'tshop0000001', purpose: 'access' }, now + 3600_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyLink(signLink(claims(), { id: 'k9', secret: key.secret }), keys, { tenantId: 'tshop0000001', purpose: 'access' }, now)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('refuse a link signed with another key (a forgery), even with valid-looking claims', () => {
    const forged = signLink(claims(), { id: 'k1', secret: randomBytes(32) });
    expect(verifyLink(forged, keys, { tenantId: 'tshop0000001', purpose: 'access' }, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuse any single-character change', () => {
    const token = signLink(claims(), key);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: token.length - 1 }), fc.constantFrom(...'ABCabc012-_.'.split('')), (i, ch) => {
        if (token[i] === ch) return;
        const tampered = token.slice(0, i) + ch + token.slice(i + 1);
        const v = verifyLink(tampered, keys, { tenantId: 'tshop0000001', purpose: 'access' }, now);
        // A change in the last characters of base64url can decode to the same bytes; only then may it pass.
        if (v.ok) expect(Buffer.from(tampered.split('.')[3] ?? '', 'base64url').equals(Buffer.from(token.split('.')[3]!, 'base64url'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(verifyLink(s, keys, { tenantId: 'tshop0000001', purpose: 'access' }, now).ok).toBe(false);
      }),
    );
  });
});
