import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKET_SIZE, bucketOf } from '../../../shared/waitlist/model.js';
import { planRanges, positionOf } from '../../../shared/waitlist/position.js';

/** A line as the table holds it: active sequences, and their per-bucket counters. */
function lineOf(active: number[]) {
  const counts = new Map<number, number>();
  for (const s of active) counts.set(bucketOf(s), (counts.get(bucketOf(s)) ?? 0) + 1);
  return [...counts].map(([bucket, n]) => ({ bucket, n }));
}

describe('position in line from bucket counters', () => {
  it('counts active entries before, in lower buckets and its own', () => {
    const active = [1, 5, 999, 1000, 1500, 2400];
    const buckets = lineOf(active);
    // seq 1500: 3 in bucket 0, then 1000 and itself in bucket 1.
    expect(positionOf(1500, buckets, 2)).toBe(5);
    expect(positionOf(1, buckets, 1)).toBe(1);
  });

  it('equals the rank among active entries for any line (cancellations included)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 20 * BUCKET_SIZE }), { minLength: 1, maxLength: 300 }), fc.nat(), (seqs, pick) => {
        const active = [...seqs].sort((a, b) => a - b);
        const mine = active[pick % active.length]!;
        const ownBucketUpToMe = active.filter((s) => bucketOf(s) === bucketOf(mine) && s <= mine).length;
        expect(positionOf(mine, lineOf(active), ownBucketUpToMe)).toBe(active.indexOf(mine) + 1);
      }),
    );
  });

  it('ignores counters of its own and later buckets (they are counted exactly, not from counters)', () => {
    expect(positionOf(10, [{ bucket: 0, n: 500 }, { bucket: 3, n: 7 }], 4)).toBe(4);
  });
});

describe('planning fan-out ranges', () => {
  it('groups whole buckets up to the target size and skips empty ones', () => {
    const plan = planRanges(
      [
        { bucket: 0, n: 800 },
        { bucket: 1, n: 0 },
        { bucket: 2, n: 700 },
        { bucket: 3, n: 900 },
      ],
      { perRange: 2000, maxRanges: 10 },
    );
    expect(plan).toEqual({ ranges: [{ fromSeq: 0, toSeq: 2999, expected: 1500 }, { fromSeq: 3000, toSeq: 3999, expected: 900 }], nextBucket: null });
  });

  it('stops at maxRanges and says where to continue', () => {
    const buckets = Array.from({ length: 10 }, (_, bucket) => ({ bucket, n: 1000 }));
    const first = planRanges(buckets, { perRange: 1000, maxRanges: 3 });
    expect(first.ranges.map((r) => r.fromSeq)).toEqual([0, 1000, 2000]);
    expect(first.nextBucket).toBe(3);
    const second = planRanges(buckets, { perRange: 1000, maxRanges: 100, fromBucket: first.nextBucket! });
    expect(second.ranges).toHaveLength(7);
    expect(second.nextBucket).toBeNull();
  });

  it('covers every active entry exactly once across rounds, for any counters', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ bucket: fc.integer({ min: 0, max: 500 }), n: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 80 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 7 }), (raw, perRange, maxRanges) => {
        const byBucket = new Map(raw.map((b) => [b.bucket, b]));
        const buckets = [...byBucket.values()];
        let from: number | null = 0;
        const covered: number[] = [];
        let rounds = 0;
        while (from !== null && rounds++ < 1000) {
          const plan = planRanges(buckets, { perRange, maxRanges, fromBucket: from });
          for (const r of plan.ranges) for (const b of buckets) if (b.n > 0 && b.bucket * BUCKET_SIZE >= r.fromSeq && b.bucket * BUCKET_SIZE <= r.toSeq) covered.push(b.bucket);
          from = plan.nextBucket;
        }
        expect(covered.sort((a, b) => a - b)).toEqual(buckets.filter((b) => b.n > 0).map((b) => b.bucket).sort((a, b) => a - b));
      }),
    );
  });
});
