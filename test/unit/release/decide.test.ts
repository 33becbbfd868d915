import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RELEASE_CONFIG } from '../../../shared/release/config.js';
import { decide, type Snapshot } from '../../../shared/release/decide.js';

const HOUR = 3_600_000;
const base: Snapshot = {
  state: 'waves',
  paused: false,
  clockMs: 0,
  audienceBuilt: true,
  remaining: 500,
  jobInProgress: false,
  freeUnits: 3,
  heldUnits: 0,
  waves: [],
  conversions: 0,
  config: DEFAULT_RELEASE_CONFIG,
};

describe('the release loop decision', () => {
  it('sends the first wave sized to the stock', () => {
    const d = decide(base);
    expect(d.kind).toBe('send_wave');
    if (d.kind === 'send_wave') {
      expect(d.size).toBeGreaterThan(3);
      expect(d.size).toBeLessThan(500);
      expect(d.nextWaveAtClockMs).toBe(DEFAULT_RELEASE_CONFIG.windowMinutes * 60_000);
    }
  });

  it('ends a cancelled release, waits while paused, finishes a send in progress first', () => {
    expect(decide({ ...base, state: 'cancelled' }).kind).toBe('end');
    expect(decide({ ...base, paused: true })).toMatchObject({ kind: 'wait', reason: 'paused' });
    expect(decide({ ...base, jobInProgress: true, freeUnits: 0 }).kind).toBe('continue_job');
  });

  it('no free and no held units is the sell-out, whatever else holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.boolean(), fc.integer({ min: 0, max: 100 * HOUR }), (remaining, pub, clockMs) => {
        expect(decide({ ...base, remaining, clockMs, state: pub ? 'public' : 'waves', freeUnits: 0, heldUnits: 0, publicAtClockMs: 0 }).kind).toBe('sold_out');
      }),
    );
  });

  it('units all held: waits for holds to lapse or be paid', () => {
    expect(decide({ ...base, freeUnits: 0, heldUnits: 2 })).toMatchObject({ kind: 'wait', reason: 'holds' });
  });

  it('opens to the public at the configured time, or at once when the waitlist is exhausted', () => {
    expect(decide({ ...base, publicAtClockMs: 24 * HOUR, clockMs: 24 * HOUR })).toMatchObject({ kind: 'open_public', reason: 'time' });
    expect(decide({ ...base, remaining: 0 })).toMatchObject({ kind: 'open_public', reason: 'waitlist_exhausted' });
  });

  it('between waves it only checks, every checkMinutes', () => {
    const d = decide({ ...base, waves: [{ delivered: 30, sentAtMs: 0 }], nextWaveAtClockMs: HOUR, clockMs: 10 * 60_000 });
    expect(d).toMatchObject({ kind: 'wait', reason: 'window' });
    if (d.kind === 'wait') expect(d.seconds).toBeLessThanOrEqual(DEFAULT_RELEASE_CONFIG.checkMinutes * 60);
  });

  it('waits for the start time of a scheduled release and builds the audience first', () => {
    expect(decide({ ...base, state: 'scheduled', startAtClockMs: HOUR })).toMatchObject({ kind: 'wait', reason: 'scheduled', seconds: 3600 });
    expect(decide({ ...base, audienceBuilt: false }).kind).toBe('build_audience');
  });

  it('after the public opening it watches for the sell-out until the watch ends', () => {
    expect(decide({ ...base, state: 'public', watchUntilClockMs: 10 * HOUR, clockMs: HOUR })).toMatchObject({ kind: 'wait', reason: 'watching' });
    expect(decide({ ...base, state: 'public', watchUntilClockMs: 10 * HOUR, clockMs: 10 * HOUR })).toMatchObject({ kind: 'end', reason: 'watch_over' });
  });
});
