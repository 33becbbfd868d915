import type { EventBridgeEvent } from 'aws-lambda';
import { envelopeSchema, Events, type Envelope, type EventName } from './catalogue.js';

/**
 * Parses an EventBridge event against the catalogue. A consumer receiving an event it does
 * not understand throws, so the delivery is retried and ends in the target's DLQ instead
 * of being acknowledged and lost.
 */
export function parseEvent<N extends EventName>(name: N, event: EventBridgeEvent<string, unknown> | { detail: unknown }): Envelope<N> {
  return envelopeSchema(Events[name]).parse(event.detail) as Envelope<N>;
}
