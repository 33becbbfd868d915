import * as z from 'zod';

/**
 * The event catalogue: every event Restock publishes, with its source, detail-type, version
 * and zod schema. Producers build events through it, CDK rules derive their patterns from
 * it, and consumers parse with it — one contract, three users.
 *
 * Envelope (the EventBridge `detail`): { eventId, version, tenantId, occurredAt, data }.
 * `eventId` is what consumers use for idempotency.
 */
export const Sources = {
  tenants: 'restock.tenants',
  inventory: 'restock.inventory',
  storefront: 'restock.storefront',
  waitlist: 'restock.waitlist',
  release: 'restock.release',
  forecasting: 'restock.forecasting',
} as const;

export interface EventDef<D extends z.ZodType> {
  source: string;
  detailType: string;
  version: number;
  data: D;
  description: string;
  /** A valid payload: documents the event and lets tests send a real one for every rule. */
  example: z.infer<D>;
}

function defineEvent<D extends z.ZodType>(def: EventDef<D>): EventDef<D> {
  return def;
}

const availabilityState = z.enum(['in_stock', 'low_stock', 'out_of_stock', 'preorder', 'backorder']);

/**
 * A variant's availability changed state. Carries what consumers need to debounce flapping
 * stock (0 → 1 → 0 within minutes): the per-SKU `transitionSeq` and when the previous state
 * began, so a consumer can wait, re-read and act only if the state held.
 */
export const stockTransitionData = z.object({
  productId: z.string(),
  sku: z.string(),
  fromState: availabilityState,
  toState: availabilityState,
  available: z.number().int().nonnegative(),
  previousStateSince: z.iso.datetime().nullable(),
  transitionSeq: z.number().int().positive(),
  productTitle: z.string(),
  eta: z.iso.date().nullable(),
});

function stockTransitionEvents() {
  const make = (detailType: string, description: string, fromState: string, toState: string, available: number) =>
    defineEvent({
      source: Sources.inventory,
      detailType,
      version: 1,
      description,
      data: stockTransitionData,
      example: {
        productId: 'scarpa-rossa',
        sku: 'SR-42',
        fromState: fromState as 'in_stock',
        toState: toState as 'in_stock',
        available,
        previousStateSince: '2026-11-01T09:00:00.000Z',
        transitionSeq: 3,
        productTitle: 'Scarpa rossa',
        eta: null,
      },
    });
  return {
    StockDepleted: make('StockDepleted', 'A variant ran out of sellable stock.', 'low_stock', 'out_of_stock', 0),
    StockLow: make('StockLow', 'A variant fell to its low-stock (alert) threshold.', 'in_stock', 'low_stock', 2),
    BackInStock: make('BackInStock', 'A variant became sellable again; starts restock releases.', 'out_of_stock', 'in_stock', 12),
    PreorderOpened: make('PreorderOpened', 'An unavailable variant can now be preordered.', 'out_of_stock', 'preorder', 0),
    BackorderOpened: make('BackorderOpened', 'An unavailable variant can now be backordered.', 'out_of_stock', 'backorder', 0),
  };
}

