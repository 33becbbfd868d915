import { LOCAL_ACCOUNT, LOCAL_REGION, resolveIntrinsics, type PhysicalResource } from './intrinsics.js';
import type { CfnTemplate } from './synth.js';

export interface LocalEndpoints {
  api: string;
  aws: string; // the local wire endpoint for EventBridge, SNS, SQS, Step Functions, Lambda
  s3: string;
}

export interface FunctionSpec {
  logicalId: string;
  name: string;
  arn: string;
  entry: string;
  handler: string;
  timeoutSeconds: number;
  environment: Record<string, string>;
  /** Where failed asynchronous invocations go (the function's DeadLetterConfig). */
  deadLetterArn?: string;
}
export interface RouteSpec {
  logicalId: string;
  method: string;
  path: string;
  functionArn: string;
  authorizer?: { functionArn: string; identitySource: string[] };
}
export interface TargetSpec {
  id: string;
  arn: string;
  input?: string;
  inputPath?: string;
  inputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string };
  deadLetterArn?: string;
  maxRetries: number;
  maxEventAgeSeconds: number;
}
export interface RuleSpec {
  logicalId: string;
  name: string;
  arn: string;
  busName: string;
  pattern?: unknown;
  schedule?: string;
  enabled: boolean;
  targets: TargetSpec[];
}
export interface StateMachineSpec {
  logicalId: string;
  name: string;
  arn: string;
  definition: any;
}
export interface QueueSpec {
  logicalId: string;
  name: string;
  arn: string;
  url: string;
  deadLetterArn?: string;
  maxReceiveCount?: number;
  visibilityTimeoutSeconds: number;
}
export interface EventSourceMappingSpec {
  queueArn: string;
  functionArn: string;
  batchSize: number;
  reportBatchItemFailures: boolean;
}
export interface BucketSpec {
  logicalId: string;
  name: string;
  eventBridge: boolean;
  lambdaNotifications: { functionArn: string; events: string[]; prefix?: string; suffix?: string }[];
}
export interface TableSpec {
  logicalId: string;
  name: string;
  properties: Record<string, any>;
}

/** The wiring of the synthesized template, resolved to local physical names. */
export interface LocalModel {
  functions: FunctionSpec[];
  routes: RouteSpec[];
  rules: RuleSpec[];
  stateMachines: StateMachineSpec[];
  queues: QueueSpec[];
  eventSourceMappings: EventSourceMappingSpec[];
  buckets: BucketSpec[];
  tables: TableSpec[];
  busNames: string[];
  outputs: Record<string, string>;
  cors?: { AllowOrigins?: string[]; AllowMethods?: string[]; AllowHeaders?: string[]; MaxAge?: number; AllowCredentials?: boolean; ExposeHeaders?: string[] };
}

