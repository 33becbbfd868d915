import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `rsk.<tenantId>.<keyId>.<secret>` (admin) or `rpk.…` (publishable).
 * The tenant and key id are in the clear so the authorizer reads exactly one item under the
 * tenant's own partition; only a SHA-256 of the 256-bit secret is stored (a slow password
 * hash adds nothing for a random secret of that size and would slow every request).
 */
export type KeyKind = 'admin' | 'publishable';
const PREFIX: Record<KeyKind, string> = { admin: 'rsk', publishable: 'rpk' };

export interface ParsedKey {
  kind: KeyKind;
  tenantId: string;
  keyId: string;
  secret: string;
}

export function generateKey(kind: KeyKind, tenantId: string): { key: string; keyId: string; secretHash: string } {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `${PREFIX[kind]}.${tenantId}.${keyId}.${secret}`, keyId, secretHash: hashSecret(secret) };
}

export function parseKey(raw: string | undefined): ParsedKey | undefined {
  if (!raw) return undefined;
  const token = raw.startsWith('Bearer ') ? raw.slice(7).trim() : raw.trim();
  const parts = token.split('.');
  if (parts.length !== 4) return undefined;
  const [prefix, tenantId, keyId, secret] = parts as [string, string, string, string];
  const kind = (Object.keys(PREFIX) as KeyKind[]).find((k) => PREFIX[k] === prefix);
  if (!kind || !/^t[a-z0-9]{10,30}$/.test(tenantId) || !/^[0-9a-f]{12}$/.test(keyId) || secret.length < 20) return undefined;
  return { kind, tenantId, keyId, secret };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newTenantId(): string {
  // 't' + 16 base36 chars: unguessable enough to never be enumerated, short enough for keys.
  return 't' + BigInt('0x' + randomBytes(10).toString('hex')).toString(36).padStart(16, '0').slice(0, 16);
}
