import * as z from 'zod';
import { effectiveSettings, rollUp, sellable, type EffectiveSettings, type InventoryDefaults } from '../inventory/availability.js';
import { availabilityStates, type AvailabilityState, type Location, type Product, type VariantStock } from '../inventory/model.js';
import type { MessageKey, Translator } from './messages.js';
import { compareAxes, compareValues, compareVariants } from './ordering.js';

/**
 * What a shopper may be told about availability, computed from stock at request time (never
 * from a stored state another writer may not have reconciled yet). The rules that keep it
 * honest live here and nowhere else:
 * - "only N left" appears only when N is the real sellable count and 0 < N ≤ the display
 *   threshold; above it, the count is never disclosed and the state is plain in stock;
 * - a restock date is shown only when a purchase order (or the preorder) gives one that has
 *   not passed; otherwise the answer is an honest "unknown".
 */

export interface StorefrontInventorySettings extends InventoryDefaults {
  shipFromStore: boolean;
}

export type LocationInfo = Pick<Location, 'locationId' | 'name' | 'kind' | 'address' | 'city' | 'openingHours' | 'countsOnline' | 'pickup'>;

export interface ViewContext {
  inventory: StorefrontInventorySettings;
  /** The tenant's locations by id; stock at an unregistered location counts as a warehouse. */
  locations: ReadonlyMap<string, LocationInfo>;
  /** Today's date (UTC, YYYY-MM-DD): a purchase-order date before it is no longer a promise. */
  today: string;
  tr: Translator;
}

// ---- what shoppers are told, as schemas (the API's answers are declared with them) ----

export const availabilityStateSchema = z.lazy(() =>
  z.enum(availabilityStates),
);
const attributesSchema = z.lazy(() => z.record(z.string(), z.string()));
/** Present only when 0 < sellable ≤ the display threshold: the true count. */
export const unitsLeftSchema = z.lazy(() =>
  z.number().int().positive().optional().meta({ description: 'Shown only when the true sellable count is at or under the display threshold.' }),
);

export const etaSchema = z.lazy(() =>
  z
  .object({
    status: z.enum(['expected', 'unknown']),
    date: z.iso.date().nullable(),
    source: z.enum(['purchase_order', 'preorder']).nullable(),
    label: z.string(),
  })
  .meta({ id: 'StorefrontEta', description: 'When it is expected back: a purchase order\'s or the preorder\'s date that has not passed, else an honest "unknown".' }),
);
export type Eta = z.infer<typeof etaSchema>;

export const variantAvailabilitySchema = z.lazy(() =>
  z
  .object({
    sku: z.string(),
    attributes: attributesSchema,
    price: z.number().int().nonnegative().optional(),
    state: availabilityStateSchema,
    /** Buyable now, from stock. */
    available: z.boolean(),
    /** Buyable now or as a preorder / backorder. */
    orderable: z.boolean(),
    unitsLeft: unitsLeftSchema,
    label: z.string(),
    /** Only when not available now. */
    eta: etaSchema.optional(),
    /** The shopper can ask to be told when it is back. */
    notify: z.boolean(),
  })
  .meta({ id: 'VariantAvailability' }),
);
export type VariantAvailability = z.infer<typeof variantAvailabilitySchema>;

/** A product's overall availability (as available as its best variant). */
export const availabilitySummarySchema = z.lazy(() =>
  z
  .object({
    state: availabilityStateSchema,
    available: z.boolean(),
    orderable: z.boolean(),
    unitsLeft: unitsLeftSchema,
    label: z.string(),
    eta: etaSchema.optional(),
  })
  .meta({ id: 'AvailabilitySummary' }),
);

/** Does stock at this location count toward online availability? */
export function countsOnline(locationId: string, locations: ReadonlyMap<string, LocationInfo>, shipFromStore: boolean): boolean {
  const loc = locations.get(locationId);
  if (!loc) return true;
  if (!loc.countsOnline) return false;
  return loc.kind === 'warehouse' || shipFromStore;
}

