import * as z from 'zod';
import { responseCurveSchema, type ReleaseConfig } from './config.js';
import type { WaveExposure } from './conversion.js';
import { decide } from './decide.js';
import { hoursBetween, responded } from './response.js';
import { simulate, SIM_DECISION_HOURS, type ShopperModel } from './simulate.js';

/**
 * The planner: what a release will do, before it starts. Two views of the same decision
 * function the workflow runs: the expected schedule (waves, sizes, timing) if shoppers buy
 * exactly at the prior's rate, and a Monte Carlo of individual shoppers for the spread of
 * outcomes (sell-through, time to sell out, disappointed shoppers).
 */

/** Share of not-yet-clicked shoppers who read the "sold out — keep your place" note first (sim assumption). */
export const NOTICE_SEEN = 0.85;

export function shopperModelOf(config: ReleaseConfig): ShopperModel {
  const buyRate = config.prior.alpha / (config.prior.alpha + config.prior.beta);
  const clickThrough = Math.max(config.clickThrough, buyRate);
  return { clickThrough, buyGivenClick: clickThrough > 0 ? Math.min(1, buyRate / clickThrough) : 0, response: config.response, noticeSeen: NOTICE_SEEN };
}

export const plannedWaveSchema = z.object({
  n: z.number().int(),
  atHours: z.number(),
  size: z.number().int(),
  cumulative: z.number().int(),
  /** Units expected sold when this wave goes out. */
  expectedSoldBefore: z.number(),
});
export type PlannedWave = z.infer<typeof plannedWaveSchema>;

export const previewSchema = z.object({
  waves: z.array(plannedWaveSchema),
  publicOpensAtHours: z.number().nullable(),
  expected: z.object({
    unitsSold24h: z.number(),
    sellThrough24h: z.number(),
    sellOutHoursMedian: z.number().nullable(),
    soldOutShare: z.number(),
    notified: z.number(),
    disappointed: z.number(),
    disappointedShare: z.number(),
    disappointedRange: z.tuple([z.number(), z.number()]),
    toldKeepPlace: z.number(),
  }),
  runs: z.number().int(),
  assumptions: z.object({ buyRate: z.number(), clickThrough: z.number(), noticeSeen: z.number(), response: responseCurveSchema }),
});
export type Preview = z.infer<typeof previewSchema>;

const HOUR = 3_600_000;

/** The expected schedule: the workflow's decisions with purchases arriving at the expected rate. */
export function expectedSchedule(config: ReleaseConfig, units: number, waiting: number): { waves: PlannedWave[]; publicOpensAtHours: number | null } {
  const rate = config.prior.alpha / (config.prior.alpha + config.prior.beta);
  const exposures: WaveExposure[] = [];
  const waves: PlannedWave[] = [];
  const step = Math.min(config.checkMinutes, config.windowMinutes) / 60;
  let notified = 0;
  let nextWaveAt: number | undefined;
  const soldBy = (t: number) => Math.min(units, exposures.reduce((s, w) => s + w.delivered * rate * responded(config.response, hoursBetween(w.sentAtMs, t * HOUR)), 0));
  for (let k = 0; k * step <= SIM_DECISION_HOURS + 1e-9; k++) {
    const t = k * step;
    const sold = soldBy(t);
    const d = decide({
      state: 'waves',
      paused: false,
      clockMs: t * HOUR,
      audienceBuilt: true,
      remaining: waiting - notified,
      jobInProgress: false,
      // Fractional expected units: the schedule ends when less than half a unit is expected left.
      freeUnits: units - sold < 0.5 ? 0 : units - sold,
      heldUnits: 0,
      waves: exposures,
      conversions: sold,
      nextWaveAtClockMs: nextWaveAt,
      publicAtClockMs: config.publicAfterHours * HOUR,
      config,
    });
    if (d.kind === 'send_wave') {
      notified += d.size;
      exposures.push({ delivered: d.size, sentAtMs: t * HOUR });
      waves.push({ n: waves.length + 1, atHours: round(t), size: d.size, cumulative: notified, expectedSoldBefore: round(sold) });
      nextWaveAt = d.nextWaveAtClockMs;
    } else if (d.kind === 'wait') {
      if (d.nextWaveAtClockMs !== undefined) nextWaveAt = d.nextWaveAtClockMs;
    } else if (d.kind === 'open_public') return { waves, publicOpensAtHours: round(t) };
    else if (d.kind === 'sold_out' || d.kind === 'end') return { waves, publicOpensAtHours: null };
  }
  return { waves, publicOpensAtHours: config.publicAfterHours };
}

