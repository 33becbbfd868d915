import type { Store } from '../data/store.js';
import { publishEvents } from '../events/publish.js';
import { ApiKeyRecord, Tenant, tenantSettingsSchema } from './model.js';
import { generateKey, newTenantId, parseKey, secretMatches, type KeyKind } from './api-keys.js';
import { ApiKey } from './keys.js';

export interface NewTenant {
  name: string;
  contactEmail: string;
  locale: string;
  allowedOrigins?: string[];
}

/** Creates a tenant with its first admin key (returned once) and announces it. */
export async function createTenant(store: Store, busName: string, input: NewTenant, now = new Date()) {
  const tenantId = newTenantId();
  const createdAt = now.toISOString();
  const tenant: Tenant = {
    tenantId,
    name: input.name,
    contactEmail: input.contactEmail,
    locale: input.locale,
    status: 'active',
    createdAt,
    allowedOrigins: input.allowedOrigins ?? [],
    productCount: 0,
    settings: tenantSettingsSchema.parse({}),
  };
  const admin = generateKey('admin', tenantId);
  await store.putAll([
    { entity: Tenant, item: tenant, ifNotExists: true },
    {
      entity: ApiKeyRecord,
      item: { tenantId, keyId: admin.keyId, kind: 'admin', label: 'initial', secretHash: admin.secretHash, createdAt },
      ifNotExists: true,
    },
  ]);
  // Deterministic event id: a retried request after a crash here re-publishes the same id.
  await publishEvents(busName, [
    {
      name: 'TenantCreated',
      tenantId,
      eventId: `tenant-created:${tenantId}`,
      data: { name: tenant.name, contactEmail: tenant.contactEmail, locale: tenant.locale },
    },
  ]);
  return { tenant, adminKey: admin.key };
}

/**
 * Resolves an API key to its tenant, or undefined. One consistent read of the key's item;
 * revoked keys, suspended tenants and wrong kinds all answer undefined (the caller says 401
 * without telling which).
 */
export async function authenticate(store: Store, rawKey: string | undefined, kind: KeyKind): Promise<string | undefined> {
  const parsed = parseKey(rawKey);
  if (!parsed || parsed.kind !== kind) return undefined;
  const record = await store.get(ApiKey, { tenantId: parsed.tenantId, keyId: parsed.keyId }, true);
  if (!record || record.revokedAt || record.kind !== kind) return undefined;
  // A key rotated with a grace period stops at expiresAt, before TTL gets round to deleting it.
  if (record.expiresAt !== undefined && record.expiresAt * 1000 <= Date.now()) return undefined;
  if (!secretMatches(parsed.secret, record.secretHash)) return undefined;
  return parsed.tenantId;
}
