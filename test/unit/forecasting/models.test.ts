import { describe, expect, it } from 'vitest';
import { ConstantFit, MeanCombination } from '../../../shared/forecasting/models/combine.js';
import {
  aggregate,
  fitAdida,
  fitCroston,
  fitImapa,
  fitTsb,
  FlatFit,
  rateTarget,
} from '../../../shared/forecasting/models/intermittent.js';
import {
  dampedProfiledSse,
  fitHoltDamped,
  fitSeasonalEs,
  fitSes,
  fitTheta,
  sesProfiledSse,
  SmoothFit,
} from '../../../shared/forecasting/models/smooth.js';
import { buildContext, multiplicativeIndices, seasonalityTest } from '../../../shared/forecasting/seasonality.js';

const f64 = (v: number[]) => Float64Array.from(v);
const fc = (m: { forecast(h: number, out: Float64Array): void }, h: number) => {
  const out = new Float64Array(h);
  m.forecast(h, out);
  return Array.from(out);
};

describe('Croston / SBA (hand-computed, α = 0.1)', () => {
  // Demands 3 @ interval 3, 2 @ interval 2, 4 @ interval 3.
  const y = f64([0, 0, 3, 0, 2, 0, 0, 4]);
  it('Croston: z = 3.01, p = 2.91', () => {
    // init z=3, p=3; then z = 3 + .1(2-3) = 2.9, p = 3 + .1(2-3) = 2.9; then z = 2.9 + .1(4-2.9) = 3.01, p = 2.9 + .1(3-2.9) = 2.91.
    const m = new FlatFit('croston', 'croston', y, y.length, 0.1, 0, 0, 0);
    expect(m.rate).toBeCloseTo(3.01 / 2.91, 12);
  });
  it('SBA: Croston × (1 − α/2)', () => {
    const m = new FlatFit('sba', 'sba', y, y.length, 0.1, 0, 0, 0);
    expect(m.rate).toBeCloseTo((0.95 * 3.01) / 2.91, 12);
  });
  it('censored periods do not lengthen the interval', () => {
    const withGap = f64([0, 0, 3, 0, NaN, NaN, 2, 0, 0, 4]);
    const m = new FlatFit('croston', 'croston', withGap, withGap.length, 0.1, 0, 0, 0);
    expect(m.rate).toBeCloseTo(3.01 / 2.91, 12);
  });
  it('fitted α comes from the grid and the rate stays positive', () => {
    const m = fitCroston(y);
    expect([0.05, 0.1, 0.15, 0.2, 0.3]).toContain(m.alpha);
    expect(m.rate).toBeGreaterThan(0);
  });
});

describe('TSB (hand-computed)', () => {
  it('updates probability every period and size on demand', () => {
    // α (size) 0.2, β (probability) 0.1, p0 0.5, z0 2 → p 0.45, 0.505, 0.4545, 0.40905, 0.468145; z 2.2 then 2.76.
    const y = f64([0, 3, 0, 0, 5]);
    const m = new FlatFit('tsb', 'tsb', y, y.length, 0.2, 0.1, 0.5, 2);
    expect(m.rate).toBeCloseTo(0.468145 * 2.76, 10);
  });
  it('decays towards zero after demand stops (obsolescence)', () => {
    const y = f64([...Array.from({ length: 20 }, (_, i) => (i % 2 ? 2 : 0)), ...Array.from({ length: 30 }, () => 0)]);
    const m = fitTsb(y, y.length, 'mse');
    const active = fitTsb(y, 20, 'mse');
    expect(m.rate).toBeLessThan(active.rate * 0.5);
    expect(fitTsb(y, y.length, 'mar').rate).toBeGreaterThanOrEqual(0);
  });
  it('MAR target is the expanding mean, frozen over the first 30 %', () => {
    const t = rateTarget(f64([0, 2, 0, 2, 4, 0, 0, 0, 1, 1]), 10);
    // 30 % of 10 = 3 observations: mean of [0,2,0] = 2/3 is used for the first three.
    expect(Array.from(t.subarray(0, 3))).toEqual([2 / 3, 2 / 3, 2 / 3]);
    expect(t[4]).toBeCloseTo(8 / 5, 12);
    expect(t[9]).toBeCloseTo(10 / 10, 12);
  });
});

describe('ADIDA / iMAPA', () => {
  it('aggregates k observed periods per bucket, aligned to the end', () => {
    const a = aggregate(f64([0, 2, 0, 0, 3, 0, 1, 0, 0]), 9, 3);
    expect(Array.from(a.sums)).toEqual([2, 3, 1]);
    expect(Array.from(a.ends)).toEqual([2, 5, 8]);
    // The censored period is skipped: buckets are (1, 2) and (3, 4).
    const b = aggregate(f64([1, NaN, 2, 3, 4]), 5, 2);
    expect(Array.from(b.sums)).toEqual([3, 7]);
    expect(Array.from(b.ends)).toEqual([2, 4]);
  });
  it('ADIDA forecasts the bucket level spread over k periods', () => {
    // Every bucket of 3 holds exactly 3 units → level 3 → 1 per period.
    const y = f64(Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? 3 : 0)));
    const m = fitAdida(y);
    expect(fc(m, 3)).toEqual([1, 1, 1].map((v) => expect.closeTo(v, 6)));
  });
  it('iMAPA averages the aggregation levels', () => {
    const y = f64(Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 4 : 0)));
    const v = fc(fitImapa(y), 2);
    expect(v[0]).toBeGreaterThan(0.7);
    expect(v[0]).toBeLessThan(1.3);
  });
});

