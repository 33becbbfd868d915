import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RELEASE_CONFIG, resolveConfig } from '../../../shared/release/config.js';
import { posterior } from '../../../shared/release/conversion.js';
import { responded } from '../../../shared/release/response.js';
import { planWave } from '../../../shared/release/sizing.js';

const HOUR = 3_600_000;
const config = DEFAULT_RELEASE_CONFIG;

describe('response curve (the decaying buy probability)', () => {
  it('matches the published open-time shape: ~¼ in the first hour, ~½ by 6 h, ~80 % by a day', () => {
    expect(responded(config.response, 1)).toBeGreaterThan(0.2);
    expect(responded(config.response, 1)).toBeLessThan(0.32);
    expect(responded(config.response, 6)).toBeGreaterThan(0.45);
    expect(responded(config.response, 6)).toBeLessThan(0.56);
    expect(responded(config.response, 24)).toBeGreaterThan(0.75);
    expect(responded(config.response, 24)).toBeLessThan(0.88);
  });

  it('is a distribution function: 0 at 0, increasing, below 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(responded(config.response, lo)).toBeLessThanOrEqual(responded(config.response, hi) + 1e-12);
        expect(responded(config.response, hi)).toBeLessThanOrEqual(1);
      }),
    );
    expect(responded(config.response, 0)).toBe(0);
  });
});

describe('Bayesian buy-rate estimate', () => {
  it('starts at the prior mean', () => {
    expect(posterior({ alpha: 1, beta: 9 }, [], 0, 0, config.response).mean).toBeCloseTo(0.1);
  });

  it('falls as exposure grows with no sales, rises with sales', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.1, max: 200, noNaN: true }), fc.double({ min: 0.1, max: 200, noNaN: true }), (size, h1, h2) => {
        const [early, late] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const waves = [{ delivered: size, sentAtMs: 0 }];
        const atEarly = posterior(config.prior, waves, 0, early * HOUR, config.response);
        const atLate = posterior(config.prior, waves, 0, late * HOUR, config.response);
        expect(atLate.mean).toBeLessThanOrEqual(atEarly.mean + 1e-12);
        const withSales = posterior(config.prior, waves, Math.ceil(size / 10), late * HOUR, config.response);
        expect(withSales.mean).toBeGreaterThanOrEqual(atLate.mean);
      }),
    );
  });
});

describe('wave sizing', () => {
  const arb = fc.record({
    freeUnits: fc.integer({ min: 0, max: 500 }),
    remaining: fc.integer({ min: 0, max: 100_000 }),
    waves: fc.array(fc.record({ delivered: fc.integer({ min: 0, max: 2000 }), sentAtMs: fc.integer({ min: 0, max: 48 * HOUR }) }), { maxLength: 6 }),
    conversions: fc.integer({ min: 0, max: 100 }),
  });

  it('never exceeds the audience left or the maximum, and sends nothing without free units', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const plan = planWave({ freeUnits: a.freeUnits, waves: a.waves, conversions: a.conversions, nowMs: 48 * HOUR, remainingAudience: a.remaining, config });
        expect(plan.size).toBeLessThanOrEqual(a.remaining);
        expect(plan.size).toBeLessThanOrEqual(config.maxWave);
        expect(plan.size).toBeGreaterThanOrEqual(0);
        if (a.freeUnits === 0) expect(plan.size).toBe(0);
        if (plan.size > 0) expect(plan.reason).toBe('sized');
      }),
    );
  });

  it('grows with the free units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (u1, u2) => {
        const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const at = (u: number) => planWave({ freeUnits: u, waves: [], conversions: 0, nowMs: 0, remainingAudience: 1_000_000, config }).size;
        expect(at(lo)).toBeLessThanOrEqual(at(hi));
      }),
    );
  });

  it('500 waiting, 3 units, no sales: each wave is larger than the one before', () => {
    const waves: { delivered: number; sentAtMs: number }[] = [];
    let remaining = 500;
    const sizes: number[] = [];
    for (let hour = 0; hour < 24 && remaining > 0; hour += 2) {
      const plan = planWave({ freeUnits: 3, waves, conversions: 0, nowMs: hour * HOUR, remainingAudience: remaining, config: resolveConfig({ windowMinutes: 120 }) });
      if (!plan.size) continue;
      sizes.push(plan.size);
      waves.push({ delivered: plan.size, sentAtMs: hour * HOUR });
      remaining -= plan.size;
    }
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    // Growing until the list runs out (the last wave may be capped by the people left).
    for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]!).toBeGreaterThan(sizes[i - 1]!);
    expect(sizes.reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(500);
  });

  it('sends fewer when the first wave is buying fast', () => {
    const base = { freeUnits: 5, nowMs: 2 * HOUR, remainingAudience: 10_000, config, waves: [{ delivered: 60, sentAtMs: 0 }] };
    expect(planWave({ ...base, conversions: 4 }).size).toBeLessThan(planWave({ ...base, conversions: 0 }).size);
  });
});
