import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AuthorizerPayloadVersion,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { EnvValues } from '../../shared/config/env.js';
import { operatorAuthorizerEnv } from '../../shared/tenants/env.js';
import { TableKeys } from '../../shared/data/table.js';
import type { RouteAuth, RouteGroup } from '../../shared/http/route.js';
import { HouseFunction, type HouseFunctionProps } from './house-function.js';

export interface PlatformProps {
  /** SHA-256 (hex) of the operator key that may onboard tenants. */
  operatorKeySha256: string;
  senderEmail: string;
}

/**
 * Shared infrastructure every capability builds on: the single table, the event bus, the
 * HTTP API with its authorizers, the feeds bucket, and a dead-letter queue for async
 * deliveries. It lives in the root stack; each capability is a nested stack of its own
 * (infra/constructs/capability.ts) that registers its declared routes through `addRoutes()`.
 */
export class Platform extends Construct {
  readonly table: Table;
  readonly bus: EventBus;
  readonly api: HttpApi;
  readonly feedsBucket: Bucket;
  readonly deadLetters: Queue;
  readonly senderEmail: string;
  private readonly authorizers: Record<RouteAuth, IHttpRouteAuthorizer>;

  constructor(scope: Construct, id: string, props: PlatformProps) {
    super(scope, id);
    this.senderEmail = props.senderEmail;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: TableKeys.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TableKeys.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TableKeys.ttl,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TableKeys.gsi1.name,
      partitionKey: { name: TableKeys.gsi1.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TableKeys.gsi1.sortKey, type: AttributeType.STRING },
    });

    this.bus = new EventBus(this, 'Bus', { eventBusName: `${Stack.of(this).stackName}-bus` });
    this.bus.archive('Archive', {
      eventPattern: { source: [{ prefix: 'restock.' }] as unknown as string[] },
      retention: Duration.days(30),
      description: 'Replayable history of every Restock event',
    });

    this.deadLetters = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of every async target.',
    });

    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket; logging it to itself would loop.',
    });
    this.feedsBucket = new Bucket(this, 'Feeds', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      eventBridgeEnabled: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'feeds/',
      lifecycleRules: [{ prefix: 'reports/', expiration: Duration.days(90) }],
      cors: [{ allowedMethods: [HttpMethods.PUT], allowedOrigins: ['*'], allowedHeaders: ['*'] }],
    });

    const apiLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.api = new HttpApi(this, 'Api', {
      description: 'Restock public, storefront and admin API',
      createDefaultStage: false,
      // No corsPreflight: with it API Gateway replaces every response's CORS headers with its
      // own, and storefront origins are per tenant. OPTIONS is a route (infra/storefront.ts).
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(apiLogs),
        // Identifiers only: no path parameters or query strings, which can carry PII.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            tenantId: '$context.authorizer.tenantId',
          }),
        ),
      },
    });

    // Authorizers live here, in the root stack, created explicitly (not on first use by a
    // route, which would put them in whichever capability's nested stack came first).
    // No result caching for admin and operator keys: a revoked key stops working at once.
    // Cached briefly for publishable keys: storefront traffic is heavy and they are read-only.
    const adminAuthorizerFn = this.fn('AdminAuthorizer', { entry: 'functions/auth/admin-authorizer.ts', description: 'Admin API key authorizer' });
    this.table.grantReadData(adminAuthorizerFn);
    const operatorAuthorizerFn = new HouseFunction(this, 'OperatorAuthorizer', {
      entry: 'functions/auth/operator-authorizer.ts',
      description: 'Operator key authorizer',
      environment: { OPERATOR_KEY_SHA256: props.operatorKeySha256 } satisfies EnvValues<typeof operatorAuthorizerEnv>,
    });
    const storefrontAuthorizerFn = this.fn('StorefrontAuthorizer', { entry: 'functions/auth/storefront-authorizer.ts', description: 'Publishable key authorizer' });
    this.table.grantReadData(storefrontAuthorizerFn);
    this.authorizers = {
      admin: this.lambdaAuthorizer('AdminKey', adminAuthorizerFn, '$request.header.Authorization', 0),
      operator: this.lambdaAuthorizer('OperatorKey', operatorAuthorizerFn, '$request.header.Authorization', 0),
      storefront: this.lambdaAuthorizer('PublishableKey', storefrontAuthorizerFn, '$request.header.x-restock-key', 60),
      public: new HttpNoneAuthorizer(),
    };

    new CfnOutput(Stack.of(this), 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(Stack.of(this), 'FeedsBucketName', { value: this.feedsBucket.bucketName });
    new CfnOutput(Stack.of(this), 'EventBusName', { value: this.bus.eventBusName });
  }

  /** The variables every function gets (`platformEnv`). */
  get environment(): Record<'TABLE_NAME' | 'EVENT_BUS_NAME', string> {
    return { TABLE_NAME: this.table.tableName, EVENT_BUS_NAME: this.bus.eventBusName };
  }

  /** A house function of the platform's own (the authorizers), with the platform's environment. */
  private fn(id: string, props: HouseFunctionProps): HouseFunction {
    return new HouseFunction(this, id, { ...props, environment: { ...this.environment, ...props.environment } });
  }


  private lambdaAuthorizer(id: string, handler: HouseFunction, identitySource: string, cacheSeconds: number): IHttpRouteAuthorizer {
    const authorizer = new HttpAuthorizer(this, id, {
      httpApi: this.api,
      authorizerName: id,
      type: HttpAuthorizerType.LAMBDA,
      identitySource: [identitySource],
      authorizerUri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${handler.functionArn}/invocations`,
      enableSimpleResponses: true,
      payloadFormatVersion: AuthorizerPayloadVersion.VERSION_2_0,
      resultsCacheTtl: Duration.seconds(cacheSeconds),
    });
    handler.addPermission(`${id}Invoke`, {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: Stack.of(this).formatArn({ service: 'execute-api', resource: this.api.apiId, resourceName: `authorizers/${authorizer.authorizerId}` }),
    });
    const authorizerId = authorizer.authorizerId;
    return { bind: () => ({ authorizerId, authorizationType: 'CUSTOM' }) };
  }

  /**
   * A state machine's physical name and ARN (`<root stack>-<name>`), known before the machine
   * exists: a function the machine runs can carry the ARN in its environment without a cycle,
   * and capabilities in other stacks need no cross-stack reference.
   */
  stateMachine(name: string): { name: string; arn: string } {
    const physical = `${this.stackName}-${name}`;
    return { name: physical, arn: `arn:${Aws.PARTITION}:states:${Aws.REGION}:${Aws.ACCOUNT_ID}:stateMachine:${physical}` };
  }

  /** The root stack's name (nested capability stacks have generated names of their own). */
  get stackName(): string {
    return Stack.of(this).stackName;
  }

  /** Lets a function send e-mail through SES v2 from the configured sender. */
  sesSendPolicy(): PolicyStatement {
    return new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [`arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/*`],
    });
  }

  /**
   * Registers a group of declared routes on the HTTP API, served by `handler`, each behind its
   * declared authorizer. The routes and the integration live in `scope` (the capability's
   * nested stack); the function gets one invoke permission for the whole API, not one per
   * route, which keeps its resource policy small however many routes it serves.
   */
  addRoutes(scope: Construct, handler: HouseFunction, group: RouteGroup): void {
    const integration = new HttpLambdaIntegration(`${handler.node.id}Integration`, handler, { scopePermissionToRoute: false });
    for (const [operationId, route] of Object.entries(group.routes)) {
      const r = new HttpRoute(scope, `${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}Route`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        authorizer: this.authorizers[route.auth],
      });
      if (route.auth === 'public') {
        // Public routes carry their own proof (an HMAC-signed token in the path) or serve
        // nothing private; each says why where it is declared.
        Validations.of(r).acknowledge({ id: 'AwsSolutions::AwsSolutions-APIG4', reason: route.publicReason! });
      }
    }
  }

}
