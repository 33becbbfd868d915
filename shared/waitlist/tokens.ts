import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { linkKeys } from '../messaging/links.js';

/**
 * Signed, expiring links for shoppers who have no login: the preference page, the double
 * opt-in confirmation and "keep my place". A token is `<payload>.<mac>`, both base64url; the
 * payload names its tenant and what it opens, so a token for one shop's entry opens nothing
 * in another shop, and any change to the payload breaks the MAC.
 */

export const tokenPayloadSchema = z.discriminatedUnion('k', [
  /** The person's own page: every entry claimed by one of these contact hashes. */
  z.object({ k: z.literal('prefs'), kid: z.string(), t: z.string(), h: z.array(z.string()).min(1).max(2), x: z.number() }),
  /** Confirm the pending entry `e` of list `l` (double opt-in); `h` finds it again once confirmed. */
  z.object({ k: z.literal('confirm'), kid: z.string(), t: z.string(), l: z.string(), e: z.string(), h: z.array(z.string()).min(1).max(2), x: z.number() }),
  /** Keep the place of entry `e` (sort key `s`) of list `l` ("still interested?"). */
  z.object({ k: z.literal('keep'), kid: z.string(), t: z.string(), l: z.string(), s: z.string(), e: z.string(), x: z.number() }),
]);
export type TokenPayload = z.infer<typeof tokenPayloadSchema>;

const MAC_LENGTH = 32;

export function signToken(payload: TokenPayload, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, key)}`;
}

function mac(body: string, key: Buffer): string {
  return createHmac('sha256', key).update(`w.${body}`).digest('base64url').slice(0, MAC_LENGTH);
}

/** The payload without checking the MAC: only to learn which key to verify with. */
export function peekToken(token: string): TokenPayload | undefined {
  const [body] = token.split('.');
  if (!body || token.length > 2048) return undefined;
  try {
    const parsed = tokenPayloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type VerifyResult = { ok: true; payload: TokenPayload } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyToken(token: string, key: Buffer, now = Date.now()): VerifyResult {
  const payload = peekToken(token);
  const [body, sig] = token.split('.');
  if (!payload || !body || !sig || sig.length !== MAC_LENGTH) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(body, key));
  if (!timingSafeEqual(expected, Buffer.from(sig))) return { ok: false, reason: 'bad_signature' };
  if (payload.x * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

/**
 * Verifies a token with the platform's link keys (shared/messaging/links.ts: one secret,
 * rotated by key id, shared with unsubscribe and click links). Waitlist MACs are computed
 * over a `w.` prefix, so no waitlist token can pass as an unsubscribe or click token.
 */
export async function openToken(tableName: string, token: string, now = Date.now()): Promise<VerifyResult> {
  const peek = peekToken(token);
  if (!peek) return { ok: false, reason: 'malformed' };
  const key = (await linkKeys(tableName)).find((k) => k.kid === peek.kid);
  if (!key) return { ok: false, reason: 'bad_signature' };
  return verifyToken(token, key.secret, now);
}

/** Signs with the newest platform link key. */
export type UnsignedPayload = TokenPayload extends infer P ? (P extends unknown ? Omit<P, 'kid'> : never) : never;

export async function mintToken(tableName: string, payload: UnsignedPayload): Promise<string> {
  const [key] = await linkKeys(tableName);
  return signToken({ ...payload, kid: key!.kid } as TokenPayload, key!.secret);
}

export const DAY_SECONDS = 86_400;
export const expiryIn = (days: number, now = Date.now()) => Math.floor(now / 1000 + days * DAY_SECONDS);