export function onlineLocationSet(product: Pick<Product, 'variants'>, ctx: Pick<ViewContext, 'locations' | 'inventory'>): Set<string> {
  const ids = new Set<string>();
  for (const v of Object.values(product.variants)) for (const loc of Object.keys(v.onHand)) ids.add(loc);
  return new Set([...ids].filter((id) => countsOnline(id, ctx.locations, ctx.inventory.shipFromStore)));
}

/** Preorders and backorders close once their cap is taken (allocated units reach it). */
function capReached(cap: number | undefined, v: Pick<VariantStock, 'allocated'>): boolean {
  return cap !== undefined && v.allocated >= cap;
}

/**
 * The storefront state from sellable units. Low stock here means "at or under the display
 * threshold", so a low-stock state always comes with its true count.
 */
export function displayState(units: number, s: EffectiveSettings, settings: Product['settings'] = {}, v: Pick<VariantStock, 'allocated'> = { allocated: 0 }): AvailabilityState {
  if (units > 0) return units <= s.displayThreshold ? 'low_stock' : 'in_stock';
  if (s.preorder && !capReached(settings.preorder?.cap, v)) return 'preorder';
  if (s.backorder && !capReached(settings.backorder?.cap, v)) return 'backorder';
  return 'out_of_stock';
}

export const isAvailable = (s: AvailabilityState) => s === 'in_stock' || s === 'low_stock';
export const isOrderable = (s: AvailabilityState) => s !== 'out_of_stock';

