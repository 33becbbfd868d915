import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { loadConfig, platformEnv } from '../config/env.js';
import { dynamo } from '../data/client.js';
import { senderEnv } from './env.js';
import type { Channel } from './types.js';

/**
 * Signed links in messages: one-click unsubscribe (`/u/{token}`) and tracked clicks
 * (`/t/{token}`). Tokens are self-contained — `<payload>.<mac>`, both base64url — so the
 * public endpoints need no lookup to trust them and work without login. The MAC is
 * HMAC-SHA256 over a kind prefix and the payload, truncated to 128 bits; the kind prefix
 * keeps a click token from ever passing as an unsubscribe token and vice versa.
 *
 * Unsubscribe links never expire (RFC 8058: a link in an old message must still work).
 */

/** What an unsubscribe removes: every marketing message of the tenant, or one channel. */
export type UnsubscribeScope = 'all' | Channel;

export interface UnsubscribeClaims {
  tenantId: string;
  recipientId: string;
  scope: UnsubscribeScope;
  /** Address hash (see `addressHash`), so the address itself is suppressed too, not just this id. */
  addressHash?: string;
}

export interface ClickClaims {
  tenantId: string;
  recipientId: string;
  /** Ledger id of the message the link was in. */
  ledgerId: string;
  url: string;
}

export interface SigningKey {
  kid: string;
  secret: Buffer;
}

type Kind = 'u' | 'c';

const MAC_BYTES = 16;

export function signToken(kind: Kind, claims: Record<string, unknown>, key: SigningKey): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, k: key.kid })).toString('base64url');
  return `${payload}.${mac(kind, payload, key.secret)}`;
}

/** The claims of a token signed with one of `keys`, or undefined for anything else. */
export function verifyToken(kind: Kind, token: string, keys: SigningKey[]): Record<string, unknown> | undefined {
  if (typeof token !== 'string' || token.length > 4096) return undefined;
  const parts = token.split('.');
  if (parts.length !== 2) return undefined;
  const [payload, given] = parts as [string, string];
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return undefined;
  const key = keys.find((k) => k.kid === claims.k);
  if (!key) return undefined;
  const expected = Buffer.from(mac(kind, payload, key.secret), 'base64url');
  const actual = Buffer.from(given, 'base64url');
  // Re-encoding must round-trip, so two spellings of one MAC cannot both be accepted.
  if (actual.length !== expected.length || actual.toString('base64url') !== given || !timingSafeEqual(actual, expected)) return undefined;
  return claims;
}

function mac(kind: Kind, payload: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(`${kind}.${payload}`).digest().subarray(0, MAC_BYTES).toString('base64url');
}

export function signUnsubscribe(claims: UnsubscribeClaims, key: SigningKey): string {
  return signToken('u', { t: claims.tenantId, r: claims.recipientId, s: claims.scope, ...(claims.addressHash ? { a: claims.addressHash } : {}) }, key);
}

export function parseUnsubscribe(token: string, keys: SigningKey[]): UnsubscribeClaims | undefined {
  const c = verifyToken('u', token, keys);
  if (!c || typeof c.t !== 'string' || typeof c.r !== 'string' || !['all', 'email', 'sms'].includes(c.s as string)) return undefined;
  if (c.a !== undefined && typeof c.a !== 'string') return undefined;
  return { tenantId: c.t, recipientId: c.r, scope: c.s as UnsubscribeScope, ...(c.a ? { addressHash: c.a as string } : {}) };
}

export function signClick(claims: ClickClaims, key: SigningKey): string {
  return signToken('c', { t: claims.tenantId, r: claims.recipientId, l: claims.ledgerId, u: claims.url }, key);
}

