// The SES stand-in of bench:send, in its own worker thread so that its clock measures when
// requests arrive, not when the sender's busy event loop gets round to them. Speaks SES v2
// SendEmail (POST /v2/email/outbound-emails), enforces `rate` with a token bucket of 100 ms
// burst, and answers above it as SES does: ThrottlingException, "Maximum sending rate exceeded."
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

let rate = Infinity;
let burst = Infinity;
let tokens = 0;
let last = performance.now();
let stats;
let seen = new Set();

function configure(r) {
  rate = r > 0 ? r : Infinity;
  burst = Number.isFinite(rate) ? Math.max(1, Math.ceil(rate / 10)) : Infinity;
  tokens = burst;
  last = performance.now();
  stats = { calls: 0, accepted: 0, throttled: 0, duplicates: 0, firstCallAt: 0, lastAcceptAt: 0 };
  seen = new Set();
}

function take() {
  if (!Number.isFinite(rate)) return true;
  const now = performance.now();
  tokens = Math.min(burst, tokens + ((now - last) * rate) / 1000);
  last = now;
  if (tokens < 1) return false;
  tokens -= 1;
  return true;
}

configure(0);
const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  if (req.method !== 'POST' || !req.url?.startsWith('/v2/email/outbound-emails')) {
    res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'NotFoundException' }).end('{"message":"not here"}');
    return;
  }
  stats.calls++;
  if (!stats.firstCallAt) stats.firstCallAt = performance.now();
  if (!take()) {
    stats.throttled++;
    res.writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'ThrottlingException' }).end('{"message":"Maximum sending rate exceeded."}');
    return;
  }
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const to = body?.Destination?.ToAddresses?.[0] ?? '';
  if (seen.has(to)) stats.duplicates++;
  else seen.add(to);
  stats.accepted++;
  stats.lastAcceptAt = performance.now();
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: `bench-${stats.accepted}-${randomBytes(4).toString('hex')}` }));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));

parentPort.on('message', (m) => {
  if (m.type === 'configure') {
    configure(m.rate);
    parentPort.postMessage({ type: 'configured' });
  } else if (m.type === 'stats') {
    parentPort.postMessage({ type: 'stats', stats: { ...stats, sendingSeconds: (stats.lastAcceptAt - stats.firstCallAt) / 1000 } });
  } else if (m.type === 'stop') {
    server.closeAllConnections?.();
    server.close(() => process.exit(0));
  }
});
