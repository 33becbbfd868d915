import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { sampleFor } from '../support/sample-event.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Events } from '../../shared/events/catalogue.js';
import { buildLocalModel, type LocalModel, type RuleSpec } from '../../local/template/model.js';
import { synthTemplate } from '../../local/template/synth.js';
import { api, consoleState, eventually, issuePublishableKey, local, newTenant } from '../support/local.js';

// One source of truth, proven: everything below is read from a fresh synthesis of the CDK
// app (not from the local runtime's own lists), then exercised over the wire.
const ctx = local();
let model: LocalModel;
let tenant: Awaited<ReturnType<typeof newTenant>>;

beforeAll(async () => {
  model = buildLocalModel(synthTemplate(), { api: ctx.urls.api, aws: ctx.urls.aws, s3: ctx.urls.s3 });
  tenant = await newTenant('Wiring Shop');
  publishableKey = await issuePublishableKey(tenant.tenantId);
});

let publishableKey: string;
const headersFor = (route: { authorizer?: { functionArn: string } }): { key?: string; headers?: Record<string, string> } => {
  if (!route.authorizer) return {};
  if (route.authorizer.functionArn.includes('Operator')) return { key: ctx.operatorKey };
  if (route.authorizer.functionArn.includes('Storefront')) return { headers: { 'x-restock-key': publishableKey } };
  return { key: tenant.adminKey };
};

