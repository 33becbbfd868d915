import { createHmac } from 'node:crypto';
import { linkKeys } from '../messaging/links.js';
import { signLink, verifyLink, keyIdOf, type LinkClaims, type LinkPurpose, type VerifyResult } from './links.js';

/**
 * Early-access links are signed with a key derived per tenant from the platform's link key
 * (shared/messaging/links.ts, rotated by key id): HMAC(platform key, "release-link\0<tenant>").
 * The derivation separates these tokens from every other kind of signed link, and a token
 * minted for one tenant cannot verify under another tenant's key.
 */
function tenantKeyOf(secret: Buffer, tenantId: string): Buffer {
  return createHmac('sha256', secret).update(`release-link\u0000${tenantId}`).digest();
}

export async function mintLink(tableName: string, claims: Omit<LinkClaims, 'j'> & { j?: string }): Promise<string> {
  const [key] = await linkKeys(tableName);
  return signLink(claims, { id: key!.kid, secret: tenantKeyOf(key!.secret, claims.t) });
}

export async function openLink(tableName: string, token: string, expect: { tenantId: string; purpose: LinkPurpose }, nowMs = Date.now()): Promise<VerifyResult> {
  if (!keyIdOf(token)) return { ok: false, reason: 'malformed' };
  const keys = await linkKeys(tableName);
  return verifyLink(
    token,
    (kid) => {
      const k = keys.find((x) => x.kid === kid);
      return k ? tenantKeyOf(k.secret, expect.tenantId) : undefined;
    },
    expect,
    nowMs,
  );
}
