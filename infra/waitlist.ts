import { Duration } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Choice, Condition, DefinitionBody, Errors, JitterType, JsonPath, LogLevel, Map as MapState, StateMachine, Succeed, TaskInput, Wait, WaitTime } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { waitlistAdmin, waitlistLinks, waitlistSignup } from '../functions/waitlist/routes.js';
import { patternOf } from '../shared/events/catalogue.js';
import type { RouteGroup } from '../shared/http/route.js';
import { waitlistEnv } from '../shared/waitlist/env.js';
import { Capability } from './constructs/capability.js';
import type { HouseFunction } from './constructs/house-function.js';
import type { Platform } from './constructs/platform.js';
import { Messaging } from './messaging.js';

/**
 * Capability C3, Waitlists: sign-up from the storefront widget (publishable key), the
 * shopper's signed preference / confirm / keep-my-place links, the merchant's waitlist admin
 * and GDPR routes, and the drip:
 *  1. confirmation — WaitlistJoined → `WaitlistEvents` → deliver();
 *  2. updates — RestockEtaChanged → one `WaitlistFanOut` execution per list (plan sequence
 *     ranges from bucket counters → Map over ranges → deliver in batches), and a daily
 *     `WaitlistSweep` over every list with people waiting (silence updates, "still
 *     interested?", expiry), inline for small lists, a fan-out execution for large ones;
 *  3. back in stock — sent by the release waves (not here); BackInStock here only credits
 *     the loyalty-points perk, through the same fan-out.
 * Cost grows with pages of a list, never with one execution per subscriber.
 */
export class Waitlist extends Capability<typeof waitlistEnv> {
  readonly fanOut: StateMachine;
  readonly sweep: StateMachine;
  readonly functions: Record<string, HouseFunction> = {};

