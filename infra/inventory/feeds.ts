import { Duration, Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, DistributedMap, Errors, Fail, JsonPath, LogLevel, StateMachine, StateMachineType, TaskInput, Timeout } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { Platform } from '../constructs/platform.js';
import type { HouseFunction } from '../constructs/house-function.js';

/** Files above this size (uncompressed CSV/NDJSON) are split into byte ranges processed in parallel. */
export const DEFAULT_FEED_SPLIT_THRESHOLD_BYTES = 20 * 1024 * 1024;
/** Nominal size of one range of a split run (~300k rows of a typical CSV). */
export const DEFAULT_FEED_RANGE_BYTES = 8 * 1024 * 1024;

/**
 * Inventory feeds: S3 uploads under a tenant prefix, streamed, validated, diffed and applied.
 *
 * POST /admin/feeds registers a feed and returns a presigned PUT for `feeds/<tenant>/<feed>/<file>`;
 * the bucket's Object Created event (default bus) starts ingestion: one streamed pass in the
 * trigger, or, for large splittable files, a workflow that plans record-aligned byte ranges, runs
 * a Distributed Map over them and merges one report. GET /admin/feeds[/{id}[/report]] lists and
 * reads them; POST /admin/stock/rows takes the same rows over HTTP.
 *
 * Configuration (CDK context, or env at synth): `feedSplitThresholdBytes`
 * (RESTOCK_FEED_SPLIT_THRESHOLD_BYTES, default 20 MiB) and `feedRangeBytes`
 * (RESTOCK_FEED_RANGE_BYTES, default 8 MiB).
 */
export class Feeds extends Construct {
  readonly workflow: StateMachine;
  readonly trigger: HouseFunction;

  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    const bucket = platform.feedsBucket;
    const setting = (key: string, envName: string, fallback: number): string => {
      const raw = (this.node.tryGetContext(key) as string | number | undefined) ?? process.env[envName];
      const value = raw === undefined ? fallback : Number(raw);
      if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${key} must be a positive integer, got ${String(raw)}`);
      return String(value);
    };
    const splitThreshold = setting('feedSplitThresholdBytes', 'RESTOCK_FEED_SPLIT_THRESHOLD_BYTES', DEFAULT_FEED_SPLIT_THRESHOLD_BYTES);
    const rangeBytes = setting('feedRangeBytes', 'RESTOCK_FEED_RANGE_BYTES', DEFAULT_FEED_RANGE_BYTES);
    const bucketEnv = { FEEDS_BUCKET: bucket.bucketName };
    // Explicit object actions (the grant helpers add Abort*, List*, GetBucket*… that no feed path needs).
    const bucketArn = `<${Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnResource)}.Arn>`;
    const allowObjects = (fn: HouseFunction, actions: string[], prefix: 'feeds' | 'reports') => {
      fn.addToRolePolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects(`${prefix}/*`)] }));
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}/*]`,
        reason: `Object keys under ${prefix}/ are per tenant and per feed, created at run time; access is limited to that prefix and to ${actions.join(', ')}.`,
      });
    };
    // Without ListBucket a missing key answers 403 instead of 404 (a report not written yet).
    const allowList = (fn: HouseFunction) => fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));

    // ---- admin API ----
    const create = platform.fn('CreateFeed', { entry: 'functions/feeds/create-feed.ts', description: 'POST /admin/feeds', environment: bucketEnv });
    platform.table.grantWriteData(create);
    // The presigned URL carries this role's permission, for feed uploads only.
    allowObjects(create, ['s3:PutObject'], 'feeds');
    platform.route('POST /admin/feeds', create, 'admin');

    const list = platform.fn('ListFeeds', { entry: 'functions/feeds/list-feeds.ts', description: 'GET /admin/feeds' });
    platform.table.grantReadData(list);
    platform.route('GET /admin/feeds', list, 'admin');

    const get = platform.fn('GetFeed', { entry: 'functions/feeds/get-feed.ts', description: 'GET /admin/feeds/{feedId}', environment: bucketEnv });
    platform.table.grantReadData(get);
    allowObjects(get, ['s3:GetObject'], 'feeds');
    allowList(get);
    platform.route('GET /admin/feeds/{feedId}', get, 'admin');

    const report = platform.fn('GetFeedReport', { entry: 'functions/feeds/get-feed-report.ts', description: 'GET /admin/feeds/{feedId}/report', environment: bucketEnv });
    platform.table.grantReadData(report);
    allowObjects(report, ['s3:GetObject'], 'feeds');
    allowList(report);
    platform.route('GET /admin/feeds/{feedId}/report', report, 'admin');

    const rows = platform.fn('PostStockRows', { entry: 'functions/feeds/post-stock-rows.ts', description: 'POST /admin/stock/rows', timeout: Duration.seconds(29), memorySize: 1024 });
    platform.table.grantReadWriteData(rows);
    platform.bus.grantPutEventsTo(rows);
    platform.route('POST /admin/stock/rows', rows, 'admin');

    // ---- split workflow: plan → Distributed Map over byte ranges → finalize ----
    const steps = platform.fn('FeedWorkflow', {
      entry: 'functions/feeds/workflow.ts',
      description: 'Split feed workflow tasks (plan, range, finalize, fail)',
      environment: bucketEnv,
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
    this.trigger = platform.fn('FeedObjectCreated', {
      entry: 'functions/feeds/on-object-created.ts',
      description: 'Feed uploaded: ingest it (single pass or split workflow)',
      environment: { ...bucketEnv, FEED_SPLIT_THRESHOLD_BYTES: splitThreshold, FEED_RANGE_BYTES: rangeBytes, FEED_WORKFLOW_ARN: this.workflow.stateMachineArn },
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
