import { describe, expect, it } from 'vitest';
import { mergeTests } from '../../../src/core/merge.js';
import { auditGates } from '../../../src/core/gates/audit.js';
import type { GateContext } from '../../../src/core/gates/common.js';
import { coverageGates } from '../../../src/core/gates/coverage.js';
import { lintGates } from '../../../src/core/gates/lint.js';
import { roadmapGates } from '../../../src/core/gates/roadmap.js';
import { testsGates } from '../../../src/core/gates/tests.js';
import { assignFingerprints } from '../../../src/core/fingerprint.js';
import { coverage, finding, lintFinding, tests } from '../../helpers/signals.js';

const ctx: GateContext = { level: 'beta', missing: 'fail' };
const noDiff = { diffGiven: false };

describe('coverage gates', () => {
  it('compares each metric with its minimum, with the numbers in the message', () => {
    const [lines, branches] = coverageGates(
      ctx,
      { lines: 80, branches: 50 },
      coverage({ 'a.ts': [79, 100] }, [3, 4]),
      noDiff,
      '',
    );
    expect(lines).toMatchObject({
      status: 'fail',
      actual: 79,
      threshold: 80,
      message: 'line coverage 79% (79/100) is below 80%',
    });
    expect(branches).toMatchObject({ status: 'pass', actual: 75, message: 'branch coverage 75% (3/4) meets 50%' });
  });

  it('a metric the format lacks fails rather than passing', () => {
    const [g] = coverageGates(ctx, { functions: 50 }, coverage({ 'a.ts': [1, 1] }), noDiff, '');
    expect(g).toMatchObject({ status: 'fail', message: 'the coverage report has no function data' });
  });

  it('max_drop compares with the base, and says skipped without one', () => {
    const base = { source: 'base.json', coverage: { lines: { covered: 90, total: 100 } } };
    const [drop] = coverageGates({ ...ctx, base }, { max_drop: 1 }, coverage({ 'a.ts': [88, 100] }), noDiff, '');
    expect(drop).toMatchObject({
      status: 'fail',
      actual: 2,
      message: 'line coverage dropped 2 points (90% → 88%), more than the 1 allowed',
    });
    const [ok] = coverageGates({ ...ctx, base }, { max_drop: 1 }, coverage({ 'a.ts': [95, 100] }), noDiff, '');
    expect(ok!.status).toBe('pass');
    const [none] = coverageGates(ctx, { max_drop: 1 }, coverage({ 'a.ts': [95, 100] }), noDiff, '');
    expect(none).toMatchObject({ status: 'skip', message: 'skipped: no base report to compare against' });
  });

  it('shows the delta against the base on minimum gates', () => {
    const base = { source: 'b', coverage: { lines: { covered: 70, total: 100 } } };
    const [g] = coverageGates({ ...ctx, base }, { lines: 50 }, coverage({ 'a.ts': [75, 100] }), noDiff, '');
    expect(g!.delta).toBe(5);
  });

  it('patch coverage: skipped without a diff, measured with one, passes when nothing coverable changed', () => {
    const data = coverage({ 'a.ts': [2, 4] });
    expect(coverageGates(ctx, { patch: 80 }, data, noDiff, '')[0]!.status).toBe('skip');
    const counter = data.table.patch(new Map([['a.ts', [1, 3, 4, 40]]]));
    expect(counter).toEqual({ covered: 1, total: 3 });
    expect(coverageGates(ctx, { patch: 80 }, data, { diffGiven: true, counter }, '')[0]).toMatchObject({
      status: 'fail',
      actual: 33.33,
    });
    expect(
      coverageGates(ctx, { patch: 80 }, data, { diffGiven: true, counter: { covered: 0, total: 0 } }, '')[0],
    ).toMatchObject({
      status: 'pass',
      message: 'the change adds no coverable lines',
    });
  });

  it('a failing figure never shows as the limit it missed', () => {
    const lines = (covered: number, total: number) => {
      const data = coverage({});
      Object.defineProperty(data.table, 'totals', { value: () => ({ lines: { covered, total } }) });
      return data;
    };
    expect(coverageGates(ctx, { lines: 85 }, lines(25_499, 30_000), noDiff, '')[0]).toMatchObject({
      status: 'fail',
      actual: 84.99,
      message: 'line coverage 84.99% (25,499/30,000) is below 85%',
    });
    expect(coverageGates(ctx, { lines: 85 }, lines(25_500, 30_000), noDiff, '')[0]).toMatchObject({
      status: 'pass',
      actual: 85,
    });
    expect(testsGates(ctx, { pass_rate: 100 }, tests(99_999, 1), '')[0]).toMatchObject({
      status: 'fail',
      actual: 99.99,
      message: 'pass rate 99.99% (99,999 passed, 1 failed) is below 100%',
    });
  });

  it('patch coverage: a change the report has no per-line data for is missing data, never a pass', () => {
    const data = coverage({ 'a.ts': [2, 4] });
    const [g] = coverageGates(
      ctx,
      { patch: 80 },
      data,
      { diffGiven: true, unmeasurable: ['src/a.js', 'src/b.js', 'src/c.js', 'src/d.js'] },
      '',
    );
    expect(g).toMatchObject({ status: 'fail', actual: null });
    expect(g!.message).toBe(
      'the coverage report has no per-line data for changed files (src/a.js, src/b.js, src/c.js and 1 more): its format gives totals only, so the changed lines cannot be measured; report a per-line format too (lcov, Cobertura, …)',
    );
  });
});

