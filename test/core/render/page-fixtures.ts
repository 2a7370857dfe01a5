/** Reports, roadmaps and policies for the readiness page's tests, validated by the report schema. */
import type { Config } from '../../../src/config/schema.js';
import { gateMeasure } from '../../../src/core/gates/gate-kinds.js';
import type { RoadmapData } from '../../../src/core/model.js';
import { ReportV1 } from '../../../src/core/report-schema.js';

export const XSS = '<img src=x onerror=alert(1)>';

type Gate = ReportV1['gates'][number];
const gate = (
  id: string,
  level: string | null,
  status: Gate['status'],
  actual: Gate['actual'],
  threshold: Gate['threshold'],
  message: string,
  delta?: number,
): Gate => ({
  id,
  level,
  status,
  actual,
  threshold,
  // as readygate writes a gate: with its kind's unit and direction
  ...gateMeasure(id),
  message,
  ...(delta !== undefined && { delta }),
});

/** beta reached, production required and not reached: coverage and a roadmap milestone block it. */
export function pageReport(
  overrides: { lines?: [number, number]; passed?: number; failed?: number; lint?: number } = {},
): ReportV1 {
  const [covered, total] = overrides.lines ?? [842, 1000];
  const passed = overrides.passed ?? 732;
  const failed = overrides.failed ?? 0;
  return ReportV1.parse({
    schema: 'readygate/report@1',
    tool: { name: 'readygate', version: '0.1.0' },
    verdict: 'fail',
    level: 'beta',
    required: 'production',
    mode: 'enforce',
    branch: 'main',
    signals: {
      coverage: { lines: { covered, total }, files: 12 },
      tests: { total: passed + failed + 3, passed, failed, skipped: 3, flaky: 0, failures: [], failures_dropped: 0 },
      audit: { critical: 0, high: 0, moderate: 1, low: 0, info: 0, ignored: 0, findings: [] },
      lint: { errors: 0, warnings: overrides.lint ?? 4, notes: 0, findings: [] },
      roadmap: {
        total: 9,
        done: 4,
        in_progress: 2,
        blocked: 1,
        todo: 2,
        cancelled: 0,
        milestones: [
          { title: 'Milestone 1', due: '2026-11-30', total: 7, done: 3 },
          { title: 'Milestone 2', due: '2027-03-01', total: 2, done: 1 },
        ],
      },
    },
    gates: [
      gate('tests.pass_rate', 'mvp', 'pass', 100, 90, 'pass rate 100% meets 90%'),
      gate('coverage.lines', 'beta', 'pass', 84.2, 70, 'line coverage 84.2% meets 70%', -0.8),
      gate('coverage.lines', 'production', 'fail', 84.2, 85, 'line coverage 84.2% (842/1000) is below 85%', -0.8),
      gate(
        'audit.moderate',
        'production',
        'fail',
        1,
        0,
        '1 vulnerability at moderate or above, more than the 0 allowed',
      ),
      gate(
        'roadmap.done',
        'production',
        'fail',
        42.86,
        100,
        '42.86% of milestone "Milestone 1" done (3/7) is below 100%',
      ),
      gate('lint.warnings', 'production', 'pass', 4, 20, '4 lint warnings (at most 20 allowed)'),
    ],
    errors: [],
    notices: [],
    reports: [],
  });
}

export function pageRoadmap(title = 'Ship the importer'): RoadmapData {
  const item = (key: string, t: string, status: RoadmapData['items'][number]['status'], milestone: string) => ({
    key,
    title: t,
    status,
    milestone,
  });
  return {
    milestones: [
      { title: 'Milestone 1', due: '2026-11-30' },
      { title: 'Milestone 2', due: '2027-03-01' },
    ],
    items: [
      item('M1.1', 'Sign-in', 'done', 'Milestone 1'),
      item('M1.2', 'Roles', 'done', 'Milestone 1'),
      item('M1.3', 'Audit log', 'done', 'Milestone 1'),
      item('M1.4', title, 'in_progress', 'Milestone 1'),
      item('M1.5', 'Exporter', 'blocked', 'Milestone 1'),
      item('M1.6', 'Backups', 'todo', 'Milestone 1'),
      item('M1.7', 'Dropped idea', 'cancelled', 'Milestone 1'),
      item('M1.8', 'Rate limits', 'todo', 'Milestone 1'),
      item('M2.1', 'Billing', 'done', 'Milestone 2'),
      item('M2.2', 'Invoices', 'todo', 'Milestone 2'),
    ],
  };
}

export const pagePolicy: Pick<Config, 'levels'> = {
  levels: {
    mvp: { tests: { pass_rate: 90 } },
    beta: { coverage: { lines: 70 } },
    production: { coverage: { lines: 85 }, audit: { moderate: 0 }, roadmap: { milestone: 'Milestone 1', done: 100 } },
  } as Config['levels'],
};

/** Five earlier commits, oldest first, coverage rising. */
export function pageHistory() {
  return [0, 1, 2, 3, 4].map((i) => ({
    commit: `c0ffee${i}`,
    date: `2026-11-2${i}`,
    report: pageReport({ lines: [800 + i * 10, 1000], passed: 730 + i, failed: 2 - Math.min(2, i), lint: 8 - i }),
  }));
}
