import { Aws, Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  CustomState,
  DefinitionBody,
  Errors,
  JsonPath,
  LogLevel,
  Map as MapState,
  Pass,
  StateMachine,
  Succeed,
  TaskInput,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { releaseAdmin, releaseStorefront } from '../functions/release/routes.js';
import { patternOf } from '../shared/events/catalogue.js';
import { releaseEnv } from '../shared/release/env.js';
import { Capability } from './constructs/capability.js';
import type { HouseFunction } from './constructs/house-function.js';
import type { Platform } from './constructs/platform.js';
import { Messaging } from './messaging.js';
import { acknowledgeExecutionRead } from './nag.js';

/** Pages sent in parallel per Map (each page: up to 100 people, one Lambda invocation). */
const SEND_CONCURRENCY = 4;

/**
 * Capability C4, restock releases: stock-sized waves, tiered early access, unit holds, the
 * planner. One Step Functions execution per release loops tick → (send pages | wait) →
 * tick; a wave of any size is a series of Map states over pages of 100 people, so cost grows
 * with pages, not with one execution per person, and the execution continues as a new one
 * before its history fills up. BackInStock (or POST /admin/releases) starts it; OrderPlaced
 * turns paid holds into sales and feeds the conversion estimate.
 */
export class Release extends Capability<typeof releaseEnv> {
  readonly workflow: StateMachine;
  readonly functions: Record<'admin' | 'storefront' | 'steps' | 'events', HouseFunction>;

  constructor(scope: Construct, id: string, platform: Platform) {
    const messaging = Messaging.lookup(scope);
    super(scope, id, platform, {
      schema: releaseEnv,
      values: {
        ...messaging.senderValues(),
        // By name, not a reference: ReleaseSteps, which the machine runs, carries it too.
        RELEASE_STATE_MACHINE_ARN: platform.stateMachine('release').arn,
      },
    });

    // ---- workflow tasks ----
    const steps = this.fn('ReleaseSteps', {
      entry: 'functions/release/workflow.ts',
      description: 'Release workflow: tick, send a page, commit',
      timeout: Duration.minutes(5),
      memorySize: 1024,
    });
    platform.bus.grantPutEventsTo(steps);
    // The release's share of the SES quota: as many containers as pages sent at once.
    messaging.grantSend(steps, { containers: SEND_CONCURRENCY });

    const invoke = (name: string, payload: Record<string, unknown>, resultPath: string) =>
      new LambdaInvoke(this, name, { lambdaFunction: steps, payload: TaskInput.fromObject(payload), payloadResponseOnly: true, resultPath }).addRetry({
        errors: [Errors.ALL],
        interval: Duration.seconds(2),
        maxAttempts: 6,
        backoffRate: 2,
      });
    const ids = { tenantId: JsonPath.stringAt('$.tenantId'), releaseId: JsonPath.stringAt('$.releaseId'), execution: JsonPath.stringAt('$.execution') };

    const init = new Pass(this, 'Init', {
      parameters: { ...ids, tick: { action: 'init', iteration: JsonPath.numberAt('$.iteration') } },
    });
    const tick = invoke('Tick', { step: 'tick', ...ids, iteration: JsonPath.numberAt('$.tick.iteration') }, '$.tick');
    const sendPage = invoke('Send page', { step: 'send', ...ids, jobId: JsonPath.stringAt('$.jobId'), page: JsonPath.objectAt('$.page') }, JsonPath.DISCARD);
    const pages = new MapState(this, 'Send pages', {
      itemsPath: '$.tick.pages',
      itemSelector: { ...ids, jobId: JsonPath.stringAt('$.tick.jobId'), page: JsonPath.objectAt('$$.Map.Item.Value') },
      maxConcurrency: SEND_CONCURRENCY,
      resultPath: JsonPath.DISCARD,
    });
    pages.itemProcessor(sendPage);
    const commitStep = invoke('Commit pages', { step: 'commit', ...ids, jobId: JsonPath.stringAt('$.tick.jobId'), batch: JsonPath.numberAt('$.tick.batch') }, JsonPath.DISCARD);
    const wait = new Wait(this, 'Wait', { time: WaitTime.secondsPath('$.tick.seconds') });
    // Continue as a new execution (same release, fresh history): a raw task, because the
    // state machine cannot reference its own ARN through the CDK construct.
    const continueAsNew = new CustomState(this, 'Continue as new execution', {
      stateJson: {
        Type: 'Task',
        Resource: `arn:${Aws.PARTITION}:states:::states:startExecution`,
        Parameters: {
          'StateMachineArn.$': '$$.StateMachine.Id',
          'Name.$': '$.tick.nextExecution',
          Input: {
            'tenantId.$': '$.tenantId',
            'releaseId.$': '$.releaseId',
            'execution.$': '$.tick.nextExecution',
            iteration: 0,
            'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id',
          },
        },
        Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }],
      },
    });

    const route = new Choice(this, 'What now?')
      .when(Condition.stringEquals('$.tick.action', 'send'), pages.next(commitStep).next(tick))
      .when(Condition.stringEquals('$.tick.action', 'wait'), wait.next(tick))
      .when(Condition.stringEquals('$.tick.action', 'next'), tick)
      .when(Condition.stringEquals('$.tick.action', 'continue'), continueAsNew)
      .otherwise(new Succeed(this, 'Release done'));

    this.workflow = new StateMachine(this, 'Workflow', {
      stateMachineName: platform.stateMachine('release').name,
      definitionBody: DefinitionBody.fromChainable(init.next(tick).next(route)),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'WorkflowLogs', { retention: RetentionDays.ONE_MONTH }),
        level: LogLevel.ALL,
        includeExecutionData: false,
      },
      // Each execution continues as a new one long before this (and Node timers cap at 24.8 days locally).
      timeout: Duration.days(14),
    });
    this.workflow.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [platform.stateMachine('release').arn] }));

    // ---- admin API (merchant) ----
    const admin = this.serve('ReleaseAdmin', releaseAdmin, {
      description: 'Releases: plan, start, progress, pause/resume/cancel, campaign, settings, tiers',
      timeout: Duration.seconds(29),
      memorySize: 1024,
    });
    platform.table.grantReadWriteData(admin);
    this.workflow.grantStartExecution(admin);
    this.workflow.grantRead(admin);
    acknowledgeExecutionRead(admin.role!, this.workflow);

    // ---- storefront: early access and holds ----
    const storefront = this.serve('ReleaseStorefront', releaseStorefront, { description: 'Early-access links and unit holds', memorySize: 1024 });
    platform.table.grantReadWriteData(storefront);

    // ---- events: BackInStock starts a release, OrderPlaced converts holds ----
    const events = this.fn('ReleaseEvents', {
      entry: 'functions/release/events.ts',
      description: 'BackInStock → release; OrderPlaced → holds and conversions',
      timeout: Duration.seconds(60),
    });
    platform.table.grantReadWriteData(events);
    this.workflow.grantStartExecution(events);
    (events.node.defaultChild as CfnFunction).deadLetterConfig = { targetArn: platform.deadLetters.queueArn };
    platform.deadLetters.grantSendMessages(events);
    for (const [ruleId, name] of [
      ['OnBackInStock', 'BackInStock'],
      ['OnOrderPlaced', 'OrderPlaced'],
    ] as const) {
      new Rule(this, ruleId, {
        eventBus: platform.bus,
        description: `${name} → releases`,
        eventPattern: patternOf(name),
        targets: [new LambdaFunction(events, { deadLetterQueue: platform.deadLetters, retryAttempts: 4, maxEventAge: Duration.hours(6) })],
      });
    }

    this.functions = { admin, storefront, steps, events };
  }
}
