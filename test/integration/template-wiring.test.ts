import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
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

  it('reaches each route handler with the right authorizer', async () => {
    for (const route of model.routes) {
      const path = route.path.replace(/\{[^}]+\}/g, 'does-not-exist');
      const res = await api(route.method, path, { ...headersFor(route), body: ['GET', 'DELETE'].includes(route.method) ? undefined : {} });
      // The handler answered (a 2xx, or its own 4xx for an empty body / unknown id):
      // not the gateway's 404, not an authorizer refusal, never a 500.
      const label = `${route.method} ${route.path} → ${res.status} ${JSON.stringify(res.body)}`;
      expect(res.body?.message, label).not.toBe('Not Found');
      expect([401, 403], label).not.toContain(res.status);
      expect(res.status, label).toBeLessThan(500);
      if (route.authorizer) {
        const anonymous = await api(route.method, path, { body: ['GET', 'DELETE'].includes(route.method) ? undefined : {} });
        expect(anonymous.status, `${route.method} ${route.path} without a key`).toBe(401);
      }
    }
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

describe('every event rule in the template routes a real event to its targets', () => {
  it('has rules to test', () => expect(model.rules.filter((r) => r.pattern).length).toBeGreaterThan(0));

  it('delivers each catalogue rule to its targets', async () => {
    const client = new EventBridgeClient({});
    for (const rule of model.rules.filter((r) => r.pattern && (r.pattern as { source?: string[] }).source?.some((s) => s.startsWith('restock.')))) {
      const before = await consoleState();
      const res = await client.send(new PutEventsCommand({ Entries: [eventFor(rule)] }));
      expect(res.FailedEntryCount).toBe(0);
      const eventId = res.Entries![0]!.EventId!;
      const logged = await eventually(async () => (await consoleState()).events.find((e) => e.eventId === eventId), `event ${eventId} on the bus`);
      expect(logged.matchedRules, rule.logicalId).toContain(rule.logicalId);
      for (const target of rule.targets) {
        if (target.arn.includes(':states:')) {
          const machine = target.arn.split(':').pop()!;
          await eventually(
            async () => (await consoleState()).executions.filter((e) => e.stateMachine === machine).length > before.executions.filter((e) => e.stateMachine === machine).length,
            `an execution of ${machine} from ${rule.logicalId}`,
          );
        } else if (target.arn.includes(':lambda:')) {
          const fn = target.arn.split(':').pop()!;
          await eventually(async () => (await consoleState()).invocations.length > before.invocations.length && (await consoleState()).invocations.some((i) => i.functionName === fn), `${fn} invoked by ${rule.logicalId}`);
        }
      }
    }
  });

  it('fires every scheduled rule by hand and reaches its targets', async () => {
    for (const rule of model.rules.filter((r) => r.schedule)) {
      const res = await fetch(`${ctx.urls.console}/_local/schedules/${rule.logicalId}/run`, { method: 'POST' });
      expect(res.status, rule.logicalId).toBe(202);
      const { eventId } = (await res.json()) as { eventId: string };
      const logged = await eventually(async () => (await consoleState()).events.find((e) => e.eventId === eventId), `scheduled event of ${rule.logicalId}`);
      expect(logged.detailType).toBe('Scheduled Event');
    }
  });
});
