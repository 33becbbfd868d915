import type { Construct } from 'constructs';
import { inventoryEnv } from '../../shared/inventory/env.js';
import { Capability } from '../constructs/capability.js';
import type { Platform } from '../constructs/platform.js';
import { CatalogApi } from './catalog.js';
import { feedSizes, Feeds, SPLIT_FEED_WORKFLOW } from './feeds.js';
import { StockApi } from './stock.js';

/**
 * Capability C1, Inventory: the admin API (products, variants, locations, suppliers, purchase
 * orders, stock adjustments, the order webhook, feeds and stock rows), stock transitions as
 * events with low-stock alerts and the daily digest, and inventory feeds from S3.
 */
export class Inventory extends Capability<typeof inventoryEnv> {
  readonly catalog: CatalogApi;
  readonly stock: StockApi;
  readonly feeds: Feeds;

  constructor(scope: Construct, id: string, platform: Platform) {
    const sizes = feedSizes(scope);
    super(scope, id, platform, {
      schema: inventoryEnv,
      values: {
        SENDER_EMAIL: platform.senderEmail,
        FEEDS_BUCKET: platform.feedsBucket.bucketName,
        FEED_SPLIT_THRESHOLD_BYTES: sizes.splitThresholdBytes,
        FEED_RANGE_BYTES: sizes.rangeBytes,
        // By name, not a reference: the workflow's own task function carries it too.
        FEED_WORKFLOW_ARN: platform.stateMachine(SPLIT_FEED_WORKFLOW).arn,
      },
    });
    this.catalog = new CatalogApi(this, 'Catalog', this);
    this.stock = new StockApi(this, 'Stock', this);
    this.feeds = new Feeds(this, 'Feeds', this, this.catalog.admin);
  }
}
