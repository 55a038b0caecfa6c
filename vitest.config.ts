import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/count-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB and chromium are heavy on a 2-core machine; files run in parallel, tests in order.
    maxWorkers: 2,
  },
});
