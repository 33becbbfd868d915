import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { dynamo } from '../data/client.js';
import { tenantKey } from '../data/entity.js';
import { BadRequestError } from '../errors.js';
import { eraseRecipient, listForRecipient, sendRecordViewSchema, type SendRecord } from '../messaging/ledger.js';
import { logger } from '../observability/logger.js';
import { identityOf, normalizeEmail, normalizePhone, regionOf } from './identity.js';
import { leave, type LifecycleDeps } from './lifecycle.js';
import { entrySchema, PointsLedgerRow, WaitlistClaim, rateMarkKey, shopperRefOf, type PointsLedgerRow as PointsRow, type WaitlistEntry } from './model.js';
import { tenantOf } from './signup.js';

/**
 * Data-subject requests (GDPR arts. 15, 17, 20) for one person of one shop, found by e-mail,
 * phone and/or the shop's shopper id: export everything held about them, or erase it
 * everywhere — waitlist entries and their claims, the points ledger, rate-limit marks keyed
 * by their address hash, the messaging ledger (send records, skips, frequency history), and
 * the local mail and SMS stores when running locally. Logs never held contact data.
 * Address-hash suppressions are kept on purpose: they hold no address and stop an erased
 * person from being contacted again.
 */
export const personSchema = z
  .object({
    email: z.string().trim().max(254).optional(),
    phone: z.string().trim().max(40).optional(),
    shopperId: z.string().trim().min(1).max(128).optional(),
  })
  .refine((p) => p.email || p.phone || p.shopperId, { message: 'give an email, a phone or a shopperId', path: ['email'] });
export type PersonQuery = z.infer<typeof personSchema>;

interface Resolved {
  hashes: string[];
  subscriberIds: string[];
  email?: string;
  phone?: string;
}

async function resolve(deps: LifecycleDeps, tenantId: string, q: PersonQuery): Promise<Resolved> {
  const out: Resolved = { hashes: [], subscriberIds: [] };
  if (q.email) out.email = normalizeEmail(q.email);
  if (q.phone) {
    const tenant = await tenantOf(deps.tableName, tenantId);
    const phone = normalizePhone(q.phone, tenant.settings.waitlist.defaultCountry ?? regionOf(tenant.locale));
    if (!phone.ok) throw new BadRequestError('Invalid phone', [{ field: 'body.phone', reason: phone.reason }]);
    out.phone = phone.e164;
  }
  // Each contact on its own, since an entry's subscriber id is the hash of its first contact.
  for (const contacts of [out.email ? { email: out.email } : undefined, out.phone ? { phone: out.phone } : undefined]) {
    if (!contacts) continue;
    const id = identityOf(tenantId, contacts);
    out.hashes.push(...id.hashes);
    out.subscriberIds.push(id.subscriberId);
  }
  return out;
}

async function collect(deps: LifecycleDeps, tenantId: string, q: PersonQuery) {
  const who = await resolve(deps, tenantId, q);
  const { entries, claims } = who.hashes.length ? await deps.repo.entriesOfContacts(tenantId, who.hashes) : { entries: [], claims: [] };
  const subscriberIds = new Set([...who.subscriberIds, ...entries.map((e) => e.subscriberId)]);
  const shopperRefs = new Set([...[...subscriberIds].map((s) => `c:${s}`), ...entries.map(shopperRefOf), ...(q.shopperId ? [`s:${q.shopperId}`] : [])]);
  return { who, entries, claims, subscriberIds: [...subscriberIds], shopperRefs: [...shopperRefs] };
}

async function pointsOf(tableName: string, tenantId: string, shopperRef: string): Promise<PointsRow[]> {
  const rows: PointsRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenantKey(tenantId, 'POINTS', shopperRef) }, ExclusiveStartKey: start }));
    for (const item of res.Items ?? []) rows.push(PointsLedgerRow.schema.parse(item));
    start = res.LastEvaluatedKey;
  } while (start);
  return rows;
}

/** Everything held about one person of one shop (GDPR arts. 15 and 20). */
export const personExportSchema = z
  .object({
    exportedAt: z.iso.datetime(),
    subject: z.object({ email: z.string().optional(), phone: z.string().optional(), shopperId: z.string().optional() }).meta({ description: 'Who was looked up, normalised (E.164 phone, lower-case e-mail).' }),
    waitlistEntries: z.array(entrySchema.omit({ contactHashes: true, subscriberId: true, expiresAt: true })),
    pointsLedger: z.array(PointsLedgerRow.schema.omit({ tenantId: true })),
    pointsBalance: z.number().int(),
    messages: z.array(sendRecordViewSchema.omit({ tenantId: true, recipientId: true, attemptId: true })).meta({ description: 'Every message sent (or attempted) to them, any status.' }),
  })
  .meta({ id: 'ShopperExport' });
