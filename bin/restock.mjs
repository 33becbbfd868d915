#!/usr/bin/env node
// Restock merchant CLI. Node 22 built-ins only, so `npx restock` needs nothing installed.
//
//   restock feed upload FILE [--full] [--dry-run] [--location L] [--format csv|json|ndjson]
//                            [--api URL] [--key KEY] [--no-wait] [--timeout SECONDS]
//   restock feed status FEED_ID   restock feed list   restock feed report FEED_ID
//
// The API URL and admin key come from --api/--key or RESTOCK_API_URL / RESTOCK_ADMIN_KEY.
// Exit codes: 0 processed with no rejected rows, 2 processed with rejected rows, 1 failure.
import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage:
  restock feed upload FILE [--full] [--dry-run] [--location LOCATION] [--format csv|json|ndjson]
                           [--api URL] [--key ADMIN_KEY] [--no-wait] [--timeout SECONDS]
  restock feed status FEED_ID [--api URL] [--key ADMIN_KEY]
  restock feed report FEED_ID [--api URL] [--key ADMIN_KEY]     (full report as JSON)
  restock feed list [--api URL] [--key ADMIN_KEY]

  --full       the file is a complete snapshot: SKUs/locations absent from it go to 0
  --dry-run    validate and report what would change, change nothing
  --location   location of rows that name none (default: main)
Environment: RESTOCK_API_URL, RESTOCK_ADMIN_KEY (used when --api / --key are absent).
Exit codes: 0 processed, no rejected rows · 2 processed with rejected rows · 1 error.`;

class CliError extends Error {}

function fail(message) {
  process.stderr.write(`restock: ${message}\n`);
  process.exit(1);
}

async function api(ctx, method, path, body) {
  let res;
  try {
    res = await fetch(new URL(path.replace(/^\//, ''), ctx.api.endsWith('/') ? ctx.api : `${ctx.api}/`), {
      method,
      headers: { authorization: `Bearer ${ctx.key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    throw new CliError(`cannot reach ${ctx.api}: ${error.cause?.message ?? error.message}`);
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const e = json?.error;
    const fields = e?.fields?.map((f) => `\n  ${f.field}: ${f.reason}`).join('') ?? '';
    throw new CliError(`${method} ${path} → ${res.status} ${e?.message ?? json?.message ?? text}${fields}`);
  }
  return json;
}

const MB = 1024 * 1024;
const human = (n) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} kB`);

/** A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise. */
function progress(total) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  return (sent, final = false) => {
    const now = Date.now();
    const pct = total ? Math.min(100, Math.floor((sent / total) * 100)) : 100;
    const rate = sent / Math.max(0.001, (now - started) / 1000);
    if (tty) {
      if (!final && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(`\rUploading [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${human(sent)} / ${human(total)}  ${human(rate)}/s `);
      if (final) process.stderr.write('\n');
    } else {
      const decile = Math.floor(pct / 10);
      if (decile !== lastDecile || final) {
        lastDecile = decile;
        process.stderr.write(`Uploading ${pct}% (${human(sent)} / ${human(total)})\n`);
      }
    }
  };
}

/** Streams the file to the presigned URL with a Content-Length (S3 refuses chunked PUTs). */
function putFile(url, file, size) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const draw = progress(size);
    let sent = 0;
    const req = send(target, { method: 'PUT', headers: { 'content-length': String(size) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        if (res.statusCode && res.statusCode < 300) resolve();
        else reject(new CliError(`upload refused: HTTP ${res.statusCode} ${text.slice(0, 500)}`));
      });
    });
    req.on('error', (e) => reject(new CliError(`upload failed: ${e.message}`)));
    const stream = createReadStream(file);
    stream.on('data', (chunk) => {
      sent += chunk.length;
      draw(sent);
    });
    stream.on('end', () => draw(sent, true));
    stream.on('error', (e) => {
      req.destroy();
      reject(new CliError(`cannot read ${file}: ${e.message}`));
    });
    stream.pipe(req);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForFeed(ctx, feedId, timeoutSeconds) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let delay = 500;
  let shown = '';
  for (;;) {
    const res = await api(ctx, 'GET', `/admin/feeds/${encodeURIComponent(feedId)}`);
    const status = res.feed.status;
    if (status !== shown) {
      process.stderr.write(`Feed ${feedId}: ${status}${res.feed.path === 'split' && status === 'processing' ? ' (split into parallel ranges)' : ''}\n`);
      shown = status;
    }
    if (status === 'done' || status === 'failed') return res;
    if (Date.now() > deadline) throw new CliError(`still ${status} after ${timeoutSeconds} s; check later with: restock feed status ${feedId}`);
    await sleep(delay);
    delay = Math.min(5000, Math.round(delay * 1.5));
  }
}

function printSummary({ feed, report }) {
  const out = [];
  const c = report?.counts ?? feed.counts;
  out.push(`Feed ${feed.feedId} (${feed.filename}): ${feed.status}${feed.options?.dryRun ? ' — DRY RUN, nothing was changed' : ''}`);
  if (report) out.push(`  format ${report.format ?? '?'}${report.compressed ? ' (gzip)' : ''}, mode ${report.mode}, ${report.path === 'split' ? `split into ${report.ranges} ranges` : 'single pass'}, ${(report.durationMs / 1000).toFixed(1)} s`);
  if (c) {
    const verb = feed.options?.dryRun ? 'would apply' : 'applied';
    out.push(`  rows read ${c.rowsRead} · ${verb} ${c.applied} · unchanged ${c.unchanged} · rejected ${c.rejected}${report?.mode === 'full' ? ` · zeroed ${c.zeroed}` : ''}`);
  }
  if (report && !feed.options?.dryRun) out.push(`  availability transitions ${report.transitions} · events ${report.events}`);
  if (report?.snapshot?.skipped) out.push(`  snapshot zeroing skipped: ${report.snapshot.skipped}`);
  if (feed.error) out.push(`  error (${feed.error.code}): ${feed.error.message}`);
  const rejected = report?.firstRejections ?? [];
  if (rejected.length) {
    out.push('', `First rejected rows${c && c.rejected > rejected.length ? ` (${rejected.length} of ${c.rejected}; full list: restock feed report ${feed.feedId})` : ''}:`);
    for (const r of rejected.slice(0, 20)) out.push(`  line ${String(r.line).padStart(6)}  ${r.field.padEnd(8)}  ${r.code.padEnd(20)}  ${r.reason}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  if (feed.status === 'failed') return 1;
  return c && c.rejected > 0 ? 2 : 0;
}

