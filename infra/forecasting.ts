import { Duration, Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  DistributedMap,
  Errors,
  Fail,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  Pass,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { forecastingAdmin } from '../functions/forecasting/routes.js';
import { forecastingEnv } from '../shared/forecasting/env.js';
import { Capability } from './constructs/capability.js';
import type { HouseFunction } from './constructs/house-function.js';
import type { Platform } from './constructs/platform.js';

/**
 * Capability C8, Forecasting: a nightly run that forecasts every SKU of every tenant, stores
 * the results, publishes PredictedStockout / ReorderSuggested and feeds the merchant digest.
 *
 * 02:00 UTC, EventBridge schedule → `ForecastNightly`: list tenants (a page at a time) →
 * Distributed Map over the page, each item running `ForecastTenant` to completion →
 * next page. `ForecastTenant`: plan (SKUs cut into partitions by product-id range) →
 * Distributed Map over the partitions (the forecast Lambda, 10 at a time) → finish. The
 * admin API reads the results and can start `ForecastTenant` for the caller's tenant now.
 * Partitions travel in the workflow state (bounded to 1000 by the planner), not through an
 * ItemReader.
 */
export class Forecasting extends Capability<typeof forecastingEnv> {
  readonly tenantWorkflow: StateMachine;
  readonly nightly: StateMachine;
  readonly functions: Record<string, HouseFunction> = {};

  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id, platform, {
      schema: forecastingEnv,
      // By name, not a reference: the workflow's own task functions carry it too.
      values: { FORECAST_TENANT_WORKFLOW_ARN: platform.stateMachine('forecast-tenant').arn },
    });
    const retry = { errors: [Errors.ALL], interval: Duration.seconds(2), maxAttempts: 3, backoffRate: 2 };

    // Light steps (list tenants, plan, finish) share one function; the heavy one has its own.
    const steps = this.fn('ForecastWorkflow', { entry: 'functions/forecasting/workflow.ts', description: 'Forecast workflows: list tenants, plan a tenant, finish a run', timeout: Duration.minutes(5) });
    platform.table.grantReadWriteData(steps);
    const partition = this.fn('ForecastPartition', {
      entry: 'functions/forecasting/forecast-partition.ts',
      description: 'Forecast: one partition of a tenant’s SKUs',
      timeout: Duration.minutes(15),
      // A full vCPU: model fitting is CPU-bound.
      memorySize: 1769,
    });
    platform.table.grantReadWriteData(partition);
    platform.bus.grantPutEventsTo(partition);
    Object.assign(this.functions, { steps, partition });

    // ---- per tenant: plan → Distributed Map over partitions → finish ----
    const planStep = new LambdaInvoke(this, 'Plan tenant', {
      lambdaFunction: steps,
      payload: TaskInput.fromObject({ step: 'plan', tenantId: JsonPath.stringAt('$.tenantId'), runDate: JsonPath.stringAt('$.runDate'), trigger: JsonPath.stringAt('$.trigger') }),
      resultPath: '$.plan',
      payloadResponseOnly: true,
    }).addRetry(retry);
    const forecastStep = new LambdaInvoke(this, 'Forecast partition', { lambdaFunction: partition, payloadResponseOnly: true }).addRetry(retry);
    const partitions = new DistributedMap(this, 'Forecast partitions', {
      itemsPath: '$.plan.partitions',
      itemSelector: {
        tenantId: JsonPath.stringAt('$.plan.tenantId'),
        runDate: JsonPath.stringAt('$.plan.runDate'),
        settings: JsonPath.objectAt('$.plan.settings'),
        partition: JsonPath.objectAt('$$.Map.Item.Value'),
      },
      maxConcurrency: 10,
      mapExecutionType: StateMachineType.STANDARD,
      resultPath: JsonPath.DISCARD,
    });
    partitions.itemProcessor(forecastStep);
    const finishStep = (name: string, failed: boolean) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: steps,
        payload: TaskInput.fromObject({ step: 'finish', tenantId: JsonPath.stringAt('$.plan.tenantId'), runDate: JsonPath.stringAt('$.plan.runDate'), failed }),
        resultPath: '$.result',
        payloadResponseOnly: true,
      }).addRetry(retry);
    partitions.addCatch(finishStep('Record failed run', true).next(new Fail(this, 'Forecast failed', { error: 'ForecastFailed', cause: 'a partition failed after its retries' })), {
      resultPath: '$.error',
    });
    const tenantDefinition = planStep.next(
      new Choice(this, 'Anything to forecast?')
        .when(Condition.numberGreaterThan('$.plan.partitionCount', 0), partitions.next(finishStep('Finish run', false)))
        .otherwise(new Succeed(this, 'Nothing to forecast')),
    );
    this.tenantWorkflow = new StateMachine(this, 'ForecastTenant', {
      stateMachineName: platform.stateMachine('forecast-tenant').name,
      definitionBody: DefinitionBody.fromChainable(tenantDefinition),
      tracingEnabled: true,
      logs: { destination: new LogGroup(this, 'ForecastTenantLogs', { retention: RetentionDays.ONE_MONTH }), level: LogLevel.ALL, includeExecutionData: false },
      timeout: Duration.hours(6),
    });

    // ---- nightly: pages of tenants → Distributed Map running ForecastTenant per tenant ----
    const start = new Pass(this, 'Start', { parameters: { startTime: JsonPath.stringAt('$$.Execution.StartTime') }, resultPath: '$.run' });
    const listStep = new LambdaInvoke(this, 'List tenants', { lambdaFunction: steps, payload: TaskInput.fromObject({ step: 'list-tenants', run: JsonPath.objectAt('$.run') }), resultPath: '$.page', payloadResponseOnly: true }).addRetry(retry);
    const runTenant = new StepFunctionsStartExecution(this, 'Run tenant forecast', {
      stateMachine: this.tenantWorkflow,
      integrationPattern: IntegrationPattern.RUN_JOB,
      input: TaskInput.fromJsonPathAt('$'),
      resultPath: JsonPath.DISCARD,
    });
    // One tenant's failure is recorded in its own execution; the others still run.
    runTenant.addCatch(new Pass(this, 'Tenant forecast failed'), { resultPath: '$.error' });
    const tenants = new DistributedMap(this, 'Forecast tenants', {
      itemsPath: '$.page.tenants',
      itemSelector: { tenantId: JsonPath.stringAt('$$.Map.Item.Value'), runDate: JsonPath.stringAt('$.page.runDate'), trigger: 'schedule' },
      maxConcurrency: 20,
      mapExecutionType: StateMachineType.STANDARD,
      resultPath: JsonPath.DISCARD,
    });
    tenants.itemProcessor(runTenant);
    const nextPage = new Pass(this, 'Next page', {
      parameters: { startTime: JsonPath.stringAt('$.run.startTime'), runDate: JsonPath.stringAt('$.page.runDate'), cursor: JsonPath.stringAt('$.page.cursor') },
      resultPath: '$.run',
    });
    const nightlyDefinition = start
      .next(listStep)
      .next(tenants)
      .next(new Choice(this, 'More tenants?').when(Condition.isString('$.page.cursor'), nextPage.next(listStep)).otherwise(new Succeed(this, 'All tenants done')));
    this.nightly = new StateMachine(this, 'ForecastNightly', {
      definitionBody: DefinitionBody.fromChainable(nightlyDefinition),
      tracingEnabled: true,
      logs: { destination: new LogGroup(this, 'ForecastNightlyLogs', { retention: RetentionDays.ONE_MONTH }), level: LogLevel.ALL, includeExecutionData: false },
      timeout: Duration.hours(23),
    });

    this.acknowledgeExecutionArns();

    new Rule(this, 'NightlySchedule', {
      description: 'Every day at 02:00 UTC: forecast every tenant',
      schedule: Schedule.expression('cron(0 2 * * ? *)'),
      targets: [new SfnStateMachine(this.nightly, { deadLetterQueue: platform.deadLetters, retryAttempts: 2, maxEventAge: Duration.hours(6) })],
    });

    // ---- admin API: read the results, or run the caller's forecast now ----
    const admin = this.serve('ForecastAdmin', forecastingAdmin);
    platform.table.grantReadWriteData(admin);
    this.tenantWorkflow.grantStartExecution(admin);
    this.functions.admin = admin;
  }

  /**
   * Execution ARNs are generated at run time: Distributed Map child executions of each
   * machine, and the nightly machine's ForecastTenant executions (and their describe/stop).
   */
  private acknowledgeExecutionArns() {
    const stack = Stack.of(this);
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const executions = (machine: StateMachine, suffix: string) =>
      `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${region}:${account}:execution:${JSON.stringify({
        'Fn::Select': [6, { 'Fn::Split': [':', { Ref: stack.getLogicalId(machine.node.defaultChild as CfnResource) }] }],
      })}${suffix}]`;
    for (const machine of [this.tenantWorkflow, this.nightly]) {
      const mapPolicy = machine.node.tryFindChild('DistributedMapPolicy');
      if (!mapPolicy) continue;
      for (const suffix of [':*', '/*:*']) {
        Validations.of(mapPolicy).acknowledge({ id: executions(machine, suffix), reason: 'Distributed Map child executions of this same state machine; their ARNs are generated at run time.' });
      }
    }
    Validations.of(this.nightly.role).acknowledge({
      id: executions(this.tenantWorkflow, '*'),
      reason: 'The nightly run waits for the ForecastTenant executions it starts (describe/stop); their names are generated at run time.',
    });
  }
}