export type PersonExport = z.infer<typeof personExportSchema>;

const entryView = (e: WaitlistEntry) => {
  const { contactHashes: _h, subscriberId: _s, expiresAt: _x, ...rest } = e;
  return rest;
};

export async function exportPerson(deps: LifecycleDeps, tenantId: string, q: PersonQuery): Promise<PersonExport> {
  const found = await collect(deps, tenantId, q);
  const messages: SendRecord[] = [];
  for (const recipientId of found.subscriberIds) {
    let cursor: string | undefined;
    do {
      const page = await listForRecipient(deps.tableName, tenantId, recipientId, { limit: 100, cursor });
      messages.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  const points = (await Promise.all(found.shopperRefs.map((ref) => pointsOf(deps.tableName, tenantId, ref)))).flat();
  return {
    exportedAt: new Date().toISOString(),
    subject: { ...(found.who.email ? { email: found.who.email } : {}), ...(found.who.phone ? { phone: found.who.phone } : {}), ...(q.shopperId ? { shopperId: q.shopperId } : {}) },
    waitlistEntries: found.entries.map(entryView),
    pointsLedger: points.map(({ tenantId: _t, ...row }) => row),
    pointsBalance: points.reduce((n, r) => n + r.points, 0),
    messages: messages.map((m) => {
      const { tenantId: _t, recipientId: _r, attemptId: _a, ...rest } = m;
      return rest;
    }),
  };
}

async function deleteKeys(tableName: string, keys: { pk: string; sk: string }[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) {
    let batch = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; batch.length; attempt++) {
      const out = await dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
      batch = (out.UnprocessedItems?.[tableName] ?? []) as typeof batch;
      if (batch.length) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
    }
  }
}

/** What an erasure removed, by kind. */
export const erasureReportSchema = z
  .object({
    waitlistEntries: z.number().int(),
    pointsRows: z.number().int(),
    messageRecords: z.number().int(),
    localStores: z.object({ sms: z.number().int(), email: z.number().int() }).optional().meta({ description: 'Local runtime only: messages removed from the mail and SMS emulators.' }),
  })
  .meta({ id: 'ErasureReport' });
export type ErasureReport = z.infer<typeof erasureReportSchema>;

export async function erasePerson(deps: LifecycleDeps, tenantId: string, q: PersonQuery, opts: { localConsoleUrl?: string } = {}): Promise<ErasureReport> {
  const found = await collect(deps, tenantId, q);
  let removed = 0;
  for (const entry of found.entries) {
    if (entry.status === 'active' ? await leave(deps, entry, 'erased') : await deps.repo.removePending(entry)) removed++;
  }
  // Claims whose entry is already gone (a crash mid-way, or TTL ahead of its claim), and the
  // rate-limit marks keyed by the address hashes.
  const leftoverClaims = found.claims.map((c) => WaitlistClaim.key(c));
  const marks = found.who.hashes.map((h) => rateMarkKey(tenantId, 'addr', h));
  const points = (await Promise.all(found.shopperRefs.map((ref) => pointsOf(deps.tableName, tenantId, ref)))).flat();
  await deleteKeys(deps.tableName, [...leftoverClaims, ...marks, ...points.map((p) => PointsLedgerRow.key(p))]);
  let messageRecords = 0;
  for (const recipientId of found.subscriberIds) messageRecords += await eraseRecipient(deps.tableName, tenantId, recipientId);
  const report: ErasureReport = { waitlistEntries: removed, pointsRows: points.length, messageRecords };
  if (opts.localConsoleUrl) report.localStores = await eraseLocal(opts.localConsoleUrl, found.who.email, found.who.phone, found.entries);
  logger.info('person erased', { tenantId, ...report });
  return report;
}

/** Locally, the mail and SMS emulators are stores too: the console erases an address from both. */
async function eraseLocal(consoleUrl: string, email: string | undefined, phone: string | undefined, entries: WaitlistEntry[]) {
  const emails = new Set([email, ...entries.map((e) => e.email)].filter((x): x is string => !!x));
  const phones = new Set([phone, ...entries.map((e) => e.phone)].filter((x): x is string => !!x));
  const res = await fetch(`${consoleUrl.replace(/\/+$/, '')}/_local/erase`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ emails: [...emails], phones: [...phones] }),
  });
  if (!res.ok) throw new Error(`local erase failed: ${res.status}`);
  return (await res.json()) as { sms: number; email: number };
}
