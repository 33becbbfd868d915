import { Aws, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, Function as LambdaFn } from 'aws-cdk-lib/aws-lambda';
import { CfnConfigurationSet, CfnConfigurationSetEventDestination } from 'aws-cdk-lib/aws-ses';
import { Validations } from 'aws-cdk-lib';
import type { Construct, IConstruct } from 'constructs';
import type * as z from 'zod';
import type { EnvValues } from '../shared/config/env.js';
import { messagingEnv, type senderEnv } from '../shared/messaging/env.js';
import { Capability } from './constructs/capability.js';
import { messagingAdmin, messagingLinks } from '../functions/messaging/routes.js';
import type { Platform } from './constructs/platform.js';

export interface SendGrantOptions {
  /**
   * How many containers of this function may send at once. When given, the function gets
   * that reserved concurrency, and every sender's share of the SES quota is the quota divided
   * by the sum over all senders (SENDER_CONTAINERS): the fleet together stays under it.
   */
  containers?: number;
}

/**
 * Capability C6 (sending): the SES configuration set whose events (send, delivery, bounce,
 * complaint, reject, open, delay) go to the default EventBridge bus, the consumer that turns
 * them into suppressions and send records, the public click-redirect and one-click
 * unsubscribe endpoints, the admin routes (templates, failed/pending messages, settings,
 * sending domain) and the sweep that fails unconfirmed pending sends visibly.
 *
 * Capabilities that send call `Messaging.lookup(this).grantSend(fn)`: it adds the sender's
 * environment and permissions to their function, which then calls shared/messaging deliver().
 */
export class Messaging extends Capability<typeof messagingEnv> {
  static readonly ID = 'Messaging';
  readonly configurationSetName: string;
  readonly sendRatePerSecond: string;
  private senderContainers = 0;

  /** The deployment's Messaging capability (created right after the platform). */
  static lookup(scope: IConstruct): Messaging {
    let stack = Stack.of(scope);
    while (stack.nestedStackParent) stack = stack.nestedStackParent;
    const found = stack.node.tryFindChild(Messaging.ID);
    if (!(found instanceof Messaging)) throw new Error('Messaging not created yet: create it before the capabilities that send');
    return found;
  }

  /**
   * The sender's variables (`senderEnv`) for a capability whose functions send: spread them
   * into its environment's values, and call `grantSend()` on each function that sends.
   */
  senderValues(): EnvValues<z.ZodObject<typeof senderEnv>> {
    return {
      SENDER_EMAIL: this.platform.senderEmail,
      PUBLIC_API_URL: this.platform.api.apiEndpoint,
      SES_CONFIGURATION_SET: this.configurationSetName,
      SEND_RATE_PER_SECOND: this.sendRatePerSecond,
      // Every sender's share of the SES quota is the quota divided by the containers of all senders.
      SENDER_CONTAINERS: Lazy.string({ produce: () => String(Math.max(1, this.senderContainers)) }),
    };
  }

