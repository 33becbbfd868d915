import type { AvailabilityState, ProductSettings, VariantStock } from './model.js';

/** Tenant-wide defaults a product's own settings override. */
export interface InventoryDefaults {
  lowStockThreshold: number;
  displayThreshold: number;
  safetyStock: number;
  /** Locations whose stock does not count online (stores without ship-from-store, or opted out). */
  offlineLocations?: readonly string[];
}
export const DEFAULTS: InventoryDefaults = { lowStockThreshold: 5, displayThreshold: 3, safetyStock: 0 };

export interface EffectiveSettings extends InventoryDefaults {
  preorder: boolean;
  backorder: boolean;
}

export function effectiveSettings(settings: ProductSettings, defaults: InventoryDefaults = DEFAULTS): EffectiveSettings {
  return {
    lowStockThreshold: settings.lowStockThreshold ?? defaults.lowStockThreshold,
    displayThreshold: settings.displayThreshold ?? defaults.displayThreshold,
    safetyStock: settings.safetyStock ?? defaults.safetyStock,
    preorder: settings.preorder?.enabled ?? false,
    backorder: settings.backorder?.enabled ?? false,
    ...(defaults.offlineLocations?.length ? { offlineLocations: defaults.offlineLocations } : {}),
  };
}

/**
 * Sellable units: on hand at locations that count online, minus safety stock, minus units
 * held by claims and allocated to preorders/backorders. Never negative.
 */
export function sellable(v: Pick<VariantStock, 'onHand' | 'reserved' | 'allocated'>, s: Pick<EffectiveSettings, 'safetyStock' | 'offlineLocations'>, onlineLocations?: ReadonlySet<string>): number {
  let onHand = 0;
  const offline = s.offlineLocations;
  for (const [loc, qty] of Object.entries(v.onHand)) {
    const counts = onlineLocations ? onlineLocations.has(loc) : !offline?.includes(loc);
    if (counts) onHand += Math.max(0, qty);
  }
  return Math.max(0, onHand - s.safetyStock - v.reserved - v.allocated);
}

/** The availability state of a variant from its sellable units and the product's flags. */
export function stateOf(units: number, s: EffectiveSettings): AvailabilityState {
  if (units > 0) return units <= s.lowStockThreshold ? 'low_stock' : 'in_stock';
  if (s.preorder) return 'preorder';
  if (s.backorder) return 'backorder';
  return 'out_of_stock';
}

const rank: Record<AvailabilityState, number> = { in_stock: 4, low_stock: 3, preorder: 2, backorder: 1, out_of_stock: 0 };

/** A product is as available as its most available variant. */
export function rollUp(states: AvailabilityState[]): AvailabilityState {
  if (!states.length) return 'out_of_stock';
  return states.reduce((best, s) => (rank[s] > rank[best] ? s : best));
}

export type TransitionEvent = 'StockDepleted' | 'StockLow' | 'BackInStock' | 'PreorderOpened' | 'BackorderOpened';

/**
 * Which catalogue event a state change is, if any. Only real transitions produce one:
 * in_stock → low_stock (StockLow), sellable → not (StockDepleted, or Preorder/BackorderOpened
 * when those flags turn an out-of-stock variant into something buyable later), not sellable →
 * sellable (BackInStock). low_stock → in_stock is a restock too small to be news: none.
 */
export function transitionEvent(from: AvailabilityState, to: AvailabilityState): TransitionEvent | undefined {
  if (from === to) return undefined;
  const wasSellable = from === 'in_stock' || from === 'low_stock';
  const isSellable = to === 'in_stock' || to === 'low_stock';
  if (!wasSellable && isSellable) return 'BackInStock';
  if (wasSellable && !isSellable) return to === 'preorder' ? 'PreorderOpened' : to === 'backorder' ? 'BackorderOpened' : 'StockDepleted';
  if (from === 'in_stock' && to === 'low_stock') return 'StockLow';
  if (!wasSellable && !isSellable) {
    if (to === 'preorder') return 'PreorderOpened';
    if (to === 'backorder') return 'BackorderOpened';
    if (to === 'out_of_stock') return 'StockDepleted';
  }
  return undefined;
}
