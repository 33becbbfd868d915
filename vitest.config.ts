import { defineConfig } from 'vitest/config';

// Two projects: pure unit/infra tests run with no setup; integration tests share one
// local stack (emulators on free ports) started once by the global setup. Tests isolate
// themselves by using a fresh tenant each, which is also how production isolates data.
export default defineConfig({
  test: {
    // Integration files mostly wait on the local stack (workflows, e-mail, compressed time):
    // run three at once even on a two-core machine.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/infra/**/*.test.ts'],
          testTimeout: 60_000,
          // CDK synthesis in beforeAll takes seconds, more on a loaded CI machine.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Real waits on a loaded 2-core machine: a test that times out once gets another try
          // (in a fresh tenant); a test that fails twice fails.
          retry: 1,
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Real headless Chromium against the demo pages of a local stack of its own.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