  constructor(scope: Construct, id: string, platform: Platform) {
    // Known before the set exists (a name, not a reference), so senders in other stacks carry no cross-stack reference.
    const configurationSetName = `${platform.stackName.toLowerCase()}-messages`;
    // The account's SES sending quota (messages per second), from context or environment.
    const sendRatePerSecond = String(scope.node.tryGetContext('sendRatePerSecond') ?? process.env.RESTOCK_SEND_RATE_PER_SECOND ?? '14');
    super(scope, id, platform, {
      schema: messagingEnv,
      values: {
        SENDER_EMAIL: platform.senderEmail,
        PUBLIC_API_URL: platform.api.apiEndpoint,
        SES_CONFIGURATION_SET: configurationSetName,
        SEND_RATE_PER_SECOND: sendRatePerSecond,
        SENDER_CONTAINERS: '1',
      },
    });
    this.configurationSetName = configurationSetName;
    this.sendRatePerSecond = sendRatePerSecond;

    // ---- SES configuration set → default bus ----
    const configurationSet = new CfnConfigurationSet(this, 'ConfigurationSet', {
      name: configurationSetName,
      // Account-level suppression as a second line behind the tenant lists.
      suppressionOptions: { suppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      reputationOptions: { reputationMetricsEnabled: true },
      sendingOptions: { sendingEnabled: true },
    });
    new CfnConfigurationSetEventDestination(this, 'EventsToEventBridge', {
      configurationSetName: configurationSet.ref,
      eventDestination: {
        name: 'restock-eventbridge',
        enabled: true,
        // Clicks are tracked by Restock's own signed links (they work for SMS too), so SES
        // does not rewrite links; opens come from SES's pixel.
        matchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE', 'COMPLAINT', 'REJECT', 'OPEN', 'DELIVERY_DELAY'],
        eventBridgeDestination: { eventBusArn: `arn:${Aws.PARTITION}:events:${Aws.REGION}:${Aws.ACCOUNT_ID}:event-bus/default` },
      },
    });

    // ---- SES events consumer ----
    const sesEvents = this.fn('MessagingSesEvents', { entry: 'functions/messaging/ses-events.ts', description: 'SES events → suppression list and send records' });
    platform.table.grantReadWriteData(sesEvents);
    this.deadLetterFor(sesEvents);
    new Rule(this, 'OnSesEvent', {
      description: 'SES email events (configuration set → default bus) → send records and suppression',
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Sent', 'Email Delivered', 'Email Bounced', 'Email Complaint Received', 'Email Rejected', 'Email Opened', 'Email Clicked', 'Email Delivery Delayed'],
      },
      targets: [new LambdaFunction(sesEvents, { deadLetterQueue: platform.deadLetters, retryAttempts: 8, maxEventAge: Duration.hours(24) })],
    });

    // ---- public links (no login): tracked clicks, one-click unsubscribe ----
    const links = this.serve('MessagingLinks', messagingLinks, { description: 'GET /t/{token} click redirect; GET|POST /u/{token} one-click unsubscribe' });
    platform.table.grantReadWriteData(links);

    // ---- admin: templates, messages, settings and sending domain ----
    const admin = this.serve('MessagingAdmin', messagingAdmin, { description: 'Messaging admin: templates, messages, settings, sending domain' });
    platform.table.grantReadWriteData(admin);
    admin.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:CreateEmailIdentity', 'ses:GetEmailIdentity'],
        resources: [`arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/*`],
      }),
    );

    // ---- sweep of unconfirmed pending sends ----
    const sweep = this.fn('MessagingPendingSweep', { entry: 'functions/messaging/sweep.ts', description: 'Fails pending sends no SES event confirmed', timeout: Duration.minutes(5) });
    platform.table.grantReadWriteData(sweep);
    new Rule(this, 'PendingSweepSchedule', {
      description: 'Every 10 minutes: pending sends past the confirmation window → failed (unconfirmed)',
      schedule: Schedule.rate(Duration.minutes(10)),
      targets: [new LambdaFunction(sweep, { deadLetterQueue: platform.deadLetters, retryAttempts: 2, maxEventAge: Duration.hours(1) })],
    });
  }

  /**
   * Lets a function send through deliver(): SES (the tenants' identities and this
   * configuration set), SNS SMS and the table. Its capability's environment carries
   * `senderValues()`.
   */
  grantSend(fn: LambdaFn, opts: SendGrantOptions = {}): void {
    const platform = this.platform;
    this.senderContainers += opts.containers ?? 1;
    if (opts.containers) (fn.node.defaultChild as CfnFunction).reservedConcurrentExecutions = opts.containers;
    platform.table.grantReadWriteData(fn);
    fn.addToRolePolicy(platform.sesSendPolicy());
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [`arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:configuration-set/${this.configurationSetName}`],
      }),
    );
    // SMS to phone numbers: SNS has no resource ARN for a number.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    Validations.of(fn.role!).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'sns:Publish to a phone number (SMS) has no resource ARN to scope to.',
    });
  }

  /** Failed asynchronous invocations (after Lambda's own two retries) land in the platform DLQ. */
  private deadLetterFor(fn: LambdaFn): void {
    (fn.node.defaultChild as CfnFunction).deadLetterConfig = { targetArn: this.platform.deadLetters.queueArn };
    this.platform.deadLetters.grantSendMessages(fn);
  }
}
