import { createHash } from 'node:crypto';
import { tenantKey } from '../data/entity.js';

/**
 * Per-client rate limiting enforced by the application (an HTTP API has no per-key usage
 * plans): a fixed one-minute window per tenant and client, counted with one atomic ADD on an
 * item that expires by itself. The client is a hash of its IP address, so no address is
 * stored, and the hash is salted with the tenant so it cannot be joined across tenants.
 */
export const WINDOW_SECONDS = 60;
export const DEFAULT_LIMIT_PER_MINUTE = 300;

export function clientKey(tenantId: string, ip: string): string {
  return createHash('sha256').update(`${tenantId}\u0000${ip}`).digest('base64url').slice(0, 22);
}

export interface Window {
  id: number;
  /** Seconds until the window resets (at least 1): the Retry-After of a 429. */
  resetsIn: number;
  /** Epoch seconds after which the counter item may be deleted. */
  expiresAt: number;
}

export function windowAt(nowMs: number, windowSeconds = WINDOW_SECONDS): Window {
  const seconds = nowMs / 1000;
  const id = Math.floor(seconds / windowSeconds);
  const end = (id + 1) * windowSeconds;
  return { id, resetsIn: Math.max(1, Math.ceil(end - seconds)), expiresAt: end + windowSeconds };
}

export function rateLimitKey(tenantId: string, client: string, windowId: number) {
  return { pk: tenantKey(tenantId, 'RATE', client), sk: `W#${windowId}` };
}

/** Allowed while the count (this request included) is within the limit. */
export const allowed = (count: number, limit: number) => count <= limit;

/**
 * Remembers, per container, clients already over their limit in the current window, so
 * further requests are refused without touching DynamoDB: abuse stays cheap.
 */
export class OverLimitMemo {
  private readonly until = new Map<string, number>();
  constructor(private readonly maxEntries = 10_000) {}

  blocked(key: string, nowMs: number): number | undefined {
    const until = this.until.get(key);
    if (until === undefined) return undefined;
    if (until <= nowMs) {
      this.until.delete(key);
      return undefined;
    }
    return Math.max(1, Math.ceil((until - nowMs) / 1000));
  }

  block(key: string, untilMs: number): void {
    if (this.until.size >= this.maxEntries) this.until.delete(this.until.keys().next().value!);
    this.until.set(key, untilMs);
  }
}
