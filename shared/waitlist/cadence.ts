import type { WaitlistEntry } from './model.js';
import type { WaitlistSettings } from './settings.js';

/**
 * The drip rules for one waiting entry, as pure functions of the entry, the time and the
 * tenant's settings. Fan-outs read a page of entries and ask these what to do with each, so
 * the rules hold per person however the pages are cut and however often a fan-out runs.
 */

const DAY_MS = 86_400_000;
const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);

export type UpdateVerdict = { send: true } | { send: false; reason: 'max_updates' | 'cadence' | 'not_silent' | 'already_applied' | 'not_active' };

type Cadence = Pick<WaitlistSettings, 'dripCadenceDays' | 'maxUpdates' | 'silenceDays'>;
type DripEntry = Pick<WaitlistEntry, 'status' | 'updatesSent' | 'lastUpdateAt' | 'lastMessageAt' | 'activatedAt' | 'lastCampaign' | 'keepUntil'>;

/**
 * May this entry get a step-2 update now? Never more often than the cadence, at most
 * `maxUpdates` in all; a "still working" update also needs `silenceDays` without any message.
 */
export function updateVerdict(entry: DripEntry, now: Date, s: Cadence, kind: 'eta' | 'still_working', campaignId?: string): UpdateVerdict {
  if (entry.status !== 'active') return { send: false, reason: 'not_active' };
  if (campaignId && entry.lastCampaign === campaignId) return { send: false, reason: 'already_applied' };
  if (entry.updatesSent >= s.maxUpdates) return { send: false, reason: 'max_updates' };
  const t = now.getTime();
  const lastUpdate = ms(entry.lastUpdateAt);
  if (lastUpdate !== undefined && t - lastUpdate < s.dripCadenceDays * DAY_MS) return { send: false, reason: 'cadence' };
  if (kind === 'still_working') {
    const lastHeard = ms(entry.lastMessageAt) ?? ms(entry.activatedAt);
    if (lastHeard !== undefined && t - lastHeard < s.silenceDays * DAY_MS) return { send: false, reason: 'not_silent' };
  }
  return { send: true };
}

export type SweepAction =
  | { action: 'expire' }
  | { action: 'ask_still_interested'; keepUntil: string }
  | { action: 'still_working' }
  | { action: 'none' };

/**
 * What the daily sweep does with an active entry: remove it if its "still interested?"
 * went unanswered, ask the question when the entry is due for review, else maybe a
 * "we are working on it" update after a silence.
 */
export function sweepAction(entry: DripEntry & Pick<WaitlistEntry, 'reviewAt'>, now: Date, s: Cadence & Pick<WaitlistSettings, 'keepGraceDays'>): SweepAction {
  if (entry.status !== 'active') return { action: 'none' };
  const t = now.getTime();
  const keepUntil = ms(entry.keepUntil);
  if (keepUntil !== undefined) return t >= keepUntil ? { action: 'expire' } : { action: 'none' };
  const reviewAt = ms(entry.reviewAt);
  if (reviewAt !== undefined && t >= reviewAt) return { action: 'ask_still_interested', keepUntil: new Date(t + s.keepGraceDays * DAY_MS).toISOString() };
  if (updateVerdict(entry, now, s, 'still_working').send) return { action: 'still_working' };
  return { action: 'none' };
}

/**
 * Can a whole list skip an ETA fan-out? Only when its last one is within the cadence and
 * nobody joined since: then every entry would be refused by `updateVerdict` anyway.
 */
export function listSkipsEtaFanOut(summary: { lastEtaFanOutAt?: string; lastActivatedAt?: string; active: number }, now: Date, s: Cadence): boolean {
  if (summary.active <= 0 || s.maxUpdates === 0) return true;
  const last = ms(summary.lastEtaFanOutAt);
  if (last === undefined || now.getTime() - last >= s.dripCadenceDays * DAY_MS) return false;
  const joined = ms(summary.lastActivatedAt);
  return joined === undefined || joined <= last;
}

export const addDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS).toISOString();
