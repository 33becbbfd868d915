import type { App } from 'aws-cdk-lib';
import { RestockStack } from './restock-stack.js';
import { suppressPlatformWideFindings } from './nag.js';

export const STACK_NAME = 'Restock';

/**
 * Builds the stack from context or environment. Shared by `cdk synth`, the tests and the
 * local runtime, which all read the same template.
 */
export function buildApp(app: App): RestockStack {
  const ctx = (key: string, envName: string, fallback?: string): string => {
    const value = (app.node.tryGetContext(key) as string | undefined) ?? process.env[envName] ?? fallback;
    if (value === undefined) throw new Error(`Missing configuration: context "${key}" or env ${envName}`);
    return value;
  };
  const stack = new RestockStack(app, STACK_NAME, {
    // The hash of an unusable placeholder: deploys refuse operator calls until configured.
    operatorKeySha256: ctx('operatorKeySha256', 'RESTOCK_OPERATOR_KEY_SHA256', '0'.repeat(64)),
    senderEmail: ctx('senderEmail', 'RESTOCK_SENDER_EMAIL', 'no-reply@restock.example'),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  suppressPlatformWideFindings(stack);
  return stack;
}
