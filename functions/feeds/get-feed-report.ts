import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { NotFoundError } from '../../shared/errors.js';
import { httpHandler } from '../../shared/http/handler.js';
import { Feed, feedIdSchema } from '../../shared/inventory/feeds/feed-record.js';
import { getJson } from '../../shared/inventory/feeds/ingest-s3.js';
import type { FeedReport } from '../../shared/inventory/feeds/report.js';

const config = loadConfig({ ...baseEnv, FEEDS_BUCKET: z.string().min(3) });
const store = new Store(config.TABLE_NAME);
const s3 = new S3Client({});

const path = z.object({ feedId: z.string().max(64) });

/** GET /admin/feeds/{feedId}/report — the full report (rejections capped at 10,000, counts exact). */
export const handler = httpHandler({ path, tenant: true }, async ({ path, auth }) => {
  if (!feedIdSchema.safeParse(path.feedId).success) throw new NotFoundError('Feed');
  const feed = await store.get(Feed, { tenantId: auth.tenantId!, feedId: path.feedId }, true);
  if (!feed) throw new NotFoundError('Feed');
  const report = await getJson<FeedReport>(s3, config.FEEDS_BUCKET, feed.reportKey);
  if (!report) throw new NotFoundError('Report');
  return { body: report };
});
