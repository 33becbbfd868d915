import { randomUUID } from 'node:crypto';
import type { BusEvent, LocalEventBus } from '../eventbridge/bus.js';
import type { RuleSpec } from '../template/model.js';
import { parseScheduleExpression, type Schedule } from './schedule-expression.js';

export interface ScheduledRule {
  rule: RuleSpec;
  schedule: Schedule;
  nextRun: Date | null;
  lastRun?: Date;
}

/**
 * Runs the template's scheduled rules on their own expressions (UTC) and lets anyone fire
 * one by hand (console button, `npm run local:trigger`, tests): the targets receive the same
 * "Scheduled Event" EventBridge sends.
 */
export class LocalScheduler {
  readonly scheduled: ScheduledRule[];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    rules: RuleSpec[],
    private readonly bus: LocalEventBus,
    private readonly opts: { autoRun: boolean } = { autoRun: true },
  ) {
    const now = new Date();
    this.scheduled = rules
      .filter((r) => r.schedule)
      .map((rule) => {
        const schedule = parseScheduleExpression(rule.schedule!, { anchor: now });
        return { rule, schedule, nextRun: schedule.next(now) };
      });
  }

  start(): void {
    if (!this.opts.autoRun) return;
    for (const s of this.scheduled) this.arm(s);
  }

  private arm(s: ScheduledRule) {
    if (!s.nextRun) return;
    // setTimeout caps at ~24.8 days; re-arm in steps for schedules further away.
    const delay = Math.min(s.nextRun.getTime() - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (Date.now() >= s.nextRun!.getTime()) {
        this.fire(s.rule.logicalId, s.nextRun!);
        s.nextRun = s.schedule.next(new Date());
      }
      this.arm(s);
    }, Math.max(0, delay));
    timer.unref();
    this.timers.add(timer);
  }

  fire(ruleRef: string, at = new Date()): string {
    const s = this.scheduled.find((x) => x.rule.logicalId === ruleRef || x.rule.name === ruleRef);
    if (!s) throw new Error(`No scheduled rule ${ruleRef}`);
    s.lastRun = at;
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: 'us-east-1',
      resources: [s.rule.arn],
      detail: {},
    };
    this.bus.fire(s.rule.logicalId, event);
    return event.id;
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
