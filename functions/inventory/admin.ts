import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../shared/config/env.js';
import { tenantKey } from '../../shared/data/entity.js';
import { once } from '../../shared/data/idempotency.js';
import { Store } from '../../shared/data/store.js';
import { NotFoundError, UnprocessableError } from '../../shared/errors.js';
import { serve } from '../../shared/http/handler.js';
import {
  addVariant,
  archiveProduct,
  createLocation,
  createProduct,
  createSupplier,
  deleteLocation,
  deleteSupplier,
  getLocation,
  getProduct,
  getSupplier,
  listLocations,
  listProducts,
  listSuppliers,
  removeVariant,
  replaceLocation,
  replaceSupplier,
  updateProduct,
} from '../../shared/inventory/catalog.js';
import { inventoryEnv } from '../../shared/inventory/env.js';
import { Feed, feedIdSchema, feedObjectKey, feedReportKey, newFeedId, sanitizeFilename } from '../../shared/inventory/feeds/feed-record.js';
import { ingestHttpRows } from '../../shared/inventory/feeds/ingest-runs.js';
import { getJson } from '../../shared/inventory/feeds/ingest-s3.js';
import { reportSummary, type FeedReport } from '../../shared/inventory/feeds/report.js';
import { handleOrderWebhook } from '../../shared/inventory/orders.js';
import { createPurchaseOrder, getPurchaseOrder, listPurchaseOrders, receivePurchaseOrder, updatePurchaseOrder } from '../../shared/inventory/purchase-orders.js';
import { applyStockChanges, type StockContext, type StockResult } from '../../shared/inventory/stock.js';
import { inventoryAdmin } from './routes.js';

const config = loadConfig(inventoryEnv);
const store = new Store(config.TABLE_NAME);
const s3 = new S3Client({});
const stock = (tenantId: string): StockContext => ({ tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, tenantId });

const withDefaults = <T extends { countsOnline?: boolean; pickup?: boolean }>(b: T) => ({ ...b, countsOnline: b.countsOnline ?? true, pickup: b.pickup ?? false });

/** A feed of the caller's tenant only: another tenant's feed id (or a malformed one) is simply not found. */
async function tenantFeed(tenantId: string, feedId: string): Promise<Feed> {
  if (!feedIdSchema.safeParse(feedId).success) throw new NotFoundError('Feed');
  const feed = await store.get(Feed, { tenantId, feedId }, true);
  if (!feed) throw new NotFoundError('Feed');
  return feed;
}

