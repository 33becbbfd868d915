import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RELEASE_CONFIG } from '../../../shared/release/config.js';
import { seeded } from '../../../shared/release/random.js';
import { simulate, simulateRun, type Policy, type ShopperModel } from '../../../shared/release/simulate.js';

const shoppers: ShopperModel = { clickThrough: 0.2, buyGivenClick: 0.5, response: DEFAULT_RELEASE_CONFIG.response, noticeSeen: 0.85 };
const policies: Policy[] = [{ kind: 'notify_all' }, { kind: 'batches', perUnit: 5, everyHours: 1 }, { kind: 'waves', config: DEFAULT_RELEASE_CONFIG }];

describe('shopper simulation', () => {
  it('conserves units and people under every policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 400 }), fc.integer(), fc.constantFrom(...policies), (units, waiting, seed, policy) => {
        const r = simulateRun({ name: 'p', units, waiting }, policy, shoppers, seeded(seed));
        expect(r.sold24h).toBeLessThanOrEqual(units);
        expect(r.notified + r.neverTold).toBeLessThanOrEqual(waiting);
        expect(r.disappointed).toBeLessThanOrEqual(r.notified);
        if (policy.kind !== 'batches') expect(r.neverTold).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('repeats exactly for a seed', () => {
    const a = simulate({ name: 'x', units: 3, waiting: 500 }, policies[2]!, shoppers, 20, 42);
    const b = simulate({ name: 'x', units: 3, waiting: 500 }, policies[2]!, shoppers, 20, 42);
    expect(a).toEqual(b);
  });

  it('3 units, 500 waiting: waves disappoint far fewer than notifying everyone and leave nobody untold', () => {
    const all = simulate({ name: 'x', units: 3, waiting: 500 }, policies[0]!, shoppers, 100, 7);
    const hourly = simulate({ name: 'x', units: 3, waiting: 500 }, policies[1]!, shoppers, 100, 7);
    const waves = simulate({ name: 'x', units: 3, waiting: 500 }, policies[2]!, shoppers, 100, 7);
    expect(waves.disappointed * 5).toBeLessThan(all.disappointed);
    expect(waves.neverTold).toBe(0);
    expect(hourly.neverTold).toBeGreaterThan(0);
    expect(waves.sellOutHoursMedian!).toBeLessThanOrEqual(hourly.sellOutHoursMedian!);
  });
});
