import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateKey, newTenantId, parseKey, secretMatches } from '../../../shared/tenants/api-keys.js';

describe('API keys', () => {
  it('round-trips: a generated key parses to its tenant and matches its stored hash only', () => {
    const tenantId = newTenantId();
    const { key, keyId, secretHash } = generateKey('admin', tenantId);
    const parsed = parseKey(`Bearer ${key}`)!;
    expect(parsed).toMatchObject({ kind: 'admin', tenantId, keyId });
    expect(secretMatches(parsed.secret, secretHash)).toBe(true);
    expect(secretMatches(parsed.secret.slice(0, -1) + 'x', secretHash)).toBe(false);
    expect(secretHash).not.toContain(parsed.secret);
  });

  it('tells admin and publishable keys apart', () => {
    expect(parseKey(generateKey('publishable', newTenantId()).key)?.kind).toBe('publishable');
  });

  it('never accepts arbitrary strings as keys', () => {
    fc.assert(fc.property(fc.string(), (s) => parseKey(s) === undefined || s.split('.').length === 4));
    expect(parseKey('rsk.TENANT.abc.def')).toBeUndefined();
    expect(parseKey(undefined)).toBeUndefined();
  });
});
