import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inventoryAdmin } from '../../functions/inventory/routes.js';
import type { inventoryEnv } from '../../shared/inventory/env.js';
import type { Capability } from '../constructs/capability.js';
import type { HouseFunction } from '../constructs/house-function.js';

/**
 * The inventory admin API, one function behind the admin key authorizer: products and
 * variants, locations, suppliers, purchase orders (with receiving), stock adjustments, the
 * order webhook, feeds and stock rows (its S3 access is granted by Feeds).
 */
export class CatalogApi extends Construct {
  readonly admin: HouseFunction;

  constructor(scope: Construct, id: string, inventory: Capability<typeof inventoryEnv>) {
    super(scope, id);
    const platform = inventory.platform;
    this.admin = inventory.serve('InventoryAdmin', inventoryAdmin, {
      description: 'Inventory admin: catalog, purchase orders, stock, orders, feeds, stock rows',
      // Stock rows (up to 1,000 through the feed pipeline) need the API's whole 29 s and the memory.
      timeout: Duration.seconds(29),
      memorySize: 1024,
    });
    platform.table.grantReadWriteData(this.admin);
    // Availability transitions, RestockEtaChanged and OrderPlaced.
    platform.bus.grantPutEventsTo(this.admin);
  }
}
