import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { peekToken, signToken, verifyToken, type TokenPayload } from '../../../shared/waitlist/tokens.js';

const key = randomBytes(32);
const payload: TokenPayload = { k: 'prefs', kid: 'k1', t: 'tabc1234567890', h: ['hash1'], x: Math.floor(Date.now() / 1000) + 3600 };

describe('signed shopper links', () => {
  it('round-trips', () => {
    expect(verifyToken(signToken(payload, key), key)).toEqual({ ok: true, payload });
  });

  it('refuses a changed payload (another tenant, other contacts)', () => {
    const token = signToken(payload, key);
    const forged = Buffer.from(JSON.stringify({ ...payload, t: 'tother12345678' })).toString('base64url');
    expect(verifyToken(`${forged}.${token.split('.')[1]}`, key)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses another key, and expired links', () => {
    expect(verifyToken(signToken(payload, key), randomBytes(32)).ok).toBe(false);
    expect(verifyToken(signToken({ ...payload, x: 1 }, key), key)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses garbage without throwing', () => {
    for (const t of ['', 'x', 'a.b', 'does-not-exist', `${Buffer.from('{}').toString('base64url')}.x`, 'a'.repeat(5000)]) {
      expect(verifyToken(t, key).ok).toBe(false);
      expect(() => peekToken(t)).not.toThrow();
    }
  });
});
