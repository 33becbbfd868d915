import { z } from 'zod';

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