describe('SES / damped Holt / Theta (hand-computed)', () => {
  it('SES with α = 0.5 from level 10', () => {
    // levels 11, 9.5, 9.75
    const m = new SmoothFit('ses', f64([12, 8, 10]), 3, null, 0.5, 0, 1, 10, 0, 0);
    expect(fc(m, 2)).toEqual([9.75, 9.75]);
  });
  it('the profiled initial level minimises the SSE', () => {
    const y = f64([5, 7, 6, 9, 8, 10, 9]);
    const sse = sesProfiledSse(y, y.length, 0.3);
    const m = fitSes(buildContext(y, 1));
    expect(sse).toBeGreaterThan(0);
    // Brute force: SSE at l0 ± δ is never lower.
    const sseAt = (l0: number) => {
      let l = l0;
      let s = 0;
      for (const v of y) {
        s += (v - l) ** 2;
        l += 0.3 * (v - l);
      }
      return s;
    };
    let best = Infinity;
    for (let l0 = 0; l0 <= 15; l0 += 0.001) best = Math.min(best, sseAt(l0));
    expect(sse).toBeCloseTo(best, 5);
    expect(m.alpha).toBeGreaterThan(0);
  });
  it('damped Holt with α .5, β .1, φ .9 from l0 10, b0 1', () => {
    // t0: f 10.9, e .1 → l 10.95, b .91; t1: f 11.769, e 1.231 → l 12.3845, b .9421.
    const m = new SmoothFit('holt_damped', f64([11, 13]), 2, null, 0.5, 0.1, 0.9, 10, 1, 0);
    const [h1, h2] = fc(m, 2);
    expect(h1).toBeCloseTo(12.3845 + 0.9 * 0.9421, 10);
    expect(h2).toBeCloseTo(12.3845 + 1.71 * 0.9421, 10);
  });
  it('profiled initial states fit a straight line exactly when φ = 1 (Holt linear)', () => {
    const y = f64(Array.from({ length: 12 }, (_, i) => 5 + 2 * i));
    expect(dampedProfiledSse(y, 12, 0.5, 0.2, 1)).toBeLessThan(1e-5);
    // Damped (φ < 1) cannot, but comes close on the last steps.
    expect(dampedProfiledSse(y, 12, 0.5, 0.2, 0.98)).toBeLessThan(1);
    const m = fitHoltDamped(buildContext(y, 1));
    expect(fc(m, 1)[0]).toBeGreaterThan(28);
    expect(fc(m, 1)[0]).toBeLessThan(29.01);
  });
  it('Theta = SES + half the OLS slope × (h − 1 + (1 − (1−α)^n)/α) (Hyndman & Billah 2003)', () => {
    // α .5, l0 1 on 1,2,3,4 → level 3.125; slope 1 → drift .5; h=1: 3.125 + .5·1.875.
    const m = new SmoothFit('theta', f64([1, 2, 3, 4]), 4, null, 0.5, 0, 1, 1, 0, 0.5);
    const [h1, h2] = fc(m, 2);
    expect(h1).toBeCloseTo(4.0625, 12);
    expect(h2).toBeCloseTo(4.5625, 12);
  });
  it('fitted Theta on a straight line extrapolates with half the slope', () => {
    const y = f64(Array.from({ length: 10 }, (_, i) => i));
    const [h1, h2, h3] = fc(fitTheta(buildContext(y, 1)), 3);
    expect(h1).toBeCloseTo(9.5, 2);
    expect(h2! - h1!).toBeCloseTo(0.5, 6);
    expect(h3! - h2!).toBeCloseTo(0.5, 6);
  });
});

describe('seasonality', () => {
  const s = [0.8, 1.2, 1.1, 0.9];
  const y = f64(Array.from({ length: 48 }, (_, t) => (100 + t) * s[t % 4]!));
  it('detects a seasonal pattern and not white noise', () => {
    expect(seasonalityTest(y, 4)).toBe(true);
    let seed = 7;
    const noise = f64(Array.from({ length: 48 }, () => 100 + ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10));
    expect(seasonalityTest(noise, 4)).toBe(false);
  });
  it('classical multiplicative decomposition recovers the indices', () => {
    const idx = multiplicativeIndices(y, 4)!;
    for (let p = 0; p < 4; p++) expect(idx[p]).toBeCloseTo(s[p]!, 2);
  });
  it('seasonal models reproduce the pattern', () => {
    const ctx = buildContext(y, 4);
    expect(ctx.seasonal).not.toBeNull();
    const f = fc(fitTheta(ctx), 4);
    // t = 48 is position 0 (index .8), t = 49 position 1 (1.2).
    expect(f[1]! / f[0]!).toBeCloseTo(1.2 / 0.8, 1);
    const hw = fitSeasonalEs(y, 4)!;
    const g = fc(hw, 4);
    expect(g[1]!).toBeGreaterThan(g[0]!);
  });
});

describe('combinations and backtests', () => {
  it('mean combination averages member forecasts', () => {
    const y = f64([2, 2, 2, 4]);
    const comb = new MeanCombination('mean', [new ConstantFit('naive', y, 4), new ConstantFit('zero', y, 4)], 4);
    expect(fc(comb, 2)).toEqual([2, 2]);
  });
  it('cumulative forecasts replay each origin', () => {
    const y = f64([1, 2, 3]);
    const out = new Float64Array(3);
    new ConstantFit('naive', y, 3).cumulativeForecasts(2, out);
    expect(Array.from(out)).toEqual([2, 4, 6]);
    const s = new SmoothFit('ses', f64([12, 8, 10]), 3, null, 0.5, 0, 1, 10, 0, 0);
    s.cumulativeForecasts(2, out);
    expect(Array.from(out)).toEqual([22, 19, 19.5]);
  });
});
