import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { NotFoundError } from '../../shared/errors.js';
import { httpHandler } from '../../shared/http/handler.js';
import { Feed, feedIdSchema } from '../../shared/inventory/feeds/feed-record.js';
import { getJson } from '../../shared/inventory/feeds/ingest-s3.js';
import { reportSummary, type FeedReport } from '../../shared/inventory/feeds/report.js';

const config = loadConfig({ ...baseEnv, FEEDS_BUCKET: z.string().min(3) });
const store = new Store(config.TABLE_NAME);
const s3 = new S3Client({});

const path = z.object({ feedId: z.string().max(64) });

/**
 * GET /admin/feeds/{feedId} — status, counts and, once processed, the report summary with the
 * first rejected rows. The feed is looked up under the caller's tenant only: another tenant's
 * feed id is simply not found.
 */
export const handler = httpHandler({ path, tenant: true }, async ({ path, auth }) => {
  if (!feedIdSchema.safeParse(path.feedId).success) throw new NotFoundError('Feed');
  const feed = await store.get(Feed, { tenantId: auth.tenantId!, feedId: path.feedId }, true);
  if (!feed) throw new NotFoundError('Feed');
  const finished = feed.status === 'done' || (feed.status === 'failed' && feed.counts);
  const report = finished ? await getJson<FeedReport>(s3, config.FEEDS_BUCKET, feed.reportKey) : undefined;
  return { body: { feed, report: report ? reportSummary(report) : undefined } };
});
