import { DescribeExecutionCommand, SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RestockClient, paths } from '../../shared/client/index.js';
import { api, client, eventually, issuePublishableKey, local, newTenant, type CapturedEmail } from '../support/local.js';
import { synthTableName } from '../support/table-name.js';
import { landing, textOf, urlsIn } from './waitlist-fixtures.js';

// Compressed time: the test stack runs one day of workflow waiting in one second, so a
// 45-minute wave window passes in ~30 ms (plus the steps' own time).
const ctx = local();
const tableName = await synthTableName();
// The in-process steps below send through deliver(), which reads its configuration from here.
process.env.TABLE_NAME = tableName;
process.env.PUBLIC_API_URL = ctx.urls.api;
process.env.SENDER_EMAIL = 'no-reply@restock.local';
process.env.SEND_RATE_PER_SECOND = '0';
const { WaitlistRepository } = await import('../../shared/waitlist/repository.js');
const { identityOf } = await import('../../shared/waitlist/identity.js');
const { dynamo } = await import('../../shared/data/client.js');
const { createPool, claimUnit, readPool } = await import('../../shared/release/pool.js');
const { shardCountFor } = await import('../../shared/release/shards.js');
const { mintLink } = await import('../../shared/release/link-keys.js');
const { signLink } = await import('../../shared/release/links.js');
const { createRelease, resumeRelease } = await import('../../shared/release/admin.js');
const { defaultPorts } = await import('../../shared/release/ports.js');
const { commit, sendPage, tick } = await import('../../shared/release/workflow.js');
const { getRelease } = await import('../../shared/release/repository.js');

const repo = new WaitlistRepository(tableName);
const uid = () => randomBytes(4).toString('hex');

interface Shop {
  tenantId: string;
  adminKey: string;
  publishableKey: string;
  productId: string;
  sku: string;
  /** The typed client with the shop's admin key, and with its publishable key. */
  admin: RestockClient;
  storefront: RestockClient;
}

type ReleaseConfig = NonNullable<paths['/admin/releases']['post']['requestBody']['content']['application/json']['config']>;

