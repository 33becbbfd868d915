/**
 * Benchmark (not a test) of feed ingestion on the local stack.
 *
 *   npm run bench:feed          # SKUS=100000 ROWS_SMALL=100000 ROWS_LARGE=1000000 NAIVE_ROWS=20000
 *
 * Starts its own throwaway local stack, creates a tenant with a catalog of SKUS SKUs (products of
 * 10 variants, stock at 10 locations, written directly with BatchWrite), generates feeds to disk
 * and uploads them to the local S3 (streamed; never held in memory), then runs the single-pass
 * ingestion — the same runSingle the trigger Lambda calls — in a child process per run, so the
 * peak RSS reported is that of the process doing the ingestion and nothing else (the stack's
 * emulators live in this parent). DynamoDB writes are counted in the child by a middleware on the
 * shared client; events are counted where they arrive, on the local bus.
 *
 * Feeds (SKU-major order, as ERP exports usually are):
 *   small — one row per SKU at L0; 1 % changed (+5 units), 0.5 % bad rows;
 *   small again — the same file: must cost zero stock writes and zero events;
 *   large — every SKU at 10 locations; 1 % changed (1 % of SKUs go to 0 everywhere: each emits
 *           StockDepleted), 0.1 % bad rows.
 * Beside them: parse + validate + diff with the catalog in memory (no DynamoDB), and the naive
 * baseline (whole object in memory, one PutItem per row) on NAIVE_ROWS rows.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once as eventOnce } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

const SKUS = Number(process.env.SKUS ?? 100_000);
const ROWS_SMALL = Number(process.env.ROWS_SMALL ?? 100_000);
const ROWS_LARGE = Number(process.env.ROWS_LARGE ?? 1_000_000);
const NAIVE_ROWS = Number(process.env.NAIVE_ROWS ?? 20_000);
const LOCATIONS = 10;
const VARIANTS = 10;
const BENCH_BUS = 'bench-feed-bus';

const sku = (i: number) => `SKU-${String(i).padStart(6, '0')}`;
const productOf = (i: number) => `P${String(Math.floor(i / VARIANTS)).padStart(5, '0')}`;
/** Catalog stock of SKU i at location l, before any feed. */
const base = (i: number, l: number) => ((i * 7 + l * 13) % 50) + 1;

type RowKind = 'same' | 'changed' | 'bad';
interface FeedSpec {
  rows: number;
  /** Row r of the file: its SKU index, location, quantity text (or a bad row). */
  row: (r: number) => { kind: RowKind; line: string };
}

/** One row per SKU at L0: every 100th SKU +5, every 200th (offset 1) a bad row. */
const smallFeed = (rows: number): FeedSpec => ({
  rows,
  row: (i) => {
    const s = i % SKUS;
    if (i % 200 === 1) {
      const bad = [`${sku(s)},-3,L0`, `${sku(s)},abc,L0`, `NOPE-${i},4,L0`, `${sku(s)},,L0`][Math.floor(i / 200) % 4]!;
      return { kind: 'bad', line: bad };
    }
    if (s % 100 === 0) return { kind: 'changed', line: `${sku(s)},${base(s, 0) + 5},L0` };
    return { kind: 'same', line: `${sku(s)},${base(s, 0)},L0` };
  },
});

/** Every SKU at every location (after the small feed): 1 % of SKUs to 0 everywhere, 0.1 % bad rows. */
const largeFeed = (rows: number): FeedSpec => ({
  rows,
  row: (r) => {
    const s = Math.floor(r / LOCATIONS) % SKUS;
    const l = r % LOCATIONS;
    if (r % 1000 === 999) return { kind: 'bad', line: `${sku(s)},${-1 - l},L${l}` };
    if (s % 100 === 50) return { kind: 'changed', line: `${sku(s)},0,L${l}` };
    const qty = base(s, l) + (s % 100 === 0 && l === 0 ? 5 : 0);
    return { kind: 'same', line: `${sku(s)},${qty},L${l}` };
  },
});