  constructor(scope: Construct, id: string, platform: Platform) {
    const messaging = Messaging.lookup(scope);
    super(scope, id, platform, {
      schema: waitlistEnv,
      values: {
        ...messaging.senderValues(),
        // By name, not a reference: the fan-out's own task function carries it too.
        FANOUT_STATE_MACHINE_ARN: platform.stateMachine('waitlist-fanout').arn,
      },
    });
    const fn = (name: string, entry: string, description: string, opts: { timeout?: Duration; memorySize?: number } = {}) => {
      const f = this.fn(name, { entry: `functions/waitlist/${entry}.ts`, description, ...opts });
      platform.table.grantReadWriteData(f);
      this.functions[name] = f;
      return f;
    };
    const serve = (name: string, group: RouteGroup, description: string) => {
      const f = this.serve(name, group, { description, memorySize: 1024, timeout: Duration.seconds(29) });
      platform.table.grantReadWriteData(f);
      // WaitlistJoined (sign-up, confirmation), WaitlistLeft (cancel, erasure).
      platform.bus.grantPutEventsTo(f);
      this.functions[name] = f;
      return f;
    };
    const dlq = (f: HouseFunction) => {
      // Failed asynchronous invocations (after Lambda's own two retries) land in the platform DLQ.
      (f.node.defaultChild as CfnFunction).deadLetterConfig = { targetArn: platform.deadLetters.queueArn };
      platform.deadLetters.grantSendMessages(f);
    };

    // ---- HTTP, one function per audience ----
    // Publishable key (the widget's form); the double opt-in request is sent in the request.
    const signup = serve('WaitlistSignup', waitlistSignup, 'POST /storefront/waitlist: join a waitlist');
    messaging.grantSend(signup);
    // Signed tokens, no login: preference page, confirm, keep my place.
    serve('WaitlistLinks', waitlistLinks, 'GET|POST /p/{token}: the shopper’s preference page, confirm, keep my place');
    // Admin key: waitlists, settings, perks, GDPR export and erasure.
    serve('WaitlistAdmin', waitlistAdmin, 'Waitlist admin: lists, entries, settings, perks, GDPR export and erasure');

    // ---- fan-out: one execution per list, a Map over sequence ranges ----
    const tasks = fn('WaitlistFanOutTasks', 'fanout', 'Waitlist fan-out tasks (plan ranges, process a range)', { timeout: Duration.minutes(15), memorySize: 1024 });
    platform.bus.grantPutEventsTo(tasks); // expiry publishes WaitlistLeft
    // Four containers at most share the SES quota for waitlist fan-outs; a throttled
    // invocation is retried by the state machine with backoff.
    messaging.grantSend(tasks, { containers: 4 });
    const invoke = (name: string, payload: Record<string, unknown>, resultPath: string) =>
      new LambdaInvoke(this, name, { lambdaFunction: tasks, payload: TaskInput.fromObject(payload), payloadResponseOnly: true, resultPath })
        // Many lists fanning out at once (a purchase order with hundreds of lines) queue
        // behind the reserved concurrency: throttling is backpressure, waited out patiently.
        .addRetry({ errors: ['Lambda.TooManyRequestsException'], interval: Duration.seconds(10), maxAttempts: 30, backoffRate: 1.5, maxDelay: Duration.minutes(5), jitterStrategy: JitterType.FULL })
        .addRetry({ errors: [Errors.ALL], interval: Duration.seconds(5), maxAttempts: 6, backoffRate: 2 });
    const plan = invoke('Plan ranges', { step: 'plan', job: JsonPath.objectAt('$.job'), fromBucket: JsonPath.numberAt('$.plan.nextBucket') }, '$.plan');
    const range = invoke('Process range', { step: 'range', job: JsonPath.objectAt('$.job'), range: JsonPath.objectAt('$.range'), attempt: JsonPath.numberAt('$.result.attempt') }, '$.result');
    const retryDeferred = new Wait(this, 'Wait for deferred messages', { time: WaitTime.timestampPath('$.result.retryAt') }).next(range);
    const ranges = new MapState(this, 'Ranges', {
      itemsPath: '$.plan.ranges',
      itemSelector: { job: JsonPath.objectAt('$.job'), range: JsonPath.objectAt('$$.Map.Item.Value'), result: { attempt: 0 } },
      maxConcurrency: 4,
      resultPath: JsonPath.DISCARD,
    });
    ranges.itemProcessor(range.next(new Choice(this, 'Deferred?').when(Condition.isPresent('$.result.retryAt'), retryDeferred).otherwise(new Succeed(this, 'Range done'))));
    const definition = plan.next(ranges).next(new Choice(this, 'More ranges?').when(Condition.isNotNull('$.plan.nextBucket'), plan).otherwise(new Succeed(this, 'Fan-out done')));
    this.fanOut = new StateMachine(this, 'WaitlistFanOut', {
      stateMachineName: platform.stateMachine('waitlist-fanout').name,
      definitionBody: DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: { destination: new LogGroup(this, 'FanOutLogs', { retention: RetentionDays.ONE_MONTH }), level: LogLevel.ALL, includeExecutionData: false },
      timeout: Duration.days(3),
    });

    // ---- events (confirmation, ETA updates, loyalty points) and the daily sweep's pages ----
    const events = fn('WaitlistEvents', 'events', 'WaitlistJoined → confirmation; RestockEtaChanged → update fan-out; BackInStock → points; sweep pages', {
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    platform.bus.grantPutEventsTo(events); // sweep expiry publishes WaitlistLeft
    messaging.grantSend(events);
    this.fanOut.grantStartExecution(events);
    dlq(events);
    for (const name of ['WaitlistJoined', 'RestockEtaChanged', 'BackInStock'] as const) {
      new Rule(this, `On${name}`, {
        eventBus: platform.bus,
        description: `${name} → waitlist`,
        eventPattern: patternOf(name),
        targets: [new LambdaFunction(events, { deadLetterQueue: platform.deadLetters, retryAttempts: 4, maxEventAge: Duration.hours(24) })],
      });
    }

    // ---- the daily sweep: silence updates, "still interested?", expiry ----
    // `$.page` ({shard, cursor?}) is the payload, and the answer is the next page to sweep.
    const page = new LambdaInvoke(this, 'Sweep a page of lists', { lambdaFunction: events, payloadResponseOnly: true, inputPath: '$.page', resultPath: '$.page' }).addRetry({
      errors: [Errors.ALL],
      interval: Duration.seconds(10),
      maxAttempts: 4,
      backoffRate: 2,
    });
    this.sweep = new StateMachine(this, 'WaitlistSweep', {
      definitionBody: DefinitionBody.fromChainable(page.next(new Choice(this, 'More lists?').when(Condition.booleanEquals('$.page.done', false), page).otherwise(new Succeed(this, 'Sweep done')))),
      tracingEnabled: true,
      logs: { destination: new LogGroup(this, 'SweepLogs', { retention: RetentionDays.ONE_MONTH }), level: LogLevel.ALL, includeExecutionData: false },
      timeout: Duration.hours(23),
    });
    new Rule(this, 'DailySweepSchedule', {
      description: 'Daily 04:00 UTC: waitlist silence updates, "still interested?" and expiry',
      schedule: Schedule.expression('cron(0 4 * * ? *)'),
      targets: [new SfnStateMachine(this.sweep, { input: RuleTargetInput.fromObject({ page: { shard: 0 } }), deadLetterQueue: platform.deadLetters, retryAttempts: 4, maxEventAge: Duration.hours(6) })],
    });
  }
}
