import { inject } from 'vitest';
import { restockClient, type RestockClient } from '../../shared/client/index.js';
import { checkedFetch } from './contract.js';

/**
 * Test access to the local stack. Applies its endpoints to this process's environment so the
 * AWS SDK clients in tests (and in shared code they import) talk to the emulators, after a
 * guard that refuses anything but loopback: a test can never touch a real AWS account.
 */
export function local() {
  const ctx = inject('local');
  for (const [k, v] of Object.entries(ctx.env)) {
    if (k.startsWith('AWS_ENDPOINT_URL') && !/^http:\/\/127\.0\.0\.1:\d+$/.test(v)) {
      throw new Error(`Refusing non-local endpoint ${k}=${v} in tests`);
    }
    process.env[k] = v;
  }
  return ctx;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = any>(
  method: string,
  path: string,
  opts: { key?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<ApiResponse<T>> {
  const { urls } = inject('local');
  const res = await checkedFetch(`${urls.api}${path}`, {
    method,
    headers: {
      ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
      ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * The typed client (shared/client) against the local stack, for the tests' good paths: paths,
 * parameters, bodies and answers are typed from the contract, and every answer is held to it.
 * Tests of bad input send raw HTTP with `api()`.
 */
export function client(keys: { adminKey?: string; publishableKey?: string; operatorKey?: string } = {}): RestockClient {
  return restockClient({ baseUrl: inject('local').urls.api, ...keys, fetch: checkedFetch });
}

/** Onboards a fresh tenant through the operator API; each test gets its own. */
export async function newTenant(name = 'Test Shop', extra: Record<string, unknown> = {}) {
  const { operatorKey } = inject('local');
  const contactEmail = `owner+${Math.random().toString(36).slice(2, 10)}@shop.example`;
  const res = await api('POST', '/operator/tenants', { key: operatorKey, body: { name, contactEmail, locale: 'en', ...extra } });
  if (res.status !== 201) throw new Error(`tenant creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { tenantId: res.body.tenant.tenantId as string, adminKey: res.body.adminKey as string, contactEmail };
}

/**
 * Issues a publishable (storefront) key for a tenant straight through the data layer, so
 * storefront tests do not depend on the admin key endpoints.
 */
export async function issuePublishableKey(tenantId: string): Promise<string> {
  local();
  const { Store } = await import('../../shared/data/store.js');
  const { ApiKeyRecord } = await import('../../shared/tenants/model.js');
  const { generateKey } = await import('../../shared/tenants/api-keys.js');
  const { synthTableName } = await import('./table-name.js');
  const k = generateKey('publishable', tenantId);
  await new Store(await synthTableName()).put(ApiKeyRecord, { tenantId, keyId: k.keyId, kind: 'publishable', label: 'test', secretHash: k.secretHash, createdAt: new Date().toISOString() });
  return k.key;
}

export interface ConsoleState {
  executions: { executionArn: string; stateMachine: string; status: string; states: string[]; error?: string }[];
  events: { eventId: string; tenantId?: string; detailEventId?: string; source: string; detailType: string; matchedRules: string[] }[];
  sms: { phoneNumber?: string; message: string }[];
  invocations: { functionName: string; ok: boolean; error?: string }[];
  invocationCounts: Record<string, number>;
  executionCounts: Record<string, number>;
  deadLetters: { queue: string; messages: number }[];
}

/** The local console's state; with a tenant id, `events` are that tenant's over the whole retained log (else the last 100 of all). */
export async function consoleState(tenantId?: string): Promise<ConsoleState> {
  const { urls } = inject('local');
  return (await fetch(`${urls.console}/_local/state${tenantId ? `?tenantId=${encodeURIComponent(tenantId)}` : ''}`)).json() as Promise<ConsoleState>;
}

export interface CapturedEmail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
}

export async function emailsTo(address: string): Promise<CapturedEmail[]> {
  const { urls } = inject('local');
  const store = (await (await fetch(`${urls.mail}/store`)).json()) as { emails: CapturedEmail[] };
  return store.emails.filter((e) => e.destination.to.includes(address));
}

/** Polls until `check` returns a truthy value (async paths settle in the background; a loaded CI machine needs the margin). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}