export const handler = serve(inventoryAdmin, {
  // ---- products and variants ----
  createProduct: async ({ body, tenantId }) => {
    const product = await createProduct(store, tenantId, { ...body, productId: body.productId ?? `p-${randomBytes(6).toString('hex')}` });
    return { status: 201, body: { product } };
  },
  listProducts: async ({ query, tenantId }) => ({ body: await listProducts(store, tenantId, query) }),
  getProduct: async ({ path, tenantId }) => ({ body: { product: await getProduct(store, tenantId, path.productId) } }),
  patchProduct: async ({ path, body, tenantId }) => ({ body: await updateProduct(store, stock(tenantId), path.productId, body) }),
  archiveProduct: async ({ path, tenantId }) => ({ body: { product: await archiveProduct(store, stock(tenantId), path.productId) } }),
  addVariant: async ({ path, body, tenantId }) => ({ status: 201, body: await addVariant(store, stock(tenantId), path.productId, body) }),
  removeVariant: async ({ path, tenantId }) => ({ body: { product: await removeVariant(store, stock(tenantId), path.productId, path.sku) } }),

  // ---- locations ----
  createLocation: async ({ body, tenantId }) => ({ status: 201, body: { location: await createLocation(store, tenantId, withDefaults(body)) } }),
  listLocations: async ({ query, tenantId }) => ({ body: await listLocations(store, tenantId, query) }),
  getLocation: async ({ path, tenantId }) => ({ body: { location: await getLocation(store, tenantId, path.locationId) } }),
  putLocation: async ({ path, body, tenantId }) => ({ body: { location: await replaceLocation(store, tenantId, { ...withDefaults(body), locationId: path.locationId }) } }),
  deleteLocation: async ({ path, tenantId }) => {
    await deleteLocation(store, tenantId, path.locationId);
    return { status: 204 };
  },

  // ---- suppliers ----
  createSupplier: async ({ body, tenantId }) => ({ status: 201, body: { supplier: await createSupplier(store, tenantId, body) } }),
  listSuppliers: async ({ query, tenantId }) => ({ body: await listSuppliers(store, tenantId, query) }),
  getSupplier: async ({ path, tenantId }) => ({ body: { supplier: await getSupplier(store, tenantId, path.supplierId) } }),
  putSupplier: async ({ path, body, tenantId }) => ({ body: { supplier: await replaceSupplier(store, tenantId, { ...body, supplierId: path.supplierId }) } }),
  deleteSupplier: async ({ path, tenantId }) => {
    await deleteSupplier(store, tenantId, path.supplierId);
    return { status: 204 };
  },

  // ---- purchase orders ----
  createPurchaseOrder: async ({ body, tenantId }) => ({ status: 201, body: await createPurchaseOrder(store, stock(tenantId), body) }),
  listPurchaseOrders: async ({ query, tenantId }) => ({ body: await listPurchaseOrders(store, tenantId, query) }),
  getPurchaseOrder: async ({ path, tenantId }) => ({ body: { purchaseOrder: await getPurchaseOrder(store, tenantId, path.poId) } }),
  patchPurchaseOrder: async ({ path, body, tenantId }) => ({ body: await updatePurchaseOrder(store, stock(tenantId), path.poId, body) }),
  receivePurchaseOrder: async ({ path, body, tenantId }) => ({ body: await receivePurchaseOrder(store, stock(tenantId), path.poId, body ?? {}) }),

  // ---- stock and orders ----
  /** With an idempotency key (body or `Idempotency-Key` header) the same request twice applies once and answers the first answer. */
  adjustStock: async ({ body, headers, tenantId }) => {
    const key = body.idempotencyKey ?? headers['idempotency-key'];
    const run = async (): Promise<StockResult> => {
      const result = await applyStockChanges(stock(tenantId), body.changes);
      if (result.unknownSkus.length === body.changes.length) {
        throw new UnprocessableError('Unknown SKU', result.unknownSkus.map((sku) => ({ field: 'changes.sku', reason: `unknown SKU ${sku}` })));
      }
      return result;
    };
    if (!key) return { body: await run() };
    const outcome = await once(config.TABLE_NAME, { tenantId, scope: 'stock-adjustment', id: key }, run, 30);
    return { body: { ...(outcome.result ?? {}), replayed: !outcome.ran } };
  },
  /** Idempotent by order id (and return id): redeliveries change nothing. */
  orderWebhook: async ({ body, tenantId }) => {
    const outcome = await handleOrderWebhook({ ...stock(tenantId), store }, body);
    return { status: outcome.duplicate ? 200 : 202, body: outcome };
  },

  // ---- feeds ----
  /**
   * Registers a feed upload and hands out a presigned PUT for exactly one key under the caller's
   * tenant prefix. The options live in the Feed record, not in the upload, so the uploader can
   * choose nothing but the bytes.
   */
  createFeed: async ({ body, tenantId }) => {
    const feedId = newFeedId();
    const { filename: given, ...options } = body;
    const filename = sanitizeFilename(given);
    const key = feedObjectKey(tenantId, feedId, filename);
    const now = new Date();
    const expiresIn = config.FEED_UPLOAD_URL_SECONDS;
    const feed: Feed = {
      tenantId,
      feedId,
      filename,
      objectKey: key,
      reportKey: feedReportKey(tenantId, feedId),
      options,
      status: 'pending',
      attempts: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      uploadExpiresAt: new Date(now.getTime() + expiresIn * 1000).toISOString(),
    };
    await store.put(Feed, feed, { ifNotExists: true });
    const uploadUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: config.FEEDS_BUCKET, Key: key }), { expiresIn });
    return { status: 201, body: { feedId, uploadUrl, method: 'PUT' as const, expiresIn, feed } };
  },
  listFeeds: async ({ query, tenantId }) => {
    const page = await store.page(Feed, { pk: tenantKey(tenantId), skPrefix: 'FEED#', limit: query.limit, cursor: query.cursor, forward: false });
    return { body: { feeds: page.items, cursor: page.cursor } };
  },
  /** Status and counts and, once processed, the report summary with the first rejected rows. */
  getFeed: async ({ path, tenantId }) => {
    const feed = await tenantFeed(tenantId, path.feedId);
    const finished = feed.status === 'done' || (feed.status === 'failed' && feed.counts);
    const report = finished ? await getJson<FeedReport>(s3, config.FEEDS_BUCKET, feed.reportKey) : undefined;
    return { body: { feed, report: report ? reportSummary(report) : undefined } };
  },
  getFeedReport: async ({ path, tenantId }) => {
    const feed = await tenantFeed(tenantId, path.feedId);
    const report = await getJson<FeedReport>(s3, config.FEEDS_BUCKET, feed.reportKey);
    if (!report) throw new NotFoundError('Report');
    return { body: report };
  },
  /** Small absolute updates through the same validate → diff → apply code as feeds. */
  postStockRows: async ({ body, tenantId }) => ({ body: await ingestHttpRows(stock(tenantId), body.rows, { location: body.location, dryRun: body.dryRun }) }),
});
