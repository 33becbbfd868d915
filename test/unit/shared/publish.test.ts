import type { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { publishEvents, type OutgoingEvent } from '../../../shared/events/publish.js';

const tenantCreated = (i: number): OutgoingEvent => ({
  name: 'TenantCreated',
  tenantId: 'tabcdefghij0',
  eventId: `e${i}`,
  data: { name: `Shop ${i}`, contactEmail: `s${i}@shop.example`, locale: 'en' },
});

/** A PutEvents transport that fails chosen entries on their first attempts. */
function flakyBus(failFirstAttempts: Map<string, number>) {
  const calls: string[][] = [];
  return {
    calls,
    send: async (cmd: PutEventsCommand) => {
      const entries = cmd.input.Entries ?? [];
      const ids = entries.map((e) => (JSON.parse(e.Detail!) as { eventId: string }).eventId);
      calls.push(ids);
      const results = ids.map((id) => {
        const left = failFirstAttempts.get(id) ?? 0;
        if (left > 0) {
          failFirstAttempts.set(id, left - 1);
          return { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' };
        }
        return { EventId: `bus-${id}` };
      });
      return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
    },
  };
}

describe('publishEvents', () => {
  it('sends at most 10 entries per PutEvents call', async () => {
    const bus = flakyBus(new Map());
    await publishEvents('bus', Array.from({ length: 23 }, (_, i) => tenantCreated(i)), { client: bus as never });
    expect(bus.calls.map((c) => c.length)).toEqual([10, 10, 3]);
  });

  it('retries only the failed entries until they are accepted', async () => {
    const bus = flakyBus(new Map([['e3', 2], ['e7', 1]]));
    await publishEvents('bus', Array.from({ length: 10 }, (_, i) => tenantCreated(i)), { client: bus as never });
    expect(bus.calls[0]).toHaveLength(10);
    expect(bus.calls[1]).toEqual(['e3', 'e7']);
    expect(bus.calls[2]).toEqual(['e3']);
  });

  it('throws rather than drop an entry that keeps failing', async () => {
    const bus = flakyBus(new Map([['e1', 99]]));
    await expect(publishEvents('bus', [tenantCreated(1)], { client: bus as never, attempts: 3 })).rejects.toThrow(/failed for 1 entries/);
    expect(bus.calls).toHaveLength(3);
  });

  it('refuses an event that breaks its catalogue schema before sending anything', async () => {
    const bus = flakyBus(new Map());
    const bad = { ...tenantCreated(1), data: { name: 'x', contactEmail: 'nope', locale: 'en' } };
    await expect(publishEvents('bus', [bad], { client: bus as never })).rejects.toThrow();
    expect(bus.calls).toHaveLength(0);
  });
});
