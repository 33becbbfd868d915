import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startLocalStack, type LocalStack } from '../../local/stack.js';

export interface LocalTestContext {
  urls: LocalStack['urls'];
  env: Record<string, string>;
  operatorKey: string;
  timeScale: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    local: LocalTestContext;
  }
}

let stack: LocalStack | undefined;

/**
 * Starts one throwaway local stack on free ports for the integration project. Tests share
 * it safely in parallel because each works in a tenant of its own — the same wall that
 * separates merchants in production.
 */
export default async function setup(project: TestProject) {
  const operatorKey = `rop_test_${randomBytes(16).toString('hex')}`;
  // Integration: one day of workflow waiting takes one second. Browser: one minute a second,
  // so a release stays open (public after 24 min) while a page is looked at.
  const timeScale = project.name === 'browser' ? 60 : 86_400;
  // The SES emulator has no quota: send at a test pace, not at a new account's 14/s
  // (the rate limiter itself is unit-tested and measured by `npm run bench:send`).
  process.env.RESTOCK_SEND_RATE_PER_SECOND ??= '500';
  stack = await startLocalStack({ operatorKey, timeScale, quiet: !process.env.RESTOCK_TEST_LOGS, autoSchedules: false });
  project.provide('local', { urls: stack.urls, env: stack.env, operatorKey, timeScale });
  return async () => {
    await stack?.stop();
  };
}
