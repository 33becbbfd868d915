import { describe, expect, it } from 'vitest';
import { checkedFetch } from '../support/contract.js';
import { client, consoleState, emailsTo, eventually, local } from '../support/local.js';
import { synthTableName } from '../support/table-name.js';
import { address, dayFromNow, daytimeZone, e164, emailsWithSubject, join, mailWith, mobile, pLink, shop, smsTo, waitingCount } from './waitlist-fixtures.js';

const ctx = local();
const tableName = await synthTableName();
const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
const { dynamo } = await import('../../shared/data/client.js');
const { contactHash } = await import('../../shared/waitlist/identity.js');

const noLimits = { rateLimit: { perIpSeconds: 0, perAddressSeconds: 0 } };
/** A sign-up that must be taken (so a later wait for its message cannot hide a refusal). */
async function joined(...args: Parameters<typeof join>) {
  const res = await join(...args);
  expect(res.response.status, JSON.stringify(res.error)).toBeLessThan(300);
  return res;
}
const CONFIRMATION = /You are on the waitlist/;
const ETA = /Scarpa rossa: expected on/;
const STILL_WORKING = /We are working on getting Scarpa rossa back/;
const STILL_INTERESTED = /Still interested in Scarpa rossa/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The fan-out state machine, by its name (`<stack>-waitlist-fanout`). */
const FAN_OUT = /-waitlist-fanout$/;

async function executions(machine: RegExp) {
  return (await consoleState()).executions.filter((e) => machine.test(e.stateMachine));
}

/** Fires the daily sweep by hand and waits for its execution (and any fan-outs) to finish. */
async function runSweep() {
  const state = (await (await fetch(`${ctx.urls.console}/_local/state`)).json()) as { schedules: { rule: string }[] };
  const rule = state.schedules.find((x) => /DailySweepSchedule/.test(x.rule))!.rule;
  const before = (await executions(/WaitlistSweep/)).length;
  expect((await fetch(`${ctx.urls.console}/_local/schedules/${rule}/run`, { method: 'POST' })).status).toBe(202);
  await eventually(async () => {
    const runs = await executions(/WaitlistSweep/);
    // Only the sweeps started here: an older one still running elsewhere is not this test's.
    return runs.length > before && runs.slice(before).every((e) => e.status !== 'RUNNING');
  }, 'the sweep execution', 240_000); // it pages through every tenant's lists: many, in the full suite
  const sweep = (await executions(/WaitlistSweep/)).at(-1)!;
  expect(sweep.status, sweep.error).toBe('SUCCEEDED');
}

async function fanOutsSettled() {
  await eventually(async () => (await executions(FAN_OUT)).every((e) => e.status !== 'RUNNING'), 'fan-outs to finish', 120_000);
}