export function etaOf(v: Pick<VariantStock, 'eta'>, state: AvailabilityState, settings: Product['settings'], today: string, tr: Translator): Eta {
  const candidates: { date: string; source: 'purchase_order' | 'preorder' }[] = [];
  if (state === 'preorder' && settings.preorder?.etaDate) candidates.push({ date: settings.preorder.etaDate, source: 'preorder' });
  if (v.eta) candidates.push({ date: v.eta, source: 'purchase_order' });
  // A date that has passed is a late delivery, not a promise: say "unknown" rather than repeat it.
  const next = candidates.filter((c) => c.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
  if (!next) return { status: 'unknown', date: null, source: null, label: tr.t('eta.unknown') };
  return { status: 'expected', date: next.date, source: next.source, label: tr.t('eta.expected', { date: next.date }) };
}

export function stateLabel(state: AvailabilityState, unitsLeft: number | undefined, tr: Translator, preorderLabel?: string): string {
  switch (state) {
    case 'low_stock':
      if (unitsLeft === undefined) return tr.t('state.low_stock.unknown');
      return tr.t(unitsLeft === 1 ? 'state.low_stock.one' : 'state.low_stock.other', { n: unitsLeft });
    case 'preorder':
      return preorderLabel || tr.t('state.preorder');
    default:
      return tr.t(`state.${state}` as MessageKey);
  }
}

/** One variant as the storefront may describe it, given the units that count for it. */
export function variantAvailability(product: Pick<Product, 'settings'>, v: VariantStock, units: number, s: EffectiveSettings, ctx: Pick<ViewContext, 'today' | 'tr'>): VariantAvailability {
  const state = displayState(units, s, product.settings, v);
  const unitsLeft = state === 'low_stock' ? units : undefined;
  const available = isAvailable(state);
  return {
    sku: v.sku,
    attributes: v.attributes,
    ...(v.price !== undefined ? { price: v.price } : {}),
    state,
    available,
    orderable: isOrderable(state),
    ...(unitsLeft !== undefined ? { unitsLeft } : {}),
    label: stateLabel(state, unitsLeft, ctx.tr, product.settings.preorder?.label),
    ...(available ? {} : { eta: etaOf(v, state, product.settings, ctx.today, ctx.tr) }),
    notify: !available,
  };
}

export function settingsFor(product: Pick<Product, 'settings'>, ctx: Pick<ViewContext, 'inventory'>): EffectiveSettings {
  return effectiveSettings(product.settings, ctx.inventory);
}

export type ProductSummary = z.infer<typeof availabilitySummarySchema> & {
  /** Sum of sellable units online; internal (never serialized to shoppers). */
  sellableUnits: number;
  variants: VariantAvailability[];
};

/** A product's variants and its overall availability (as available as its best variant). */
export function summarize(product: Pick<Product, 'settings' | 'variants'>, ctx: Omit<ViewContext, 'locale'>): ProductSummary {
  const s = settingsFor(product, ctx);
  const online = onlineLocationSet(product, ctx);
  let total = 0;
  const variants = Object.values(product.variants)
    .sort(compareVariants)
    .map((v) => {
    const units = sellable(v, s, online);
    total += units;
    return variantAvailability(product, v, units, s, ctx);
  });
  const state = variants.length ? rollUp(variants.map((v) => v.state)) : 'out_of_stock';
  const available = isAvailable(state);
  // The product-level count is shown only when the whole product is down to the threshold.
  const unitsLeft = available && total <= s.displayThreshold ? total : undefined;
  const productState: AvailabilityState = available ? (unitsLeft !== undefined ? 'low_stock' : 'in_stock') : state;
  const eta = available ? undefined : earliestEta(variants.filter((v) => v.state === state).map((v) => v.eta), ctx.tr);
  return {
    state: productState,
    available,
    orderable: isOrderable(productState),
    ...(unitsLeft !== undefined ? { unitsLeft } : {}),
    label: stateLabel(productState, unitsLeft, ctx.tr, product.settings.preorder?.label),
    sellableUnits: total,
    ...(eta ? { eta } : {}),
    variants,
  };
}

function earliestEta(etas: (Eta | undefined)[], tr: Translator): Eta {
  const expected = etas.filter((e): e is Eta => e?.status === 'expected').sort((a, b) => a.date!.localeCompare(b.date!));
  return expected[0] ?? { status: 'unknown', date: null, source: null, label: tr.t('eta.unknown') };
}

export const outOfStockReasonSchema = z.lazy(() =>
  z.object({
  code: z.enum(['merchant', 'preorder', 'backorder', 'restock_expected', 'sold_out']),
  text: z.string(),
}),
);
export type OutOfStockReason = z.infer<typeof outOfStockReasonSchema>;

/** Why a product cannot be bought now: the merchant's words first, else derived from the facts. */
export function outOfStockReason(product: Pick<Product, 'settings'>, state: AvailabilityState, eta: Eta | undefined, tr: Translator): OutOfStockReason {
  const merchant = product.settings.outOfStockReason?.trim();
  if (merchant) return { code: 'merchant', text: merchant };
  if (state === 'preorder') return { code: 'preorder', text: product.settings.preorder?.label || tr.t('reason.preorder') };
  if (state === 'backorder') return { code: 'backorder', text: tr.t('reason.backorder') };
  if (eta?.status === 'expected' && eta.date) return { code: 'restock_expected', text: tr.t('reason.restock_expected', { date: eta.date }) };
  return { code: 'sold_out', text: tr.t('reason.sold_out') };
}

export const variantMatrixSchema = z.lazy(() =>
  z
  .object({
    axes: z.array(z.object({ name: z.string(), values: z.array(z.object({ value: z.string(), available: z.boolean() })) })),
    cells: z
      .array(
        z.object({
          attributes: attributesSchema,
          /** null: this combination is not made. */
          sku: z.string().nullable(),
          state: availabilityStateSchema.nullable(),
          available: z.boolean(),
        }),
      )
      .nullable()
      .meta({ description: 'Every combination of the axes, made or not (sku null: not made); empty without axes, null when there would be more than 1000.' }),
  })
  .meta({ id: 'VariantMatrix' }),
);
export type VariantMatrix = z.infer<typeof variantMatrixSchema>;
export type MatrixAxis = VariantMatrix['axes'][number];
export type MatrixCell = NonNullable<VariantMatrix['cells']>[number];

const MAX_AXES = 3;
const MAX_CELLS = 1000;

/**
 * Size × colour (or any attributes): which combinations exist and which are available. Axes
 * are sizes, then colours, then others; values sort naturally (S, M, L; 38, 39, 40).
 */
export function variantMatrix(variants: VariantAvailability[]): VariantMatrix {
  const names = [...new Set(variants.flatMap((v) => Object.keys(v.attributes)))].sort(compareAxes).slice(0, MAX_AXES);
  const axes: MatrixAxis[] = names.map((name) => {
    const values = new Map<string, { value: string; available: boolean }>();
    for (const v of variants) {
      const value = v.attributes[name];
      if (value === undefined) continue;
      const entry = values.get(value) ?? { value, available: false };
      entry.available ||= v.available;
      values.set(value, entry);
    }
    return { name, values: [...values.values()].sort((a, b) => compareValues(a.value, b.value)) };
  });
  const size = axes.reduce((n, a) => n * a.values.length, axes.length ? 1 : 0);
  if (!axes.length || size > MAX_CELLS) return { axes, cells: axes.length ? null : [] };
  const bySignature = new Map<string, VariantAvailability>();
  const signature = (attrs: Record<string, string>) => axes.map((a) => `${a.name}=${attrs[a.name] ?? ''}`).join('\u0000');
  for (const v of variants) if (axes.every((a) => a.name in v.attributes)) bySignature.set(signature(v.attributes), v);
  let combos: Record<string, string>[] = [{}];
  for (const axis of axes) combos = combos.flatMap((c) => axis.values.map((v) => ({ ...c, [axis.name]: v.value })));
  const cells = combos.map((attributes) => {
    const v = bySignature.get(signature(attributes));
    return { attributes, sku: v?.sku ?? null, state: v?.state ?? null, available: v?.available ?? false };
  });
  return { axes, cells };
}

export const storeAvailabilitySchema = z.lazy(() =>
  z.object({
  locationId: z.string(),
  name: z.string(),
  address: z.string().optional(),
  city: z.string().optional(),
  openingHours: z.string().optional(),
  pickup: z.boolean(),
  state: availabilityStateSchema,
  available: z.boolean(),
  unitsLeft: unitsLeftSchema,
  label: z.string(),
  variants: z.array(z.object({ sku: z.string(), attributes: attributesSchema, state: availabilityStateSchema, available: z.boolean(), unitsLeft: unitsLeftSchema, label: z.string() })),
}),
);
export type StoreAvailability = z.infer<typeof storeAvailabilitySchema>;

/**
 * "Check in store": on-hand units at each store, with the same honest count rule (a count
 * only at or under the display threshold). Online reservations and allocations are not
 * per store, so a store's shelf count is what the store holds.
 */
export function storeAvailability(product: Pick<Product, 'settings' | 'variants'>, store: LocationInfo, ctx: Omit<ViewContext, 'locale'>, skus?: ReadonlySet<string>): StoreAvailability {
  const s = settingsFor(product, ctx);
  let total = 0;
  const variants = Object.values(product.variants)
    .filter((v) => !skus || skus.has(v.sku))
    .sort(compareVariants)
    .map((v) => {
      const units = Math.max(0, v.onHand[store.locationId] ?? 0);
      total += units;
      const state: AvailabilityState = units > 0 ? (units <= s.displayThreshold ? 'low_stock' : 'in_stock') : 'out_of_stock';
      const unitsLeft = state === 'low_stock' ? units : undefined;
      return { sku: v.sku, attributes: v.attributes, state, available: units > 0, ...(unitsLeft !== undefined ? { unitsLeft } : {}), label: stateLabel(state, unitsLeft, ctx.tr) };
    });
  const state: AvailabilityState = total > 0 ? (total <= s.displayThreshold ? 'low_stock' : 'in_stock') : 'out_of_stock';
  const unitsLeft = state === 'low_stock' ? total : undefined;
  return {
    locationId: store.locationId,
    name: store.name,
    ...(store.address ? { address: store.address } : {}),
    ...(store.city ? { city: store.city } : {}),
    ...(store.openingHours ? { openingHours: store.openingHours } : {}),
    pickup: store.pickup,
    state,
    available: total > 0,
    ...(unitsLeft !== undefined ? { unitsLeft } : {}),
    label: stateLabel(state, unitsLeft, ctx.tr),
    variants,
  };
}