async function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      full: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      location: { type: 'string' },
      format: { type: 'string' },
      api: { type: 'string' },
      key: { type: 'string' },
      'no-wait': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '1800' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [group, command, arg] = positionals;
  if (values.help || group !== 'feed' || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  const ctx = { api: values.api ?? process.env.RESTOCK_API_URL, key: values.key ?? process.env.RESTOCK_ADMIN_KEY };
  if (!ctx.api) throw new CliError('no API URL: pass --api or set RESTOCK_API_URL');
  if (!ctx.key) throw new CliError('no admin key: pass --key or set RESTOCK_ADMIN_KEY');
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new CliError('--timeout must be a number of seconds');

  switch (command) {
    case 'upload': {
      if (!arg) throw new CliError('upload needs a FILE');
      let size;
      try {
        const st = statSync(arg);
        if (!st.isFile()) throw new Error('not a file');
        size = st.size;
      } catch (error) {
        throw new CliError(`cannot read ${arg}: ${error.message}`);
      }
      if (values.format && !['csv', 'json', 'ndjson'].includes(values.format)) throw new CliError('--format must be csv, json or ndjson');
      const created = await api(ctx, 'POST', '/admin/feeds', {
        filename: basename(arg),
        full: values.full,
        dryRun: values['dry-run'],
        ...(values.location ? { location: values.location } : {}),
        ...(values.format ? { format: values.format } : {}),
      });
      process.stderr.write(`Feed ${created.feedId}: uploading ${basename(arg)} (${human(size)})\n`);
      await putFile(created.uploadUrl, arg, size);
      if (values['no-wait']) {
        process.stdout.write(`${created.feedId}\n`);
        return 0;
      }
      return printSummary(await waitForFeed(ctx, created.feedId, timeout));
    }
    case 'status': {
      if (!arg) throw new CliError('status needs a FEED_ID');
      return printSummary(await api(ctx, 'GET', `/admin/feeds/${encodeURIComponent(arg)}`));
    }
    case 'report': {
      if (!arg) throw new CliError('report needs a FEED_ID');
      process.stdout.write(JSON.stringify(await api(ctx, 'GET', `/admin/feeds/${encodeURIComponent(arg)}/report`), null, 2) + '\n');
      return 0;
    }
    case 'list': {
      const { feeds } = await api(ctx, 'GET', '/admin/feeds?limit=50');
      for (const f of feeds) {
        const c = f.counts;
        process.stdout.write(`${f.feedId}  ${f.status.padEnd(10)}  ${f.createdAt}  ${f.filename}${c ? `  read ${c.rowsRead} applied ${c.applied} rejected ${c.rejected}` : ''}\n`);
      }
      return 0;
    }
    default:
      throw new CliError(`unknown command "feed ${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => fail(error instanceof CliError ? error.message : (error?.stack ?? String(error))),
);
