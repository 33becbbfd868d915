import { describe, expect, it } from 'vitest';
import { classify, classStats, classifyStats } from '../../../shared/forecasting/classify.js';
import { toSeries } from '../../../shared/forecasting/series.js';

const cls = (v: number[], opts = {}, censored?: boolean[]) => classify(toSeries(v, censored), opts).demandClass;

describe('Syntetos–Boylan classification', () => {
  it('computes ADI and CV² by hand', () => {
    // 4 demands in 10 periods → ADI 2.5; sizes 2,4,2,4: mean 3, var 1 → CV² 1/9.
    const s = classStats(toSeries([0, 2, 0, 4, 0, 0, 2, 0, 4, 0]));
    expect(s.adi).toBeCloseTo(2.5, 12);
    expect(s.cv2).toBeCloseTo(1 / 9, 12);
    expect(s.nonZero).toBe(4);
    expect(s.trailingZeros).toBe(1);
  });

  it('smooth: frequent demand, stable sizes', () => {
    expect(cls([10, 11, 9, 10, 12, 10, 9, 11, 10, 10])).toBe('smooth');
  });

  it('erratic: frequent demand, variable sizes (CV² ≥ 0.49)', () => {
    // sizes 1 and 9 alternating: mean 5, var 16 → CV² 0.64.
    expect(cls([1, 9, 1, 9, 1, 9, 1, 9, 1, 9])).toBe('erratic');
  });

  it('intermittent: sparse demand, stable sizes', () => {
    expect(cls([0, 0, 3, 0, 0, 3, 0, 0, 4, 0, 0, 3])).toBe('intermittent');
  });

  it('lumpy: sparse demand, variable sizes', () => {
    expect(cls([0, 0, 1, 0, 0, 12, 0, 0, 1, 0, 0, 15])).toBe('lumpy');
  });

  it('the cut-offs are ADI 1.32 and CV² 0.49', () => {
    const base = { observed: 100, nonZero: 100, adi: 1.31, cv2: 0.48, trailingZeros: 0, mean: 1 };
    expect(classifyStats(base)).toBe('smooth');
    expect(classifyStats({ ...base, adi: 1.32 })).toBe('intermittent');
    expect(classifyStats({ ...base, cv2: 0.49 })).toBe('erratic');
    expect(classifyStats({ ...base, adi: 1.32, cv2: 0.49 })).toBe('lumpy');
  });

  it('new: too little observed history', () => {
    expect(cls([3, 4, 5], { minHistory: 8 })).toBe('new');
  });

  it('dead: a long trailing zero run that is improbable under the earlier rate', () => {
    const v = [...Array.from({ length: 30 }, () => 2), ...Array.from({ length: 20 }, () => 0)];
    expect(cls(v, { deadAfter: 10 })).toBe('dead');
    // A slow mover (1 sale in 10 days) with a 12-day gap is not dead: (0.9)^12 ≈ 0.28.
    const slow = [...Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 1 : 0)), ...Array.from({ length: 12 }, () => 0)];
    expect(cls(slow, { deadAfter: 10 })).not.toBe('dead');
  });

  it('censored (out-of-stock) days are ignored, not counted as zero demand', () => {
    const v = [5, 5, 0, 0, 0, 0, 5, 5, 5, 0, 0, 5, 5, 5];
    const oos = v.map((x) => x === 0);
    expect(cls(v)).toBe('intermittent');
    expect(cls(v, {}, oos)).toBe('smooth');
    // A trailing out-of-stock spell cannot make a SKU dead.
    const tail = [...Array.from({ length: 30 }, () => 2), ...Array.from({ length: 20 }, () => 0)];
    expect(cls(tail, { deadAfter: 10 }, tail.map((_, i) => i >= 30))).toBe('smooth');
  });
});