describe('drip step 2: updates while waiting', () => {
  it('tells everyone waiting when the ETA is set or moves, never more often than the cadence', async () => {
    const s = await shop({ ...noLimits, dripCadenceDays: 1 });
    const [a, b] = [address('a'), address('b')];
    const productLevel = mobile();
    await joined(s, { sku: 'SR-42', email: a });
    await joined(s, { phone: productLevel, timeZone: daytimeZone() }); // waits for any variant of the product
    await eventually(async () => (await emailsWithSubject(a, CONFIRMATION)).length >= 1, 'a’s confirmation');
    expect(await emailsWithSubject(a, CONFIRMATION)).toHaveLength(1);

    const fanOutsBefore = (await executions(FAN_OUT)).length;
    const admin = client({ adminKey: s.adminKey });
    const po = await admin.POST('/admin/purchase-orders', { body: { poId: 'po-1', expectedDate: dayFromNow(20), lines: [{ sku: 'SR-42', quantity: 10 }] } });
    expect(po.response.status, JSON.stringify(po.error)).toBe(201);
    const [update] = await mailWith(a, ETA);
    expect(update!.body.text).toMatch(/restock is expected on/);
    await eventually(async () => (await smsTo(e164(productLevel))).some((m) => /expected on/.test(m.message)), 'the ETA update to the product-level subscriber');
    // One execution per list (variant and product level), not one per person.
    await fanOutsSettled();
    expect((await executions(FAN_OUT)).length - fanOutsBefore).toBe(2);

    // b joins; the ETA moves within a's cadence: b hears about it, a does not.
    await joined(s, { sku: 'SR-42', email: b });
    await eventually(async () => (await emailsWithSubject(b, CONFIRMATION)).length >= 1, 'b’s confirmation');
    expect(await emailsWithSubject(b, CONFIRMATION)).toHaveLength(1);
    expect((await admin.PATCH('/admin/purchase-orders/{poId}', { params: { path: { poId: 'po-1' } }, body: { expectedDate: dayFromNow(10) } })).response.status).toBe(200);
    await eventually(async () => (await emailsWithSubject(b, ETA)).length === 1, 'the moved ETA to b');
    await fanOutsSettled();
    await sleep(1000);
    expect(await emailsWithSubject(a, ETA)).toHaveLength(1);

    // Moves again, nobody new on either list: both lists are skipped — no execution, no message.
    const before = (await executions(FAN_OUT)).length;
    const etaEvents = async () => (await consoleState()).events.filter((e) => e.detailType === 'RestockEtaChanged' && e.tenantId === s.tenantId).length;
    const seen = await etaEvents();
    expect((await admin.PATCH('/admin/purchase-orders/{poId}', { params: { path: { poId: 'po-1' } }, body: { expectedDate: dayFromNow(5) } })).response.status).toBe(200);
    await eventually(async () => (await etaEvents()) > seen, 'the third ETA event');
    await sleep(2000);
    expect((await executions(FAN_OUT)).length).toBe(before);
    expect(await emailsWithSubject(a, ETA)).toHaveLength(1);
    expect(await emailsWithSubject(b, ETA)).toHaveLength(1);
    expect((await smsTo(e164(productLevel))).filter((m) => /expected on/.test(m.message))).toHaveLength(1);
    // The first test of the file pays every cold start (catalog, messaging, both workflows).
  }, 600_000);

  it('says "we are working on it" after a silence, once, from the daily sweep', async () => {
    // Silence of ~0.9 s (1 day = 1 s in the local stack).
    const s = await shop({ ...noLimits, silenceDays: 0.00001, dripCadenceDays: 0 });
    await client({ adminKey: s.adminKey }).PUT('/admin/waitlists/products/{productId}/perks', { params: { path: { productId: s.productId } }, body: { exclusiveContent: { en: 'A first look at the new colour.' } } });
    const who = address();
    await joined(s, { sku: 'SR-42', email: who });
    await eventually(async () => (await emailsWithSubject(who, CONFIRMATION)).length >= 1, 'the confirmation');
    expect(await emailsWithSubject(who, CONFIRMATION)).toHaveLength(1);
    await sleep(1200);
    await runSweep();
    const [update] = await mailWith(who, STILL_WORKING);
    // Perk: exclusive content for people waiting.
    expect(update!.body.text).toContain('A first look at the new colour.');
    await runSweep();
    await sleep(500);
    expect(await emailsWithSubject(who, STILL_WORKING)).toHaveLength(1);
  }, 600_000);

  it('asks "still interested?" when an entry is due, keeps it with one click, expires the rest', async () => {
    // Review after ~0.9 s, then ~2.6 s to answer; no silence updates in the way.
    const s = await shop({ ...noLimits, entryTtlDays: 0.00001, keepGraceDays: 0.00003, maxUpdates: 0 });
    const [keeper, quiet] = [address('keeper'), address('quiet')];
    await joined(s, { sku: 'SR-42', email: keeper });
    await joined(s, { sku: 'SR-42', email: quiet });
    await sleep(1200);
    await runSweep();
    const [question] = await mailWith(keeper, STILL_INTERESTED);
    await eventually(async () => (await emailsWithSubject(quiet, STILL_INTERESTED)).length === 1, 'the question to quiet');
    const kept = await checkedFetch(await pLink(question!));
    expect(kept.status).toBe(200);
    expect(await kept.text()).toMatch(/still number 1 in line/);

    await sleep(3000);
    await runSweep();
    await eventually(async () => (await waitingCount(s, 'SR-42')) === 1, 'the unanswered entry to expire');
    const left = await client({ adminKey: s.adminKey }).GET('/admin/waitlists/{sku}/entries', { params: { path: { sku: 'SR-42' } } });
    expect(left.data!.items.map((e) => e.email)).toEqual([keeper]);
  }, 600_000);
});