export function preview(config: ReleaseConfig, units: number, waiting: number, seed = 20_260_101): Preview {
  const shoppers = shopperModelOf(config);
  const schedule = expectedSchedule(config, units, waiting);
  const runs = Math.max(20, Math.min(200, Math.floor(2_000_000 / Math.max(1, waiting))));
  const sim = units > 0 && waiting > 0 ? simulate({ name: 'plan', units, waiting }, { kind: 'waves', config }, shoppers, runs, seed) : undefined;
  return {
    waves: schedule.waves,
    publicOpensAtHours: schedule.publicOpensAtHours,
    expected: {
      unitsSold24h: round(sim?.sold24h ?? 0),
      sellThrough24h: units > 0 ? round((sim?.sold24h ?? 0) / units) : 0,
      sellOutHoursMedian: sim?.sellOutHoursMedian === null || !sim ? null : round(sim.sellOutHoursMedian),
      soldOutShare: round(sim?.soldOutShare ?? 0),
      notified: round(sim?.notified ?? 0),
      disappointed: round(sim?.disappointed ?? 0),
      disappointedShare: round(sim?.disappointedShare ?? 0, 4),
      disappointedRange: [sim?.disappointedP10 ?? 0, sim?.disappointedP90 ?? 0],
      toldKeepPlace: round(Math.max(0, waiting - (sim?.notified ?? 0))),
    },
    runs: sim ? runs : 0,
    assumptions: { buyRate: round(shoppers.clickThrough * shoppers.buyGivenClick, 4), clickThrough: shoppers.clickThrough, noticeSeen: NOTICE_SEEN, response: config.response },
  };
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

// ---- pre-launch check (seed 000: waitlist ready, messages prepared, stock secured, channels aligned) ----

export interface PrelaunchFacts {
  waiting: number;
  /** Templates the release sends, per locale present in the audience, that are missing. */
  missingTemplates: { template: string; locale: string }[];
  localesChecked: string[];
  /** The product page the early-access links open. */
  productUrl?: string;
  units: number;
  sellable: number;
  /** Units expected from open purchase orders by the start date. */
  incomingByStart: number;
  startAt: string;
  /** Audience members with consent on at least one enabled channel (in the sample read). */
  reachable: number;
  sampled: number;
  emailSenderConfigured: boolean;
  channels: readonly ('email' | 'sms')[];
}

export const checkItemSchema = z.object({
  id: z.enum(['waitlist_ready', 'messages_prepared', 'stock_secured', 'channels_aligned']),
  ok: z.boolean(),
  detail: z.string(),
});
export type CheckItem = z.infer<typeof checkItemSchema>;

/** The pre-launch check: every item must pass for a release to start. */
export const prelaunchCheckSchema = z.object({ ok: z.boolean(), items: z.array(checkItemSchema) });

export function prelaunchCheck(f: PrelaunchFacts): z.infer<typeof prelaunchCheckSchema> {
  // Links in messages are opened from a mail client: a relative page URL would be broken.
  const linkable = !!f.productUrl && /^https?:\/\/[^/]/i.test(f.productUrl);
  const items: CheckItem[] = [
    {
      id: 'waitlist_ready',
      ok: f.waiting > 0,
      detail: f.waiting > 0 ? `${f.waiting} people waiting` : 'nobody is waiting for this variant',
    },
    {
      id: 'messages_prepared',
      ok: f.missingTemplates.length === 0 && linkable,
      detail: !f.productUrl
        ? 'no product page URL for the links (set the product url, the waitlist productUrlTemplate or the release productUrl)'
        : !linkable
          ? `the product page URL must be absolute (https://…) for links in messages, not ${f.productUrl.slice(0, 100)}`
          : f.missingTemplates.length
          ? `missing: ${f.missingTemplates.map((m) => `${m.template} (${m.locale})`).join(', ')}`
          : `templates ready for ${f.localesChecked.join(', ') || 'the default locale'}`,
    },
    {
      id: 'stock_secured',
      ok: f.units > 0 && f.sellable + f.incomingByStart >= f.units,
      detail:
        f.units <= 0
          ? 'no units to release'
          : f.sellable >= f.units
            ? `${f.units} units secured (${f.sellable} sellable now)`
            : f.sellable + f.incomingByStart >= f.units
              ? `${f.sellable} sellable now and ${f.incomingByStart} due by ${f.startAt.slice(0, 10)}`
              : `${f.units} units planned but only ${f.sellable} sellable and ${f.incomingByStart} due by ${f.startAt.slice(0, 10)}`,
    },
    {
      id: 'channels_aligned',
      ok: f.reachable > 0 && (f.emailSenderConfigured || f.channels.includes('sms')),
      detail:
        f.reachable > 0
          ? `${f.reachable} of ${f.sampled} sampled people reachable on ${f.channels.join(' or ')}${f.emailSenderConfigured ? '' : ' (no e-mail sender configured)'}`
          : `nobody sampled has consent on ${f.channels.join(' or ')}`,
    },
  ];
  return { ok: items.every((i) => i.ok), items };
}

