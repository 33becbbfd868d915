import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { Feed, feedObjectKey, feedOptionsSchema, feedReportKey, newFeedId, sanitizeFilename } from '../../shared/inventory/feeds/feed-record.js';

const config = loadConfig({ ...baseEnv, FEEDS_BUCKET: z.string().min(3), FEED_UPLOAD_URL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(3600) });
const store = new Store(config.TABLE_NAME);
const s3 = new S3Client({});

const body = feedOptionsSchema.extend({
  /** The merchant's file name, kept (sanitized) in the key so the bucket stays readable. */
  filename: z.string().trim().min(1).max(255),
});

/**
 * POST /admin/feeds — registers a feed upload and hands out a presigned PUT for exactly one key
 * under the caller's tenant prefix. The options live in the Feed record, not in the upload, so the
 * uploader can choose nothing but the bytes.
 */
export const handler = httpHandler({ body, tenant: true }, async ({ body, auth }) => {
  const tenantId = auth.tenantId!;
  const feedId = newFeedId();
  const filename = sanitizeFilename(body.filename);
  const key = feedObjectKey(tenantId, feedId, filename);
  const now = new Date();
  const expiresIn = config.FEED_UPLOAD_URL_SECONDS;
  const { filename: _ignored, ...options } = body;
  void _ignored;
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
  return { status: 201, body: { feedId, uploadUrl, method: 'PUT', expiresIn, feed } };
});
