import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { Events, Sources } from '../../shared/events/catalogue.js';
import type { inventoryEnv } from '../../shared/inventory/env.js';
import type { Capability } from '../constructs/capability.js';

/** Low-stock alerts and the daily merchant digest (stock changes themselves go through the admin API and feeds). */
export class StockApi extends Construct {
  constructor(scope: Construct, id: string, inventory: Capability<typeof inventoryEnv>) {
    super(scope, id);
    const platform = inventory.platform;

    const alert = inventory.fn('LowStockAlert', { entry: 'functions/inventory/low-stock-alert.ts', description: 'StockLow/StockDepleted → merchant e-mail or digest' });
    platform.table.grantReadWriteData(alert);
    alert.addToRolePolicy(platform.sesSendPolicy());
    new Rule(this, 'OnLowStock', {
      eventBus: platform.bus,
      description: 'StockLow / StockDepleted → low-stock alert',
      eventPattern: { source: [Sources.inventory], detailType: [Events.StockLow.detailType, Events.StockDepleted.detailType], detail: { version: [1] } },
      targets: [new LambdaFunction(alert, { deadLetterQueue: platform.deadLetters, retryAttempts: 4, maxEventAge: Duration.hours(6) })],
    });

    const digest = inventory.fn('DailyDigest', { entry: 'functions/inventory/daily-digest.ts', description: 'Daily merchant digest', timeout: Duration.minutes(5) });
    platform.table.grantReadWriteData(digest);
    digest.addToRolePolicy(platform.sesSendPolicy());
    new Rule(this, 'DailyDigestSchedule', {
      description: 'Every day at 07:00 UTC: merchant digests',
      schedule: Schedule.expression('cron(0 7 * * ? *)'),
      targets: [new LambdaFunction(digest, { deadLetterQueue: platform.deadLetters, retryAttempts: 2 })],
    });
  }
}