/** Restock releases (shared/release): the milestones of one release, for analytics and hooks. */
function releaseEvents() {
  const base = { releaseId: z.string(), productId: z.string(), sku: z.string() };
  const ex = { releaseId: 'r-7f3a9c2e1b', productId: 'scarpa-rossa', sku: 'SR-42' };
  return {
    ReleaseStarted: defineEvent({
      source: Sources.release,
      detailType: 'ReleaseStarted',
      version: 1,
      description: 'A release built its audience and is about to send its first wave.',
      data: z.object({ ...base, units: z.number().int().nonnegative(), audience: z.number().int().nonnegative(), tiered: z.number().int().nonnegative() }),
      example: { ...ex, units: 3, audience: 500, tiered: 12 },
    }),
    ReleaseWaveSent: defineEvent({
      source: Sources.release,
      detailType: 'ReleaseWaveSent',
      version: 1,
      description: 'A wave of early-access messages went out (sized to the free units and the conversion seen so far).',
      data: z.object({ ...base, wave: z.number().int().positive(), size: z.number().int().nonnegative(), delivered: z.number().int().nonnegative(), freeUnits: z.number().int().nonnegative() }),
      example: { ...ex, wave: 1, size: 34, delivered: 33, freeUnits: 3 },
    }),
    ReleaseSoldOut: defineEvent({
      source: Sources.release,
      detailType: 'ReleaseSoldOut',
      version: 1,
      description: 'Every unit of a release is sold: everyone not served is being told they keep their place.',
      data: z.object({ ...base, sold: z.number().int().nonnegative(), notified: z.number().int().nonnegative() }),
      example: { ...ex, sold: 3, notified: 80 },
    }),
    ReleaseOpenedToPublic: defineEvent({
      source: Sources.release,
      detailType: 'ReleaseOpenedToPublic',
      version: 1,
      description: 'The product opened to everyone (the configured time after the first wave, or the waitlist was exhausted).',
      data: z.object({ ...base, reason: z.enum(['time', 'waitlist_exhausted']), freeUnits: z.number().int().nonnegative(), discountCode: z.string().nullable() }),
      example: { ...ex, reason: 'time', freeUnits: 2, discountCode: null },
    }),
    ReleaseEnded: defineEvent({
      source: Sources.release,
      detailType: 'ReleaseEnded',
      version: 1,
      description: 'A release finished (sold out and everyone told, watch period over, or cancelled).',
      data: z.object({ ...base, reason: z.string(), sold: z.number().int().nonnegative(), notified: z.number().int().nonnegative(), conversions: z.number().int().nonnegative() }),
      example: { ...ex, reason: 'sold_out', sold: 3, notified: 80, conversions: 3 },
    }),
  };
}

