import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // *.long.test.ts: exhaustive and long differential runs, in `npm run test:long` (vitest.long.config.ts).
    exclude: ['**/node_modules/**', 'examples/**', 'dist/**', 'build/**', 'test/**/*.long.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the CPUs: a single worker on a 2-core CI machine,
    // where `npm test` then ran every file in turn (~260 s). Many files wait on child processes,
    // Redis, Chromium or sockets rather than compute, so two workers overlap that waiting.
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.d.ts', 'src/cli/run.ts', 'src/action/main.ts', 'src/app/server.ts'],
      reporter: ['text-summary', 'lcov', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: { lines: 80, branches: 70, functions: 80, statements: 80 },
    },
    reporters: ['default', ['junit', { outputFile: 'reports/junit.xml' }]],
  },
});
