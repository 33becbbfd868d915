/**
 * Speed on generated daily series of 730 points (two years), intermittent and smooth.
 */
import { buildContext } from '../../shared/forecasting/seasonality.js';
import { fitModel } from '../../shared/forecasting/select.js';
import { forecastSku } from '../../shared/forecasting/sku.js';
import type { ModelName } from '../../shared/forecasting/types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDaily(kind: 'smooth' | 'intermittent', count: number, n = 730, seed = 1): Float64Array[] {
  const r = rng(seed);
  const out: Float64Array[] = [];
  const week = [0.9, 0.95, 1, 1, 1.05, 1.4, 0.7];
  for (let k = 0; k < count; k++) {
    const y = new Float64Array(n);
    const level = 5 + r() * 40;
    const p = 0.05 + r() * 0.2;
    for (let t = 0; t < n; t++) {
      if (kind === 'smooth') {
        const mu = level * week[t % 7]! * (1 + (0.3 * t) / n);
        y[t] = Math.max(0, Math.round(mu + (r() - 0.5) * Math.sqrt(mu) * 3));
      } else {
        y[t] = r() < p ? 1 + Math.floor(r() * r() * 6) : 0;
      }
    }
    out.push(y);
  }
  return out;
}

export interface TimingRow {
  kind: string;
  model: ModelName;
  microsPerFit: number;
}

export const TIMED_MODELS: readonly ModelName[] = ['ses', 'holt_damped', 'theta', 'seasonal_es', 'croston', 'sba', 'tsb', 'adida', 'imapa'];

export function timeModelFits(seriesPerKind = 100, reps = 5): TimingRow[] {
  const rows: TimingRow[] = [];
  for (const kind of ['smooth', 'intermittent'] as const) {
    const data = generateDaily(kind, seriesPerKind, 730, kind === 'smooth' ? 11 : 23);
    const ctxs = data.map((y) => buildContext(y, 7));
    for (const model of TIMED_MODELS) {
      // Warm-up so the JIT has optimised the loops before timing.
      for (let i = 0; i < data.length; i++) fitModel(model, data[i]!, 730, ctxs[i]!);
      // Best of `reps` rounds: the machine may be shared, and the minimum is the least
      // disturbed measurement of the same work.
      let best = Infinity;
      let fits = 0;
      for (let r = 0; r < reps; r++) {
        fits = 0;
        const t0 = performance.now();
        for (let i = 0; i < data.length; i++) {
          if (fitModel(model, data[i]!, 730, ctxs[i]!) !== null) fits++;
        }
        best = Math.min(best, performance.now() - t0);
      }
      if (fits > 0) rows.push({ kind, model, microsPerFit: (best * 1000) / fits });
    }
  }
  return rows;
}

/** Full nightly pipeline (classification, selection, backtests, reorder point) per SKU. */
export function timeSkuPipeline(seriesPerKind = 100, reps = 3): { seriesPerSecond: number; msPerSeries: number } {
  const data = [...generateDaily('smooth', seriesPerKind, 730, 5), ...generateDaily('intermittent', seriesPerKind, 730, 6)];
  const run = (y: Float64Array) =>
    forecastSku({ history: y, asOf: '2025-01-01', horizonDays: 28, onHand: 20, leadTimeDays: 10, leadTimeSdDays: 2, reviewPeriodDays: 7 });
  for (const y of data.slice(0, 20)) run(y);
  let ms = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (const y of data) run(y);
    ms = Math.min(ms, performance.now() - t0);
  }
  return { seriesPerSecond: (data.length * 1000) / ms, msPerSeries: ms / data.length };
}