export const Events = {
  TenantCreated: defineEvent({
    source: Sources.tenants,
    detailType: 'TenantCreated',
    version: 1,
    description: 'A merchant was onboarded; starts the onboarding workflow (welcome e-mail, setup nudge).',
    data: z.object({
      name: z.string(),
      // The merchant's contact address is business contact data the workflow needs to mail.
      contactEmail: z.email(),
      locale: z.string(),
    }),
    example: { name: 'Bottega Demo', contactEmail: 'owner@bottega-demo.example', locale: 'it' },
  }),
  ...stockTransitionEvents(),
  RestockEtaChanged: defineEvent({
    source: Sources.inventory,
    detailType: 'RestockEtaChanged',
    version: 1,
    description: "A variant's restock ETA was set or moved (earliest open purchase order); waitlists tell the people waiting.",
    data: z.object({
      productId: z.string(),
      sku: z.string(),
      eta: z.iso.date().nullable(),
      previousEta: z.iso.date().nullable(),
      incoming: z.number().int().nonnegative(),
    }),
    example: { productId: 'scarpa-rossa', sku: 'SR-42', eta: '2026-12-10', previousEta: null, incoming: 40 },
  }),
  WaitlistJoined: defineEvent({
    source: Sources.waitlist,
    detailType: 'WaitlistJoined',
    version: 1,
    description:
      'Someone took a place in line for a variant (or a whole product): on sign-up, or on confirmation where double opt-in applies. No contact data: the entry id, the channels and the position are enough for analytics and release waves.',
    data: z.object({
      entryId: z.string(),
      listId: z.string(),
      productId: z.string(),
      sku: z.string().nullable(),
      channels: z.object({ email: z.boolean(), sms: z.boolean() }),
      position: z.number().int().positive(),
      /** Join order within the list (release waves go by it). */
      seq: z.number().int().nonnegative(),
      hasShopperId: z.boolean(),
    }),
    example: { entryId: 'wl_01jd3x7k2m9q4r8s', listId: 'sku:SR-42', productId: 'scarpa-rossa', sku: 'SR-42', channels: { email: true, sms: false }, position: 12, seq: 12, hasShopperId: false },
  }),
  WaitlistLeft: defineEvent({
    source: Sources.waitlist,
    detailType: 'WaitlistLeft',
    version: 1,
    description: 'An active entry left the line: cancelled by the shopper, expired after an unanswered "still interested?", or erased on request.',
    data: z.object({
      entryId: z.string(),
      listId: z.string(),
      productId: z.string(),
      sku: z.string().nullable(),
      reason: z.enum(['cancelled', 'expired', 'erased']),
    }),
    example: { entryId: 'wl_01jd3x7k2m9q4r8s', listId: 'sku:SR-42', productId: 'scarpa-rossa', sku: 'SR-42', reason: 'cancelled' },
  }),
  OrderPlaced: defineEvent({
    source: Sources.inventory,
    detailType: 'OrderPlaced',
    version: 1,
    description: 'An order came through the order webhook; releases attribute it to wave recipients (conversion).',
    data: z.object({
      orderId: z.string(),
      shopperRef: z.string().optional(),
      lines: z.array(z.object({ sku: z.string(), productId: z.string(), quantity: z.number().int().positive(), price: z.number().int().nonnegative() })),
    }),
    example: { orderId: 'ord-1001', shopperRef: 'sha256:ab12', lines: [{ sku: 'SR-42', productId: 'scarpa-rossa', quantity: 1, price: 8900 }] },
  }),
  PredictedStockout: defineEvent({
    source: Sources.forecasting,
    detailType: 'PredictedStockout',
    version: 1,
    description:
      'The nightly forecast expects a variant to run out within its supplier lead time (on hand plus open purchase orders included). Published once per spell: on the run date the risk first appears; the event id is `forecast:<sku>:<runDate>:stockout`.',
    data: z.object({
      productId: z.string(),
      sku: z.string(),
      productTitle: z.string(),
      runDate: z.iso.date(),
      stockoutDate: z.iso.date(),
      daysUntilStockout: z.number().int().nonnegative(),
      leadTimeDays: z.number().nonnegative(),
      onHand: z.number().nonnegative(),
      incoming: z.number().nonnegative(),
      meanDailyDemand: z.number().nonnegative(),
      suggestedOrderQty: z.number().int().nonnegative(),
      model: z.string(),
    }),
    example: {
      productId: 'scarpa-rossa',
      sku: 'SR-42',
      productTitle: 'Scarpa rossa',
      runDate: '2026-11-20',
      stockoutDate: '2026-11-26',
      daysUntilStockout: 6,
      leadTimeDays: 14,
      onHand: 18,
      incoming: 0,
      meanDailyDemand: 3.1,
      suggestedOrderQty: 96,
      model: 'mean(theta,holt_damped)',
    },
  }),
  ReorderSuggested: defineEvent({
    source: Sources.forecasting,
    detailType: 'ReorderSuggested',
    version: 1,
    description:
      "A variant's inventory position (on hand plus open purchase orders) fell to its reorder point: the nightly forecast suggests an order, rounded to the supplier's minimum and case pack. Published once per spell; the event id is `forecast:<sku>:<runDate>:reorder`.",
    data: z.object({
      productId: z.string(),
      sku: z.string(),
      productTitle: z.string(),
      runDate: z.iso.date(),
      suggestedOrderQty: z.number().int().positive(),
      reorderPoint: z.number().nonnegative(),
      safetyStock: z.number(),
      inventoryPosition: z.number().nonnegative(),
      waitlistDemand: z.number().nonnegative(),
      stockoutDate: z.iso.date().nullable(),
      supplierId: z.string().nullable(),
      leadTimeDays: z.number().nonnegative(),
      model: z.string(),
      demandClass: z.string(),
    }),
    example: {
      productId: 'scarpa-rossa',
      sku: 'SR-42',
      productTitle: 'Scarpa rossa',
      runDate: '2026-11-20',
      suggestedOrderQty: 96,
      reorderPoint: 61.4,
      safetyStock: 18.2,
      inventoryPosition: 18,
      waitlistDemand: 4,
      stockoutDate: '2026-11-26',
      supplierId: 'calzaturificio-rossi',
      leadTimeDays: 14,
      model: 'mean(theta,holt_damped)',
      demandClass: 'smooth',
    },
  }),
  ...releaseEvents(),
} as const;

export type EventName = keyof typeof Events;
export type EventData<N extends EventName> = z.infer<(typeof Events)[N]['data']>;

export function envelopeSchema(def: EventDef<z.ZodType>) {
  return z.object({
    eventId: z.string().min(1),
    version: z.literal(def.version),
    tenantId: z.string().min(1),
    occurredAt: z.iso.datetime(),
    data: def.data,
  });
}

export type Envelope<N extends EventName> = {
  eventId: string;
  version: number;
  tenantId: string;
  occurredAt: string;
  data: EventData<N>;
};

/** The EventBridge pattern that selects one catalogue event (used by CDK rules). */
export function patternOf(name: EventName): { source: string[]; detailType: string[]; detail: { version: number[] } } {
  const def = Events[name];
  return { source: [def.source], detailType: [def.detailType], detail: { version: [def.version] } };
}
