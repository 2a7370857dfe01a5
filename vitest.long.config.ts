import { defineConfig } from 'vitest/config';

/**
 * The long profile, `npm run test:long`: exhaustive and long differential runs (test/**\/*.long.test.ts)
 * that `npm test` checks only a fixed sample of. No coverage (npm test measures it); .ci/run runs it
 * after npm test.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.long.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
