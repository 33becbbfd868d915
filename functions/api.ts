import type { CapabilityInfo } from '../shared/http/openapi.js';
import type { RouteGroup } from '../shared/http/route.js';
import * as forecasting from './forecasting/routes.js';
import * as inventory from './inventory/routes.js';
import * as messaging from './messaging/routes.js';
import * as release from './release/routes.js';
import * as storefront from './storefront/routes.js';
import * as tenants from './tenants/routes.js';
import * as waitlist from './waitlist/routes.js';

const isRouteGroup = (v: unknown): v is RouteGroup =>
  !!v && typeof v === 'object' && typeof (v as RouteGroup).entry === 'string' && typeof (v as RouteGroup).capability === 'string' && typeof (v as RouteGroup).routes === 'object';

/**
 * Every route group of the API: each capability's `routes.ts` exports its groups (one per
 * Lambda function). Infra registers them (test/infra/api.test.ts checks the synthesized
 * template has exactly these routes), and docs/openapi.json, the typed client and docs/api.md
 * are generated from them (`npm run api`).
 */
export const routeGroups: readonly RouteGroup[] = [tenants, inventory, storefront, waitlist, messaging, release, forecasting].flatMap((m) => Object.values(m as Record<string, unknown>).filter(isRouteGroup));

export const capabilities: readonly CapabilityInfo[] = [
  { name: 'tenants', description: 'Onboarding, the tenant, its API keys and settings (docs/tenants.md).' },
  { name: 'inventory', description: 'Catalog, locations, suppliers, purchase orders, stock, orders and inventory feeds (docs/inventory.md).' },
  { name: 'storefront', description: 'Availability, listings, stores, alternatives, demand signals and the widget’s configuration (docs/storefront.md).' },
  { name: 'waitlist', description: 'Sign-up, the shopper’s preference links, waitlist admin and GDPR (docs/waitlist.md).' },
  { name: 'messaging', description: 'Templates, sent messages, sending policy and domain, tracked clicks and unsubscribes (docs/messaging.md).' },
  { name: 'release', description: 'Restock releases: plan, start and follow waves; early access and unit holds (docs/release.md).' },
  { name: 'forecasting', description: 'Nightly forecasts and reorder suggestions (docs/forecasting.md).' },
];
