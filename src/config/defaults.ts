/**
 * The policy readygate applies when a repository has no config and no flags, and the places it
 * looks for reports. Documented in the README; `readygate check` says when it uses them.
 */
import type { ConfigInput } from './schema.js';

export const DEFAULT_REPORT_GLOBS = {
  coverage: [
    'coverage/lcov.info',
    'coverage/cobertura-coverage.xml',
    'coverage/coverage-final.json',
    'coverage/clover.xml',
    'coverage.xml',
    'cover.out',
    'coverage.out',
    'coverage/.resultset.json',
    '**/jacoco*.xml',
  ],
  tests: [
    'junit.xml',
    'test-results/**/*.xml',
    'reports/**/*.xml',
    '**/surefire-reports/TEST-*.xml',
    '**/test-results/**/TEST-*.xml',
    'test-report.json',
    // NUnit console's default file name, and `dotnet test --logger trx`'s folder.
    'TestResult.xml',
    '**/TestResults/*.trx',
  ],
  audit: ['audit.json', 'npm-audit.json', 'pip-audit.json'],
  lint: ['eslint.json', 'eslint-report.json', 'lint.sarif', 'checkstyle-result.xml', '*.sarif'],
} as const;

export const DEFAULT_POLICY: ConfigInput = {
  levels: {
    passing: { tests: { pass_rate: 100, min_total: 1 }, audit: { critical: 0 }, lint: { errors: 0 } },
    solid: { coverage: { lines: 80 }, audit: { critical: 0, high: 0 } },
  },
  require: 'passing',
  missing: 'fail',
};
