import { Construct } from 'constructs';
import type { Platform } from '../constructs/platform.js';
import { CatalogApi } from './catalog.js';
import { Feeds } from './feeds.js';
import { StockApi } from './stock.js';

/**
 * Capability C1, Inventory: the catalog admin API (products, variants, locations, suppliers,
 * purchase orders, keys and settings), stock adjustments and the order webhook, stock
 * transitions as events with low-stock alerts, and inventory feeds from S3.
 */
export class Inventory extends Construct {
  readonly catalog: CatalogApi;
  readonly stock: StockApi;
  readonly feeds: Feeds;

  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    this.catalog = new CatalogApi(this, 'Catalog', platform);
    this.stock = new StockApi(this, 'Stock', platform);
    this.feeds = new Feeds(this, 'Feeds', platform);
  }
}
