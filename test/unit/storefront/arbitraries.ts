import fc from 'fast-check';
import type { Product, VariantStock } from '../../../shared/inventory/model.js';
import { translator } from '../../../shared/storefront/messages.js';
import type { LocationInfo, ViewContext } from '../../../shared/storefront/view.js';

export const SIZES = ['S', 'M', 'L', 'XL'];
export const COLORS = ['red', 'blue', 'green'];
export const LOCATIONS = ['main', 'store-a', 'store-b'];

export const variantArb = (sku: string): fc.Arbitrary<VariantStock> =>
  fc.record({
    sku: fc.constant(sku),
    attributes: fc.record({ size: fc.constantFrom(...SIZES), color: fc.constantFrom(...COLORS) }),
    onHand: fc.dictionary(fc.constantFrom(...LOCATIONS), fc.integer({ min: -3, max: 12 })),
    reserved: fc.integer({ min: 0, max: 4 }),
    allocated: fc.integer({ min: 0, max: 4 }),
    incoming: fc.constant(0),
    state: fc.constant('out_of_stock' as const),
    transitionSeq: fc.constant(0),
    recentSales: fc.constant({}),
  }) as fc.Arbitrary<VariantStock>;

export const productArb = (id = 'p'): fc.Arbitrary<Product> =>
  fc
    .record({
      n: fc.integer({ min: 0, max: 6 }),
      displayThreshold: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      safetyStock: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      preorder: fc.boolean(),
      backorder: fc.boolean(),
    })
    .chain(({ n, displayThreshold, safetyStock, preorder, backorder }) =>
      fc.tuple(...Array.from({ length: n }, (_, i) => variantArb(`${id}-${i}`))).map((variants) => ({
        tenantId: 't',
        productId: id,
        title: id,
        currency: 'EUR',
        attributes: {},
        tags: [],
        related: [],
        status: 'active' as const,
        settings: { displayThreshold, safetyStock, preorder: preorder ? { enabled: true } : undefined, backorder: backorder ? { enabled: true } : undefined },
        variants: Object.fromEntries(variants.map((v) => [v.sku, v])),
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      })),
    );

export const locationsArb = fc.record({
  shipFromStore: fc.boolean(),
  storeACounts: fc.boolean(),
});

export function ctxOf(opts: { shipFromStore?: boolean; storeACounts?: boolean; displayThreshold?: number; today?: string; locale?: string } = {}): ViewContext {
  const locations = new Map<string, LocationInfo>([
    ['main', { locationId: 'main', name: 'Warehouse', kind: 'warehouse', countsOnline: true, pickup: false }],
    ['store-a', { locationId: 'store-a', name: 'Store A', kind: 'store', city: 'Milano', countsOnline: opts.storeACounts ?? true, pickup: true }],
    ['store-b', { locationId: 'store-b', name: 'Store B', kind: 'store', countsOnline: false, pickup: false }],
  ]);
  return {
    inventory: { lowStockThreshold: 5, displayThreshold: opts.displayThreshold ?? 3, safetyStock: 0, shipFromStore: opts.shipFromStore ?? false },
    locations,
    today: opts.today ?? '2025-06-01',
    tr: translator(opts.locale ?? 'en'),
  };
}