/** A tenant (automatic releases off unless asked), one product with a page URL, its stock. */
async function shop(units: number, opts: { autoRelease?: boolean } = {}): Promise<Shop> {
  const t = await newTenant('Release Shop');
  const publishableKey = await issuePublishableKey(t.tenantId);
  const admin = client({ adminKey: t.adminKey });
  const settings = await admin.PUT('/admin/release-settings', { body: { autoRelease: opts.autoRelease ?? false } });
  expect(settings.response.status, JSON.stringify(settings.error)).toBe(200);
  const productId = `drop-${uid()}`;
  const sku = `DROP-${uid()}`;
  const created = await api('POST', '/admin/products', { key: t.adminKey, body: { productId, title: 'Sneaker drop', url: `https://shop.example/p/${productId}`, variants: [{ sku }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (units > 0) await setStock({ adminKey: t.adminKey, sku }, units);
  return { ...t, publishableKey, productId, sku, admin, storefront: client({ publishableKey }) };
}

async function setStock(s: Pick<Shop, 'adminKey' | 'sku'>, units: number) {
  const res = await api('POST', '/admin/stock/adjustments', { key: s.adminKey, body: { changes: [{ sku: s.sku, set: units }] } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** People waiting on the variant, in join order, through the waitlist's own repository. */
async function seedWaitlist(s: Shop, n: number): Promise<string[]> {
  const listId = `sku:${s.sku}`;
  const emails = Array.from({ length: n }, (_, i) => `w${String(i).padStart(4, '0')}+${s.tenantId}@mail.example`);
  // Sequential join sequence (so join order is the index), activation in parallel batches.
  // Join order is the index (the join time below); sequences are allocated 25 at a time.
  const seqs: number[] = [];
  for (let i = 0; i < n; i += 25) seqs.push(...(await Promise.all(Array.from({ length: Math.min(25, n - i) }, () => repo.allocateSeq(s.tenantId, listId)))));
  const now = new Date();
  for (let i = 0; i < n; i += 25) {
    await Promise.all(
      emails.slice(i, i + 25).map(async (email, k) => {
        const id = identityOf(s.tenantId, { email });
        const joinedAt = new Date(now.getTime() - (n - (i + k)) * 1000).toISOString();
        const res = await repo.activate(
          {
            tenantId: s.tenantId,
            listId,
            entryId: `wl_${uid()}${i + k}`,
            productId: s.productId,
            sku: s.sku,
            status: 'active',
            subscriberId: id.subscriberId,
            contactHashes: id.hashes,
            email,
            channels: { email: true, sms: false },
            locale: 'en',
            consent: { given: true, textVersion: 'v1', recordedAt: joinedAt, source: 'https://shop.example' },
            createdAt: joinedAt,
            updatesSent: 0,
          },
          seqs[i + k]!,
          new Date(joinedAt),
          { reviewAt: new Date(now.getTime() + 90 * 86_400_000).toISOString(), fromPending: false },
        );
        expect(res.status).toBe('activated');
      }),
    );
  }
  return emails;
}

/** Every captured e-mail to these addresses, grouped by address (one read of the mail store). */
async function mailOf(addresses: string[]): Promise<Map<string, CapturedEmail[]>> {
  const store = (await (await fetch(`${ctx.urls.mail}/store`)).json()) as { emails: CapturedEmail[] };
  const wanted = new Set(addresses);
  const out = new Map<string, CapturedEmail[]>(addresses.map((a) => [a, []]));
  for (const m of store.emails) for (const to of m.destination.to) if (wanted.has(to)) out.get(to)!.push(m);
  return out;
}

const isWave = (m: CapturedEmail) => /^It is back|^Early access/.test(m.subject);
const isKeepPlace = (m: CapturedEmail) => /sold out before your turn/.test(m.subject);

/** The early-access token in a wave message (following a tracked link to its target). */
async function accessTokenIn(m: CapturedEmail): Promise<string> {
  for (const u of urlsIn(textOf(m))) {
    const target = await landing(u);
    const token = new URL(target).searchParams.get('restock_access');
    if (token) return token;
  }
  throw new Error(`no early-access link in "${m.subject}"`);
}

const progressOf = async (s: Shop, releaseId: string) => {
  const res = await s.admin.GET('/admin/releases/{releaseId}', { params: { path: { releaseId } } });
  expect(res.response.status, JSON.stringify(res.error)).toBe(200);
  return res.data!;
};

async function startRelease(s: Shop, config: ReleaseConfig, extra: { units?: number } = {}) {
  const res = await s.admin.POST('/admin/releases', { body: { productId: s.productId, sku: s.sku, config, ...extra } });
  expect(res.response.status, JSON.stringify(res.error)).toBe(201);
  return res.data!.releaseId;
}

const pause = (s: Shop, releaseId: string) => s.admin.POST('/admin/releases/{releaseId}/pause', { params: { path: { releaseId } } });
const resume = (s: Shop, releaseId: string) => s.admin.POST('/admin/releases/{releaseId}/resume', { params: { path: { releaseId } } });
const cancel = (s: Shop, releaseId: string) => s.admin.POST('/admin/releases/{releaseId}/cancel', { params: { path: { releaseId } } });

const order = (s: Shop, email: string, quantity = 1) =>
  api('POST', '/admin/orders/webhook', { key: s.adminKey, body: { type: 'placed', orderId: `ord-${uid()}`, shopper: { email }, lines: [{ sku: s.sku, quantity, price: 12900 }] } });

describe('restock release', () => {
  it('500 waiting, 3 units: waves grow with no sales, stop at the sell-out, the rest are told they keep their place', { timeout: 600_000 }, async () => {
    const s = await shop(3);
    const emails = await seedWaitlist(s, 500);
    // maxWave bounds each wave so the list is not exhausted before the purchases land.
    const releaseId = await startRelease(s, { maxWave: 100 });

    const afterThree = await eventually(async () => {
      const p = await progressOf(s, releaseId);
      return p.waves.filter((w) => w.sentAt).length >= 3 && p;
    }, 'three waves sent', 300_000);
    expect((await pause(s, releaseId)).response.status).toBe(200);
    // Paused between two batches: nothing moves any more.
    const paused = await eventually(async () => {
      const a = await progressOf(s, releaseId);
      await new Promise((r) => setTimeout(r, 400));
      const b = await progressOf(s, releaseId);
      return a.paused && a.audience.notified === b.audience.notified && b.waves.length === a.waves.length && b;
    }, 'the release to stop between batches', 60_000);
    expect(afterThree.units.sold).toBe(0);
    const sizes = paused.waves.map((w) => w.size);
    // No sales: each wave larger than the one before (until the maxWave cap).
    expect(sizes[1]).toBeGreaterThan(sizes[0]!);
    expect(sizes[2]).toBeGreaterThan(sizes[1]!);
    expect(paused.waves.every((w) => w.conversions === 0)).toBe(true);
    expect(paused.audience.remaining).toBeGreaterThan(0);

    // Three people who got the early-access message buy through the shop's checkout.
    const notifiedMail = await mailOf(emails);
    const buyers = emails.filter((e) => notifiedMail.get(e)!.some(isWave)).slice(0, 3);
    expect(buyers).toHaveLength(3);
    for (const b of buyers) expect((await order(s, b)).status).toBe(202);
    await eventually(async () => (await progressOf(s, releaseId)).units.sold === 3, 'the three sales attributed');

    expect((await resume(s, releaseId)).response.status).toBe(200);
    const done = await eventually(async () => {
      const p = await progressOf(s, releaseId);
      return p.state === 'completed' && p;
    }, 'the release to finish', 300_000).catch(async (e) => {
      throw new Error(`${(e as Error).message}; release now: ${JSON.stringify(await progressOf(s, releaseId))}`);
    });
    expect(done.endReason).toBe('sold_out');
    expect(done.conversions).toBe(3);
    expect(done.waves.reduce((n, w) => n + w.conversions, 0)).toBe(3);
    expect(done.waves.length).toBe(paused.waves.length); // no wave after the sell-out

    const mail = await mailOf(emails);
    let notified = 0;
    for (const e of emails) {
      const got = mail.get(e)!;
      const waves = got.filter(isWave).length;
      const keep = got.filter(isKeepPlace).length;
      expect(waves, e).toBeLessThanOrEqual(1);
      notified += waves;
      if (buyers.includes(e)) expect(keep, e).toBe(0);
      else expect(keep, `${e} keeps their place (release: ${JSON.stringify({ notices: done.notices, audience: done.audience, retried: done.retried, waves: done.waves.map((w) => [w.size, w.counts]) })})`).toBe(1);
      expect(got.length, e).toBe(waves + keep);
    }
    // Reached by a wave = sent a wave message, or deferred (e.g. throttled) and then dropped at
    // the sell-out in favour of the closing notice, which everyone above received.
    expect(notified).toBeLessThanOrEqual(done.audience.notified);
    expect(done.audience.notified - notified).toBeLessThanOrEqual(done.droppedAtSellOut);
    expect(notified).toBeLessThan(500);
  });

  it('holds lapse and their units roll over into the next wave; a paid hold is a sale', { timeout: 400_000 }, async () => {
    const s = await shop(2);
    const emails = await seedWaitlist(s, 200);
    // A 15-second hold (real time). Waves 7 days apart and the public opening after 30 days of
    // the compressed clock (7 s and 30 s real) keep the release going while holds run and lapse.
    const releaseId = await startRelease(s, { maxWave: 10, holdMinutes: 0.25, windowMinutes: 10_080, checkMinutes: 60, publicAfterHours: 720 });
    await eventually(async () => (await progressOf(s, releaseId)).waves.some((w) => w.sentAt), 'a first wave', 120_000);
    const waveMail = [...(await mailOf(emails)).entries()].filter(([, m]) => m.some(isWave));
    const tokens = await Promise.all(waveMail.slice(0, 3).map(async ([, m]) => accessTokenIn(m.find(isWave)!)));
    const accessFor = async (token: string) => {
      const access = await s.storefront.GET('/storefront/early-access', { params: { query: { token } } });
      expect(access.response.status, JSON.stringify(access.error)).toBe(200);
      return access.data!;
    };
    const claimWith = async (claimToken: string | undefined) => {
      const claimed = await s.storefront.POST('/storefront/claims', { body: { token: claimToken! } });
      expect(claimed.response.status, JSON.stringify(claimed.error)).toBe(201);
      return claimed.data!;
    };
    const claimFor = async (token: string) => claimWith((await accessFor(token)).claimToken);
    const claimOf = async (claimId: string) => {
      const c = await s.storefront.GET('/storefront/claims/{claimId}', { params: { path: { claimId } } });
      expect(c.response.status, JSON.stringify(c.error)).toBe(200);
      return c.data!;
    };
    // Three shoppers open their links while both units are free: each may claim.
    const offers = await Promise.all(tokens.map(accessFor));
    expect(offers.map((o) => [o.mayBuyNow, typeof o.claimToken])).toEqual([
      [true, 'string'],
      [true, 'string'],
      [true, 'string'],
    ]);
    const first = await claimWith(offers[0]!.claimToken);
    await claimWith(offers[1]!.claimToken);
    const third = await api('POST', '/storefront/claims', { headers: { 'x-restock-key': s.publishableKey }, body: { token: offers[2]!.claimToken } });
    expect(third.status, `no unit left for a third claim: ${JSON.stringify(third.body)}`).toBe(409);
    // Opened now, the link says so honestly: nothing to claim, the place is kept.
    expect(await accessFor(tokens[2]!)).toMatchObject({ mayBuyNow: false, reason: 'all_units_held', keepsPlace: true });

    // Both units held: the release sends no wave while the holds run.
    const held = await progressOf(s, releaseId);
    expect(held.units).toMatchObject({ free: 0, held: 2 });
    const wavesWhileHeld = held.waves.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await progressOf(s, releaseId)).waves.length).toBe(wavesWhileHeld);

    // They lapse: the units go back to the pool and the next wave is sized for them.
    const rolled = await eventually(async () => {
      const p = await progressOf(s, releaseId);
      return p.waves.length > wavesWhileHeld && p;
    }, 'a wave after the holds lapsed', 120_000).catch(async (e) => {
      throw new Error(`${(e as Error).message}; release now: ${JSON.stringify(await progressOf(s, releaseId))}`);
    });
    // The next wave is sized for the units that came back (both, or the first to lapse).
    const next = rolled.waves[wavesWhileHeld]!;
    expect(next.estimate.freeUnits).toBeGreaterThanOrEqual(1);
    await eventually(async () => {
      const p = await progressOf(s, releaseId);
      return p.units.free === 2 && p.units.held === 0;
    }, 'both units back in the pool');
    expect((await claimOf(first.claimId)).status).toBe('lapsed');
    // One hold per person and release: the lapsed shopper cannot claim again.
    const again = await accessFor(tokens[0]!);
    expect(again.claimToken).toBeUndefined();

    // A hold that is paid becomes a sale: its unit does not come back.
    const buyerToken = tokens[2]!;
    const buyerEmail = waveMail[2]![0];
    const paid = await claimFor(buyerToken);
    expect((await order(s, buyerEmail)).status).toBe(202);
    await eventually(async () => (await claimOf(paid.claimId)).status === 'converted', 'the hold converted by the order');
    const after = await progressOf(s, releaseId);
    expect(after.units.sold).toBe(1);
    expect(after.units.free + after.units.held).toBeLessThanOrEqual(1);
    await cancel(s, releaseId);
  });

  it('1,000 concurrent claims for 100 units grant exactly 100', { timeout: 400_000 }, async () => {
    const tenantId = `t${uid()}${uid()}`;
    const releaseId = `r-conc-${uid()}`;
    const pool = { tableName, tenantId, releaseId, shards: shardCountFor(100) };
    await createPool(pool, 100);
    // Requests actually on the wire: sockets in use in the SDK's HTTP agent, sampled every 2 ms
    // (the SDK queues the rest: its default pool is 50 sockets).
    const agent = (await (dynamo.config.requestHandler as unknown as { configProvider: Promise<{ httpAgent?: { sockets: Record<string, unknown[]>; maxSockets: number } }> }).configProvider).httpAgent;
    let maxInFlight = 0;
    const sampler = setInterval(() => {
      const n = Object.values(agent?.sockets ?? {}).reduce((sum, list) => sum + list.length, 0);
      if (n > maxInFlight) maxInFlight = n;
    }, 2);
    try {
      const t0 = Date.now();
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, i) => claimUnit(pool, { entryId: `wl_${i}`, productId: 'p', sku: 'S', refs: [], tokenId: `j${i}`, holdMinutes: 15 })),
      );
      const granted = results.filter((r) => r.status === 'held');
      expect(granted).toHaveLength(100);
      expect(results.filter((r) => r.status === 'none_left')).toHaveLength(900);
      expect(new Set(granted.map((g) => (g.status === 'held' ? g.hold.entryId : ''))).size).toBe(100);
      expect((await readPool(pool)).reduce((a, b) => a + b, 0)).toBe(0);
      console.log(
        `[release] 1,000 claims started at once for 100 units on ${pool.shards} shards: granted ${granted.length}, refused ${results.length - granted.length}; ` +
          `max DynamoDB requests on the wire at once ${maxInFlight} (SDK socket pool ${agent?.maxSockets}); most probes by one claim ${Math.max(...results.map((r) => r.probes))}; ${Date.now() - t0} ms`,
      );
      expect(maxInFlight).toBeGreaterThan(20);
    } finally {
      clearInterval(sampler);
    }
  });

  it('a crash mid-release, then resume: nobody is sent twice, nobody is skipped (workflow stopped mid-wave)', { timeout: 600_000 }, async () => {
    const s = await shop(3);
    const emails = await seedWaitlist(s, 300);
    const releaseId = await startRelease(s, { maxWave: 100 });
    const sfn = new SFNClient({});
    // Kill the execution while a wave is being sent (its pages are stored, the cursor is not moved).
    const inFlight = await eventually(async () => {
      const p = await progressOf(s, releaseId);
      return p.job?.kind === 'wave' && p.waves.length >= 2 && p;
    }, 'the second wave in progress', 300_000);
    const execution = inFlight.execution.name!;
    const stateMachineArn = await findReleaseMachineArn();
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`;
    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Crash', cause: 'test: the workflow dies mid-wave' }));
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('ABORTED');
    const frozen = await progressOf(s, releaseId);
    expect(frozen.execution.status).toBe('ABORTED');

    const resumed = await resume(s, releaseId);
    expect(resumed.response.status).toBe(200);
    expect(resumed.data!.restarted).toBe(true);
    // Sell out so the release ends, then check every mailbox.
    await eventually(async () => (await progressOf(s, releaseId)).waves.length >= 3, 'waves after the resume', 300_000);
    const someone = (await mailOf(emails)).entries();
    let bought = 0;
    for (const [e, m] of someone) {
      if (bought < 3 && m.some(isWave)) {
        expect((await order(s, e)).status).toBe(202);
        bought++;
      }
    }
    const done = await eventually(async () => {
      const p = await progressOf(s, releaseId);
      return p.state === 'completed' && p;
    }, 'the release to finish', 300_000).catch(async (e) => {
      throw new Error(`${(e as Error).message}; release now: ${JSON.stringify(await progressOf(s, releaseId))}`);
    });
    const mail = await mailOf(emails);
    for (const e of emails) {
      const got = mail.get(e)!;
      expect(got.filter(isWave).length, `${e}: at most one wave message`).toBeLessThanOrEqual(1);
      expect(got.filter(isKeepPlace).length, `${e}: at most one keep-your-place`).toBeLessThanOrEqual(1);
      // Skipped by nobody: everyone heard something (a wave, or that they keep their place).
      expect(got.length, `${e}: told`).toBeGreaterThanOrEqual(1);
    }
    const waveMail = emails.filter((e) => mail.get(e)!.some(isWave)).length;
    expect(waveMail).toBeLessThanOrEqual(done.audience.notified);
    expect(done.audience.notified - waveMail).toBeLessThanOrEqual(done.droppedAtSellOut);
  });

  it('a crash inside a page (after some messages, before the page is recorded), then resume: exactly one message each', { timeout: 400_000 }, async () => {
    // The same steps the Lambdas run, driven in-process, with a sender that dies after 37
    // messages: the crash point the Step Functions retry and the ledger exist for.
    const s = await shop(5);
    const emails = await seedWaitlist(s, 150);
    const ports = defaultPorts({ tableName, publicApiUrl: ctx.urls.api });
    let sends = 0;
    const crashing = { ...ports, sender: { send: async (...a: Parameters<typeof ports.sender.send>) => (++sends > 37 ? Promise.reject(new Error('container died')) : ports.sender.send(...a)) } };
    const started: string[] = [];
    const fakeSfn = { send: async (cmd: { input: { name?: string } }) => (cmd.constructor.name === 'DescribeExecutionCommand' ? { status: 'FAILED' } : (started.push(cmd.input.name!), {})) };
    const admin = { tableName, ports, stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:local-test', senderEmail: 'no-reply@restock.local', sfn: fakeSfn as never, now: () => new Date() };
    const { release } = await createRelease(admin, s.tenantId, { productId: s.productId, sku: s.sku, config: { maxWave: 200 } });
    const drive = async (c: typeof ports, execution: string, maxSteps = 200) => {
      const wf = { tableName, busName: ctx.env.EVENT_BUS_NAME ?? 'none', ports: c, now: () => new Date() };
      let iteration = 0;
      for (let i = 0; i < maxSteps; i++) {
        const t = await tick(wf, { tenantId: s.tenantId, releaseId: release.releaseId, execution, iteration });
        iteration = t.iteration;
        if (t.action === 'end') return t.reason;
        if (t.action === 'send') {
          for (const page of t.pages) await sendPage(wf, { tenantId: s.tenantId, releaseId: release.releaseId, execution, jobId: t.jobId, page });
          await commit(wf, { tenantId: s.tenantId, releaseId: release.releaseId, execution, jobId: t.jobId, batch: t.batch });
        }
        if (t.action === 'continue') execution = t.nextExecution;
        const r = await getRelease(tableName, s.tenantId, release.releaseId);
        if (r?.waves.some((w) => w.sentAt)) return 'first_wave_sent';
      }
      return 'steps_exhausted';
    };
    await expect(drive(crashing, started[0]!)).rejects.toThrow('container died');
    await new Promise((r) => setTimeout(r, 1000)); // sends already under way when the "container" died finish
    expect([...(await mailOf(emails)).values()].filter((m) => m.some(isWave)).length, '37 messages out before the crash').toBe(37);
    const mid = await getRelease(tableName, s.tenantId, release.releaseId);
    expect(mid!.job?.pages.length, 'the batch is still stored for a retry').toBeGreaterThan(0);
    expect(mid!.notified, 'the cursor did not move').toBe(0);

    const resumed = await resumeRelease(admin, s.tenantId, release.releaseId);
    expect(resumed.restarted).toBe(true);
    expect(await drive(ports, started[1]!)).toBe('first_wave_sent');
    const after = await getRelease(tableName, s.tenantId, release.releaseId);
    const wave = after!.waves[0]!;
    const mail = await mailOf(emails);
    const got = emails.map((e) => mail.get(e)!.filter(isWave).length);
    expect(Math.max(...got), 'nobody twice').toBe(1);
    expect(got.filter((n) => n === 1).length, 'nobody in the wave skipped').toBe(wave.size);
    expect(wave.counts.duplicate, 'the 37 sent before the crash were recognised by the ledger').toBe(37);
    expect(wave.delivered).toBe(wave.size);
  });

  it('refuses a forged, tampered, expired or foreign link, and a claim link used twice', { timeout: 400_000 }, async () => {
    const s = await shop(2);
    const emails = await seedWaitlist(s, 30);
    const releaseId = await startRelease(s, { maxWave: 5 });
    await eventually(async () => (await progressOf(s, releaseId)).waves.some((w) => w.sentAt), 'a first wave', 120_000);
    const mail = await mailOf(emails);
    const [email, messages] = [...mail.entries()].find(([, m]) => m.some(isWave))!;
    void email;
    const token = await accessTokenIn(messages.find(isWave)!);
    const sf = { headers: { 'x-restock-key': s.publishableKey } };
    const access = (t: string) => api('GET', `/storefront/early-access?token=${encodeURIComponent(t)}`, sf);

    const ok = await s.storefront.GET('/storefront/early-access', { params: { query: { token } } });
    expect(ok.response.status, JSON.stringify(ok.error)).toBe(200);
    expect(ok.data).toMatchObject({ mayBuyNow: true, reason: 'early_access', releaseId });

    const [v, kid, payload] = token.split('.');
    const forged = signLink(JSON.parse(Buffer.from(payload!, 'base64url').toString()), { id: kid!, secret: randomBytes(32) });
    expect((await access(forged)).status).toBe(403);
    expect((await access(forged)).body.error.fields[0].reason).toBe('bad_signature');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = `${v}.${kid}.${Buffer.from(JSON.stringify({ ...claims, e: 'someone-else' })).toString('base64url')}.${token.split('.')[3]}`;
    expect((await access(tampered)).status).toBe(403);
    const expired = await mintLink(tableName, { ...claims, j: undefined, x: Math.floor(Date.now() / 1000) - 1 });
    const expiredRes = await access(expired);
    expect(expiredRes.status).toBe(403);
    expect(expiredRes.body.error.fields[0].reason).toBe('expired');
    // Another shop's publishable key: the link is bound to its tenant.
    const other = await shop(0);
    const foreign = await api('GET', `/storefront/early-access?token=${encodeURIComponent(token)}`, { headers: { 'x-restock-key': other.publishableKey } });
    expect(foreign.status).toBe(403);
    // The access token is not a claim token (purpose).
    expect((await api('POST', '/storefront/claims', { ...sf, body: { token } })).status).toBe(403);
    // A claim token holds once.
    const claimed = await s.storefront.POST('/storefront/claims', { body: { token: ok.data!.claimToken! } });
    expect(claimed.response.status, JSON.stringify(claimed.error)).toBe(201);
    const { claimId } = claimed.data!;
    expect((await api('POST', '/storefront/claims', { ...sf, body: { token: ok.data!.claimToken } })).status).toBe(409);
    const mine = await s.storefront.GET('/storefront/early-access', { params: { query: { token } } });
    expect(mine.data).toMatchObject({ mayBuyNow: true, reason: 'holding', hold: { claimId, status: 'held' } });
    expect((await s.storefront.DELETE('/storefront/claims/{claimId}', { params: { path: { claimId } } })).response.status).toBe(204);
    expect((await s.storefront.GET('/storefront/claims/{claimId}', { params: { path: { claimId } } })).data!.status).toBe('released');
    expect((await api('GET', `/storefront/claims/${claimId.slice(0, -3)}xyz`, sf)).status).toBe(404);
    await cancel(s, releaseId);
  });

  it('plans without side effects, refuses to start a release that fails the pre-launch check, and writes campaign copy', { timeout: 400_000 }, async () => {
    const s = await shop(3);
    const empty = await s.admin.POST('/admin/releases/plan', { body: { productId: s.productId, sku: s.sku } });
    expect(empty.response.status).toBe(200);
    expect(empty.data!.check.ok).toBe(false);
    expect(empty.data!.check.items.find((i) => i.id === 'waitlist_ready')!.ok).toBe(false);
    const refused = await api('POST', '/admin/releases', { key: s.adminKey, body: { productId: s.productId, sku: s.sku } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toContain('waitlist_ready');

    await seedWaitlist(s, 120);
    const planned = await s.admin.POST('/admin/releases/plan', { body: { productId: s.productId, sku: s.sku, units: 3 } });
    expect(planned.response.status, JSON.stringify(planned.error)).toBe(200);
    const plan = planned.data!;
    expect(plan.check).toMatchObject({ ok: true });
    expect(plan.waiting).toBe(120);
    expect(plan.preview.waves.length).toBeGreaterThan(0);
    expect(plan.preview.waves[0]).toMatchObject({ n: 1, atHours: 0 });
    expect(plan.preview.expected.unitsSold24h).toBeLessThanOrEqual(3);
    expect(plan.preview.expected).toHaveProperty('disappointed');
    expect((await s.admin.GET('/admin/releases')).data!.items).toEqual([]);
    const tooMany = await s.admin.POST('/admin/releases/plan', { body: { productId: s.productId, sku: s.sku, units: 50 } });
    expect(tooMany.data!.check.items.find((i) => i.id === 'stock_secured')!.ok).toBe(false);

    const releaseId = await startRelease(s, { flashDiscount: { percent: 15, code: 'DROP15' } }, { units: 3 });
    const duplicate = await api('POST', '/admin/releases', { key: s.adminKey, body: { productId: s.productId, sku: s.sku } });
    expect(duplicate.status, 'one release per variant at a time').toBe(409);
    const copy = await s.admin.GET('/admin/releases/{releaseId}/campaign', { params: { path: { releaseId }, query: { locale: 'it,en' } } });
    expect(copy.response.status).toBe(200);
    const locales = copy.data!.locales;
    expect(locales.map((l) => l.locale)).toEqual(['it', 'en']);
    expect(locales[1]!.email.subject).toContain('Sneaker drop');
    expect(locales[1]!.sms).toContain('DROP15');
    expect(locales[0]!.social).toContain('15%');
    expect((await cancel(s, releaseId)).data!.state).toBe('cancelled');
  });

  it('BackInStock starts a release by itself when people are waiting', { timeout: 400_000 }, async () => {
    const s = await shop(0, { autoRelease: true });
    await seedWaitlist(s, 20);
    await setStock(s, 4);
    const listed = await eventually(async () => {
      const items = (await s.admin.GET('/admin/releases')).data!.items;
      return items.length > 0 && items;
    }, 'a release from BackInStock');
    expect(listed[0]).toMatchObject({ sku: s.sku });
    const p = await progressOf(s, listed[0]!.releaseId);
    expect(p.trigger).toBe('back_in_stock');
    await cancel(s, listed[0]!.releaseId);
  });
});

async function findReleaseMachineArn(): Promise<string> {
  const state = (await (await fetch(`${ctx.urls.console}/_local/state`)).json()) as { executions: { executionArn: string; stateMachine: string }[] };
  const e = state.executions.find((x) => x.stateMachine.endsWith('-release'));
  if (!e) throw new Error('no release execution seen');
  return e.executionArn.split(':').slice(0, 7).join(':').replace(':execution:', ':stateMachine:');
}