describe('tests gates', () => {
  it('pass rate ignores skipped tests', () => {
    const [g] = testsGates(ctx, { pass_rate: 90 }, tests(9, 1, 5), '');
    expect(g).toMatchObject({ status: 'pass', actual: 90, message: 'pass rate 90% (9 passed, 1 failed) meets 90%' });
  });

  it('zero tests never pass a pass-rate gate', () => {
    expect(testsGates(ctx, { pass_rate: 0 }, tests(0, 0), '')[0]).toMatchObject({
      status: 'fail',
      message: 'no tests ran: a pass rate needs at least one test',
    });
    expect(testsGates(ctx, { pass_rate: 0 }, tests(0, 0, 3), '')[0]).toMatchObject({
      status: 'fail',
      message: 'all 3 tests were skipped',
    });
  });

  it('max_failed, min_total, max_skipped', () => {
    const gates = testsGates(ctx, { max_failed: 0, min_total: 20, max_skipped: 1 }, tests(10, 1, 2), '');
    expect(gates.map((g) => [g.id, g.status, g.actual])).toEqual([
      ['tests.max_failed', 'fail', 1],
      ['tests.min_total', 'fail', 11],
      ['tests.max_skipped', 'fail', 2],
    ]);
  });

  it('max_flaky has no data where the format records no reruns, and merging with one keeps it unknown', () => {
    const unknown = { ...tests(5, 0), flaky: undefined };
    expect(testsGates(ctx, { max_flaky: 0 }, unknown, '')[0]).toMatchObject({
      status: 'fail',
      message:
        'the test report format does not record reruns, so flaky tests cannot be counted (JUnit with rerun elements and CTRF do)',
    });
    expect(testsGates(ctx, { max_flaky: 0 }, { ...tests(5, 0), flaky: 1 }, '')[0]).toMatchObject({
      status: 'fail',
      actual: 1,
    });
    expect(mergeTests([{ ...tests(5, 0), flaky: 1 }, unknown], 10).flaky).toBeUndefined();
    expect(
      mergeTests(
        [
          { ...tests(5, 0), flaky: 1 },
          { ...tests(1, 0), flaky: 2 },
        ],
        10,
      ).flaky,
    ).toBe(3);
  });

  it('min_total counts the tests that ran: skipped ones did not', () => {
    expect(testsGates(ctx, { min_total: 3 }, tests(0, 0, 3), '')[0]).toMatchObject({
      status: 'fail',
      actual: 0,
      message: 'only 0 tests ran, fewer than the 3 required (3 more skipped)',
    });
    expect(testsGates(ctx, { min_total: 3 }, tests(2, 1, 4), '')[0]).toMatchObject({
      status: 'pass',
      actual: 3,
      message: '3 tests ran, at least 3 required (4 more skipped)',
    });
  });
});