const arn = (service: string, resource: string) => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resource}`;

export function buildLocalModel(template: CfnTemplate, endpoints: LocalEndpoints): LocalModel {
  const resources = template.Resources;
  const physicalCache = new Map<string, PhysicalResource>();

  const physical = (id: string): PhysicalResource => {
    const cached = physicalCache.get(id);
    if (cached) return cached;
    const res = resources[id];
    if (!res) throw new Error(`Template references unknown resource ${id}`);
    const p = res.Properties ?? {};
    let out: PhysicalResource;
    switch (res.Type) {
      case 'AWS::DynamoDB::Table': {
        const name = (p.TableName as string) ?? id;
        out = { ref: name, attrs: { Arn: arn('dynamodb', `table/${name}`), StreamArn: arn('dynamodb', `table/${name}/stream/local`) } };
        break;
      }
      case 'AWS::Lambda::Function': {
        const name = (p.FunctionName as string) ?? id;
        out = { ref: name, attrs: { Arn: arn('lambda', `function:${name}`) } };
        break;
      }
      case 'AWS::StepFunctions::StateMachine': {
        const name = (p.StateMachineName as string) ?? id;
        const a = arn('states', `stateMachine:${name}`);
        out = { ref: a, attrs: { Arn: a, Name: name } };
        break;
      }
      case 'AWS::Events::EventBus': {
        const name = resolveIntrinsics(p.Name, physical) as string;
        out = { ref: name, attrs: { Arn: arn('events', `event-bus/${name}`), Name: name } };
        break;
      }
      case 'AWS::Events::Rule': {
        const name = (p.Name as string) ?? id;
        out = { ref: name, attrs: { Arn: arn('events', `rule/${name}`) } };
        break;
      }
      case 'AWS::SQS::Queue': {
        const name = (p.QueueName as string) ?? id;
        out = { ref: `${endpoints.aws}/${LOCAL_ACCOUNT}/${name}`, attrs: { Arn: arn('sqs', name), QueueName: name, QueueUrl: `${endpoints.aws}/${LOCAL_ACCOUNT}/${name}` } };
        break;
      }
      case 'AWS::S3::Bucket': {
        const name = (p.BucketName as string) ?? id.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 60);
        out = {
          ref: name,
          attrs: { Arn: `arn:aws:s3:::${name}`, DomainName: `${name}.s3.amazonaws.com`, RegionalDomainName: `${name}.s3.${LOCAL_REGION}.amazonaws.com` },
        };
        break;
      }
      case 'AWS::ApiGatewayV2::Api':
        out = { ref: 'local', attrs: { ApiEndpoint: endpoints.api, ApiId: 'local' } };
        break;
      case 'AWS::IAM::Role':
        out = { ref: id, attrs: { Arn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/${id}`, RoleId: id } };
        break;
      case 'AWS::Logs::LogGroup':
        out = { ref: id, attrs: { Arn: arn('logs', `log-group:${id}:*`) } };
        break;
      case 'AWS::SNS::Topic': {
        const name = (p.TopicName as string) ?? id;
        out = { ref: arn('sns', name), attrs: { TopicArn: arn('sns', name), TopicName: name } };
        break;
      }
      default:
        out = { ref: id, attrs: { Arn: arn('local', id) } };
    }
    physicalCache.set(id, out);
    return out;
  };
  const resolve = (v: unknown) => resolveIntrinsics(v, physical, template);
  const byType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

  const functions: FunctionSpec[] = byType('AWS::Lambda::Function').flatMap(([id, r]) => {
    const entry = r.Metadata?.['Restock:Entry'] as string | undefined;
    if (!entry) return []; // CDK's own helpers (custom resources) have no local meaning
    return [
      {
        logicalId: id,
        name: physical(id).ref,
        arn: physical(id).attrs.Arn!,
        entry,
        handler: (r.Metadata?.['Restock:Handler'] as string) ?? 'handler',
        timeoutSeconds: (r.Properties?.Timeout as number) ?? 3,
        environment: resolve(r.Properties?.Environment?.Variables ?? {}) as Record<string, string>,
        deadLetterArn: r.Properties?.DeadLetterConfig ? (resolve(r.Properties.DeadLetterConfig.TargetArn) as string) : undefined,
      },
    ];
  });

  const integrations = new Map(byType('AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, resolve(r.Properties!.IntegrationUri) as string]));
  const authorizers = new Map(
    byType('AWS::ApiGatewayV2::Authorizer').map(([id, r]) => {
      const uri = resolve(r.Properties!.AuthorizerUri) as string;
      // arn:aws:apigateway:region:lambda:path/2015-03-31/functions/<fnArn>/invocations
      const fnArn = uri.match(/functions\/(.+)\/invocations/)?.[1] ?? uri;
      return [id, { functionArn: fnArn, identitySource: (r.Properties!.IdentitySource as string[]) ?? [] }];
    }),
  );
  const routes: RouteSpec[] = byType('AWS::ApiGatewayV2::Route').map(([id, r]) => {
    const p = r.Properties!;
    const [method, path] = (p.RouteKey as string).split(' ') as [string, string];
    const target = resolve(p.Target) as string; // "integrations/<id>"
    // Target is `integrations/<Ref of the integration>`, and an integration's Ref is its logical id here.
    const integrationLogical = target.split('/')[1]!;
    const authorizerRef = p.AuthorizerId?.Ref as string | undefined;
    return {
      logicalId: id,
      method,
      path,
      functionArn: integrations.get(integrationLogical)!,
      authorizer: authorizerRef ? authorizers.get(authorizerRef) : undefined,
    };
  });

  const rules: RuleSpec[] = byType('AWS::Events::Rule').map(([id, r]) => {
    const p = r.Properties!;
    return {
      logicalId: id,
      name: physical(id).ref,
      arn: physical(id).attrs.Arn!,
      busName: p.EventBusName ? (resolve(p.EventBusName) as string).split('/').pop()! : 'default',
      pattern: p.EventPattern ? resolve(p.EventPattern) : undefined,
      schedule: p.ScheduleExpression as string | undefined,
      enabled: (p.State ?? 'ENABLED') === 'ENABLED',
      targets: ((p.Targets as any[]) ?? []).map((t) => {
        const rt = resolve(t);
        return {
          id: rt.Id,
          arn: rt.Arn,
          input: rt.Input,
          inputPath: rt.InputPath,
          inputTransformer: rt.InputTransformer,
          deadLetterArn: rt.DeadLetterConfig?.Arn,
          maxRetries: rt.RetryPolicy?.MaximumRetryAttempts ?? 185,
          maxEventAgeSeconds: rt.RetryPolicy?.MaximumEventAgeInSeconds ?? 86_400,
        } satisfies TargetSpec;
      }),
    };
  });

  const stateMachines: StateMachineSpec[] = byType('AWS::StepFunctions::StateMachine').map(([id, r]) => {
    const p = r.Properties!;
    const raw = p.DefinitionString ? resolve(p.DefinitionString) : JSON.stringify(resolve(p.Definition));
    const subs = p.DefinitionSubstitutions ? (resolve(p.DefinitionSubstitutions) as Record<string, string>) : {};
    const text = (raw as string).replace(/\$\{([A-Za-z0-9_]+)\}/g, (m, k: string) => subs[k] ?? m);
    return { logicalId: id, name: physical(id).attrs.Name!, arn: physical(id).ref, definition: JSON.parse(text) };
  });

  const queues: QueueSpec[] = byType('AWS::SQS::Queue').map(([id, r]) => {
    const p = resolve(r.Properties ?? {});
    return {
      logicalId: id,
      name: physical(id).attrs.QueueName!,
      arn: physical(id).attrs.Arn!,
      url: physical(id).ref,
      deadLetterArn: p.RedrivePolicy?.deadLetterTargetArn,
      maxReceiveCount: p.RedrivePolicy?.maxReceiveCount,
      visibilityTimeoutSeconds: p.VisibilityTimeout ?? 30,
    };
  });

  const eventSourceMappings: EventSourceMappingSpec[] = byType('AWS::Lambda::EventSourceMapping').map(([, r]) => {
    const p = resolve(r.Properties!);
    const fn = functions.find((f) => f.name === p.FunctionName || f.arn === p.FunctionName);
    return {
      queueArn: p.EventSourceArn,
      functionArn: fn?.arn ?? p.FunctionName,
      batchSize: p.BatchSize ?? 10,
      reportBatchItemFailures: (p.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
    };
  });

  const notificationConfigs = byType('Custom::S3BucketNotifications').map(([, r]) => resolve(r.Properties!));
  const buckets: BucketSpec[] = byType('AWS::S3::Bucket').map(([id]) => {
    const name = physical(id).ref;
    const cfg = notificationConfigs.find((c) => c.BucketName === name)?.NotificationConfiguration ?? {};
    return {
      logicalId: id,
      name,
      eventBridge: !!cfg.EventBridgeConfiguration,
      lambdaNotifications: (cfg.LambdaFunctionConfigurations ?? []).map((l: any) => {
        const rules = (l.Filter?.Key?.FilterRules ?? []) as { Name: string; Value: string }[];
        return {
          functionArn: l.LambdaFunctionArn,
          events: l.Events,
          prefix: rules.find((x) => x.Name.toLowerCase() === 'prefix')?.Value,
          suffix: rules.find((x) => x.Name.toLowerCase() === 'suffix')?.Value,
        };
      }),
    };
  });

  const tables: TableSpec[] = byType('AWS::DynamoDB::Table').map(([id, r]) => ({ logicalId: id, name: physical(id).ref, properties: resolve(r.Properties!) }));
  const busNames = ['default', ...byType('AWS::Events::EventBus').map(([id]) => physical(id).ref)];
  const outputs = Object.fromEntries(Object.entries(template.Outputs ?? {}).map(([k, o]) => [k, String(resolve((o as any).Value))]));

  const cors = byType('AWS::ApiGatewayV2::Api')[0]?.[1].Properties?.CorsConfiguration;
  return { cors, functions, routes, rules, stateMachines, queues, eventSourceMappings, buckets, tables, busNames, outputs };
}
