import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressHash, parseClick, parseUnsubscribe, signClick, signUnsubscribe, type SigningKey } from '../../../shared/messaging/links.js';

const key: SigningKey = { kid: 'k1', secret: randomBytes(32) };
const other: SigningKey = { kid: 'k1', secret: randomBytes(32) };

const claimsArb = fc.record({
  tenantId: fc.stringMatching(/^t[a-z0-9]{10,20}$/),
  recipientId: fc.string({ minLength: 1, maxLength: 60 }),
  scope: fc.constantFrom('all' as const, 'email' as const, 'sms' as const),
  addressHash: fc.option(fc.base64String({ minLength: 4, maxLength: 32 }), { nil: undefined }),
});

describe('unsubscribe tokens', () => {
  it('round-trip any claims through sign and verify', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const parsed = parseUnsubscribe(signUnsubscribe(claims, key), [key]);
        expect(parsed).toEqual(Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined)));
      }),
    );
  });

  it('refuse every single-character tampering of payload or MAC', () => {
    fc.assert(
      fc.property(claimsArb, fc.nat(), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'), (claims, pos, ch) => {
        const token = signUnsubscribe(claims, key);
        const i = pos % token.length;
        fc.pre(token[i] !== ch);
        const tampered = token.slice(0, i) + ch + token.slice(i + 1);
        expect(parseUnsubscribe(tampered, [key])).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('refuse a token signed with another secret, an unknown key id, or garbage', () => {
    const claims = { tenantId: 'tabcdefghijk', recipientId: 'sub-1', scope: 'email' as const };
    expect(parseUnsubscribe(signUnsubscribe(claims, other), [key])).toBeUndefined();
    expect(parseUnsubscribe(signUnsubscribe(claims, { kid: 'k9', secret: key.secret }), [key])).toBeUndefined();
    fc.assert(fc.property(fc.string(), (s) => parseUnsubscribe(s, [key]) === undefined));
  });

  it('refuse a changed claim even with a valid-looking MAC from another token', () => {
    const a = signUnsubscribe({ tenantId: 'tabcdefghijk', recipientId: 'alice', scope: 'email' }, key);
    const b = signUnsubscribe({ tenantId: 'tabcdefghijk', recipientId: 'bob', scope: 'all' }, key);
    const spliced = `${b.split('.')[0]}.${a.split('.')[1]}`;
    expect(parseUnsubscribe(spliced, [key])).toBeUndefined();
  });

  it('keep old links working after a key rotation (tokens name their key)', () => {
    const old: SigningKey = { kid: 'old', secret: randomBytes(32) };
    const token = signUnsubscribe({ tenantId: 'tabcdefghijk', recipientId: 'r', scope: 'sms' }, old);
    expect(parseUnsubscribe(token, [key, old])?.recipientId).toBe('r');
  });
});

describe('click tokens', () => {
  it('round-trip and never pass as unsubscribe tokens (or the reverse)', () => {
    const click = signClick({ tenantId: 'tabcdefghijk', recipientId: 'r', ledgerId: 'L1', url: 'https://shop.example/p?a=1' }, key);
    expect(parseClick(click, [key])?.url).toBe('https://shop.example/p?a=1');
    expect(parseUnsubscribe(click, [key])).toBeUndefined();
    const unsub = signUnsubscribe({ tenantId: 'tabcdefghijk', recipientId: 'r', scope: 'all' }, key);
    expect(parseClick(unsub, [key])).toBeUndefined();
  });

  it('refuse destinations that are not http(s), even when signed', () => {
    const token = signClick({ tenantId: 'tabcdefghijk', recipientId: 'r', ledgerId: 'L1', url: 'javascript:alert(1)' }, key);
    expect(parseClick(token, [key])).toBeUndefined();
  });
});

describe('address hashes', () => {
  it('normalise case and spacing for email and formatting for phones, and differ per channel', () => {
    expect(addressHash('email', ' Giulia@Shop.Example ')).toBe(addressHash('email', 'giulia@shop.example'));
    expect(addressHash('sms', '+39 333 123 4567')).toBe(addressHash('sms', '+393331234567'));
    expect(addressHash('email', '+393331234567')).not.toBe(addressHash('sms', '+393331234567'));
    expect(addressHash('email', 'a@b.example')).not.toContain('a@b');
  });
});