describe('audit gates', () => {
  const data = {
    findings: [
      finding('GHSA-1', 'critical'),
      finding('GHSA-2', 'high'),
      finding('GHSA-3', 'moderate'),
      { ...finding('GHSA-4', 'high'), ignored: { reason: 'ok' } },
    ],
  };

  it('a limit on a severity counts that severity and above, not ignored findings', () => {
    const gates = auditGates(ctx, { critical: 0, high: 1, moderate: 3 }, data, '');
    expect(gates.map((g) => [g.id, g.status, g.actual])).toEqual([
      ['audit.critical', 'fail', 1],
      ['audit.high', 'fail', 2],
      ['audit.moderate', 'pass', 3],
    ]);
    expect(gates[0]!.message).toBe('1 critical vulnerability, more than the 0 allowed: GHSA-1 in pkg');
  });
});

describe('lint gates', () => {
  const head = {
    findings: assignFingerprints([
      lintFinding('a.ts', 3, 'error'),
      lintFinding('a.ts', 9, 'warning', 'no-y'),
      lintFinding('b.ts', 1, 'error', 'no-z'),
    ]),
  };

  it('counts errors, and warnings with the errors above them', () => {
    const gates = lintGates(ctx, { errors: 1, warnings: 0 }, head, '');
    expect(gates.map((g) => [g.id, g.status, g.actual])).toEqual([
      ['lint.errors', 'fail', 2],
      ['lint.warnings', 'fail', 3],
    ]);
    expect(gates[1]!.message).toBe('3 lint warnings and errors, more than the 0 allowed');
    // A warnings limit alone still fails on errors.
    const errorsOnly = { findings: assignFingerprints([lintFinding('a.ts', 3, 'error')]) };
    expect(lintGates(ctx, { warnings: 0 }, errorsOnly, '')[0]).toMatchObject({ status: 'fail', actual: 1 });
    expect(
      lintGates(ctx, { warnings: 2 }, { findings: assignFingerprints([lintFinding('a.ts', 9, 'warning')]) }, '')[0]!
        .message,
    ).toBe('1 lint warning (at most 2 allowed)');
  });

  it('new_only counts only findings absent from the base, matched across line shifts', () => {
    const baseFindings = assignFingerprints([
      lintFinding('a.ts', 1, 'error'),
      lintFinding('a.ts', 5, 'warning', 'no-y'),
    ]);
    const base = { source: 'base.json', lintFingerprints: new Set(baseFindings.map((f) => f.fingerprint)) };
    const gates = lintGates({ ...ctx, base }, { errors: 0, warnings: 0, new_only: true }, head, '');
    expect(gates.map((g) => [g.id, g.status, g.actual])).toEqual([
      ['lint.new_only', 'pass', 1],
      ['lint.errors', 'fail', 1],
      ['lint.warnings', 'fail', 1],
    ]);
  });

  it('new_only without a base counts everything and says so', () => {
    const [note, errors] = lintGates(ctx, { errors: 0, new_only: true }, head, '');
    expect(note).toMatchObject({
      status: 'skip',
      message: 'skipped: no base report with lint findings: every finding counts',
    });
    expect(errors).toMatchObject({ status: 'fail', actual: 2 });
  });
});

describe('roadmap gates', () => {
  const data = {
    items: [
      { key: '1', title: 'a', status: 'done' as const, milestone: 'Milestone 1: Core', priority: 'P0' },
      { key: '2', title: 'b', status: 'todo' as const, milestone: 'Milestone 1: Core', priority: 'P1' },
      { key: '3', title: 'c', status: 'cancelled' as const, milestone: 'Milestone 1: Core' },
      { key: '4', title: 'd', status: 'done' as const, milestone: 'Milestone 2', priority: 'P0' },
    ],
    milestones: [{ title: 'Milestone 1: Core' }, { title: 'Milestone 2' }],
  };

  it('measures a milestone (cancelled items excluded) and a priority', () => {
    const [m1, p0] = roadmapGates(
      ctx,
      [
        { milestone: 'Milestone 1', done: 100 },
        { priority: ['p0'], done: 100 },
      ],
      data,
      '',
    );
    expect(m1).toMatchObject({
      status: 'fail',
      actual: 50,
      message: 'roadmap: 50% of milestone "Milestone 1" done (1/2) is below 100%'.replace('roadmap: ', ''),
    });
    expect(p0).toMatchObject({ status: 'pass', actual: 100 });
  });

  it('fails when nothing matches rather than passing on an empty set', () => {
    expect(roadmapGates(ctx, [{ milestone: 'Nope', done: 0 }], data, '')[0]).toMatchObject({
      status: 'fail',
      message: 'no roadmap items match milestone "Nope"',
    });
  });
});
