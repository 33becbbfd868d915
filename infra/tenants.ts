import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Choice, Condition, DefinitionBody, JsonPath, LogLevel, StateMachine, Succeed, TaskInput, Wait, WaitTime } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { tenantsAdmin, tenantsOperator } from '../functions/tenants/routes.js';
import { tenantsEnv } from '../shared/tenants/env.js';
import { Capability } from './constructs/capability.js';
import { patternOf } from '../shared/events/catalogue.js';
import type { Platform } from './constructs/platform.js';

/**
 * Tenant onboarding: the operator creates a tenant over the API; `TenantCreated` starts a
 * workflow that welcomes the merchant by e-mail and, a day later, nudges them if their
 * catalog is still empty. This is also the foundation's end-to-end path: gateway → Lambda
 * → DynamoDB → EventBridge → rule → Step Functions → SES.
 */
export class Tenants extends Capability<typeof tenantsEnv> {
  readonly onboarding: StateMachine;

  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id, platform, { schema: tenantsEnv, values: { SENDER_EMAIL: platform.senderEmail, PUBLIC_API_URL: platform.api.apiEndpoint } });

    const operator = this.serve('TenantsOperator', tenantsOperator);
    platform.table.grantWriteData(operator);
    platform.bus.grantPutEventsTo(operator);

    const admin = this.serve('TenantsAdmin', tenantsAdmin);
    platform.table.grantReadWriteData(admin);

    const steps = this.fn('OnboardingSteps', { entry: 'functions/tenants/onboarding.ts', description: 'Onboarding: welcome and reminder e-mails, setup check' });
    platform.table.grantReadWriteData(steps);
    steps.addToRolePolicy(platform.sesSendPolicy());

    const emailStep = (name: string, step: string) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: steps,
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
          lambdaFunction: steps,
          payload: TaskInput.fromObject({ step: 'check-setup', tenantId: JsonPath.stringAt('$.detail.tenantId') }),
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
