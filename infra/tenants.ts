import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Choice, Condition, DefinitionBody, JsonPath, LogLevel, StateMachine, Succeed, TaskInput, Wait, WaitTime } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { patternOf } from '../shared/events/catalogue.js';
import type { Platform } from './constructs/platform.js';

/**
 * Tenant onboarding: the operator creates a tenant over the API; `TenantCreated` starts a
 * workflow that welcomes the merchant by e-mail and, a day later, nudges them if their
 * catalog is still empty. This is also the foundation's end-to-end path: gateway → Lambda
 * → DynamoDB → EventBridge → rule → Step Functions → SES.
 */
export class Tenants extends Construct {
  readonly onboarding: StateMachine;

  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    const create = platform.fn('CreateTenant', { entry: 'functions/tenants/create-tenant.ts', description: 'POST /operator/tenants' });
    platform.table.grantWriteData(create);
    platform.bus.grantPutEventsTo(create);
    platform.route('POST /operator/tenants', create, 'operator');

    const get = platform.fn('GetTenant', { entry: 'functions/tenants/get-tenant.ts', description: 'GET /admin/tenant' });
    platform.table.grantReadData(get);
    platform.route('GET /admin/tenant', get, 'admin');

    const email = platform.fn('OnboardingEmail', {
      entry: 'functions/tenants/onboarding-email.ts',
      description: 'Onboarding e-mails',
      environment: { PUBLIC_API_URL: platform.api.apiEndpoint },
    });
    platform.table.grantReadWriteData(email);
    email.addToRolePolicy(platform.sesSendPolicy());
    const checkSetup = platform.fn('CheckSetup', { entry: 'functions/tenants/check-setup.ts', description: 'Onboarding: is the catalog empty?' });
    platform.table.grantReadData(checkSetup);

    const emailStep = (name: string, step: string) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: email,
        payload: TaskInput.fromObject({
          tenantId: JsonPath.stringAt('$.detail.tenantId'),
          eventId: JsonPath.stringAt('$.detail.eventId'),
          step,
        }),
        resultPath: JsonPath.DISCARD,
        payloadResponseOnly: true,
        retryOnServiceExceptions: true,
      });
    const definition = emailStep('Send welcome email', 'welcome')
      .next(new Wait(this, 'Wait for setup', { time: WaitTime.duration(Duration.days(1)) }))
      .next(
        new LambdaInvoke(this, 'Check setup', {
          lambdaFunction: checkSetup,
          payload: TaskInput.fromObject({ tenantId: JsonPath.stringAt('$.detail.tenantId') }),
          resultPath: '$.setup',
          payloadResponseOnly: true,
        }),
      )
      .next(
        new Choice(this, 'Catalog still empty?')
          .when(Condition.booleanEquals('$.setup.needsReminder', true), emailStep('Send setup reminder', 'setup-reminder'))
          .otherwise(new Succeed(this, 'Set up already')),
      );

    this.onboarding = new StateMachine(this, 'Onboarding', {
      definitionBody: DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'OnboardingLogs', { retention: RetentionDays.ONE_MONTH }),
        level: LogLevel.ALL,
        includeExecutionData: false,
      },
      timeout: Duration.days(3),
    });

    new Rule(this, 'OnTenantCreated', {
      eventBus: platform.bus,
      description: 'TenantCreated → onboarding workflow',
      eventPattern: patternOf('TenantCreated'),
      targets: [
        new SfnStateMachine(this.onboarding, {
          deadLetterQueue: platform.deadLetters,
          retryAttempts: 10,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
  }
}
