import type { ReleaseConfig } from './config.js';
import type { WaveExposure } from './conversion.js';
import { planWave, type WavePlan } from './sizing.js';

export type ReleaseState = 'scheduled' | 'building' | 'waves' | 'public' | 'completed' | 'cancelled';

/** What the workflow knows at the top of each loop (the release clock, not the wall clock). */
export interface Snapshot {
  state: ReleaseState;
  paused: boolean;
  /** Release clock now (ms since the release started; pauses stop it). */
  clockMs: number;
  startAtClockMs?: number;
  audienceBuilt: boolean;
  /** Audience members the cursor has not reached. */
  remaining: number;
  /** A send in progress (a wave, or the closing notices): it is finished before anything else. */
  jobInProgress: boolean;
  freeUnits: number;
  heldUnits: number;
  waves: readonly WaveExposure[];
  conversions: number;
  nextWaveAtClockMs?: number;
  publicAtClockMs?: number;
  /** After the public opening the release watches for the sell-out until then. */
  watchUntilClockMs?: number;
  config: ReleaseConfig;
}

export type Decision =
  | { kind: 'end'; reason: 'cancelled' | 'completed' | 'watch_over' }
  | { kind: 'wait'; seconds: number; reason: 'paused' | 'scheduled' | 'holds' | 'window' | 'pending' | 'watching'; nextWaveAtClockMs?: number; plan?: WavePlan }
  | { kind: 'build_audience' }
  | { kind: 'continue_job' }
  | { kind: 'send_wave'; size: number; plan: WavePlan; nextWaveAtClockMs: number }
  | { kind: 'sold_out' }
  | { kind: 'open_public'; reason: 'time' | 'waitlist_exhausted' };

const MINUTE = 60_000;

/**
 * The release loop's one decision, in priority order: a cancelled release ends; a paused
 * one waits; a send in progress is finished; a scheduled one waits for its start; the
 * audience is built before the first wave; no free and no held units is the sell-out
 * (everyone left is told they keep their place); the public opening comes at its time or
 * when the waitlist is exhausted; units all held wait for holds to lapse or be paid; and
 * otherwise, once the window since the last wave has passed, the next wave is sized from
 * stock and conversions. Between waves the loop still looks every `checkMinutes`.
 */
export function decide(s: Snapshot): Decision {
  const check = Math.min(s.config.checkMinutes, s.config.windowMinutes) * 60;
  if (s.state === 'cancelled') return { kind: 'end', reason: 'cancelled' };
  if (s.state === 'completed') return { kind: 'end', reason: 'completed' };
  if (s.paused) return { kind: 'wait', seconds: s.config.windowMinutes * 60, reason: 'paused' };
  if (s.jobInProgress) return { kind: 'continue_job' };
  if (s.state === 'scheduled' && s.startAtClockMs !== undefined && s.clockMs < s.startAtClockMs) {
    return { kind: 'wait', seconds: Math.ceil((s.startAtClockMs - s.clockMs) / 1000), reason: 'scheduled' };
  }
  if (!s.audienceBuilt) return { kind: 'build_audience' };
  if (s.freeUnits <= 0 && s.heldUnits <= 0) return { kind: 'sold_out' };
  if (s.state === 'public') {
    if (s.watchUntilClockMs !== undefined && s.clockMs >= s.watchUntilClockMs) return { kind: 'end', reason: 'watch_over' };
    // After the opening nothing is time-critical: a look per window is enough.
    return { kind: 'wait', seconds: s.config.windowMinutes * 60, reason: 'watching' };
  }
  if (s.publicAtClockMs !== undefined && s.clockMs >= s.publicAtClockMs) return { kind: 'open_public', reason: 'time' };
  if (s.remaining <= 0) return { kind: 'open_public', reason: 'waitlist_exhausted' };
  if (s.freeUnits <= 0) return { kind: 'wait', seconds: check, reason: 'holds' };
  if (s.nextWaveAtClockMs !== undefined && s.clockMs < s.nextWaveAtClockMs) {
    return { kind: 'wait', seconds: Math.max(1, Math.min(check, Math.ceil((s.nextWaveAtClockMs - s.clockMs) / 1000))), reason: 'window' };
  }
  const plan = planWave({ freeUnits: s.freeUnits, waves: s.waves, conversions: s.conversions, nowMs: s.clockMs, remainingAudience: s.remaining, config: s.config });
  const nextWaveAtClockMs = s.clockMs + s.config.windowMinutes * MINUTE;
  if (plan.size > 0) return { kind: 'send_wave', size: plan.size, plan, nextWaveAtClockMs };
  return { kind: 'wait', seconds: check, reason: 'pending', nextWaveAtClockMs, plan };
}
