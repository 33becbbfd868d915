/**
 * Benchmark (not a test) of the storefront API.
 *
 *   npm run bench:api                        # BENCH_SECONDS=10 BENCH_CONCURRENCY=8 by default; BENCH_LOAD=0 for bundles only
 *   BENCH_BASELINE=<git ref> npm run bench:api   # also builds the same handlers at <ref>, measured in the same run
 *
 * 1. Each storefront handler (the entries of the storefront route groups), bundled as the house
 *    function deploys it (esbuild, ESM, node22, minified, source map, AWS SDK external as the
 *    Lambda runtime provides it): its size.
 * 2. Cold init as deployed: a fresh Node process with `--enable-source-maps` importing the
 *    bundle (median of BENCH_RUNS, default 11). With BENCH_BASELINE, the baseline's bundle of the same handler file
 *    is measured alternately with ours, so machine load hits both alike.
 * 3. On a local stack (loopback, ephemeral): p50/p99 latency and throughput of product and
 *    listing availability under a bounded concurrent load, and the DynamoDB calls one
 *    listing of 100 products makes (counted on the SDK client, in process).
 * Targets: bundle ≤ 250 KB minified, cold init ≤ 50 ms, a listing of 100 in one round trip.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { routeGroups } from '../../functions/api.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const BASELINE = process.env.BENCH_BASELINE;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const PRODUCTS = 100;
const TARGET_BUNDLE_KB = 250;
const TARGET_INIT_MS = 50;
// Inside node_modules so the bundles resolve the external AWS SDK as Lambda's runtime would.
const outDir = path.join(repoRoot, 'node_modules', '.cache', 'restock-bench-api');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padL = (s: string | number, n: number) => String(s).padStart(n);

async function bundle(root: string, entry: string, variant: string): Promise<{ file: string; bytes: number }> {
  const file = path.join(outDir, variant, `${path.basename(entry, '.ts')}.mjs`);
  // As infra/constructs/house-function.ts bundles it.
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: true,
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return { file, bytes: statSync(file).size };
}

/**
 * Init time in a fresh process as Lambda starts it (`--enable-source-maps`): the AWS SDK the
 * runtime provides (DynamoDB client and document client) is imported first and timed apart,
 * then the bundle itself (its own code, zod, middy, the logger, its module-level setup).
 */
function coldInitOnce(file: string): { sdk: number; own: number } {
  const script = [
    'const t0 = performance.now();',
    "await import('@aws-sdk/client-dynamodb'); await import('@aws-sdk/lib-dynamodb');",
    'const t1 = performance.now();',
    `await import(${JSON.stringify(pathToFileURL(file).href)});`,
    'const t2 = performance.now();',
    'process.stdout.write(JSON.stringify({ sdk: t1 - t0, own: t2 - t1 }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, TABLE_NAME: 'bench', EVENT_BUS_NAME: 'bench', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { sdk: number; own: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The baseline's sources at BENCH_BASELINE, checked out beside the bundles (never in the repo). */
function baselineRoot(): string | undefined {
  if (!BASELINE) return undefined;
  const dir = path.join(outDir, 'baseline-src');
  if (existsSync(dir)) execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: repoRoot, stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'add', '--detach', dir, BASELINE], { cwd: repoRoot, stdio: 'ignore' });
  return dir;
}

