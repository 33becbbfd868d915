import type { Random } from './random.js';

/**
 * The hold pool is split into shards so concurrent claims spread over several items (and
 * partitions) instead of queueing on one: a single DynamoDB item takes about 1,000 writes/s,
 * and a claim writes its shard in a transaction (2 write units). Roughly one shard per ten
 * units, between 1 and 32: enough spread for a hot drop, few enough that a claim on a
 * nearly empty pool finds the last units in a handful of probes.
 */
export const MAX_AUTO_SHARDS = 32;

export function shardCountFor(units: number, configured?: number): number {
  if (configured !== undefined) return Math.max(1, Math.min(configured, Math.max(1, units)));
  return Math.max(1, Math.min(MAX_AUTO_SHARDS, Math.ceil(units / 10)));
}

/** Units per shard: as even as possible (sizes differ by at most one), summing to `units`. */
export function splitUnits(units: number, shards: number): number[] {
  const n = Math.max(1, shards);
  const base = Math.floor(Math.max(0, units) / n);
  const extra = Math.max(0, units) % n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * The order a claim tries shards in: a random permutation, so simultaneous claims start on
 * different shards and a failed probe moves on to another one. Every shard appears once.
 */
export function probeOrder(shards: number, random: Random = Math.random): number[] {
  const order = Array.from({ length: shards }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Moves the pool toward a target total: which shards to add to or take from (by index),
 * spreading the change. Used when the product's real stock moved under the release.
 */
export function rebalance(current: readonly number[], target: number): number[] {
  const total = current.reduce((s, v) => s + v, 0);
  const deltas = current.map(() => 0);
  let diff = Math.max(0, target) - total;
  if (diff > 0) {
    // Add to the emptiest shards first.
    const order = current.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    for (let k = 0; diff > 0; k = (k + 1) % order.length, diff--) deltas[order[k]![1]]! += 1;
  } else if (diff < 0) {
    const left = [...current];
    while (diff < 0) {
      let best = 0;
      for (let i = 1; i < left.length; i++) if (left[i]! > left[best]!) best = i;
      if (left[best]! <= 0) break;
      left[best]! -= 1;
      deltas[best]! -= 1;
      diff++;
    }
  }
  return deltas;
}
