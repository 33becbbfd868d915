import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { Events, Sources } from '../../shared/events/catalogue.js';
import type { Platform } from '../constructs/platform.js';

/** Stock adjustments, the order webhook, low-stock alerts and the daily merchant digest. */
export class StockApi extends Construct {
  constructor(scope: Construct, id: string, platform: Platform) {
    super(scope, id);
    const adjust = platform.fn('AdjustStock', { entry: 'functions/inventory/adjust-stock.ts', description: 'POST /admin/stock/adjustments' });
    platform.table.grantReadWriteData(adjust);
    platform.bus.grantPutEventsTo(adjust);
    platform.route('POST /admin/stock/adjustments', adjust, 'admin');

    const orders = platform.fn('OrderWebhook', { entry: 'functions/inventory/order-webhook.ts', description: 'POST /admin/orders/webhook' });
    platform.table.grantReadWriteData(orders);
    platform.bus.grantPutEventsTo(orders);
    platform.route('POST /admin/orders/webhook', orders, 'admin');

    const alert = platform.fn('LowStockAlert', { entry: 'functions/inventory/low-stock-alert.ts', description: 'StockLow/StockDepleted → merchant e-mail or digest' });
    platform.table.grantReadWriteData(alert);
    alert.addToRolePolicy(platform.sesSendPolicy());
    new Rule(this, 'OnLowStock', {
      eventBus: platform.bus,
      description: 'StockLow / StockDepleted → low-stock alert',
      eventPattern: { source: [Sources.inventory], detailType: [Events.StockLow.detailType, Events.StockDepleted.detailType], detail: { version: [1] } },
      targets: [new LambdaFunction(alert, { deadLetterQueue: platform.deadLetters, retryAttempts: 4, maxEventAge: Duration.hours(6) })],
    });

    const digest = platform.fn('DailyDigest', { entry: 'functions/inventory/daily-digest.ts', description: 'Daily merchant digest', timeout: Duration.minutes(5) });
    platform.table.grantReadWriteData(digest);
    digest.addToRolePolicy(platform.sesSendPolicy());
    new Rule(this, 'DailyDigestSchedule', {
      description: 'Every day at 07:00 UTC: merchant digests',
      schedule: Schedule.expression('cron(0 7 * * ? *)'),
      targets: [new LambdaFunction(digest, { deadLetterQueue: platform.deadLetters, retryAttempts: 2 })],
    });
  }
}