async function bundles() {
  const entries = [...new Set(routeGroups.filter((g) => g.capability === 'storefront').map((g) => g.entry))].sort();
  mkdirSync(outDir, { recursive: true });
  const base = baselineRoot();
  console.log(`\n1–2. Bundles as deployed (esbuild, ESM, node22, minified, source map, @aws-sdk/* external) and cold init in a fresh process with --enable-source-maps (median of ${RUNS})${base ? `; baseline ${BASELINE}` : ''}\n`);
  console.log(`${pad('handler', 36)}${padL('bundle', 11)}${padL('init own', 11)}${base ? `${padL('base bundle', 13)}${padL('base init', 11)}` : ''}${padL('+ SDK', 9)}`);
  try {
    for (const entry of entries) {
      const ours = await bundle(repoRoot, entry, 'house');
      const theirs = base && existsSync(path.join(base, entry)) ? await bundle(base, entry, 'baseline') : undefined;
      const own: number[] = [];
      const baseOwn: number[] = [];
      const sdk: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Alternate, so load on the machine falls on both alike.
        const a = coldInitOnce(ours.file);
        own.push(a.own);
        sdk.push(a.sdk);
        if (theirs) baseOwn.push(coldInitOnce(theirs.file).own);
      }
      const flag = (ok: boolean) => (ok ? ' ' : '!');
      const ms = (x: number) => `${x.toFixed(1)} ms`;
      console.log(
        `${pad(entry, 36)}${padL(kb(ours.bytes), 10)}${flag(ours.bytes <= TARGET_BUNDLE_KB * 1024)}${padL(ms(median(own)), 10)}${flag(median(own) <= TARGET_INIT_MS)}` +
          (base ? (theirs ? `${padL(kb(theirs.bytes), 13)}${padL(ms(median(baseOwn)), 11)}` : `${padL('—', 13)}${padL('—', 11)}`) : '') +
          `${padL(`${median(sdk).toFixed(0)} ms`, 9)}`,
      );
    }
  } finally {
    if (base) execFileSync('git', ['worktree', 'remove', '--force', base], { cwd: repoRoot, stdio: 'ignore' });
  }
  console.log(`
  ! = misses the target (bundle ≤ ${TARGET_BUNDLE_KB} KB, cold init ≤ ${TARGET_INIT_MS} ms). Bundle sizes exclude the .map file.
  + SDK: importing @aws-sdk/client-dynamodb and lib-dynamodb first (provided by the Lambda
  runtime, not in the bundle; paid once per cold start by every function that uses DynamoDB).`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(name: string, url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) errors++;
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${pad(name, 36)}${padL(latencies.length, 9)}${padL(errors, 8)}${padL(percentile(latencies, 50).toFixed(1) + ' ms', 11)}${padL(percentile(latencies, 99).toFixed(1) + ' ms', 11)}${padL((latencies.length / elapsed).toFixed(0) + '/s', 10)}`,
  );
}

async function loadTest() {
  const { startLocalStack } = await import('../../local/stack.js');
  const operatorKey = `rop_bench_${randomBytes(12).toString('hex')}`;
  console.log(`\n3. Local stack (loopback): starting…`);
  const stack = await startLocalStack({ operatorKey, quiet: true, autoSchedules: false });
  try {
    for (const [k, v] of Object.entries(stack.env)) process.env[k] = v;
    const tableName = stack.model.tables[0]!.name;
    process.env.TABLE_NAME = tableName;
    process.env.EVENT_BUS_NAME = stack.model.busNames.find((b) => b !== 'default') ?? 'default';

    const tenant = await fetch(`${stack.urls.api}/operator/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench Shop', contactEmail: 'bench@shop.example', locale: 'en' }),
    }).then((r) => r.json() as Promise<{ tenant: { tenantId: string }; adminKey: string }>);
    const tenantId = tenant.tenant.tenantId;
    // A limit no benchmark client reaches: this measures the API, not the limiter's refusals.
    await fetch(`${stack.urls.api}/admin/storefront/config`, { method: 'PUT', headers: { authorization: `Bearer ${tenant.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ rateLimitPerMinute: 100_000 }) });

    const { Store } = await import('../../shared/data/store.js');
    const { ApiKeyRecord } = await import('../../shared/tenants/model.js');
    const { generateKey } = await import('../../shared/tenants/api-keys.js');
    const { createProduct } = await import('../../shared/inventory/catalog.js');
    const { applyStockChanges } = await import('../../shared/inventory/stock.js');
    const store = new Store(tableName);
    const key = generateKey('publishable', tenantId);
    await store.put(ApiKeyRecord, { tenantId, keyId: key.keyId, kind: 'publishable', label: 'bench', secretHash: key.secretHash, createdAt: new Date().toISOString() });

    // 100 products of 12 variants (4 sizes × 3 colours), stock at two locations.
    const ids = Array.from({ length: PRODUCTS }, (_, i) => `bench-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      const variants = ['S', 'M', 'L', 'XL'].flatMap((size) => ['red', 'blue', 'black'].map((color) => ({ sku: `${id}-${size}-${color}`, attributes: { size, color } })));
      await createProduct(store, tenantId, { productId: id, title: `Bench product ${id}`, category: `cat-${Number(id.slice(-3)) % 5}`, price: 1000 + Number(id.slice(-3)) * 10, variants });
      await applyStockChanges(
        { tableName, busName: process.env.EVENT_BUS_NAME, tenantId },
        variants.flatMap((v, j) => [
          { sku: v.sku, locationId: 'main', set: (j * 7 + Number(id.slice(-3))) % 9 },
          { sku: v.sku, locationId: 'store-1', set: j % 3 },
        ]),
      );
    }
    const headers = { 'x-restock-key': key.key };
    const productUrl = `${stack.urls.api}/storefront/products/${ids[7]}`;
    const listingUrl = `${stack.urls.api}/storefront/availability?ids=${ids.join(',')}`;
    for (const url of [productUrl, listingUrl]) for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();

    console.log(`\n${pad('scenario', 36)}${padL('requests', 9)}${padL('errors', 8)}${padL('p50', 11)}${padL('p99', 11)}${padL('rate', 10)}   (${CONCURRENCY} concurrent clients, ${SECONDS} s each)`);
    await load('GET /storefront/products/{id}', productUrl, headers);
    await load(`GET /storefront/availability (${PRODUCTS} ids)`, listingUrl, headers);

    // DynamoDB calls of one listing of 100, counted on the SDK client in this process.
    const { dynamo } = await import('../../shared/data/client.js');
    const { handler } = await import('../../functions/storefront/availability.js');
    const event = {
      version: '2.0',
      routeKey: 'GET /storefront/availability',
      rawPath: '/storefront/availability',
      rawQueryString: `ids=${ids.join(',')}`,
      headers: {},
      queryStringParameters: { ids: ids.join(',') },
      requestContext: { requestId: 'bench', http: { method: 'GET', path: '/storefront/availability', sourceIp: '10.0.0.1' }, authorizer: { lambda: { tenantId } } },
      isBase64Encoded: false,
    } as never;
    await handler(event, {} as never); // warm: the tenant's settings are cached per container
    const calls: string[] = [];
    dynamo.middlewareStack.add((next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    }, { step: 'initialize', name: 'benchCount' });
    const res = await handler(event, {} as never);
    dynamo.middlewareStack.remove('benchCount');
    const body = JSON.parse(res.body ?? '{}') as { items: unknown[] };
    const reads = calls.filter((c) => c !== 'UpdateItemCommand');
    console.log(`\nListing of ${body.items.length} products: ${calls.length} DynamoDB calls — reads: ${reads.join(', ')} (${reads.length} round trip${reads.length === 1 ? '' : 's'}); writes: ${calls.length - reads.length} (the per-client rate-limit counter).`);
    console.log(`Response size of the listing: ${kb(Buffer.byteLength(res.body ?? ''))}; node ${process.version}, ${SECONDS} s per scenario.`);
  } finally {
    await stack.stop();
  }
}

await bundles();
if (process.env.BENCH_LOAD !== '0') await loadTest();
process.exit(0);
