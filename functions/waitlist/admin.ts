import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { loadConfig } from '../../shared/config/env.js';
import { dynamo } from '../../shared/data/client.js';
import { Store } from '../../shared/data/store.js';
import { BadRequestError, NotFoundError } from '../../shared/errors.js';
import { serve, zodProblems } from '../../shared/http/handler.js';
import { Product } from '../../shared/inventory/model.js';
import { Tenant } from '../../shared/tenants/model.js';
import { waitlistEnv } from '../../shared/waitlist/env.js';
import { erasePerson, exportPerson } from '../../shared/waitlist/gdpr.js';
import type { LifecycleDeps } from '../../shared/waitlist/lifecycle.js';
import { listIdOf, listPk, WaitlistPerks, type WaitlistEntry, type WaitlistSummary } from '../../shared/waitlist/model.js';
import { WaitlistRepository } from '../../shared/waitlist/repository.js';
import { waitlistSettingsSchema } from '../../shared/waitlist/settings.js';
import { waitlistAdmin, type entriesQuery, type waitlistEntryView, type waitlistSummaryView } from './routes.js';

const config = loadConfig(waitlistEnv);
const repo = new WaitlistRepository(config.TABLE_NAME);
const store = new Store(config.TABLE_NAME);
const deps: LifecycleDeps = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, publicApiUrl: config.PUBLIC_API_URL, repo };

const summaryView = (s: WaitlistSummary | undefined, listId: string, productId: string, sku?: string): z.output<typeof waitlistSummaryView> => ({
  listId,
  productId: s?.productId ?? productId,
  ...((s?.sku ?? sku) ? { sku: s?.sku ?? sku } : {}),
  level: listId.startsWith('product:') ? ('product' as const) : ('variant' as const),
  waiting: Math.max(0, s?.active ?? 0),
  byChannel: { email: Math.max(0, s?.email ?? 0), sms: Math.max(0, s?.sms ?? 0) },
  lastJoinedAt: s?.lastActivatedAt ?? null,
  lastEtaUpdateAt: s?.lastEtaFanOutAt ?? null,
});

const entryView = (e: WaitlistEntry, position: number | null): z.output<typeof waitlistEntryView> => ({
  entryId: e.entryId,
  status: e.status,
  position,
  since: e.activatedAt ?? e.createdAt,
  channels: e.channels,
  ...(e.email ? { email: e.email } : {}),
  ...(e.phone ? { phone: e.phone } : {}),
  ...(e.shopperId ? { shopperId: e.shopperId } : {}),
  locale: e.locale,
  updatesSent: e.updatesSent,
  lastMessageAt: e.lastMessageAt ?? null,
  consent: { textVersion: e.consent.textVersion, recordedAt: e.consent.recordedAt, source: e.consent.source },
});

const encodeCursor = (key: Record<string, unknown> | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined);
function decodeCursor(cursor: string | undefined, pk: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (key.pk !== pk) throw new Error('another listing');
    return key;
  } catch {
    throw new BadRequestError('Invalid cursor', [{ field: 'query.cursor', reason: 'not a cursor returned by this listing' }]);
  }
}

/** Who waits on one list, in line order (active) or by sign-up (pending), one page at a time. */
async function listEntries(tenantId: string, listId: string, q: z.output<typeof entriesQuery>) {
  const pk = listPk(tenantId, listId);
  const cursor = decodeCursor(q.cursor, pk);
  if (q.status === 'pending') {
    const page = await repo.pagePending(tenantId, listId, { limit: q.limit, cursor });
    return { items: page.entries.map((e) => entryView(e, null)), ...(page.cursor ? { cursor: encodeCursor(page.cursor) } : {}) };
  }
  const page = await repo.pageActive(tenantId, listId, { limit: q.limit, cursor });
  // One rank query for the page's first entry; the rest follow in line order.
  const first = page.entries[0];
  let position = first ? (await repo.position(tenantId, listId, first.seq!)) - 1 : 0;
  return { items: page.entries.map((e) => entryView(e, ++position)), ...(page.cursor ? { cursor: encodeCursor(page.cursor) } : {}) };
}

function applyPatch(current: Record<string, unknown>, patch: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else if (k === 'rateLimit') out[k] = { ...(current.rateLimit as object), ...(v as object) };
    else out[k] = v;
  }
  const parsed = waitlistSettingsSchema.safeParse(out);
  if (!parsed.success) throw new BadRequestError('Invalid waitlist settings', zodProblems(parsed.error, 'body'));
  return parsed.data;
}

