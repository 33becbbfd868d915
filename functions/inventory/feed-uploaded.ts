import { S3Client } from '@aws-sdk/client-s3';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { loadConfig } from '../../shared/config/env.js';
import { inventoryEnv } from '../../shared/inventory/env.js';
import { onFeedObjectCreated, type S3ObjectCreatedDetail } from '../../shared/inventory/feeds/ingest-runs.js';

const config = loadConfig(inventoryEnv);
const runtime = { tableName: config.TABLE_NAME, busName: config.EVENT_BUS_NAME, bucket: config.FEEDS_BUCKET, s3: new S3Client({}) };

/** S3 Object Created (default bus) → ingest the feed: one streamed pass, or the split workflow for large files. */
export async function handler(event: EventBridgeEvent<'Object Created', S3ObjectCreatedDetail>, context?: Context) {
  return onFeedObjectCreated(
    runtime,
    event.detail,
    { splitThresholdBytes: config.FEED_SPLIT_THRESHOLD_BYTES, rangeBytes: config.FEED_RANGE_BYTES, stateMachineArn: config.FEED_WORKFLOW_ARN },
    { remainingMs: context?.getRemainingTimeInMillis ? () => context.getRemainingTimeInMillis() : undefined },
  );
}
