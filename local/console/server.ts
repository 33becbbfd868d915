import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LocalEventBus } from '../eventbridge/bus.js';
import type { LambdaRuntime } from '../lambda/runtime.js';
import { repoRoot } from '../lambda/runtime.js';
import type { LocalQueues } from '../queues/local-queues.js';
import type { LocalScheduler } from '../scheduler/scheduler.js';
import type { SmsOutbox } from '../sns/sms-outbox.js';
import type { LocalStepFunctions } from '../stepfunctions/runner.js';
import type { LocalModel } from '../template/model.js';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const mime: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/**
 * The local console: one page with every URL, the SMS outbox next to a link to the mail
 * viewer, workflow executions, recent events, dead letters and schedules with a "run now"
 * button; JSON under /_local/*; the demo storefront and widget under /demo and /widget.
 */
export async function startConsole(opts: {
  port: number;
  model: LocalModel;
  bus: LocalEventBus;
  sfn: LocalStepFunctions;
  queues: LocalQueues;
  sms: SmsOutbox;
  lambda: LambdaRuntime;
  scheduler: LocalScheduler;
  mailUrl: string;
  apiUrl: string;
}): Promise<{ url: string; server: Server }> {
  // `?tenantId=` narrows events to one tenant over the whole retained log (tests count their own).
  const state = (tenantId?: string | null) => ({
    urls: { api: opts.apiUrl, mail: opts.mailUrl },
    routes: opts.model.routes.map((r) => `${r.method} ${r.path}`),
    tables: opts.model.tables.map((t) => t.name),
    executions: [...opts.sfn.executions.values()].slice(-100).map((e) => ({
      executionArn: e.executionArn,
      stateMachine: e.stateMachineArn.split(':').pop(),
      status: e.status,
      startDate: e.startDate,
      stopDate: e.stopDate,
      states: e.states.map((s) => s.name),
      error: e.error,
    })),
    events: tenantId ? opts.bus.log.filter((e) => e.tenantId === tenantId) : opts.bus.log.slice(-100),
    sms: opts.sms.messages.slice(-100),
    deadLetters: opts.queues.list().filter((q) => q.messages.length).map((q) => ({ queue: q.spec.logicalId, messages: q.messages.length })),
    schedules: opts.scheduler.scheduled.map((s) => ({ rule: s.rule.logicalId, expression: s.schedule.expression, nextRun: s.nextRun, lastRun: s.lastRun })),
    invocations: opts.lambda.invocations.slice(-50),
    invocationCounts: opts.lambda.invocationCounts,
    executionCounts: opts.sfn.startedCounts,
  });

  // The demo storefront's API URL and publishable key, registered by the demo seed.
  let demoConfig: unknown;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body, null, 1));
    };
    if (url.pathname === '/_local/state') return json(200, state(url.searchParams.get('tenantId')));
    if (url.pathname === '/_local/demo-config') {
      if (req.method !== 'POST') return demoConfig ? json(200, demoConfig) : json(404, { message: 'The demo shop is not seeded yet' });
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        try {
          demoConfig = JSON.parse(raw);
          json(200, demoConfig);
        } catch {
          json(400, { message: 'invalid JSON' });
        }
      });
      return;
    }
    if (url.pathname === '/_local/sms') return json(200, opts.sms.messages);
    if (url.pathname === '/_local/erase' && req.method === 'POST') {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => {
        try {
          const body = JSON.parse(text || '{}') as { emails?: string[]; phones?: string[] };
          return json(200, eraseLocal(opts.sms, body.emails ?? [], body.phones ?? []));
        } catch (error) {
          return json(400, { message: (error as Error).message });
        }
      });
      return;
    }
    const run = url.pathname.match(/^\/_local\/schedules\/([^/]+)\/run$/);
    if (run && req.method === 'POST') {
      try {
        const eventId = opts.scheduler.fire(decodeURIComponent(run[1]!));
        if ((req.headers.accept ?? '').includes('text/html')) {
          res.writeHead(303, { location: '/' });
          return res.end();
        }
        return json(202, { eventId });
      } catch (error) {
        return json(404, { message: (error as Error).message });
      }
    }
    // Static demo pages and the widget: served from web/ in the repository.
    const staticMatch = url.pathname.match(/^\/(demo|widget)(\/.*)?$/);
    if (staticMatch) {
      const rel = path.normalize((staticMatch[2] ?? '/').replace(/\/$/, '/index.html')).replace(/^(\.\.[/\\])+/, '');
      const file = path.join(repoRoot, 'web', staticMatch[1]!, rel);
      if (file.startsWith(path.join(repoRoot, 'web')) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': mime[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        return res.end(readFileSync(file));
      }
      res.writeHead(404).end('not found');
      return;
    }
    if (url.pathname !== '/') return json(404, { message: 'Not Found' });
    const s = state();
    const table = (rows: unknown[][], head: string[]) =>
      `<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Restock local console</title>
<meta http-equiv="refresh" content="5">
<style>body{font:14px system-ui;margin:2rem;max-width:1200px}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f5f5f5}code{background:#f5f5f5;padding:1px 4px}</style></head><body>
<h1>Restock — local console</h1>
<ul>
<li>HTTP API: <code>${esc(s.urls.api)}</code></li>
<li>E-mails (SES mail viewer): <a href="${esc(s.urls.mail)}">${esc(s.urls.mail)}</a></li>
<li>SMS outbox: below, and as JSON at <a href="/_local/sms">/_local/sms</a></li>
<li>Demo storefront: <a href="/demo/">/demo/</a></li>
</ul>
<h2>SMS outbox</h2>${table(s.sms.slice().reverse().map((m) => [m.at, m.phoneNumber ?? m.topicArn, m.message]), ['at', 'to', 'message'])}
<h2>Workflow executions</h2>${table(s.executions.slice().reverse().map((e) => [e.stateMachine, e.status, e.startDate, e.states.join(' → '), e.error ?? '']), ['state machine', 'status', 'started', 'states', 'error'])}
<h2>Schedules</h2>${table(s.schedules.map((x) => [x.rule, x.expression, x.nextRun, x.lastRun ?? '', `<form method="post" action="/_local/schedules/${encodeURIComponent(x.rule)}/run"><button>Run now</button></form>`]), ['rule', 'expression', 'next run', 'last run', ''])
      .replace(/&#60;form.*?&#60;\/form&#62;/g, (m) => m.replace(/&#60;/g, '<').replace(/&#62;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'"))}
<h2>Recent events</h2>${table(s.events.slice().reverse().map((e) => [e.at, e.source, e.detailType, e.matchedRules.join(', ')]), ['at', 'source', 'detail-type', 'rules matched'])}
<h2>Dead letters</h2>${table(s.deadLetters.map((d) => [d.queue, d.messages]), ['queue', 'messages'])}
<h2>Routes</h2>${table(s.routes.map((r) => [r]), ['route'])}
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

/**
 * GDPR erasure reaches the local stores too (POST /_local/erase, called by the erase route
 * when it runs locally): the SMS outbox, and the SES emulator's in-memory mail store, which
 * has no per-address delete of its own — it runs in this process, so its store module is
 * edited in place.
 */
function eraseLocal(sms: SmsOutbox, emails: string[], phones: string[]): { sms: number; email: number } {
  let smsErased = 0;
  for (const phone of phones) smsErased += sms.erase(phone);
  let emailErased = 0;
  const wanted = new Set(emails.map((e) => e.trim().toLowerCase()));
  if (wanted.size) {
    const store = (createRequire(import.meta.url)('aws-ses-v2-local/dist/store.js') as { getStoreReadonly: () => { emails: { destination?: Record<string, string[] | undefined>; from?: string; replyTo?: string[] }[] } }).getStoreReadonly();
    const holds = (e: (typeof store.emails)[number]) =>
      [...(e.destination?.to ?? []), ...(e.destination?.cc ?? []), ...(e.destination?.bcc ?? []), ...(e.replyTo ?? []), e.from ?? ''].some((a) => wanted.has(a.trim().toLowerCase()) || [...wanted].some((w) => a.toLowerCase().includes(`<${w}>`)));
    for (let i = store.emails.length - 1; i >= 0; i--) {
      if (holds(store.emails[i]!)) {
        store.emails.splice(i, 1);
        emailErased++;
      }
    }
  }
  return { sms: smsErased, email: emailErased };
}
