import type { MessagingSettings } from './settings.js';

/**
 * The pure rules checked before a send: quiet hours in the recipient's zone, per-recipient
 * cooldown and the tenant's frequency cap. Pure so they can be tested exhaustively; the
 * state they read is kept by the ledger (shared/messaging/ledger.ts).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes since local midnight of `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  let hour = 0;
  let minute = 0;
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type === 'hour') hour = Number(p.value);
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return (hour % 24) * 60 + minute;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface QuietHours {
  start: string;
  end: string;
}

/** Quiet from `start` (inclusive) to `end` (exclusive), local time; wraps midnight when start > end. */
export function isQuiet(at: Date, timeZone: string, window: QuietHours): boolean {
  const start = toMinutes(window.start);
  const end = toMinutes(window.end);
  if (start === end) return false;
  const m = localMinutes(at, timeZone);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

const MINUTE = 60_000;

/**
 * The first whole minute after `now` outside quiet hours, or undefined if `now` is not quiet.
 * Jumps by the local-clock distance to the window's end, then checks the local clock again:
 * across a DST change the jump lands an hour off, which the next jump (clock went back) or a
 * short walk back (clock went forward) corrects — no offset arithmetic, exact to the minute,
 * even when a spring-forward night swallows the whole non-quiet stretch.
 */
export function quietUntil(now: Date, timeZone: string, window: QuietHours): Date | undefined {
  if (!isQuiet(now, timeZone, window)) return undefined;
  const endMin = toMinutes(window.end);
  let t = Math.floor(now.getTime() / MINUTE) * MINUTE;
  for (let i = 0; i < 8; i++) {
    const delta = (endMin - localMinutes(new Date(t), timeZone) + 1440) % 1440 || 1440;
    let candidate = t + delta * MINUTE;
    if (!isQuiet(new Date(candidate), timeZone, window)) {
      // The clock sprang forward on the way: the window may have ended up to an hour earlier.
      for (let back = 0; back < 120 && candidate - MINUTE > now.getTime() && !isQuiet(new Date(candidate - MINUTE), timeZone, window); back++) {
        candidate -= MINUTE;
      }
      return new Date(candidate);
    }
    t = candidate;
  }
  // Unreachable for a window with start ≠ end; if it ever happens, hold rather than send.
  return new Date(t);
}

export type FrequencyDecision = { ok: true } | { ok: false; retryAt: Date; reason: 'cooldown' | 'frequency_cap' };

/**
 * Whether one more marketing message may go to a person who received marketing messages at
 * `recent` (epoch ms). Cooldown: a minimum gap after the latest; cap: at most `max` in any
 * window of `windowDays`. A refusal says when the next message would be allowed.
 */
export function frequencyDecision(recent: number[], now: Date, settings: Pick<MessagingSettings, 'cooldownMinutes' | 'frequencyCap'>): FrequencyDecision {
  const t = now.getTime();
  const latest = recent.length ? Math.max(...recent) : undefined;
  const cooldownMs = settings.cooldownMinutes * MINUTE;
  if (latest !== undefined && cooldownMs > 0 && t - latest < cooldownMs) {
    return { ok: false, retryAt: new Date(latest + cooldownMs), reason: 'cooldown' };
  }
  const { max, windowDays } = settings.frequencyCap;
  if (max > 0) {
    const windowMs = windowDays * 86_400_000;
    const inWindow = recent.filter((s) => t - s < windowMs).sort((a, b) => a - b);
    if (inWindow.length >= max) {
      // The next slot frees up when the oldest send that keeps the count at `max` leaves the window.
      return { ok: false, retryAt: new Date(inWindow[inWindow.length - max]! + windowMs), reason: 'frequency_cap' };
    }
  }
  return { ok: true };
}

/** The send history worth keeping: what the cap's window and the cooldown can still see. */
export function trimHistory(recent: number[], now: Date, settings: Pick<MessagingSettings, 'cooldownMinutes' | 'frequencyCap'>): number[] {
  const keepMs = Math.max(settings.frequencyCap.windowDays * 86_400_000, settings.cooldownMinutes * MINUTE);
  const keep = Math.max(settings.frequencyCap.max, 1);
  return recent
    .filter((s) => now.getTime() - s < keepMs)
    .sort((a, b) => a - b)
    .slice(-keep);
}
