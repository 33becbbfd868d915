import { App, Validations } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.js';
import { deploymentTemplate } from './synth.js';

// Targeted assertions on the deployment (no whole-template snapshot): the root stack and the
// capabilities' nested stacks as one template, bundling skipped.
let template: Template;
beforeAll(() => {
  template = deploymentTemplate();
});

describe('Restock stack', () => {
  it('runs every function on Node 22, arm64, with tracing and a log retention', () => {
    const fns = template.findResources('AWS::Lambda::Function', { Metadata: { 'Restock:Entry': Match.anyValue() } });
    expect(Object.keys(fns).length).toBeGreaterThan(3);
    for (const fn of Object.values(fns)) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.LoggingConfig?.LogGroup).toBeDefined();
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('has one single table with tenant-scoped keys, TTL and point-in-time recovery', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('serves an HTTP API (payload 2.0) whose admin and operator routes all have a Lambda authorizer', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', { PayloadFormatVersion: '2.0' });
    const routes = template.findResources('AWS::ApiGatewayV2::Route');
    for (const route of Object.values(routes)) {
      const key = route.Properties.RouteKey as string;
      if (/ \/(admin|operator)\//.test(key)) expect(route.Properties.AuthorizationType, key).toBe('CUSTOM');
    }
    template.allResourcesProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'REQUEST', EnableSimpleResponses: true });
    // Admin and operator keys are never cached (revocation is immediate); publishable keys briefly.
    const ttl = (source: string) => Object.values(template.findResources('AWS::ApiGatewayV2::Authorizer')).filter((a) => a.Properties.IdentitySource[0] === source).map((a) => a.Properties.AuthorizerResultTtlInSeconds);
    expect(ttl('$request.header.Authorization')).toEqual([0, 0]);
    // (the publishable-key authorizer exists once a storefront route uses it)
    expect(ttl('$request.header.x-restock-key').every((t) => t === 60)).toBe(true);
  });

  it('answers CORS per tenant: no API-wide CORS configuration, a keyless OPTIONS route for preflights', () => {
    // With a CorsConfiguration, API Gateway would overwrite the storefront's per-tenant headers.
    for (const api of Object.values(template.findResources('AWS::ApiGatewayV2::Api'))) expect(api.Properties.CorsConfiguration).toBeUndefined();
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'OPTIONS /{proxy+}', AuthorizationType: 'NONE' });
  });

  it('routes TenantCreated from the catalogue to the onboarding state machine with retries and a DLQ', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['restock.tenants'], 'detail-type': ['TenantCreated'], detail: { version: [1] } },
      Targets: [
        Match.objectLike({
          Arn: { Ref: Match.stringLikeRegexp('Onboarding') },
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
        }),
      ],
    });
  });

  it('gives every async rule target a dead-letter queue', () => {
    for (const rule of Object.values(template.findResources('AWS::Events::Rule'))) {
      for (const target of rule.Properties.Targets ?? []) expect(target.DeadLetterConfig, JSON.stringify(rule.Properties.EventPattern ?? rule.Properties.ScheduleExpression)).toBeDefined();
    }
  });

  it('sends feed bucket notifications to EventBridge and keeps the bucket private and encrypted', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', { NotificationConfiguration: { EventBridgeConfiguration: {} } });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: Match.anyValue(),
    });
  });

  it('logs and traces state machines', () => {
    template.allResourcesProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
  });
});

describe('cdk-nag (AWS Solutions)', () => {
  it('reports no unacknowledged finding', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    buildApp(app);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    let failure: unknown;
    try {
      app.synth();
    } catch (error) {
      failure = error;
    }
    expect(failure && String((failure as Error).message).slice(0, 4000)).toBeFalsy();
  });
});
