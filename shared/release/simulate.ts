import type { ReleaseConfig, ResponseCurve } from './config.js';
import type { WaveExposure } from './conversion.js';
import { seeded, type Random } from './random.js';
import { sampleDelayHours } from './response.js';
import { decide } from './decide.js';

/**
 * A shopper-level simulation of a restock: who is told when, who clicks, who buys, who
 * finds it sold out. Used by `npm run sim:release` to compare policies and by the planner
 * to preview a release. Pure and seeded.
 */

export interface ShopperModel {
  /** Share of notified shoppers who click through, ever. */
  clickThrough: number;
  /** Share of those clickers who buy when a unit is there. */
  buyGivenClick: number;
  /** When they click, after the message. */
  response: ResponseCurve;
  /**
   * Share of shoppers who have not clicked yet and read a "sold out — you keep your place"
   * message before clicking the earlier one (so they do not click through to a sold-out page).
   */
  noticeSeen: number;
}

export interface Scenario {
  name: string;
  units: number;
  waiting: number;
}

export type Policy =
  | { kind: 'notify_all' }
  | { kind: 'batches'; perUnit: number; everyHours: number }
  | { kind: 'waves'; config: ReleaseConfig };

export interface RunResult {
  sold24h: number;
  /** Hours from the first message to the last unit sold; null if not sold out by the end. */
  sellOutHours: number | null;
  /** Shoppers who got a back-in-stock / early-access message. */
  notified: number;
  /** Shoppers who clicked through and found it sold out. */
  disappointed: number;
  /** Shoppers who waited and got no message at all. */
  neverTold: number;
  waves: { atHours: number; size: number }[];
}

/** Release decisions stop at the public opening; clicks are followed until links expire. */
export const SIM_DECISION_HOURS = 24;
export const SIM_END_HOURS = 72;
const HOUR = 3_600_000;