export function parseClick(token: string, keys: SigningKey[]): ClickClaims | undefined {
  const c = verifyToken('c', token, keys);
  if (!c || typeof c.t !== 'string' || typeof c.r !== 'string' || typeof c.l !== 'string' || typeof c.u !== 'string') return undefined;
  if (!isHttpUrl(c.u)) return undefined;
  return { tenantId: c.t, recipientId: c.r, ledgerId: c.l, url: c.u };
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A stable, non-reversible handle on an address: suppression and unsubscribe tokens refer
 * to addresses by it, so neither stores nor links carry the address itself.
 */
export function addressHash(channel: Channel, address: string): string {
  const normalised = channel === 'email' ? address.trim().toLowerCase() : address.replace(/[^+0-9]/g, '');
  return createHash('sha256').update(`${channel}:${normalised}`).digest('base64url').slice(0, 32);
}

// ---- the platform's link-signing key ----------------------------------------------------

/**
 * The signing key lives in the single table (a platform item, created on first use with a
 * conditional put, so concurrent cold starts agree on one key). Whoever can read the table
 * can read everything the tokens protect anyway, so a separate secret store would add a
 * service and a cost without narrowing access. Rotation: add a newer key to `keys`; tokens
 * name their key id, so links already sent keep working.
 */
const KEY_ITEM = { pk: 'PLATFORM#LINKKEYS', sk: 'LINKKEYS' };
const keyCache = new Map<string, Promise<SigningKey[]>>();

export function linkKeys(tableName: string): Promise<SigningKey[]> {
  let cached = keyCache.get(tableName);
  if (!cached) {
    cached = loadOrCreateKeys(tableName);
    cached.catch(() => keyCache.delete(tableName));
    keyCache.set(tableName, cached);
  }
  return cached;
}

async function loadOrCreateKeys(tableName: string): Promise<SigningKey[]> {
  const read = async () => (await dynamo.send(new GetCommand({ TableName: tableName, Key: KEY_ITEM, ConsistentRead: true }))).Item;
  let item = await read();
  if (!item) {
    const fresh = { kid: randomBytes(4).toString('hex'), secret: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() };
    try {
      await dynamo.send(new PutCommand({ TableName: tableName, Item: { ...KEY_ITEM, _type: 'LinkKeys', keys: [fresh] }, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    item = await read();
  }
  const keys = ((item?.keys ?? []) as { kid: string; secret: string; createdAt: string }[])
    .map((k) => ({ kid: k.kid, secret: Buffer.from(k.secret, 'base64'), createdAt: k.createdAt }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (!keys.length) throw new Error('link signing keys item has no keys');
  return keys.map(({ kid, secret }) => ({ kid, secret }));
}

export interface LinkConfig {
  tableName: string;
  /** The public API's base URL, e.g. `https://api.example.com` (no trailing slash needed). */
  publicApiUrl: string;
}

const linkEnv = z.object({ TABLE_NAME: platformEnv.TABLE_NAME, PUBLIC_API_URL: senderEnv.PUBLIC_API_URL });

export function linkConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LinkConfig {
  const c = loadConfig(linkEnv, env);
  return { tableName: c.TABLE_NAME, publicApiUrl: c.PUBLIC_API_URL };
}

const base = (url: string) => url.replace(/\/+$/, '');

/**
 * The one-click unsubscribe URL for a recipient (`GET`/`POST /u/{token}`): used in the
 * RFC 8058 headers and message footers, and by the waitlist's preference page.
 */
export async function unsubscribeUrl(claims: UnsubscribeClaims, config: LinkConfig = linkConfigFromEnv()): Promise<string> {
  const [key] = await linkKeys(config.tableName);
  return `${base(config.publicApiUrl)}/u/${signUnsubscribe(claims, key!)}`;
}

/** Verifies an unsubscribe token (from `/u/{token}` or the preference page). */
export async function verifyUnsubscribeToken(token: string, config: Pick<LinkConfig, 'tableName'> = linkConfigFromEnv()): Promise<UnsubscribeClaims | undefined> {
  return parseUnsubscribe(token, await linkKeys(config.tableName));
}

/** A tracked link: `/t/{token}` records the click, then redirects to `url`. */
export async function clickUrl(claims: ClickClaims, config: LinkConfig = linkConfigFromEnv()): Promise<string> {
  const [key] = await linkKeys(config.tableName);
  return `${base(config.publicApiUrl)}/t/${signClick(claims, key!)}`;
}

export async function verifyClickToken(token: string, config: Pick<LinkConfig, 'tableName'> = linkConfigFromEnv()): Promise<ClickClaims | undefined> {
  return parseClick(token, await linkKeys(config.tableName));
}
