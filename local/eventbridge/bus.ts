import { randomUUID } from 'node:crypto';
import { compilePattern, type EventMatcher } from './event-pattern.js';
import type { RuleSpec, TargetSpec } from '../template/model.js';

export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export interface DeliveryRecord {
  eventId: string;
  /** The catalogue envelope's tenant and event id, when the event is one of ours. */
  tenantId?: string;
  detailEventId?: string;
  source: string;
  detailType: string;
  bus: string;
  at: string;
  matchedRules: string[];
}

export type Deliver = (target: TargetSpec, payload: unknown) => Promise<void>;

/**
 * The local event bus: evaluates every rule's pattern from the template (the matcher refuses
 * operators it does not implement) and delivers to its targets with the target's input
 * transformation, retry policy and dead-letter queue. Deliveries are asynchronous, as in
 * EventBridge: PutEvents returns before targets run.
 */
export class LocalEventBus {
  private readonly rules: { spec: RuleSpec; match?: EventMatcher }[];
  readonly log: DeliveryRecord[] = [];
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    rules: RuleSpec[],
    private readonly deliver: Deliver,
    private readonly deadLetter: (arn: string, payload: unknown, error: string, ruleArn: string) => void,
    private readonly opts: { retryBaseMs?: number } = {},
  ) {
    this.rules = rules.map((spec) => ({ spec, match: spec.pattern ? compilePattern(spec.pattern) : undefined }));
  }

  ruleSpecs(): RuleSpec[] {
    return this.rules.map((r) => r.spec);
  }

  /** PutEvents: returns one EventId per entry; unknown buses are per-entry errors as in AWS. */
  put(entries: { Source?: string; DetailType?: string; Detail?: string; EventBusName?: string; Resources?: string[]; Time?: Date | string }[]) {
    return entries.map((e) => {
      if (!e.Source || !e.DetailType || e.Detail === undefined) {
        return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter(s) Source, DetailType or Detail are missing' };
      }
      let detail: unknown;
      try {
        detail = JSON.parse(e.Detail);
      } catch {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
      }
      const event: BusEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': e.DetailType,
        source: e.Source,
        account: '000000000000',
        time: (e.Time ? new Date(e.Time) : new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: 'us-east-1',
        resources: e.Resources ?? [],
        detail,
      };
      this.dispatch((e.EventBusName ?? 'default').split('/').pop()!, event);
      return { EventId: event.id };
    });
  }

  dispatch(busName: string, event: BusEvent): string[] {
    const matched = this.rules.filter((r) => r.spec.enabled && r.spec.busName === busName && r.match?.(event));
    const d = (event.detail ?? {}) as { tenantId?: unknown; eventId?: unknown };
    this.log.push({
      eventId: event.id,
      tenantId: typeof d.tenantId === 'string' ? d.tenantId : undefined,
      detailEventId: typeof d.eventId === 'string' ? d.eventId : undefined,
      source: event.source,
      detailType: event['detail-type'],
      bus: busName,
      at: event.time,
      matchedRules: matched.map((r) => r.spec.logicalId),
    });
    if (this.log.length > 2000) this.log.shift();
    for (const rule of matched) for (const target of rule.spec.targets) this.track(this.deliverWithRetry(rule.spec, target, event));
    return matched.map((r) => r.spec.logicalId);
  }

  /** Fires a rule's targets directly (schedules, and "run now" from the console). */
  fire(ruleRef: string, event: BusEvent): void {
    const rule = this.rules.find((r) => r.spec.logicalId === ruleRef || r.spec.name === ruleRef || r.spec.arn === ruleRef);
    if (!rule) throw new Error(`No rule ${ruleRef}`);
    this.log.push({ eventId: event.id, source: event.source, detailType: event['detail-type'], bus: rule.spec.busName, at: event.time, matchedRules: [rule.spec.logicalId] });
    for (const target of rule.spec.targets) this.track(this.deliverWithRetry(rule.spec, target, event));
  }

  /** Resolves when every delivery started so far has finished (tests use this to settle). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  private track(p: Promise<void>) {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  private async deliverWithRetry(rule: RuleSpec, target: TargetSpec, event: BusEvent): Promise<void> {
    const payload = transformInput(target, event);
    const started = Date.now();
    const base = this.opts.retryBaseMs ?? 200;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.deliver(target, payload);
        return;
      } catch (error) {
        const tooOld = Date.now() - started > target.maxEventAgeSeconds * 1000;
        if (attempt >= target.maxRetries || tooOld) {
          if (target.deadLetterArn) this.deadLetter(target.deadLetterArn, payload, (error as Error).message, rule.arn);
          else console.error(`[eventbridge] dropped event ${event.id} for ${rule.logicalId}: no DLQ`, (error as Error).message);
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(5000, base * 2 ** attempt)));
      }
    }
  }
}

/** Input, InputPath and InputTransformer as EventBridge applies them. */
export function transformInput(target: TargetSpec, event: BusEvent): unknown {
  if (target.input !== undefined) return JSON.parse(target.input);
  if (target.inputPath) return jsonPath(event, target.inputPath);
  if (target.inputTransformer) {
    const values = Object.fromEntries(Object.entries(target.inputTransformer.InputPathsMap ?? {}).map(([k, p]) => [k, jsonPath(event, p)]));
    const text = target.inputTransformer.InputTemplate.replace(/<([A-Za-z0-9_.-]+)>/g, (m, key: string) => {
      if (key === 'aws.events.event.json') return JSON.stringify(event);
      if (key === 'aws.events.rule-arn') return '';
      if (!(key in values)) return m;
      const v = values[key];
      return typeof v === 'string' ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : JSON.stringify(v ?? null);
    });
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return event;
}

function jsonPath(obj: unknown, path: string): unknown {
  if (path === '$') return obj;
  return path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .reduce<unknown>((acc, key) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[key] : undefined), obj);
}