export const handler = serve(waitlistAdmin, {
  /**
   * Waiting counts by list (variant or whole product), by channel: the demand signal. With
   * `?productId=`, every list of that product and the product's total.
   */
  listWaitlists: async ({ query, tenantId }) => {
    if (query.productId) {
      const product = await store.get(Product, { tenantId, productId: query.productId });
      if (!product) throw new NotFoundError('Product');
      const lists = [listIdOf({ productId: product.productId }), ...Object.keys(product.variants).map((sku) => listIdOf({ productId: product.productId, sku }))];
      const summaries = await repo.summaries(tenantId, lists);
      const items = lists.map((l) => summaryView(summaries.get(l), l, product.productId, l.startsWith('sku:') ? l.slice(4) : undefined));
      return {
        body: {
          productId: product.productId,
          total: { waiting: items.reduce((n, i) => n + i.waiting, 0), byChannel: { email: items.reduce((n, i) => n + i.byChannel.email, 0), sms: items.reduce((n, i) => n + i.byChannel.sms, 0) } },
          items,
        },
      };
    }
    const page = await repo.pageLists(tenantId, { limit: query.limit, cursor: query.cursor });
    const summaries = await repo.summaries(tenantId, page.items.map((i) => i.listId));
    return { body: { items: page.items.map((i) => summaryView(summaries.get(i.listId), i.listId, i.productId, i.sku)), ...(page.cursor ? { cursor: page.cursor } : {}) } };
  },

  listVariantWaitlistEntries: async ({ path, query, tenantId }) => ({ body: await listEntries(tenantId, `sku:${path.sku}`, query) }),

  listProductWaitlistEntries: async ({ path, query, tenantId }) => ({ body: await listEntries(tenantId, `product:${path.productId}`, query) }),

  getWaitlistSettings: async ({ tenantId }) => {
    const tenant = await store.get(Tenant, { tenantId });
    if (!tenant) throw new NotFoundError('Tenant');
    return { body: tenant.settings.waitlist };
  },

  /** Changes some waitlist settings (the rest stay); the result is validated whole. */
  patchWaitlistSettings: async ({ body, tenantId }) => {
    const key = Tenant.key({ tenantId });
    const raw = (await dynamo.send(new GetCommand({ TableName: config.TABLE_NAME, Key: key, ConsistentRead: true }))).Item;
    if (!raw) throw new NotFoundError('Tenant');
    const current = Tenant.schema.parse(raw).settings.waitlist;
    const next = applyPatch(current, body);
    await dynamo.send(
      new UpdateCommand({
        TableName: config.TABLE_NAME,
        Key: key,
        // Only the waitlist section: other settings sections are other writers' business.
        UpdateExpression: raw.settings ? 'SET settings.waitlist = :w' : 'SET settings = :s',
        ExpressionAttributeValues: raw.settings ? { ':w': next } : { ':s': { waitlist: next } },
      }),
    );
    return { body: next };
  },

  getWaitlistPerks: async ({ path, tenantId }) => {
    const perks = await store.get(WaitlistPerks, { tenantId, productId: path.productId });
    return { body: perks ? { discount: perks.discount, loyaltyPoints: perks.loyaltyPoints, exclusiveContent: perks.exclusiveContent, updatedAt: perks.updatedAt } : {} };
  },

  /** Perks of one product's waitlist: discount after the back-in-stock message, points on return, exclusive content. */
  putWaitlistPerks: async ({ path, body, tenantId }) => {
    const exists = await dynamo.send(new GetCommand({ TableName: config.TABLE_NAME, Key: Product.key({ tenantId, productId: path.productId }), ProjectionExpression: 'productId' }));
    if (!exists.Item) throw new NotFoundError('Product');
    const item = { ...body, tenantId, productId: path.productId, updatedAt: new Date().toISOString() };
    await store.put(WaitlistPerks, item);
    return { body: { discount: item.discount, loyaltyPoints: item.loyaltyPoints, exclusiveContent: item.exclusiveContent, updatedAt: item.updatedAt } };
  },

  /**
   * GDPR requests a shopper makes to the merchant: everything held about the person (by
   * e-mail, phone and/or shopper id), or its erasure everywhere with a report of what went.
   * Only the tenant's own data is reachable: keys start with the tenant, contact hashes are
   * salted with it.
   */
  exportShopper: async ({ body, tenantId }) => ({ body: await exportPerson(deps, tenantId, body) }),

  eraseShopper: async ({ body, tenantId }) => ({
    // Locally the console also erases the address from the mail and SMS emulators.
    body: { erased: await erasePerson(deps, tenantId, body, { localConsoleUrl: config.RESTOCK_LOCAL_CONSOLE_URL }) },
  }),
});
