// Issue 3: `readygate check` on a folder that mixes every format gives one verdict.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempRepo } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/parse.js';

const LAYOUT = {
  coverage: [
    'lcov/vitest-v8.lcov.info',
    'cobertura/coveragepy.xml',
    'clover/phpunit-clover.xml',
    'jacoco/maven-java-jacoco.xml',
    'go-cover/cover-set.out',
    'istanbul-json/vitest-v8.coverage-final.json',
    'simplecov/.resultset.json',
  ],
  tests: [
    'junit/pytest-xunit2.xml',
    'go-test-json/go-test.json',
    'tap/node-test.tap',
    'ctrf/vitest-ctrf-json-reporter.json',
    'trx/dotnet-trx.trx',
    'mocha-json/mocha.json',
    'jest-json/jest-results.json',
  ],
  audit: [
    'npm-audit-v2/many_vulns.json',
    'pip-audit/many_vulns_new.json',
    'osv-scanner/some_findings.json',
    'sarif-audit/trivy-alpine-310.sarif',
    'yarn-audit/yarn_audit_one_vul.json',
    'pnpm-audit/pnpm_audit_one_vuln.json',
  ],
  lint: [
    'eslint-json/eslint9-flat.json',
    'sarif/flawfinder.sarif',
    'checkstyle/shellcheck.checkstyle.xml',
    'pylint-json/pylint.json',
    'shellcheck-json/shellcheck.json',
    'golangci-lint/golden-json.json',
  ],
} as const;

describe('a folder mixing every format', () => {
  it('parses each file with its detected format and gives one verdict', async () => {
    const dir = tempRepo({
      '.github/readygate.yml': [
        'reports:',
        '  coverage: ["in/coverage/**/*"]',
        '  tests: ["in/tests/**/*"]',
        '  audit: ["in/audit/**/*"]',
        '  lint: ["in/lint/**/*", { path: "build/tsc.txt", format: compiler-text }]',
        'levels:',
        '  mvp: { tests: { min_total: 1 } }',
        '  production: { coverage: { lines: 90 }, tests: { pass_rate: 100 }, audit: { critical: 0 }, lint: { errors: 0 } }',
        'require: mvp',
        '',
      ].join('\n'),
    });
    for (const [signal, files] of Object.entries(LAYOUT)) {
      for (const file of files) cpSync(join(FIXTURES, file), join(dir, 'in', signal, file.replace('/', '__')));
    }
    cpSync(join(FIXTURES, 'compiler-text/tsc-noemit-pretty-false.txt'), join(dir, 'build/tsc.txt'));
    const r = await cli(['check', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toEqual([]);
    const formats = report.reports.map((x: { signal: string; format: string }) => `${x.signal}:${x.format}`).sort();
    expect(formats).toEqual(
      [
        'coverage:clover',
        'coverage:cobertura',
        'coverage:go-cover',
        'coverage:istanbul-json',
        'coverage:jacoco',
        'coverage:lcov',
        'coverage:simplecov',
        'tests:ctrf',
        'tests:go-test-json',
        'tests:jest-json',
        'tests:junit',
        'tests:mocha-json',
        'tests:tap',
        'tests:trx',
        'audit:npm-audit',
        'audit:osv-scanner',
        'audit:pip-audit',
        'audit:pnpm-audit',
        'audit:sarif',
        'audit:yarn-audit',
        'lint:checkstyle',
        'lint:compiler-text',
        'lint:eslint-json',
        'lint:golangci-lint-json',
        'lint:pylint-json',
        'lint:sarif',
        'lint:shellcheck-json',
      ].sort(),
    );
    expect(report.verdict).toBe('pass');
    expect(report.level).toBe('mvp');
    expect(
      report.gates
        .filter((g: { level: string; status: string }) => g.level === 'production' && g.status === 'fail')
        .map((g: { id: string }) => g.id),
    ).toEqual(expect.arrayContaining(['tests.pass_rate', 'audit.critical', 'lint.errors']));
    expect(report.signals.tests.total).toBeGreaterThan(100);
  });
});
