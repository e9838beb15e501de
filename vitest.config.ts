import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - unit: pure packages and web logic, in parallel;
 * - db: server and CLI tests against a real database (PGlite always, PostgreSQL too when
 *   ENLACE_TEST_DATABASE_URL is set), in one worker so the embedded database opens once per run;
 * - e2e: a real server process driven by Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['apps/server/src/**/*.test.ts', 'apps/cli/src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 1,
          isolate: false,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
