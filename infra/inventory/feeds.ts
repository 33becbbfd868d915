import { Duration, Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, DistributedMap, Errors, Fail, JsonPath, LogLevel, StateMachine, StateMachineType, TaskInput, Timeout } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct, type IConstruct } from 'constructs';
import type { inventoryEnv } from '../../shared/inventory/env.js';
import type { Capability } from '../constructs/capability.js';
import type { HouseFunction } from '../constructs/house-function.js';
import { nagRef } from '../nag.js';

/** Files above this size (uncompressed CSV/NDJSON) are split into byte ranges processed in parallel. */
export const DEFAULT_FEED_SPLIT_THRESHOLD_BYTES = 20 * 1024 * 1024;
/** Nominal size of one range of a split run (~300k rows of a typical CSV). */
export const DEFAULT_FEED_RANGE_BYTES = 8 * 1024 * 1024;
/** The split workflow's name (after the root stack's): the trigger carries its ARN by name. */
export const SPLIT_FEED_WORKFLOW = 'split-feed';

/**
 * Split threshold and range size, from CDK context (`feedSplitThresholdBytes`, `feedRangeBytes`)
 * or the environment at synth (RESTOCK_FEED_SPLIT_THRESHOLD_BYTES, RESTOCK_FEED_RANGE_BYTES).
 */
