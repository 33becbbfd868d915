import { describe, expect, it } from 'vitest';
import { listSkipsEtaFanOut, sweepAction, updateVerdict } from '../../../shared/waitlist/cadence.js';
import { defaultWaitlistSettings } from '../../../shared/waitlist/settings.js';

const day = 86_400_000;
const t0 = Date.parse('2026-11-01T10:00:00Z');
const at = (days: number) => new Date(t0 + days * day);
const iso = (days: number) => at(days).toISOString();
const settings = { ...defaultWaitlistSettings(), dripCadenceDays: 7, maxUpdates: 3, silenceDays: 14, keepGraceDays: 7 };
const entry = (over: Record<string, unknown> = {}) => ({ status: 'active' as const, updatesSent: 0, activatedAt: iso(0), lastMessageAt: iso(0), ...over });

describe('step-2 update cadence', () => {
  it('sends the first update at once', () => {
    expect(updateVerdict(entry(), at(0), settings, 'eta')).toEqual({ send: true });
  });

  it('never sends more often than the cadence', () => {
    const e = entry({ lastUpdateAt: iso(1), updatesSent: 1 });
    expect(updateVerdict(e, at(7.99), settings, 'eta')).toEqual({ send: false, reason: 'cadence' });
    expect(updateVerdict(e, at(8), settings, 'eta')).toEqual({ send: true });
  });

  it('sends at most maxUpdates', () => {
    expect(updateVerdict(entry({ updatesSent: 3, lastUpdateAt: iso(0) }), at(100), settings, 'eta')).toEqual({ send: false, reason: 'max_updates' });
  });

  it('applies one campaign once, whatever retries do', () => {
    expect(updateVerdict(entry({ lastCampaign: 'eta-x' }), at(100), settings, 'eta', 'eta-x')).toEqual({ send: false, reason: 'already_applied' });
  });

  it('says "still working" only after a silence', () => {
    expect(updateVerdict(entry({ lastMessageAt: iso(5) }), at(18), settings, 'still_working')).toEqual({ send: false, reason: 'not_silent' });
    expect(updateVerdict(entry({ lastMessageAt: iso(5) }), at(19), settings, 'still_working')).toEqual({ send: true });
  });

  it('never updates an entry that is not in line', () => {
    expect(updateVerdict(entry({ status: 'pending' }), at(100), settings, 'eta')).toEqual({ send: false, reason: 'not_active' });
  });
});

describe('daily sweep actions', () => {
  it('asks "still interested?" when the review date has come, with a deadline', () => {
    expect(sweepAction(entry({ reviewAt: iso(90), lastMessageAt: iso(89) }), at(90), settings)).toEqual({ action: 'ask_still_interested', keepUntil: iso(97) });
  });

  it('expires an entry whose question went unanswered, and only then', () => {
    expect(sweepAction(entry({ reviewAt: iso(90), keepUntil: iso(97) }), at(96), settings)).toEqual({ action: 'none' });
    expect(sweepAction(entry({ reviewAt: iso(90), keepUntil: iso(97) }), at(97), settings)).toEqual({ action: 'expire' });
  });

  it('sends a silence update between reviews', () => {
    expect(sweepAction(entry({ reviewAt: iso(90) }), at(14), settings)).toEqual({ action: 'still_working' });
    expect(sweepAction(entry({ reviewAt: iso(90) }), at(13), settings)).toEqual({ action: 'none' });
  });
});

describe('skipping a whole list on an ETA change', () => {
  it('skips within the cadence when nobody joined since the last fan-out', () => {
    expect(listSkipsEtaFanOut({ active: 10, lastEtaFanOutAt: iso(1), lastActivatedAt: iso(0) }, at(2), settings)).toBe(true);
  });

  it('runs when someone joined since, or the cadence has passed, or it never ran', () => {
    expect(listSkipsEtaFanOut({ active: 10, lastEtaFanOutAt: iso(1), lastActivatedAt: iso(1.5) }, at(2), settings)).toBe(false);
    expect(listSkipsEtaFanOut({ active: 10, lastEtaFanOutAt: iso(1), lastActivatedAt: iso(0) }, at(8), settings)).toBe(false);
    expect(listSkipsEtaFanOut({ active: 10 }, at(2), settings)).toBe(false);
  });

  it('skips an empty list, or when updates are turned off', () => {
    expect(listSkipsEtaFanOut({ active: 0 }, at(2), settings)).toBe(true);
    expect(listSkipsEtaFanOut({ active: 3 }, at(2), { ...settings, maxUpdates: 0 })).toBe(true);
  });
});

describe('perks', () => {
  it('offers the discount for validHours after the back-in-stock message', async () => {
    const { discountFor } = await import('../../../shared/waitlist/perks.js');
    expect(discountFor({ discount: { code: 'BACK10', validHours: 24 } }, new Date('2026-11-01T10:00:00Z'))).toEqual({ discountCode: 'BACK10', discountHours: 24, validUntil: '2026-11-02T10:00:00.000Z' });
    expect(discountFor({ loyaltyPoints: 50 }, new Date())).toBeUndefined();
  });
});