async function writeFeed(file: string, spec: FeedSpec): Promise<{ bytes: number; changed: number; bad: number }> {
  const out = createWriteStream(file);
  let changed = 0;
  let bad = 0;
  let buf = 'sku,quantity,location\n';
  for (let r = 0; r < spec.rows; r++) {
    const { kind, line } = spec.row(r);
    if (kind === 'changed') changed++;
    if (kind === 'bad') bad++;
    buf += line + '\n';
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await eventOnce(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await eventOnce(out, 'finish');
  return { bytes: statSync(file).size, changed, bad };
}

// ---------------------------------------------------------------------------------------------
// Child: one ingestion run, measured in its own process.
// ---------------------------------------------------------------------------------------------

interface ChildJob {
  kind: 'stream' | 'cpu' | 'naive';
  tableName: string;
  bucket: string;
  key: string;
  tenantId: string;
  feedId?: string;
}

interface ChildResult {
  ms: number;
  maxRssMB: number;
  baselineRssMB: number;
  startupMaxRssMB: number;
  runPeakRssMB: number;
  counts: { rowsRead: number; applied: number; unchanged: number; rejected: number; zeroed: number };
  events: number;
  stockWrites: number;
  bookkeepingWrites: number;
  readCalls: number;
}

async function child(job: ChildJob): Promise<ChildResult> {
  const { dynamo } = await import('../../shared/data/client.js');
  const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
  const s3 = new S3Client({ forcePathStyle: true });
  let stockWrites = 0;
  let bookkeepingWrites = 0;
  let readCalls = 0;
  const timing: Record<string, { n: number; ms: number }> = {};
  // Write request counts per command, split into stock (the measure) and feed bookkeeping.
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, any>;
      const name = context.commandName ?? '';
      const skOf = (key: Record<string, any> | undefined) => String(key?.sk?.S ?? key?.sk ?? '');
      if (/^(PutItem|UpdateItem|DeleteItem)Command$/.test(name)) {
        const sk = skOf(input.Key ?? input.Item);
        if (sk.startsWith('FEED#') || sk === 'IDEMP') bookkeepingWrites++;
        else stockWrites++;
      } else if (name === 'BatchWriteItemCommand') {
        for (const reqs of Object.values(input.RequestItems ?? {}) as unknown[][]) stockWrites += reqs.length;
      } else if (name === 'TransactWriteItemsCommand') stockWrites += (input.TransactItems ?? []).length;
      else if (/^(GetItem|BatchGetItem|Query)Command$/.test(name)) readCalls++;
      if (!process.env.BENCH_DEBUG) return next(args);
      const t = performance.now();
      try {
        return await next(args);
      } finally {
        const e = (timing[name] ??= { n: 0, ms: 0 });
        e.n++;
        e.ms += performance.now() - t;
      }
    },
    { step: 'initialize', name: 'benchWriteCounter' },
  );

  const { runSingle } = await import('../../shared/inventory/feeds/ingest-runs.js');
  const { Store } = await import('../../shared/data/store.js');
  const { Feed } = await import('../../shared/inventory/feeds/feed-record.js');
  const { ingestStream } = await import('../../shared/inventory/feeds/ingest.js');
  const { objectBytes } = await import('../../shared/inventory/feeds/ingest-s3.js');
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  // What the process weighs before ingesting (node, the tsx loader, the AWS SDK clients).
  const baselineRssMB = process.memoryUsage().rss / 2 ** 20;
  const startupMaxRssMB = process.resourceUsage().maxRSS / 1024;
  // maxRSS is a lifetime high-water mark (module loading included): sample the run's own peak too.
  let runPeakRssMB = 0;
  const sample = () => (runPeakRssMB = Math.max(runPeakRssMB, process.memoryUsage().rss / 2 ** 20));
  const sampler = setInterval(sample, 10);
  const t0 = performance.now();
  let counts: ChildResult['counts'];
  let events = 0;
  if (job.kind === 'stream') {
    const feed = (await new Store(job.tableName).get(Feed, { tenantId: job.tenantId, feedId: job.feedId! }, true))!;
    const report = await runSingle({ tableName: job.tableName, busName: BENCH_BUS, bucket: job.bucket, s3 }, feed, { key: job.key });
    counts = report.counts;
    events = report.events;
  } else if (job.kind === 'cpu') {
    // Parse + validate + diff only: the catalog is computed, not read (O(1) memory, no I/O).
    const memory = {
      async resolveSkus(skus: string[]) {
        const m = new Map<string, string>();
        for (const s of skus) {
          const i = Number(s.slice(4));
          if (s.startsWith('SKU-') && i < SKUS) m.set(s, productOf(i));
        }
        return m;
      },
      async loadProducts(ids: string[]) {
        const m = new Map();
        for (const id of ids) {
          const p = Number(id.slice(1));
          const variants: Record<string, { onHand: Record<string, number> }> = {};
          for (let v = 0; v < VARIANTS; v++) {
            const i = p * VARIANTS + v;
            const onHand: Record<string, number> = {};
            // The catalog as the small feed left it (+5 at L0 on every 100th SKU).
            for (let l = 0; l < LOCATIONS; l++) onHand[`L${l}`] = base(i, l) + (i % 100 === 0 && l === 0 ? 5 : 0);
            variants[sku(i)] = { onHand };
          }
          m.set(id, { productId: id, variants });
        }
        return m;
      },
      async apply(): Promise<never> {
        throw new Error('dry run applies nothing');
      },
      async *listProducts() {},
      async locations() {
        return null;
      },
    };
    // Read the object to a buffer pool first so the figure is CPU, not the local S3 server.
    const chunks: Uint8Array[] = [];
    for await (const c of objectBytes(s3, job.bucket, job.key)) chunks.push(c);
    async function* replay() {
      yield* chunks;
    }
    // One warm-up pass (JIT), as a warm Lambda container would have had.
    await ingestStream(memory, replay(), { defaultLocation: 'L0', dryRun: true });
    const t1 = performance.now();
    const o = await ingestStream(memory, replay(), { defaultLocation: 'L0', dryRun: true });
    counts = o.body.counts;
    clearInterval(sampler);
    sample();
    return { ms: performance.now() - t1, maxRssMB: process.resourceUsage().maxRSS / 1024, baselineRssMB, startupMaxRssMB, runPeakRssMB, counts, events: 0, stockWrites, bookkeepingWrites, readCalls };
  } else {
    // The naive baseline: whole object in memory, split, one PutItem per row, no diff.
    const text = await (await s3.send(new GetObjectCommand({ Bucket: job.bucket, Key: job.key }))).Body!.transformToString('utf8');
    const lines = text.split('\n');
    let rows = 0;
    let rejected = 0;
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      rows++;
      const [s, q, l] = lines[i]!.split(',');
      const qty = Number(q);
      if (!s || !Number.isInteger(qty) || qty < 0 || q === '') {
        rejected++;
        continue;
      }
      await dynamo.send(new PutCommand({ TableName: job.tableName, Item: { pk: `T#${job.tenantId}#NAIVE#${s}#${l}`, sk: 'STOCK', qty } }));
    }
    counts = { rowsRead: rows, applied: rows - rejected, unchanged: 0, rejected, zeroed: 0 };
  }
  clearInterval(sampler);
  sample();
  if (process.env.BENCH_DEBUG) console.error(JSON.stringify(timing));
  return { ms: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024, baselineRssMB, startupMaxRssMB, runPeakRssMB, counts, events, stockWrites, bookkeepingWrites, readCalls };
}

