import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frequencyDecision, isQuiet, localMinutes, quietUntil, trimHistory } from '../../../shared/messaging/policy.js';

const ZONES = ['Europe/Rome', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Chatham', 'America/St_Johns', 'Europe/London', 'UTC'];
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
// 2024-2027, which includes every DST change of these zones in those years.
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t));
const MINUTE = 60_000;

describe('quiet hours', () => {
  it('21:00–09:00 in Rome: 22:30 local is quiet until 09:00 local the next morning (winter and summer)', () => {
    const winter = new Date('2026-01-15T21:30:00Z'); // 22:30 in Rome (UTC+1)
    expect(isQuiet(winter, 'Europe/Rome', { start: '21:00', end: '09:00' })).toBe(true);
    expect(quietUntil(winter, 'Europe/Rome', { start: '21:00', end: '09:00' })?.toISOString()).toBe('2026-01-16T08:00:00.000Z');
    const summer = new Date('2026-07-15T20:30:00Z'); // 22:30 in Rome (UTC+2)
    expect(quietUntil(summer, 'Europe/Rome', { start: '21:00', end: '09:00' })?.toISOString()).toBe('2026-07-16T07:00:00.000Z');
    const daytime = new Date('2026-07-15T10:00:00Z');
    expect(quietUntil(daytime, 'Europe/Rome', { start: '21:00', end: '09:00' })).toBeUndefined();
  });

  it('the same instant is quiet in one zone and not in another', () => {
    const at = new Date('2026-03-10T22:30:00Z');
    const window = { start: '21:00', end: '09:00' };
    expect(isQuiet(at, 'Europe/Rome', window)).toBe(true); // 23:30
    expect(isQuiet(at, 'America/Los_Angeles', window)).toBe(false); // 15:30
    expect(isQuiet(at, 'Asia/Tokyo', window)).toBe(true); // 07:30
  });

  it('across the spring-forward night the hold ends at 09:00 local, one hour earlier in UTC', () => {
    // Rome moves from UTC+1 to UTC+2 on 2026-03-29 at 02:00.
    const at = new Date('2026-03-28T22:00:00Z'); // 23:00 local, UTC+1
    expect(quietUntil(at, 'Europe/Rome', { start: '21:00', end: '09:00' })?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('for any zone, window and instant: the hold ends at the first non-quiet minute after now', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), hhmm, hhmm, (now, zone, start, end) => {
        const window = { start, end };
        const until = quietUntil(now, zone, window);
        if (!isQuiet(now, zone, window)) {
          expect(until).toBeUndefined();
          return;
        }
        expect(until).toBeDefined();
        const t = until!.getTime();
        expect(t).toBeGreaterThan(now.getTime());
        expect(t % MINUTE).toBe(0);
        expect(isQuiet(until!, zone, window)).toBe(false);
        // No earlier minute ends the hold: the one before is still quiet (or is now itself).
        expect(t - MINUTE <= now.getTime() || isQuiet(new Date(t - MINUTE), zone, window)).toBe(true);
        // A hold lasts less than a day, or two when a DST jump swallows the non-quiet stretch.
        expect(t - now.getTime()).toBeLessThanOrEqual(49 * 3_600_000);
        // And the local clock at the end reads the window's end, unless DST skipped that minute.
        const endMin = Number(end.slice(0, 2)) * 60 + Number(end.slice(3));
        const local = localMinutes(until!, zone);
        expect([endMin, (endMin + 60) % 1440, (endMin + 30) % 1440]).toContain(local);
      }),
      { numRuns: 500 },
    );
  });

  it('a spring-forward night that skips the whole non-quiet hour holds until the next day (found by the property)', () => {
    // New York skips 02:00–02:59 on 2024-03-10; with quiet 03:00–02:00 that night has no non-quiet minute.
    const until = quietUntil(new Date('2024-03-09T08:00:00Z'), 'America/New_York', { start: '03:00', end: '02:00' });
    expect(until?.toISOString()).toBe('2024-03-10T06:00:00.000Z'.replace('2024-03-10T06', '2024-03-11T06'));
  });

  it('equal start and end means no quiet hours', () => {
    fc.assert(fc.property(instant, fc.constantFrom(...ZONES), hhmm, (now, zone, t) => !isQuiet(now, zone, { start: t, end: t })));
  });
});

describe('cooldown and frequency cap', () => {
  const settings = { cooldownMinutes: 30, frequencyCap: { max: 3, windowDays: 7 } };
  const now = new Date('2026-05-10T12:00:00Z');
  const ago = (minutes: number) => now.getTime() - minutes * MINUTE;

  it('allows a first message, holds one within the cooldown until it ends', () => {
    expect(frequencyDecision([], now, settings)).toEqual({ ok: true });
    const d = frequencyDecision([ago(10)], now, settings);
    expect(d).toEqual({ ok: false, reason: 'cooldown', retryAt: new Date(ago(10) + 30 * MINUTE) });
  });

  it('caps at max per window and says when the oldest leaves the window', () => {
    const recent = [ago(6 * 1440), ago(3 * 1440), ago(60)];
    const d = frequencyDecision(recent, now, settings);
    expect(d).toEqual({ ok: false, reason: 'frequency_cap', retryAt: new Date(ago(6 * 1440) + 7 * 86_400_000) });
    expect(frequencyDecision([ago(8 * 1440), ago(3 * 1440), ago(60)], now, settings)).toEqual({ ok: true });
  });

  it('never allows more than max in any window when followed (simulation)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 * 1440 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        let t = now.getTime();
        let history: number[] = [];
        const sent: number[] = [];
        for (const gap of gaps) {
          t += gap * MINUTE;
          const at = new Date(t);
          if (frequencyDecision(history, at, settings).ok) {
            sent.push(t);
            history = trimHistory([...history, t], at, settings);
          }
        }
        for (let i = 0; i < sent.length; i++) {
          if (i > 0) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(30 * MINUTE);
          expect(sent.filter((s) => s > sent[i]! - 7 * 86_400_000 && s <= sent[i]!).length).toBeLessThanOrEqual(3);
        }
      }),
    );
  });
});
