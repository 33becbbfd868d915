import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startConsole } from './console/server.js';
import { createTables, startDynamoDb } from './emulators/dynamodb.js';
import { freePort } from './emulators/ports.js';
import { startS3, type S3EventRecord } from './emulators/s3.js';
import { startSes } from './emulators/ses.js';
import { LocalEventBus } from './eventbridge/bus.js';
import { startHttpApi } from './gateway/http-api.js';
import { LambdaRuntime } from './lambda/runtime.js';
import { LocalQueues } from './queues/local-queues.js';
import { LocalScheduler } from './scheduler/scheduler.js';
import { SmsOutbox } from './sns/sms-outbox.js';
import { LocalStepFunctions } from './stepfunctions/runner.js';
import { buildLocalModel, type LocalModel, type TargetSpec } from './template/model.js';
import { synthTemplate } from './template/synth.js';
import { startWireServer } from './wire/server.js';

export interface LocalStackOptions {
  /** Folder for persistent data (DynamoDB, S3, SMS outbox). Omit for a throwaway stack. */
  dataDir?: string;
  /** Fixed ports; 0 or absent picks a free one. */
  ports?: Partial<Record<'api' | 'console' | 'aws' | 'dynamodb' | 'ses' | 's3', number>>;
  /** Divides every Step Functions wait and retry interval: 1 = real time. */
  timeScale?: number;
  /** Run scheduled rules on their cron (start) or only by hand (tests). */
  autoSchedules?: boolean;
  quiet?: boolean;
  operatorKey: string;
  senderEmail?: string;
}