// ---------------------------------------------------------------------------------------------
// Parent: the stack, the catalog, the feeds, the table.
// ---------------------------------------------------------------------------------------------

function runChild(job: ChildJob, env: Record<string, string>): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = fork(fileURLToPath(import.meta.url), ['--child'], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env, POWERTOOLS_LOG_LEVEL: 'WARN' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    p.once('message', (m: { result?: ChildResult; error?: string }) => (m.error ? reject(new Error(m.error)) : resolve(m.result!)));
    p.once('exit', (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
    p.send(job);
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const started = Date.now();
  const { startLocalStack } = await import('../../local/stack.js');
  console.error('Starting a throwaway local stack…');
  const stack = await startLocalStack({ operatorKey: `bench-${randomBytes(8).toString('hex')}`, quiet: true, autoSchedules: false });
  const work = mkdtempSync(path.join(tmpdir(), 'restock-bench-feed-'));
  try {
    Object.assign(process.env, stack.env);
    const { dynamo } = await import('../../shared/data/client.js');
    const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const { Store } = await import('../../shared/data/store.js');
    const { Product, SkuIndex } = await import('../../shared/inventory/model.js');
    const { Feed, feedOptionsSchema, feedReportKey, newFeedId } = await import('../../shared/inventory/feeds/feed-record.js');
    const tableName = stack.model.tables[0]!.name;
    const bucket = stack.model.buckets.find((b) => b.eventBridge)!.name;
    const store = new Store(tableName);
    const s3 = new S3Client({ forcePathStyle: true });

    // Events arrive on the local bus: count what the ingestion runs publish there.
    let busEvents = 0;
    const dispatch = stack.bus.dispatch.bind(stack.bus);
    stack.bus.dispatch = (busName, event) => {
      if (busName === BENCH_BUS) busEvents++;
      return dispatch(busName, event);
    };

    const tenantId = `tbench${randomBytes(6).toString('hex')}`;
    const { Tenant, tenantSettingsSchema } = await import('../../shared/tenants/model.js');
    await store.put(Tenant, { tenantId, name: 'Bench Shop', contactEmail: 'bench@shop.example', locale: 'en', status: 'active', createdAt: new Date().toISOString(), allowedOrigins: [], productCount: SKUS / VARIANTS, settings: tenantSettingsSchema.parse({}) });

    // Catalog: product items (variants + stock inside) and the SKU index, 25 per BatchWrite.
    console.error(`Writing the catalog: ${fmt(SKUS)} SKUs in ${fmt(SKUS / VARIANTS)} products, stock at ${LOCATIONS} locations…`);
    const t0 = Date.now();
    const now = new Date().toISOString();
    const items: Record<string, unknown>[] = [];
    const flush = async (all = false) => {
      const jobs: Promise<void>[] = [];
      while (items.length >= 25 || (all && items.length)) {
        let req: any[] = items.splice(0, 25).map((Item) => ({ PutRequest: { Item } }));
        jobs.push(
          (async () => {
            while (req.length) {
              const r = await dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: req } }));
              req = r.UnprocessedItems?.[tableName] ?? [];
            }
          })(),
        );
        if (jobs.length >= 8) await Promise.all(jobs.splice(0));
      }
      await Promise.all(jobs);
    };
    for (let p = 0; p < SKUS / VARIANTS; p++) {
      const productId = productOf(p * VARIANTS);
      const variants: Record<string, unknown> = {};
      for (let v = 0; v < VARIANTS; v++) {
        const i = p * VARIANTS + v;
        const onHand = Object.fromEntries(Array.from({ length: LOCATIONS }, (_, l) => [`L${l}`, base(i, l)]));
        variants[sku(i)] = { sku: sku(i), attributes: { size: String(36 + v) }, onHand, reserved: 0, allocated: 0, incoming: 0, state: 'in_stock', transitionSeq: 0 };
        items.push(store.toRecord(SkuIndex, { tenantId, sku: sku(i) }, { tenantId, sku: sku(i), productId }));
      }
      const product = Product.schema.parse({ tenantId, productId, title: `Product ${p}`, variants, createdAt: now, updatedAt: now });
      items.push(store.toRecord(Product, { tenantId, productId }, product as Record<string, unknown>));
      if (items.length >= 25 * 8) await flush();
    }
    await flush(true);
    console.error(`  catalog written in ${secs(Date.now() - t0)}`);

    const upload = async (name: string, spec: FeedSpec) => {
      const file = path.join(work, name);
      const meta = await writeFeed(file, spec);
      const key = `reports/bench/${name}`; // outside feeds/: no trigger, the bench drives ingestion
      // Streamed through a presigned PUT, as the CLI does (a plain body with Content-Length).
      const url = new URL(await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 3600 }));
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(url, { method: 'PUT', headers: { 'content-length': String(meta.bytes) } }, (r) => {
          r.resume();
          r.on('end', () => (r.statusCode === 200 ? resolve() : reject(new Error(`upload of ${name}: HTTP ${r.statusCode}`))));
        });
        req.on('error', reject);
        createReadStream(file).pipe(req);
      });
      return { key, ...meta };
    };
    const newFeed = async (key: string) => {
      const feedId = newFeedId();
      const t = new Date().toISOString();
      await store.put(Feed, { tenantId, feedId, filename: path.basename(key), objectKey: key, reportKey: feedReportKey(tenantId, feedId), options: feedOptionsSchema.parse({ location: 'L0' }), status: 'pending', attempts: 0, createdAt: t, updatedAt: t, uploadExpiresAt: t });
      return feedId;
    };

    interface Row {
      label: string;
      rows: number;
      changed: number;
      r: ChildResult;
      events: number;
    }
    const results: Row[] = [];
    const stream = async (label: string, key: string, changed: number) => {
      console.error(`Ingesting: ${label}…`);
      const before = busEvents;
      const r = await runChild({ kind: 'stream', tableName, bucket, key, tenantId, feedId: await newFeed(key) }, stack.env);
      await stack.settle();
      results.push({ label, rows: r.counts.rowsRead, changed, r, events: busEvents - before });
      console.error(`  ${secs(r.ms)}, ${fmt(r.counts.rowsRead / (r.ms / 1000))} rows/s, ${fmt(r.stockWrites)} stock writes, peak RSS ${r.runPeakRssMB.toFixed(0)} MB during the run, maxRSS ${r.maxRssMB.toFixed(0)} MB`);
    };

    const small = await upload('small.csv', smallFeed(ROWS_SMALL));
    await stream(`streamed, ${fmt(ROWS_SMALL)} rows`, small.key, small.changed);
    await stream(`same file again, ${fmt(ROWS_SMALL)} rows`, small.key, 0);
    const large = await upload('large.csv', largeFeed(ROWS_LARGE));
    await stream(`streamed, ${fmt(ROWS_LARGE)} rows`, large.key, large.changed);

    console.error('Parse + validate + diff only (catalog in memory, no DynamoDB)…');
    const cpu = await runChild({ kind: 'cpu', tableName, bucket, key: large.key, tenantId }, stack.env);
    results.push({ label: `parse + validate + diff only, ${fmt(ROWS_LARGE)} rows`, rows: cpu.counts.rowsRead, changed: large.changed, r: cpu, events: 0 });

    console.error(`Naive baseline on ${fmt(NAIVE_ROWS)} rows…`);
    const naiveFeed = await upload('naive.csv', largeFeed(NAIVE_ROWS));
    const naive = await runChild({ kind: 'naive', tableName, bucket, key: naiveFeed.key, tenantId }, stack.env);
    results.push({ label: `naive baseline (whole file, PutItem per row), ${fmt(NAIVE_ROWS)} rows`, rows: naive.counts.rowsRead, changed: naiveFeed.changed, r: naive, events: 0 });

    const lines = [
      `| run | rows | changed in file | applied | rejected | time | rows/s | peak RSS: run (process) | DynamoDB writes | writes / changed row | events |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
      ...results.map(({ label, rows, changed, r, events }) => {
        const dry = label.startsWith('parse');
        const perChanged = dry ? '—' : changed ? (r.stockWrites / changed).toFixed(2) : `${r.stockWrites} (nothing changed)`;
        return `| ${label} | ${fmt(rows)} | ${fmt(changed)} | ${fmt(r.counts.applied)}${dry ? ' (would)' : ''} | ${fmt(r.counts.rejected)} | ${secs(r.ms)} | ${fmt(rows / (r.ms / 1000))} | ${r.runPeakRssMB.toFixed(0)} MB (${r.maxRssMB.toFixed(0)} MB) | ${dry ? '—' : fmt(r.stockWrites)} | ${perChanged} | ${dry ? '—' : fmt(events)} |`;
      }),
    ];
    for (const { label, changed, r } of results) {
      if (!label.startsWith('naive') && r.counts.applied !== changed) console.error(`WARNING ${label}: applied ${r.counts.applied} ≠ ${changed} changed rows in the file`);
    }
    console.log(`\nFeed ingestion on the local stack (DynamoDB Local, s3rver), node ${process.version}, catalog ${fmt(SKUS)} SKUs × ${LOCATIONS} locations\n`);
    console.log(lines.join('\n'));
    console.log(
      `\nPeak RSS is the ingesting process's (a child per run): sampled during the run, and in brackets process.resourceUsage().maxRSS, the lifetime high-water mark that includes loading node, the tsx loader and the AWS SDK (startup alone: ${results.map((x) => x.r.startupMaxRssMB.toFixed(0)).join('/')} MB; RSS when the run starts: ${results.map((x) => x.r.baselineRssMB.toFixed(0)).join('/')} MB). "DynamoDB writes" counts stock writes (product updates, state changes, stock history), not the feed's own record. Events are those that reached the bus. Total bench time ${secs(Date.now() - started)}.`,
    );
  } finally {
    await stack.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child')) {
  process.once('message', (job: ChildJob) => {
    child(job).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (error: Error) => process.send!({ error: error.stack ?? error.message }, () => process.exit(1)),
    );
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