describe('perks and GDPR', () => {
  it('credits loyalty points on return, exports everything about a person, and erases it everywhere', async () => {
    const s = await shop(noLimits);
    const admin = client({ adminKey: s.adminKey });
    // No automatic release when the product returns: its wave messages would race the erasure
    // below (a known gap, see the README: erasure during a running release).
    expect((await admin.PUT('/admin/release-settings', { body: { autoRelease: false } })).response.status).toBe(200);
    expect((await admin.PUT('/admin/waitlists/products/{productId}/perks', { params: { path: { productId: s.productId } }, body: { loyaltyPoints: 50, discount: { code: 'BACK10', validHours: 24 } } })).response.status).toBe(200);
    const email = address('gdpr');
    const phone = mobile();
    const other = address('other');
    await joined(s, { sku: 'SR-42', email, phone, shopperId: 'cust-77' });
    await joined(s, { email, phone }); // product level
    await joined(s, { sku: 'SR-42', email: other });
    await eventually(async () => (await emailsTo(email)).length >= 2 && (await smsTo(e164(phone))).length >= 2, 'confirmations');

    // The product returns: everyone waiting earns the points (append-only ledger).
    expect((await admin.POST('/admin/stock/adjustments', { body: { changes: [{ sku: 'SR-42', set: 5 }] } })).response.status).toBe(200);
    const exported = await eventually(async () => {
      const res = await admin.POST('/admin/shoppers/export', { body: { email, phone: e164(phone), shopperId: 'cust-77' } });
      return res.data?.pointsBalance === 100 ? res.data : undefined;
    }, 'points for both lists');
    expect(exported.subject).toEqual({ email, phone: e164(phone), shopperId: 'cust-77' });
    expect(exported.waitlistEntries).toHaveLength(2);
    expect(exported.waitlistEntries[0]).toMatchObject({ email, phone: e164(phone), consent: { given: true, textVersion: 'v1' } });
    expect(exported.pointsLedger).toHaveLength(2);
    expect(exported.messages.length).toBeGreaterThanOrEqual(4);

    const erased = await admin.POST('/admin/shoppers/erase', { body: { email, phone: e164(phone) } });
    expect(erased.response.status, JSON.stringify(erased.error)).toBe(200);
    expect(erased.data!.erased).toMatchObject({ waitlistEntries: 2, pointsRows: 2 });
    expect(erased.data!.erased.messageRecords).toBeGreaterThanOrEqual(4);

    // No trace: not the address, not the phone, not their hashes, anywhere in the table…
    const needles = [email, e164(phone), contactHash(s.tenantId, { kind: 'email', value: email }), contactHash(s.tenantId, { kind: 'phone', value: e164(phone) })];
    const hits: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        const text = JSON.stringify(item);
        for (const n of needles) if (text.includes(n)) hits.push(`${item.pk} ${item.sk}`);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    expect(hits).toEqual([]);
    // …nor in the local mail and SMS stores.
    expect(await emailsTo(email)).toHaveLength(0);
    expect(await smsTo(e164(phone))).toHaveLength(0);
    // Everyone else keeps their place and data.
    expect(await waitingCount(s, 'SR-42')).toBe(1);
    expect((await emailsTo(other)).length).toBeGreaterThan(0);
    const again = await admin.POST('/admin/shoppers/export', { body: { email } });
    expect(again.data).toMatchObject({ waitlistEntries: [], pointsLedger: [], messages: [] });
  }, 600_000);
});