describe('every route in the template is served by the local gateway', () => {
  it('has routes to test', () => expect(model.routes.length).toBeGreaterThan(0));

  it('reaches each route handler with the right authorizer', { timeout: 600_000 }, async () => {
    // A few at a time: each first request cold-starts its function's worker.
    const queue = [...model.routes];
    const worker = async () => {
      for (let route = queue.shift(); route; route = queue.shift()) {
        const path = route.path.replace(/\{[^}]+\}/g, 'does-not-exist');
        const body = ['GET', 'DELETE'].includes(route.method) ? undefined : {};
        const res = await api(route.method, path, { ...headersFor(route), body });
        // The handler answered (a 2xx, or its own 4xx for an empty body / unknown id):
        // not the gateway's 404, not an authorizer refusal, never a 500.
        const label = `${route.method} ${route.path} → ${res.status} ${JSON.stringify(res.body)}`;
        expect(res.body?.message, label).not.toBe('Not Found');
        expect([401, 403], label).not.toContain(res.status);
        expect(res.status, label).toBeLessThan(500);
        if (route.authorizer) {
          const anonymous = await api(route.method, path, { body });
          expect(anonymous.status, `${route.method} ${route.path} without a key`).toBe(401);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  });
});

/** A real catalogue event that satisfies the rule's pattern (literal leaves taken from it). */
function eventFor(rule: RuleSpec) {
  const pattern = rule.pattern as { source?: string[]; 'detail-type'?: string[]; detail?: Record<string, unknown> };
  const def = Object.values(Events).find((e) => pattern['detail-type']?.includes(e.detailType) && pattern.source?.includes(e.source));
  if (!def) throw new Error(`Rule ${rule.logicalId} matches no catalogue event: ${JSON.stringify(pattern)}`);
  const detail: Record<string, unknown> = { eventId: randomUUID(), version: def.version, tenantId: tenant.tenantId, occurredAt: new Date().toISOString(), data: structuredClone(def.example) };
  const apply = (target: Record<string, any>, pat: Record<string, any>) => {
    for (const [k, v] of Object.entries(pat)) {
      if (Array.isArray(v)) {
        if (v.length && typeof v[0] !== 'object') target[k] = v[0];
      } else if (v && typeof v === 'object') apply((target[k] ??= {}), v);
    }
  };
  apply(detail, pattern.detail ?? {});
  return { Source: def.source, DetailType: def.detailType, Detail: JSON.stringify(detail), EventBusName: rule.busName };
}

/** Each target of the rule was reached: an execution started, or the function invoked. */
async function expectTargetsReached(rule: RuleSpec, before: Awaited<ReturnType<typeof consoleState>>) {
  for (const target of rule.targets) {
    if (target.arn.includes(':states:')) {
      const machine = target.arn.split(':').pop()!;
      const count = (s: typeof before) => s.executionCounts[machine] ?? 0;
      await eventually(async () => count(await consoleState()) > count(before), `an execution of ${machine} from ${rule.logicalId}`);
    } else if (target.arn.includes(':lambda:')) {
      const fn = target.arn.split(':').pop()!;
      const count = (s: typeof before) => s.invocationCounts[fn] ?? 0;
      await eventually(async () => count(await consoleState()) > count(before), `${fn} invoked by ${rule.logicalId}`);
    }
  }
}

describe('every event rule in the template routes a real event to its targets', () => {
  it('has rules to test', () => expect(model.rules.filter((r) => r.pattern).length).toBeGreaterThan(0));

  it('delivers each catalogue rule to its targets', { timeout: 300_000 }, async () => {
    const client = new EventBridgeClient({});
    for (const rule of model.rules.filter((r) => r.pattern && (r.pattern as { source?: string[] }).source?.some((s) => s.startsWith('restock.')))) {
      const before = await consoleState();
      const res = await client.send(new PutEventsCommand({ Entries: [eventFor(rule)] }));
      expect(res.FailedEntryCount).toBe(0);
      const eventId = res.Entries![0]!.EventId!;
      const logged = await eventually(async () => (await consoleState()).events.find((e) => e.eventId === eventId), `event ${eventId} on the bus`);
      expect(logged.matchedRules, rule.logicalId).toContain(rule.logicalId);
      await expectTargetsReached(rule, before);
    }
  });

  it('delivers each AWS-sourced rule (S3 by a real upload, others by a sample event) to its targets', async () => {
    const client = new EventBridgeClient({});
    const s3 = new S3Client({});
    for (const rule of model.rules.filter((r) => r.pattern && !(r.pattern as { source?: string[] }).source?.some((s) => s.startsWith('restock.')))) {
      const sample = sampleFor(rule.pattern as Record<string, unknown>) as { source: string; 'detail-type': string; detail: any };
      let matched: string[] | undefined;
      if (sample.source === 'aws.s3') {
        // As in AWS, S3 itself sends the event: upload an object the pattern selects.
        const key = `${sample.detail.object.key}/${randomUUID()}.csv`;
        await s3.send(new PutObjectCommand({ Bucket: sample.detail.bucket.name, Key: key, Body: 'sku,quantity\n' }));
        matched = (await eventually(async () => (await consoleState()).events.find((e) => e.source === 'aws.s3' && e.matchedRules.includes(rule.logicalId)), `S3 event for ${rule.logicalId}`)).matchedRules;
      } else {
        // Services without an emulator that emits events (e.g. SES feedback): a sample event.
        const res = await client.send(new PutEventsCommand({ Entries: [{ Source: sample.source, DetailType: sample['detail-type'], Detail: JSON.stringify(sample.detail ?? {}), EventBusName: rule.busName }] }));
        const eventId = res.Entries![0]!.EventId!;
        matched = (await eventually(async () => (await consoleState()).events.find((e) => e.eventId === eventId), `event for ${rule.logicalId}`)).matchedRules;
      }
      expect(matched, rule.logicalId).toContain(rule.logicalId);
    }
  });

  it('fires every scheduled rule by hand and reaches its targets', { timeout: 300_000 }, async () => {
    for (const rule of model.rules.filter((r) => r.schedule)) {
      const before = await consoleState();
      const res = await fetch(`${ctx.urls.console}/_local/schedules/${rule.logicalId}/run`, { method: 'POST' });
      expect(res.status, rule.logicalId).toBe(202);
      const { eventId } = (await res.json()) as { eventId: string };
      const logged = await eventually(async () => (await consoleState()).events.find((e) => e.eventId === eventId), `scheduled event of ${rule.logicalId}`);
      expect(logged.detailType).toBe('Scheduled Event');
      await expectTargetsReached(rule, before);
    }
  });
});
