import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, type IHttpRouteAuthorizer, HttpNoneAuthorizer, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TableKeys } from '../../shared/data/table.js';
import { HouseFunction, type HouseFunctionProps } from './house-function.js';

export type RouteAuth = 'admin' | 'operator' | 'storefront' | 'public';

export interface PlatformProps {
  /** SHA-256 (hex) of the operator key that may onboard tenants. */
  operatorKeySha256: string;
  senderEmail: string;
}

/**
 * Shared infrastructure every capability builds on: the single table, the event bus, the
 * HTTP API with its authorizers, the feeds bucket, and a dead-letter queue for async
 * deliveries. Capabilities add routes and functions through `route()` and `fn()`, which
 * apply the same wiring (table access, bus access, environment) everywhere.
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

    const adminAuthorizerFn = this.fn('AdminAuthorizer', { entry: 'functions/auth/admin-authorizer.ts', description: 'Admin API key authorizer' });
    this.table.grantReadData(adminAuthorizerFn);
    const operatorAuthorizerFn = new HouseFunction(this, 'OperatorAuthorizer', {
      entry: 'functions/auth/operator-authorizer.ts',
      description: 'Operator key authorizer',
      environment: { OPERATOR_KEY_SHA256: props.operatorKeySha256 },
    });
    const storefrontAuthorizerFn = this.fn('StorefrontAuthorizer', { entry: 'functions/auth/storefront-authorizer.ts', description: 'Publishable key authorizer' });
    this.table.grantReadData(storefrontAuthorizerFn);
    this.authorizers = {
      // No result caching: a revoked key stops working on the next request.
      admin: new HttpLambdaAuthorizer('AdminKey', adminAuthorizerFn, {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.Authorization'],
        resultsCacheTtl: Duration.seconds(0),
      }),
      operator: new HttpLambdaAuthorizer('OperatorKey', operatorAuthorizerFn, {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.Authorization'],
        resultsCacheTtl: Duration.seconds(0),
      }),
      // Cached briefly: storefront traffic is heavy and publishable keys are read-only.
      storefront: new HttpLambdaAuthorizer('PublishableKey', storefrontAuthorizerFn, {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.x-restock-key'],
        resultsCacheTtl: Duration.seconds(60),
      }),
      public: new HttpNoneAuthorizer(),
    };

    new CfnOutput(Stack.of(this), 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(Stack.of(this), 'FeedsBucketName', { value: this.feedsBucket.bucketName });
    new CfnOutput(Stack.of(this), 'EventBusName', { value: this.bus.eventBusName });
  }

  /** A house function with the platform's environment (table, bus, sender). */
  fn(id: string, props: HouseFunctionProps): HouseFunction {
    return new HouseFunction(this, id, {
      ...props,
      environment: {
        TABLE_NAME: this.table.tableName,
        EVENT_BUS_NAME: this.bus.eventBusName,
        SENDER_EMAIL: this.senderEmail,
        ...props.environment,
      },
    });
  }

  /** Lets a function send e-mail through SES v2 from the configured sender. */
  sesSendPolicy(): PolicyStatement {
    return new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [`arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/*`],
    });
  }

  /** Adds `METHOD /path` to the HTTP API, served by `handler`, behind the given authorizer. */
  route(routeKey: string, handler: HouseFunction, auth: RouteAuth, publicReason?: string): void {
    const [method, path] = routeKey.split(' ') as [keyof typeof HttpMethod, string];
    const integrationId = `${handler.node.id}Integration`;
    const integration = (this.integrations[integrationId] ??= new HttpLambdaIntegration(integrationId, handler));
    const routes = this.api.addRoutes({ path, methods: [HttpMethod[method]], integration, authorizer: this.authorizers[auth] });
    if (auth === 'public') {
      // Public routes carry their own proof (an HMAC-signed token in the path) or serve
      // nothing private; each says so where it is declared.
      for (const r of routes) {
        Validations.of(r).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason: publicReason ?? `${routeKey} is public by design: the path carries an HMAC-signed, expiring token checked by the handler.`,
        });
      }
    }
  }
  private readonly integrations: Record<string, HttpLambdaIntegration> = {};
}
