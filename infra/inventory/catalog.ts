import { Construct } from 'constructs';
import type { Platform } from '../constructs/platform.js';

/** Catalog admin API: products, variants, locations, suppliers, purchase orders, keys, settings. */
export class CatalogApi extends Construct {
  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    void platform;
  }
}
