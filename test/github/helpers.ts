/** Shared test helpers for the GitHub adapters: an Octokit nock can see, with no waiting, and reports. */
import { createOctokit } from '../../src/github/octokit.js';
import { ReportV1 } from '../../src/core/report-schema.js';
import type { Annotation } from '../../src/core/render/annotations.js';

export const API = 'https://api.github.com';
export const REPO = { owner: 'acme', repo: 'widgets' };
export const SHA = 'a'.repeat(40);
export const BASE_SHA = 'b'.repeat(40);
/** The app GITHUB_TOKEN acts as, as check-run responses name it, and its comment author. */
export const ACTIONS_APP = { id: 15368, slug: 'github-actions' };
export const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' };

export function testOctokit(baseUrl = API) {
  return createOctokit({
    token: 'test-token',
    baseUrl,
    fetch: globalThis.fetch,
    tuning: { retryAfterBaseValue: 1, fallbackSecondaryRateRetryAfter: 1, writeMinTimeMs: 0, notificationMinTimeMs: 0 },
  });
}

export function annotations(n: number): Annotation[] {
  return Array.from({ length: n }, (_, i) => ({
    path: `src/file${i % 7}.ts`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'warning' as const,
    title: `rule-${i}`,
    message: `finding ${i}`,
  }));
}

/** A valid report, validated by the schema so tests cannot drift from the contract. */
export function sampleReport(overrides: Partial<ReportV1> = {}): ReportV1 {
  return ReportV1.parse({
    schema: 'readygate/report@1',
    tool: { name: 'readygate', version: '0.1.0' },
    verdict: 'pass',
    level: 'beta',
    required: 'beta',
    mode: 'enforce',
    signals: {
      coverage: { lines: { covered: 80, total: 100 }, files: 3 },
      tests: {
        total: 10,
        passed: 9,
        failed: 1,
        skipped: 0,
        flaky: 0,
        failures_dropped: 0,
        failures: [{ name: 'adds', file: 'test/a.test.ts', line: 4, message: 'expected 2', kind: 'failure' }],
      },
      lint: {
        errors: 1,
        warnings: 0,
        notes: 0,
        findings: [
          {
            path: 'src/a.ts',
            line: 3,
            severity: 'error',
            message: 'no-unused-vars',
            rule: 'no-unused-vars',
            tool: 'eslint',
            fingerprint: '0123456789abcdef0123',
          },
        ],
      },
    },
    gates: [
      {
        id: 'coverage.lines',
        level: 'beta',
        status: 'pass',
        actual: 80,
        threshold: 70,
        unit: 'percent',
        direction: 'at_least',
        message: 'line coverage 80% meets 70%',
      },
    ],
    errors: [],
    notices: [],
    reports: [],
    ...overrides,
  });
}
