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
} as const;

export type EventName = keyof typeof Events;
export type EventData<N extends EventName> = z.infer<(typeof Events)[N]['data']>;

export function envelopeSchema<D extends z.ZodType>(def: EventDef<D>) {
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
