import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../shared/release/random.js';
import { probeOrder, rebalance, shardCountFor, splitUnits } from '../../../shared/release/shards.js';

describe('hold-pool shards', () => {
  it('split units evenly and exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 100 }), (units, shards) => {
        const parts = splitUnits(units, shards);
        expect(parts).toHaveLength(shards);
        expect(parts.reduce((s, v) => s + v, 0)).toBe(units);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('size the pool to the units: 1 to 32 shards, never more shards than units', () => {
    expect(shardCountFor(1)).toBe(1);
    expect(shardCountFor(3)).toBe(1);
    expect(shardCountFor(100)).toBe(10);
    expect(shardCountFor(100_000)).toBe(32);
    expect(shardCountFor(5, 10)).toBe(5);
  });

  it('probe every shard once, starting anywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer(), (n, seed) => {
        const order = probeOrder(n, seeded(seed));
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
    const firsts = new Set(Array.from({ length: 200 }, (_, s) => probeOrder(8, seeded(s))[0]));
    expect(firsts.size).toBe(8);
  });

  it('rebalance reaches the target without driving a shard below zero', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 1500 }), (current, target) => {
        const deltas = rebalance(current, target);
        const after = current.map((v, i) => v + deltas[i]!);
        for (const v of after) expect(v).toBeGreaterThanOrEqual(0);
        expect(after.reduce((s, v) => s + v, 0)).toBe(target);
      }),
    );
  });
});
