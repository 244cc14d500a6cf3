import { defineConfig } from 'vitest/config';

/** Browser tests: build the client first (`npm run test:e2e` does). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A real browser against a server on a shared two-core machine: a test that fails is run once more,
    // and fails the run only if it fails twice.
    retry: 1,
    environment: 'node',
  },
});
