import { Construct } from 'constructs';
import type { Platform } from './constructs/platform.js';
import type { HouseFunction } from './constructs/house-function.js';

/**
 * Capability C2, Storefront: the public storefront API behind publishable keys (product and
 * listing availability, stores, alternatives, demand signals, widget config) and the
 * merchant's demand report and storefront settings. Every storefront function writes one
 * small item per request (the per-client rate-limit counter), so all get read-write access.
 */
export class Storefront extends Construct {
  readonly functions: Record<string, HouseFunction> = {};

  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    const fn = (name: string, entry: string, description: string) => {
      const f = platform.fn(name, { entry: `functions/storefront/${entry}.ts`, description, memorySize: 1024 });
      platform.table.grantReadWriteData(f);
      this.functions[name] = f;
      return f;
    };

    platform.route('GET /storefront/products/{productId}', fn('StorefrontProduct', 'product', 'GET /storefront/products/{productId}'), 'storefront');
    platform.route('GET /storefront/availability', fn('StorefrontListing', 'availability', 'GET /storefront/availability'), 'storefront');
    platform.route('GET /storefront/products/{productId}/stores', fn('StorefrontStores', 'stores', 'GET /storefront/products/{productId}/stores'), 'storefront');
    platform.route('GET /storefront/products/{productId}/alternatives', fn('StorefrontAlternatives', 'alternatives', 'GET /storefront/products/{productId}/alternatives'), 'storefront');
    platform.route('POST /storefront/signals', fn('StorefrontSignals', 'signals', 'POST /storefront/signals'), 'storefront');
    platform.route('GET /storefront/config', fn('StorefrontWidgetConfig', 'config', 'GET /storefront/config'), 'storefront');

    // CORS preflight for every path (the API has no CORS configuration of its own: API
    // Gateway would overwrite the storefront's per-tenant Access-Control-Allow-Origin).
    const preflight = platform.fn('CorsPreflight', { entry: 'functions/storefront/preflight.ts', description: 'OPTIONS preflight; real responses carry per-tenant CORS', memorySize: 256 });
    platform.route('OPTIONS /{proxy+}', preflight, 'public', 'A CORS preflight carries no credentials by definition; it returns no data, and the real response enforces the tenant\'s allowed origins.');

    platform.route('GET /admin/demand', fn('DemandReport', 'admin-demand', 'GET /admin/demand'), 'admin');
    const settings = fn('StorefrontSettings', 'admin-config', 'GET|PUT /admin/storefront/config');
    platform.route('GET /admin/storefront/config', settings, 'admin');
    platform.route('PUT /admin/storefront/config', settings, 'admin');
  }
}