export interface LocalStack {
  urls: { api: string; console: string; mail: string; aws: string; s3: string; dynamodb: string };
  env: Record<string, string>;
  model: LocalModel;
  lambda: LambdaRuntime;
  bus: LocalEventBus;
  sfn: LocalStepFunctions;
  queues: LocalQueues;
  sms: SmsOutbox;
  scheduler: LocalScheduler;
  /** Waits until event deliveries and queue polling have settled. */
  settle: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Starts the whole system locally from the synthesized template: emulators (DynamoDB Local,
 * SES v2, s3rver), the wire endpoint for EventBridge/Step Functions/SQS/SNS/Lambda, the
 * HTTP API gateway, the scheduler and the console.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const ephemeral = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'restock-local-'));
  mkdirSync(dataDir, { recursive: true });
  const ports = {
    api: opts.ports?.api || (await freePort()),
    console: opts.ports?.console || (await freePort()),
    aws: opts.ports?.aws || (await freePort()),
  };
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  const awsUrl = `http://127.0.0.1:${ports.aws}`;
  const operatorKeySha256 = createHash('sha256').update(opts.operatorKey).digest('hex');

  const [dynamo, ses, template] = await Promise.all([
    startDynamoDb({ port: opts.ports?.dynamodb, dataDir: ephemeral ? undefined : path.join(dataDir, 'dynamodb') }),
    startSes({ port: opts.ports?.ses }),
    Promise.resolve().then(() => synthTemplate({ operatorKeySha256, senderEmail: opts.senderEmail ?? 'no-reply@restock.local' })),
  ]);

  // The S3 endpoint must be known before the model resolves bucket URLs; start S3 first.
  let onS3Event: (r: S3EventRecord) => void = () => undefined;
  const provisional = buildLocalModel(template, { api: apiUrl, aws: awsUrl, s3: '' });
  const s3 = await startS3({
    port: opts.ports?.s3,
    dataDir: path.join(dataDir, 's3'),
    buckets: provisional.buckets.map((b) => b.name),
    onEvent: (r) => onS3Event(r),
  });
  const model = buildLocalModel(template, { api: apiUrl, aws: awsUrl, s3: s3.endpoint });
  await createTables(dynamo.endpoint, model.tables);

  const env: Record<string, string> = {
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: awsUrl,
    AWS_ENDPOINT_URL_SFN: awsUrl,
    AWS_ENDPOINT_URL_SNS: awsUrl,
    AWS_ENDPOINT_URL_SQS: awsUrl,
    AWS_ENDPOINT_URL_LAMBDA: awsUrl,
    AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '1',
    RESTOCK_LOCAL_CONSOLE_URL: `http://127.0.0.1:${ports.console}`,
  };

  const lambda = new LambdaRuntime(model.functions, env, { quiet: opts.quiet });
  const sms = new SmsOutbox(ephemeral ? undefined : path.join(dataDir, 'sms-outbox.json'));
  const queues = new LocalQueues(model.queues, model.eventSourceMappings, lambda);

  // Lambda targets are invoked asynchronously: like Lambda, two retries, then the function's
  // dead-letter queue; the rule's own DLQ is for deliveries EventBridge itself cannot make.
  const invokeAsync = async (fnRef: string, payload: unknown) => {
    const fn = lambda.find(fnRef);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await lambda.invoke(fnRef, payload);
        return;
      } catch (error) {
        if (attempt === 2) {
          if (fn?.deadLetterArn) queues.send(fn.deadLetterArn, JSON.stringify(payload), { ErrorMessage: { DataType: 'String', StringValue: (error as Error).message } });
          else console.error(`[lambda] async invocation of ${fn?.logicalId} failed 3 times and it has no DLQ`);
        } else await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
    }
  };
  const sfn = new LocalStepFunctions(
    model.stateMachines,
    {
      lambda,
      putEvents: async (entries) => bus.put(entries) as { EventId: string }[],
      sendMessage: (ref, body) => ({ MessageId: queues.send(ref, body).messageId }),
      publish: (i) => ({ MessageId: sms.publish({ phoneNumber: i.PhoneNumber, topicArn: i.TopicArn, message: i.Message, subject: i.Subject, attributes: {} }).messageId }),
      endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, sesv2: ses.endpoint, eventbridge: awsUrl, sns: awsUrl, sfn: awsUrl },
    },
    opts.timeScale ?? 1,
  );
  const deliver = async (target: TargetSpec, payload: unknown) => {
    if (target.arn.includes(':lambda:')) return void invokeAsync(target.arn, payload);
    if (target.arn.includes(':states:')) return void sfn.start(target.arn, payload);
    if (target.arn.includes(':sqs:')) return void queues.send(target.arn, JSON.stringify(payload));
    throw new Error(`Unsupported target ${target.arn}`);
  };
  const bus = new LocalEventBus(model.rules, deliver, (arn, payload, error, ruleArn) =>
    queues.send(arn, JSON.stringify(payload), {
      ERROR_MESSAGE: { DataType: 'String', StringValue: error },
      RULE_ARN: { DataType: 'String', StringValue: ruleArn },
    }),
  );

  onS3Event = (record) => {
    const bucket = model.buckets.find((b) => b.name === record.s3.bucket.name);
    if (!bucket) return;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const created = record.eventName.startsWith('ObjectCreated');
    if (bucket.eventBridge) {
      // S3 sends to the account's default bus, as in AWS.
      bus.dispatch('default', {
        version: '0',
        id: crypto.randomUUID(),
        'detail-type': created ? 'Object Created' : 'Object Deleted',
        source: 'aws.s3',
        account: '000000000000',
        time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: 'us-east-1',
        resources: [`arn:aws:s3:::${bucket.name}`],
        detail: {
          version: '0',
          bucket: { name: bucket.name },
          object: { key, size: record.s3.object.size, etag: record.s3.object.eTag, sequencer: record.s3.object.sequencer },
          'request-id': crypto.randomUUID(),
          requester: '000000000000',
          reason: created ? 'PutObject' : 'DeleteObject',
        },
      });
    }
    for (const n of bucket.lambdaNotifications) {
      const matchesEvent = n.events.some((e) => e === `s3:${record.eventName}` || (e.endsWith('*') && `s3:${record.eventName}`.startsWith(e.slice(0, -1))));
      if (!matchesEvent || (n.prefix && !key.startsWith(n.prefix)) || (n.suffix && !key.endsWith(n.suffix))) continue;
      void invokeAsync(n.functionArn, { Records: [{ eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'us-east-1', eventTime: new Date().toISOString(), ...record }] });
    }
  };

  const scheduler = new LocalScheduler(model.rules, bus, { autoRun: opts.autoSchedules ?? true });
  const wire = await startWireServer({ port: ports.aws, bus, sfn, queues, sms, lambda });
  const api = await startHttpApi({ port: ports.api, model, lambda });
  const consoleServer = await startConsole({ port: ports.console, model, bus, sfn, queues, sms, lambda, scheduler, mailUrl: ses.endpoint, apiUrl: api.url });
  queues.startPolling();
  scheduler.start();

  const settle = async () => {
    for (let i = 0; i < 50; i++) {
      await bus.idle();
      await queues.pollOnce();
      const running = [...sfn.executions.values()].some((e) => e.status === 'RUNNING');
      if (!running) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  return {
    urls: { api: api.url, console: consoleServer.url, mail: ses.endpoint, aws: wire.url, s3: s3.endpoint, dynamodb: dynamo.endpoint },
    env,
    model,
    lambda,
    bus,
    sfn,
    queues,
    sms,
    scheduler,
    settle,
    stop: async () => {
      scheduler.stop();
      queues.stop();
      for (const e of sfn.executions.values()) e.abort?.();
      const closing = [api.server, wire.server, consoleServer.server].map((srv) => new Promise((r) => srv.close(r)));
      for (const srv of [api.server, wire.server, consoleServer.server]) srv.closeAllConnections();
      await Promise.all(closing);
      await lambda.stop();
      await Promise.all([ses.stop(), s3.stop(), dynamo.stop()]);
      if (ephemeral) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
