import { BUCKET_SIZE, bucketOf } from './model.js';

/**
 * Position-in-line arithmetic over bucket counters (see model.ts). Pure, so it is tested
 * without a table; the repository feeds it the counters it read.
 */
export interface BucketCount {
  bucket: number;
  n: number;
}

/**
 * The 1-based place of the entry with sequence `seq`: active entries in lower buckets, plus
 * the active entries of its own bucket up to and including itself (`countInOwnBucket`).
 */
export function positionOf(seq: number, lowerBuckets: BucketCount[], countInOwnBucket: number): number {
  const own = bucketOf(seq);
  let before = 0;
  for (const b of lowerBuckets) if (b.bucket < own) before += Math.max(0, b.n);
  return before + countInOwnBucket;
}

/** The sequence range `[from, to]` of one bucket. */
export const bucketRange = (bucket: number) => ({ fromSeq: bucket * BUCKET_SIZE, toSeq: bucket * BUCKET_SIZE + BUCKET_SIZE - 1 });

export interface SeqRange {
  fromSeq: number;
  toSeq: number;
  /** Active entries in the range when it was planned. */
  expected: number;
}

/**
 * Cuts a list into sequence ranges of about `perRange` active entries (whole buckets, empty
 * ones skipped), at most `maxRanges` at a time; `nextBucket` says where the next plan starts.
 * A fan-out maps over these ranges in parallel, so its cost grows with pages, not people.
 */
export function planRanges(buckets: BucketCount[], opts: { perRange: number; maxRanges: number; fromBucket?: number }): { ranges: SeqRange[]; nextBucket: number | null } {
  const sorted = buckets.filter((b) => b.n > 0 && b.bucket >= (opts.fromBucket ?? 0)).sort((a, b) => a.bucket - b.bucket);
  const ranges: SeqRange[] = [];
  let current: SeqRange | undefined;
  for (const b of sorted) {
    const r = bucketRange(b.bucket);
    if (current && current.expected + b.n <= opts.perRange) {
      current.toSeq = r.toSeq;
      current.expected += b.n;
      continue;
    }
    if (ranges.length === opts.maxRanges) return { ranges, nextBucket: b.bucket };
    current = { fromSeq: r.fromSeq, toSeq: r.toSeq, expected: b.n };
    ranges.push(current);
  }
  return { ranges, nextBucket: null };
}
