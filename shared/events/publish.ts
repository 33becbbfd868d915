import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { randomUUID } from 'node:crypto';
import { envelopeSchema, Events, type EventData, type EventName, type Envelope } from './catalogue.js';

const client = new EventBridgeClient({});

export interface OutgoingEvent<N extends EventName = EventName> {
  name: N;
  tenantId: string;
  data: EventData<N>;
  /** Deterministic ids make re-publishing after a crash harmless for idempotent consumers. */
  eventId?: string;
  occurredAt?: string;
}

export function buildEnvelope<N extends EventName>(e: OutgoingEvent<N>): Envelope<N> {
  const def = Events[e.name];
  const envelope = {
    eventId: e.eventId ?? randomUUID(),
    version: def.version,
    tenantId: e.tenantId,
    occurredAt: e.occurredAt ?? new Date().toISOString(),
    data: e.data,
  };
  // A producer bug must fail loudly here, not poison every consumer downstream.
  envelopeSchema(def).parse(envelope);
  return envelope as Envelope<N>;
}

/**
 * Publishes events in PutEvents batches of at most 10, retrying only the entries that
 * failed, with backoff. Throws if any entry still fails, so the caller's own retry (Lambda
 * async retry, SQS redrive, Step Functions Retry) takes over: nothing is silently dropped.
 */
export async function publishEvents(
  busName: string,
  events: OutgoingEvent[],
  opts: { attempts?: number; client?: Pick<EventBridgeClient, 'send'> } = {},
): Promise<string[]> {
  const attempts = opts.attempts ?? 5;
  const sender = opts.client ?? client;
  const entries: PutEventsRequestEntry[] = events.map((e) => {
    const def = Events[e.name];
    return { EventBusName: busName, Source: def.source, DetailType: def.detailType, Detail: JSON.stringify(buildEnvelope(e)) };
  });
  const ids = entries.map((e) => (JSON.parse(e.Detail!) as { eventId: string }).eventId);
  for (let i = 0; i < entries.length; i += 10) {
    let pending = entries.slice(i, i + 10);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const res = await sender.send(new PutEventsCommand({ Entries: pending }));
      if (!res.FailedEntryCount) break;
      pending = pending.filter((_, idx) => res.Entries?.[idx]?.ErrorCode);
      if (attempt >= attempts) {
        throw new Error(`PutEvents failed for ${pending.length} entries after ${attempts} attempts`);
      }
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return ids;
}
