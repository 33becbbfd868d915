import type { ResponseCurve } from './config.js';
import { exponential, type Random } from './random.js';

const HOUR = 3_600_000;

/**
 * The share of a message's eventual responses (clicks, purchases) that have happened
 * `hours` after it was sent: a fast group that reacts within the hour and a slow tail over
 * days. This is the "decaying buy probability": the hazard of acting falls with time since
 * the message, and a wave's exposure is this curve at its age.
 */
export function responded(curve: ResponseCurve, hours: number): number {
  if (!(hours > 0)) return 0;
  const fast = 1 - Math.exp(-hours / curve.fastMeanHours);
  const slow = 1 - Math.exp(-hours / curve.slowMeanHours);
  return curve.fastShare * fast + (1 - curve.fastShare) * slow;
}

/** Hours between the message and a response, drawn from the curve. */
export function sampleDelayHours(curve: ResponseCurve, random: Random): number {
  return exponential(random, random() < curve.fastShare ? curve.fastMeanHours : curve.slowMeanHours);
}

export const hoursBetween = (fromMs: number, toMs: number) => Math.max(0, (toMs - fromMs) / HOUR);
