import type { Construct } from 'constructs';
import { storefrontAdmin, storefrontAlternatives, storefrontListing, storefrontPreflight, storefrontProduct, storefrontSignals, storefrontStores, storefrontWidgetConfig } from '../functions/storefront/routes.js';
import { storefrontEnv } from '../shared/storefront/env.js';
import { Capability } from './constructs/capability.js';
import type { HouseFunction } from './constructs/house-function.js';
import type { Platform } from './constructs/platform.js';

/**
 * Capability C2, Storefront: the public storefront API behind publishable keys (product and
 * listing availability, stores, alternatives, demand signals, widget config) and the
 * merchant's demand report and storefront settings. The hot public routes keep a function
 * each, so a cold start loads one route's code. Every storefront function writes one small
 * item per request (the per-client rate-limit counter), so all get read-write access.
 */
export class Storefront extends Capability<typeof storefrontEnv> {
  readonly functions: Record<string, HouseFunction> = {};

  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id, platform, { schema: storefrontEnv, values: {} });
    const groups = {
      StorefrontProduct: storefrontProduct,
      StorefrontListing: storefrontListing,
      StorefrontStores: storefrontStores,
      StorefrontAlternatives: storefrontAlternatives,
      StorefrontSignals: storefrontSignals,
      StorefrontWidgetConfig: storefrontWidgetConfig,
      StorefrontAdmin: storefrontAdmin,
    };
    for (const [name, group] of Object.entries(groups)) {
      const fn = this.serve(name, group, { memorySize: 1024 });
      platform.table.grantReadWriteData(fn);
      this.functions[name] = fn;
    }

    // CORS preflight for every path (the API has no CORS configuration of its own: API
    // Gateway would overwrite the storefront's per-tenant Access-Control-Allow-Origin).
    this.functions.CorsPreflight = this.serve('CorsPreflight', storefrontPreflight, { description: 'OPTIONS preflight; real responses carry per-tenant CORS', memorySize: 256 });
  }
}