class ClickHeap {
  private readonly items: { at: number; shopper: number }[] = [];
  get size() {
    return this.items.length;
  }
  peek() {
    return this.items[0];
  }
  push(item: { at: number; shopper: number }) {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.at <= a[i]!.at) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.at < a[m]!.at) m = l;
        if (r < a.length && a[r]!.at < a[m]!.at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** One restock, one policy, one draw of shoppers. */
export function simulateRun(scenario: Scenario, policy: Policy, shoppers: ShopperModel, random: Random): RunResult {
  const n = scenario.waiting;
  // Per shopper: 0 waiting untold, 1 notified, 2 told to keep their place (never notified).
  const told = new Uint8Array(n);
  const clickCancelled = new Uint8Array(n);
  const wouldBuy = new Uint8Array(n);
  const clicks = new ClickHeap();
  let units = scenario.units;
  let next = 0; // audience cursor
  let sold = 0;
  let sold24h = 0;
  let sellOutAt: number | null = units <= 0 ? 0 : null;
  let disappointed = 0;
  let stopped = false; // the policy sends nothing more
  const waves: RunResult['waves'] = [];
  const exposures: WaveExposure[] = [];

  const notify = (count: number, at: number) => {
    const until = Math.min(n, next + count);
    for (; next < until; next++) {
      told[next] = 1;
      if (random() < shoppers.clickThrough) {
        wouldBuy[next] = random() < shoppers.buyGivenClick ? 1 : 0;
        clicks.push({ at: at + sampleDelayHours(shoppers.response, random), shopper: next });
      }
    }
  };
  const keepPlaceNotices = () => {
    for (let i = next; i < n; i++) told[i] = 2;
    next = n;
    // Already-notified shoppers who have not clicked yet: some read the notice first.
    for (let i = 0; i < n; i++) if (told[i] === 1 && random() < shoppers.noticeSeen) clickCancelled[i] = 1;
  };
  const processClicksUntil = (t: number) => {
    while (clicks.size && clicks.peek()!.at <= t) {
      const c = clicks.pop()!;
      if (c.at > SIM_END_HOURS) continue;
      if (clickCancelled[c.shopper]) continue;
      if (units > 0) {
        if (wouldBuy[c.shopper]) {
          units--;
          sold++;
          if (c.at <= SIM_DECISION_HOURS) sold24h++;
          if (units === 0) sellOutAt = c.at;
        }
      } else disappointed++;
    }
  };

  // Restock's workflow looks every `checkMinutes` (sold out? holds lapsed? paused?), sends
  // a wave only when the window since the last one has passed, opens to the public at 24 h
  // (or when the list is exhausted) and keeps watching for the sell-out until links expire.
  const decisionTimes: number[] = [];
  const step = policy.kind === 'batches' ? policy.everyHours : policy.kind === 'waves' ? Math.min(policy.config.checkMinutes, policy.config.windowMinutes) / 60 : SIM_END_HOURS;
  for (let k = 0; k * step < SIM_END_HOURS - 1e-9; k++) decisionTimes.push(k * step);
  let nextWaveAt: number | undefined;
  let open = false; // public opening done

  for (const t of decisionTimes) {
    processClicksUntil(t);
    if (stopped) continue;
    if (policy.kind === 'notify_all') {
      waves.push({ atHours: t, size: n });
      notify(n, t);
      stopped = true;
    } else if (policy.kind === 'batches') {
      if (units <= 0 || next >= n) {
        stopped = true;
        continue;
      }
      const size = Math.round(policy.perUnit * scenario.units);
      waves.push({ atHours: t, size: Math.min(size, n - next) });
      notify(size, t);
    } else {
      // Restock: the release workflow's own decision function, on what it would see.
      const d = decide({
        state: open ? 'public' : 'waves',
        paused: false,
        clockMs: t * HOUR,
        audienceBuilt: true,
        remaining: n - next,
        jobInProgress: false,
        freeUnits: units,
        heldUnits: 0,
        waves: exposures,
        conversions: sold,
        nextWaveAtClockMs: nextWaveAt,
        publicAtClockMs: SIM_DECISION_HOURS * HOUR,
        watchUntilClockMs: SIM_END_HOURS * HOUR,
        config: policy.config,
      });
      if (d.kind === 'sold_out') {
        // Everyone left, and everyone notified who has not bought, hears they keep their place.
        keepPlaceNotices();
        stopped = true;
      } else if (d.kind === 'open_public') {
        if (next < n) waves.push({ atHours: t, size: n - next });
        notify(n - next, t);
        open = true;
      } else if (d.kind === 'send_wave') {
        waves.push({ atHours: t, size: d.size });
        exposures.push({ delivered: d.size, sentAtMs: t * HOUR });
        notify(d.size, t);
        nextWaveAt = d.nextWaveAtClockMs;
      } else if (d.kind === 'wait' && d.nextWaveAtClockMs !== undefined) nextWaveAt = d.nextWaveAtClockMs;
      else if (d.kind === 'end') stopped = true;
    }
  }
  processClicksUntil(SIM_END_HOURS);
  let notified = 0;
  let neverTold = 0;
  for (let i = 0; i < n; i++) {
    if (told[i] === 1) notified++;
    else if (told[i] === 0) neverTold++;
  }
  return { sold24h, sellOutHours: sellOutAt, notified, disappointed, neverTold, waves };
}

export interface Summary {
  runs: number;
  sold24h: number;
  /** Median hours to sell out over runs (a run that never sells out counts as never). */
  sellOutHoursMedian: number | null;
  /** Share of runs that sold out within the decision horizon (24 h). */
  soldOutShare: number;
  notified: number;
  disappointed: number;
  /** Disappointed as a share of the shoppers notified (mean of per-run ratios' totals). */
  disappointedShare: number;
  neverTold: number;
  /** 10th and 90th percentiles of disappointed shoppers. */
  disappointedP10: number;
  disappointedP90: number;
  firstWaves: number[];
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))] ?? 0;

/** `runs` independent draws, summarised: means, and the median time to sell out. */
export function simulate(scenario: Scenario, policy: Policy, shoppers: ShopperModel, runs: number, seed = 1): Summary {
  const random = seeded(seed);
  const results = Array.from({ length: runs }, () => simulateRun(scenario, policy, shoppers, random));
  const mean = (f: (r: RunResult) => number) => results.reduce((s, r) => s + f(r), 0) / runs;
  const sellOut = results.map((r) => (r.sellOutHours === null ? Infinity : r.sellOutHours)).sort((a, b) => a - b);
  const median = quantile(sellOut, 0.5);
  const notified = mean((r) => r.notified);
  const disappointed = mean((r) => r.disappointed);
  const dis = results.map((r) => r.disappointed).sort((a, b) => a - b);
  return {
    runs,
    sold24h: mean((r) => r.sold24h),
    sellOutHoursMedian: Number.isFinite(median) ? median : null,
    soldOutShare: results.filter((r) => r.sellOutHours !== null && r.sellOutHours <= SIM_DECISION_HOURS).length / runs,
    notified,
    disappointed,
    disappointedShare: notified > 0 ? disappointed / notified : 0,
    neverTold: mean((r) => r.neverTold),
    disappointedP10: quantile(dis, 0.1),
    disappointedP90: quantile(dis, 0.9),
    firstWaves: results[0]?.waves.slice(0, 6).map((w) => w.size) ?? [],
  };
}
