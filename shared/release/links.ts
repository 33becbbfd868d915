import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed early-access links. A token is `v1.<keyId>.<payload>.<signature>`: the payload
 * (base64url JSON) names the tenant, release, product, SKU, recipient, purpose, expiry and
 * a random id; the signature is HMAC-SHA256 over `v1.<keyId>.<payload>` with the tenant's
 * own link key. A token verifies only for its tenant (another tenant's key gives another
 * signature, and the tenant is checked too), only for its purpose and only before it
 * expires; signatures are compared in constant time. "No replay beyond its purpose": an
 * `access` token may be shown again until it expires (it only answers "may I buy now?"),
 * while a `claim` token is spent by the hold it creates (one hold per recipient and release).
 */
export type LinkPurpose = 'access' | 'claim';

export interface LinkClaims {
  /** tenant */
  t: string;
  /** release */
  r: string;
  /** product */
  p: string;
  /** SKU */
  s: string;
  /** recipient (waitlist entry id) */
  e: string;
  /** purpose */
  u: LinkPurpose;
  /** expiry, seconds since the epoch */
  x: number;
  /** token id */
  j: string;
}

export type VerifyFailure = 'malformed' | 'unknown_key' | 'bad_signature' | 'expired' | 'wrong_tenant' | 'wrong_purpose';
export type VerifyResult = { ok: true; claims: LinkClaims } | { ok: false; reason: VerifyFailure };

const VERSION = 'v1';
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function newTokenId(): string {
  return randomBytes(12).toString('base64url');
}

export function signLink(claims: Omit<LinkClaims, 'j'> & { j?: string }, key: { id: string; secret: Buffer }): string {
  const full: LinkClaims = { ...claims, j: claims.j ?? newTokenId() };
  const head = `${VERSION}.${key.id}.${b64(JSON.stringify(full))}`;
  return `${head}.${b64(createHmac('sha256', key.secret).update(head).digest())}`;
}

/** The key id a token names (to load the right key), or undefined if it is not a token. */
export function keyIdOf(token: string): string | undefined {
  const parts = token.split('.');
  return parts.length === 4 && parts[0] === VERSION && /^[A-Za-z0-9_-]{1,40}$/.test(parts[1]!) ? parts[1] : undefined;
}

export function verifyLink(
  token: string,
  keys: (keyId: string) => Buffer | undefined,
  expect: { tenantId: string; purpose: LinkPurpose },
  nowMs = Date.now(),
): VerifyResult {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  const keyId = keyIdOf(token);
  if (!keyId || parts.length !== 4) return { ok: false, reason: 'malformed' };
  const secret = keys(keyId);
  if (!secret) return { ok: false, reason: 'unknown_key' };
  const head = `${parts[0]}.${parts[1]}.${parts[2]}`;
  const expected = createHmac('sha256', secret).update(head).digest();
  const given = Buffer.from(parts[3]!, 'base64url');
  // timingSafeEqual needs equal lengths; comparing against a same-length buffer keeps the
  // work constant for a wrong-length signature too.
  const same = given.length === expected.length ? timingSafeEqual(given, expected) : (timingSafeEqual(expected, expected), false);
  if (!same) return { ok: false, reason: 'bad_signature' };
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[2]!, 'base64url').toString('utf8')) as LinkClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!claims || typeof claims !== 'object' || typeof claims.x !== 'number' || typeof claims.t !== 'string') return { ok: false, reason: 'malformed' };
  if (claims.t !== expect.tenantId) return { ok: false, reason: 'wrong_tenant' };
  if (claims.u !== expect.purpose) return { ok: false, reason: 'wrong_purpose' };
  if (claims.x * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
