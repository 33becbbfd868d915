/**
 * `npm run sim:release` — a shopper simulation of a restock under three policies, on the
 * same scenarios and the same random draws:
 *
 *   notify all      everyone on the waitlist gets the back-in-stock message at once;
 *   hourly batches  5 people per unit every hour, in join order, until sold out (what many
 *                   back-in-stock apps offer: "blind" batches, no re-check of conversions);
 *   Restock waves   the release workflow's own decision function (shared/release/decide.ts):
 *                   waves sized to the free units, the conversion seen so far and a decaying
 *                   response curve; "sold out — you keep your place" to everyone left.
 *
 * Each notified shopper clicks through with probability `clickThrough`, at a delay drawn
 * from the response curve (the buy probability decays with time since the message), and
 * buys if a unit is free with probability `buyGivenClick`; one who clicks after the last
 * unit went is "disappointed". Restock's closing notice reaches shoppers who have not
 * clicked yet; a share `noticeSeen` of them reads it first and does not click through.
 *
 * Parameters and where they come from (the sensitivity table varies each):
 * - Share of notified shoppers who buy, 10 % in the base case: the "back-in-stock
 *   flows converting 10–15 %". Published figures around it: Omnisend's e-commerce reports
 *   put back-in-stock e-mails at 5.34–7.28 % of sends converting (6.46 % average, analysis of
 *   150,000+ brands, as compiled by storebeep.com, "Back-in-stock notification benchmarks
 *   2026"); MarketingSherpa's BirkenstockCentral case study reports 22.45 % (2011).
 * - Click-through 20 % of sends: SmartMail 2025 average back-in-stock CTR 19.46 % (compiled at
 *   bestcolorfulsocks.com, "Out-of-stock replenishment email CTR statistics"). With 30.5 % of
 *   clickers buying (the clicker conversion benchmark quoted by storebeep.com) this gives
 *   Omnisend's ~6 %; the base case's 50 % of clickers gives the 10 %.
 * - Response curve (when people act): 30 % fast responders (mean 45 min), 70 % slow (mean
 *   18 h). It reproduces published open-time curves: GetResponse 23.6 % of opens in the first
 *   hour (+9.5 % in the second); MailerMailer 51.8 % within 6 h and 78.9 % within 24 h (1.4
 *   billion messages, 2012); Experian 76–78 % within 24 h; i-Emailer ~⅓ in the first hour,
 *   53 % in 6 h, 78 % in a day (all as summarised by marketingcharts.com and
 *   i-emailer.com). Appikon reports 70 % of back-in-stock clicks within 24 h.
 * - noticeSeen 85 %: no published figure; an assumption, varied from 0 to 95 %.
 *
 * Measured per policy (means over runs; time to sell out is the median over runs):
 * units sold in 24 h, hours to sell out, disappointed shoppers (and as a share of those
 * notified), and shoppers who waited but were never told anything.
 */
import { resolveConfig, type ReleaseConfigPatch } from '../../shared/release/config.js';
import { simulate, type Policy, type Scenario, type ShopperModel, type Summary } from '../../shared/release/simulate.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = arg('runs', 400);
const SENS_RUNS = arg('sens-runs', 200);
const SEED = arg('seed', 2026);
const overrides: ReleaseConfigPatch = {};
if (args.includes('--window')) overrides.windowMinutes = arg('window', 60);
if (args.includes('--horizon')) overrides.horizonHours = arg('horizon', 8);
if (args.includes('--over')) overrides.oversubscription = arg('over', 1);
if (args.includes('--alpha') || args.includes('--beta')) overrides.prior = { alpha: arg('alpha', 1), beta: arg('beta', 9) };
const config = resolveConfig(overrides);

const baseShoppers: ShopperModel = {
  clickThrough: 0.2,
  buyGivenClick: 0.5,
  response: { fastShare: 0.3, fastMeanHours: 0.75, slowMeanHours: 18 },
  noticeSeen: 0.85,
};

const scenarios: Scenario[] = [
  { name: '3 units, 500 waiting', units: 3, waiting: 500 },
  { name: '20 units, 500 waiting', units: 20, waiting: 500 },
  { name: '100 units, 2,000 waiting', units: 100, waiting: 2000 },
  { name: '10 units, 5,000 waiting', units: 10, waiting: 5000 },
  { name: '60 units, 300 waiting', units: 60, waiting: 300 },
];

const policies: { name: string; policy: Policy }[] = [
  { name: 'notify all', policy: { kind: 'notify_all' } },
  { name: 'hourly batches (5/unit)', policy: { kind: 'batches', perUnit: 5, everyHours: 1 } },
  { name: 'Restock waves', policy: { kind: 'waves', config } },
];

const h = (v: number | null) => (v === null ? '> 24 h' : `${v.toFixed(1)} h`);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
/** Restock's own disappointment, with the precision the 2 % target is judged at. */
const pct2 = (v: number) => `${(v * 100).toFixed(2)} %`;
const n1 = (v: number) => (Math.abs(v - Math.round(v)) < 0.05 ? String(Math.round(v)) : v.toFixed(1));
/** "No slower": by median time to sell out; if neither sells out in 24 h, by units sold. */
const noSlower = (w: Summary, b: Summary) =>
  w.sellOutHoursMedian !== null && (b.sellOutHoursMedian === null || w.sellOutHoursMedian <= b.sellOutHoursMedian + 1e-9)
    ? true
    : w.sellOutHoursMedian === null && b.sellOutHoursMedian === null && w.sold24h >= b.sold24h - 0.05;

