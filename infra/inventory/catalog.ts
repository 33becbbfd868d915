import { Construct } from 'constructs';
import type { HouseFunction } from '../constructs/house-function.js';
import type { Platform } from '../constructs/platform.js';

/**
 * Catalog admin API: products and variants, locations, suppliers, purchase orders (with
 * receiving), and the tenant's own keys and settings. One function per resource serves its
 * routes (dispatching on the route key); every route is behind the admin key authorizer.
 */
export class CatalogApi extends Construct {
  readonly functions: Record<'products' | 'locations' | 'suppliers' | 'purchaseOrders' | 'keys' | 'settings', HouseFunction>;

  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    const serve = (fnId: string, entry: string, routes: string[], opts: { publishes?: boolean } = {}) => {
      const fn = platform.fn(fnId, { entry, description: routes.join(', ').slice(0, 256) });
      platform.table.grantReadWriteData(fn);
      // Availability transitions and RestockEtaChanged.
      if (opts.publishes) platform.bus.grantPutEventsTo(fn);
      for (const route of routes) platform.route(route, fn, 'admin');
      return fn;
    };

    this.functions = {
      products: serve(
        'CatalogProducts',
        'functions/catalog/products.ts',
        [
          'POST /admin/products',
          'GET /admin/products',
          'GET /admin/products/{productId}',
          'PATCH /admin/products/{productId}',
          'DELETE /admin/products/{productId}',
          'POST /admin/products/{productId}/variants',
          'DELETE /admin/products/{productId}/variants/{sku}',
        ],
        { publishes: true },
      ),
      locations: serve('CatalogLocations', 'functions/catalog/locations.ts', [
        'POST /admin/locations',
        'GET /admin/locations',
        'GET /admin/locations/{locationId}',
        'PUT /admin/locations/{locationId}',
        'DELETE /admin/locations/{locationId}',
      ]),
      suppliers: serve('CatalogSuppliers', 'functions/catalog/suppliers.ts', [
        'POST /admin/suppliers',
        'GET /admin/suppliers',
        'GET /admin/suppliers/{supplierId}',
        'PUT /admin/suppliers/{supplierId}',
        'DELETE /admin/suppliers/{supplierId}',
      ]),
      purchaseOrders: serve(
        'CatalogPurchaseOrders',
        'functions/catalog/purchase-orders.ts',
        [
          'POST /admin/purchase-orders',
          'GET /admin/purchase-orders',
          'GET /admin/purchase-orders/{poId}',
          'PATCH /admin/purchase-orders/{poId}',
          'POST /admin/purchase-orders/{poId}/receive',
        ],
        { publishes: true },
      ),
      keys: serve('TenantKeys', 'functions/tenants/keys.ts', ['POST /admin/keys', 'GET /admin/keys', 'DELETE /admin/keys/{keyId}', 'POST /admin/keys/{keyId}/rotate']),
      settings: serve('TenantSettings', 'functions/tenants/settings.ts', ['GET /admin/settings', 'PATCH /admin/settings']),
    };
  }
}
