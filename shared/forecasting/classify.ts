/**
 * Demand classification: Syntetos, Boylan & Croston (2005) cut-offs on the average
 * inter-demand interval (ADI) and the squared coefficient of variation of non-zero
 * demand sizes (CV²), plus `new` and `dead`. Only observed (uncensored) periods count.
 */
import type { ClassStats, DemandClass } from './types.js';

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export interface ClassifyOptions {
  /** Fewer observed periods than this → `new`. */
  minHistory?: number;
  /** A trailing run of observed zeros at least this long can make a series `dead`. */
  deadAfter?: number;
  /**
   * The run must also be this unlikely under the series' own earlier demand rate p:
   * (1 − p)^run < deadProbability. Keeps slow movers with a normal gap from being buried.
   */
  deadProbability?: number;
}

export function classStats(y: Float64Array, n = y.length): ClassStats {
  let observed = 0;
  let nonZero = 0;
  let sum = 0;
  let sumNz = 0;
  let sumNz2 = 0;
  let trailingZeros = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (!(v === v)) continue;
    observed++;
    sum += v;
    if (v > 0) {
      nonZero++;
      sumNz += v;
      sumNz2 += v * v;
      trailingZeros = 0;
    } else trailingZeros++;
  }
  let cv2 = 0;
  if (nonZero > 0) {
    const m = sumNz / nonZero;
    const varNz = Math.max(0, sumNz2 / nonZero - m * m);
    cv2 = m > 0 ? varNz / (m * m) : 0;
  }
  return {
    observed,
    nonZero,
    adi: nonZero > 0 ? observed / nonZero : Infinity,
    cv2,
    trailingZeros,
    mean: observed > 0 ? sum / observed : 0,
  };
}

export function classifyStats(s: ClassStats, opts: ClassifyOptions = {}): DemandClass {
  const minHistory = opts.minHistory ?? 8;
  const deadAfter = opts.deadAfter ?? Infinity;
  const deadProbability = opts.deadProbability ?? 0.01;
  if (s.observed < minHistory) return 'new';
  if (s.trailingZeros >= deadAfter) {
    const before = s.observed - s.trailingZeros;
    const p = before > 0 ? s.nonZero / before : 0;
    if (p === 0 || Math.pow(1 - p, s.trailingZeros) < deadProbability) return 'dead';
  }
  if (s.nonZero === 0) return 'dead';
  const frequent = s.adi < ADI_CUTOFF;
  const regular = s.cv2 < CV2_CUTOFF;
  if (frequent) return regular ? 'smooth' : 'erratic';
  return regular ? 'intermittent' : 'lumpy';
}

export function classify(y: Float64Array, opts: ClassifyOptions = {}): { demandClass: DemandClass; stats: ClassStats } {
  const stats = classStats(y);
  return { demandClass: classifyStats(stats, opts), stats };
}

export function isIntermittentClass(c: DemandClass): boolean {
  return c === 'intermittent' || c === 'lumpy';
}