const started = Date.now();
console.log(`Restock release simulation — ${RUNS} runs per cell, seed ${SEED}`);
console.log(
  `Restock config: window ${config.windowMinutes} min, checks every ${config.checkMinutes} min, horizon ${config.horizonHours} h, oversubscription ${config.oversubscription}, prior Beta(${config.prior.alpha}, ${config.prior.beta})`,
);
console.log(
  `Shoppers: click-through ${pct(baseShoppers.clickThrough)}, buy if a unit is there ${pct(baseShoppers.buyGivenClick)} (→ ${pct(baseShoppers.clickThrough * baseShoppers.buyGivenClick)} of notified buy), response ${baseShoppers.response.fastShare * 100} % fast (mean ${baseShoppers.response.fastMeanHours} h) / slow (mean ${baseShoppers.response.slowMeanHours} h), closing notice read first by ${pct(baseShoppers.noticeSeen)}`,
);
console.log('');
console.log('| scenario | policy | units sold in 24 h | time to sell out (median) | notified | disappointed (clicked, sold out) | % of notified | waited, never told |');
console.log('|---|---|---|---|---|---|---|---|');
const verdicts: string[] = [];
for (const s of scenarios) {
  const results = policies.map((p) => ({ ...p, r: simulate(s, p.policy, baseShoppers, RUNS, SEED) }));
  for (const { name, r } of results) {
    console.log(`| ${s.name} | ${name} | ${n1(r.sold24h)} of ${s.units} | ${h(r.sellOutHoursMedian)} | ${n1(r.notified)} | ${n1(r.disappointed)} | ${name === 'Restock waves' ? pct2(r.disappointedShare) : pct(r.disappointedShare)} | ${n1(r.neverTold)} |`);
  }
  const [all, hourly, waves] = results.map((x) => x.r) as [Summary, Summary, Summary];
  verdicts.push(
    `${s.name}: disappoint ≤ 2 % of notified ${waves.disappointedShare <= 0.02 ? 'MET' : 'MISSED'} (${pct2(waves.disappointedShare)}; notify-all ${pct(all.disappointedShare)}), ` +
      `sell out no slower than hourly batches ${noSlower(waves, hourly) ? 'MET' : 'MISSED'} (${h(waves.sellOutHoursMedian)} vs ${h(hourly.sellOutHoursMedian)}), ` +
      `nobody untold ${waves.neverTold === 0 ? 'MET' : 'MISSED'}`,
  );
}
console.log('');
console.log('Targets (Restock waves):');
for (const v of verdicts) console.log(`- ${v}`);

// ---- sensitivity ----
const variations: { name: string; shoppers: ShopperModel; prior?: { alpha: number; beta: number } }[] = [
  { name: 'base (10 % buy, 20 % click)', shoppers: baseShoppers },
  { name: 'Omnisend average: 6.4 % buy (20 % click × 32 %)', shoppers: { ...baseShoppers, buyGivenClick: 0.32 } },
  { name: '15 % buy (25 % click × 60 %)', shoppers: { ...baseShoppers, clickThrough: 0.25, buyGivenClick: 0.6 } },
  { name: 'MarketingSherpa 22.5 % buy (35 % × 64 %)', shoppers: { ...baseShoppers, clickThrough: 0.35, buyGivenClick: 0.643 } },
  { name: '22.5 % buy, merchant sets the prior to 20 % (Beta(2, 8))', shoppers: { ...baseShoppers, clickThrough: 0.35, buyGivenClick: 0.643 }, prior: { alpha: 2, beta: 8 } },
  { name: 'fast responders: 60 % fast', shoppers: { ...baseShoppers, response: { ...baseShoppers.response, fastShare: 0.6 } } },
  { name: 'slow responders: 15 % fast, slow mean 30 h', shoppers: { ...baseShoppers, response: { fastShare: 0.15, fastMeanHours: 0.75, slowMeanHours: 30 } } },
  { name: 'closing notice read first by 95 %', shoppers: { ...baseShoppers, noticeSeen: 0.95 } },
  { name: 'closing notice read first by 50 %', shoppers: { ...baseShoppers, noticeSeen: 0.5 } },
  { name: 'closing notice never read first (0 %)', shoppers: { ...baseShoppers, noticeSeen: 0 } },
];
const sensScenarios = [scenarios[0]!, scenarios[1]!, scenarios[3]!];
console.log('');
console.log(`Sensitivity (${SENS_RUNS} runs per cell; Restock keeps its default prior unless the row says otherwise — it has to learn the real rate):`);
console.log('');
console.log('| shoppers | scenario | Restock: disappointed % of notified | notify all: disappointed % | Restock: sell-out | hourly: sell-out | Restock: never told | hourly: never told |');
console.log('|---|---|---|---|---|---|---|---|');
for (const v of variations) {
  for (const s of sensScenarios) {
    const rowPolicies = policies.map((p) => (p.policy.kind === 'waves' && v.prior ? { ...p, policy: { kind: 'waves' as const, config: resolveConfig({ ...overrides, prior: v.prior }) } } : p));
    const [all, hourly, waves] = rowPolicies.map((p) => simulate(s, p.policy, v.shoppers, SENS_RUNS, SEED + 1)) as [Summary, Summary, Summary];
    const ok = (b: boolean) => (b ? '' : ' ✗');
    console.log(
      `| ${v.name} | ${s.name} | ${pct2(waves.disappointedShare)}${ok(waves.disappointedShare <= 0.02)} | ${pct(all.disappointedShare)} | ${h(waves.sellOutHoursMedian)}${ok(noSlower(waves, hourly))} | ${h(hourly.sellOutHoursMedian)} | ${n1(waves.neverTold)} | ${n1(hourly.neverTold)} |`,
    );
  }
}
console.log('');
console.log('✗ marks a cell where Restock misses its target (≤ 2 % disappointed; sell-out no slower than hourly batches).');
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
