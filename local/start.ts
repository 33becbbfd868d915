import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './lambda/runtime.js';
import { seedDemo } from './seed/demo.js';
import { startLocalStack } from './stack.js';

// `npm start`: the whole system locally. Flags: --fresh (wipe local data first),
// --time-scale N (compress Step Functions waits N times), --quiet (no handler logs).
const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    'time-scale': { type: 'string', default: process.env.RESTOCK_TIME_SCALE ?? '1' },
    quiet: { type: 'boolean', default: false },
  },
});

const started = Date.now();
const dataDir = path.join(repoRoot, '.local-data');
if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

// The operator key (onboards tenants) is generated once and kept in the data folder.
const operatorKeyFile = path.join(dataDir, 'operator-key');
if (!existsSync(operatorKeyFile)) writeFileSync(operatorKeyFile, `rop_${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
const operatorKey = readFileSync(operatorKeyFile, 'utf8').trim();

const port = (name: string, fallback: number) => Number(process.env[`RESTOCK_${name}_PORT`] ?? fallback);
const stack = await startLocalStack({
  dataDir,
  operatorKey,
  timeScale: Number(values['time-scale']),
  quiet: values.quiet,
  ports: { api: port('API', 3000), console: port('CONSOLE', 4000), aws: port('AWS', 4010), dynamodb: port('DYNAMODB', 4020), ses: port('SES', 4030), s3: port('S3', 4040) },
});
const demo = await seedDemo(stack, path.join(dataDir, 'demo.json'), operatorKey);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`
Restock is running locally (up in ${seconds} s; data in .local-data/, --fresh to start over)

  HTTP API          ${stack.urls.api}
  Console           ${stack.urls.console}      (executions, events, SMS outbox, schedules)
  E-mails           ${stack.urls.mail}      (SES v2 mail viewer)
  SMS outbox        ${stack.urls.console}/_local/sms
  Demo storefront   ${stack.urls.console}/demo/
  S3 (feeds)        ${stack.urls.s3}
  AWS wire endpoint ${stack.urls.aws}      (EventBridge, Step Functions, SQS, SNS, Lambda)

  Operator key      ${operatorKey}
  Demo tenant       ${demo.tenantId}  admin key: ${demo.adminKey}

Try: curl -s -H "authorization: Bearer ${demo.adminKey}" ${stack.urls.api}/admin/tenant
Time scale: ${values['time-scale']}x (waits in workflows are divided by it). Ctrl-C to stop.
`);

const shutdown = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