export function feedSizes(scope: IConstruct): { splitThresholdBytes: string; rangeBytes: string } {
  const setting = (key: string, envName: string, fallback: number): string => {
    const raw = (scope.node.tryGetContext(key) as string | number | undefined) ?? process.env[envName];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${key} must be a positive integer, got ${String(raw)}`);
    return String(value);
  };
  return {
    splitThresholdBytes: setting('feedSplitThresholdBytes', 'RESTOCK_FEED_SPLIT_THRESHOLD_BYTES', DEFAULT_FEED_SPLIT_THRESHOLD_BYTES),
    rangeBytes: setting('feedRangeBytes', 'RESTOCK_FEED_RANGE_BYTES', DEFAULT_FEED_RANGE_BYTES),
  };
}

/**
 * Inventory feeds: S3 uploads under a tenant prefix, streamed, validated, diffed and applied.
 *
 * POST /admin/feeds registers a feed and returns a presigned PUT for `feeds/<tenant>/<feed>/<file>`;
 * the bucket's Object Created event (default bus) starts ingestion: one streamed pass in the
 * trigger, or, for large splittable files, a workflow that plans record-aligned byte ranges, runs
 * a Distributed Map over them and merges one report. The admin function (feed routes and
 * POST /admin/stock/rows) gets its S3 access here. Sizes: `feedSizes()`.
 */
export class Feeds extends Construct {
  readonly workflow: StateMachine;
  readonly trigger: HouseFunction;

  constructor(scope: Construct, id: string, inventory: Capability<typeof inventoryEnv>, admin: HouseFunction) {
    super(scope, id);
    const platform = inventory.platform;
    const bucket = platform.feedsBucket;
    // Explicit object actions (the grant helpers add Abort*, List*, GetBucket*… that no feed path needs).
    const allowObjects = (fn: HouseFunction, actions: string[], prefix: 'feeds' | 'reports') => {
      fn.addToRolePolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects(`${prefix}/*`)] }));
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${nagRef(fn, bucket.node.defaultChild as CfnResource, 'Arn')}/${prefix}/*]`,
        reason: `Object keys under ${prefix}/ are per tenant and per feed, created at run time; access is limited to that prefix and to ${actions.join(', ')}.`,
      });
    };
    // Without ListBucket a missing key answers 403 instead of 404 (a report not written yet).
    const allowList = (fn: HouseFunction) => fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));

    // ---- admin API: presigned uploads (the URL carries this role's PutObject), feed status and reports ----
    allowObjects(admin, ['s3:PutObject', 's3:GetObject'], 'feeds');
    allowList(admin);

    // ---- split workflow: plan → Distributed Map over byte ranges → finalize ----
    const steps = inventory.fn('FeedWorkflow', {
      entry: 'functions/inventory/feed-workflow.ts',
      description: 'Split feed workflow tasks (plan, range, finalize, fail)',
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    platform.table.grantReadWriteData(steps);
    platform.bus.grantPutEventsTo(steps);
    allowObjects(steps, ['s3:GetObject', 's3:PutObject'], 'feeds');
    allowObjects(steps, ['s3:GetObject', 's3:PutObject'], 'reports');
    allowList(steps);

    const task = (name: string, payload: Record<string, unknown>, resultPath: string) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: steps,
        payload: TaskInput.fromObject(payload),
        payloadResponseOnly: true,
        resultPath,
        // As long as the function may run: a shorter state timeout would retry a range still running.
        taskTimeout: Timeout.duration(Duration.minutes(15)),
      }).addRetry({
        errors: [Errors.ALL],
        interval: Duration.seconds(2),
        maxAttempts: 3,
        backoffRate: 2,
      });
    const plan = task('Plan byte ranges', { step: 'plan', run: JsonPath.objectAt('$.run'), rangeBytes: JsonPath.numberAt('$.rangeBytes') }, '$.plan');
    const processRange = task('Process range', { step: 'range', run: JsonPath.objectAt('$.run'), shared: JsonPath.objectAt('$.shared'), range: JsonPath.objectAt('$.range') }, JsonPath.DISCARD);
    // Ranges travel in the state (a few hundred small items), not through an S3 ItemReader.
    const ranges = new DistributedMap(this, 'Process ranges', {
      itemsPath: '$.plan.ranges',
      itemSelector: { run: JsonPath.objectAt('$.run'), shared: JsonPath.objectAt('$.plan.shared'), range: JsonPath.objectAt('$$.Map.Item.Value') },
      maxConcurrency: 10,
      mapExecutionType: StateMachineType.STANDARD,
      resultPath: JsonPath.DISCARD,
    });
    ranges.itemProcessor(processRange);
    const finalize = task('Finalize report', { step: 'finalize', run: JsonPath.objectAt('$.run'), shared: JsonPath.objectAt('$.plan.shared') }, '$.result');
    const markFailed = task('Mark feed failed', { step: 'fail', run: JsonPath.objectAt('$.run'), error: JsonPath.objectAt('$.error') }, JsonPath.DISCARD).next(
      new Fail(this, 'Feed failed', { error: 'FeedFailed', cause: 'see the feed record' }),
    );
    for (const state of [plan, ranges, finalize]) state.addCatch(markFailed, { resultPath: '$.error' });

    this.workflow = new StateMachine(this, 'SplitFeed', {
      stateMachineName: inventory.platform.stateMachine(SPLIT_FEED_WORKFLOW).name,
      definitionBody: DefinitionBody.fromChainable(plan.next(ranges).next(finalize)),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'SplitFeedLogs', { retention: RetentionDays.ONE_MONTH }),
        level: LogLevel.ALL,
        includeExecutionData: false,
      },
      timeout: Duration.hours(6),
    });
    // The Distributed Map runs child executions of this same state machine.
    const mapPolicy = this.workflow.node.tryFindChild('DistributedMapPolicy');
    if (mapPolicy) {
      const stack = Stack.of(this);
      const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
      const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
      const name = JSON.stringify({ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: stack.getLogicalId(this.workflow.node.defaultChild as CfnResource) }] }] });
      for (const suffix of [':*', '/*:*']) {
        Validations.of(mapPolicy).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${region}:${account}:execution:${name}${suffix}]`,
          reason: 'Distributed Map child executions of this same state machine; their ARNs are generated at run time.',
        });
      }
    }

    // ---- trigger: Object Created on feeds/ (S3 → default bus) ----
    this.trigger = inventory.fn('FeedObjectCreated', {
      entry: 'functions/inventory/feed-uploaded.ts',
      description: 'Feed uploaded: ingest it (single pass or split workflow)',
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    platform.table.grantReadWriteData(this.trigger);
    platform.bus.grantPutEventsTo(this.trigger);
    allowObjects(this.trigger, ['s3:GetObject', 's3:PutObject'], 'feeds');
    this.workflow.grantStartExecution(this.trigger);
    // Failed asynchronous invocations (after Lambda's own two retries) land in the platform DLQ.
    (this.trigger.node.defaultChild as CfnFunction).deadLetterConfig = { targetArn: platform.deadLetters.queueArn };
    platform.deadLetters.grantSendMessages(this.trigger);

    new Rule(this, 'OnFeedUploaded', {
      description: 'Feed object created under feeds/ → ingestion',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [bucket.bucketName] }, object: { key: [{ prefix: 'feeds/' }] } },
      },
      targets: [new LambdaFunction(this.trigger, { deadLetterQueue: platform.deadLetters, retryAttempts: 4, maxEventAge: Duration.hours(6) })],
    });
  }
}
