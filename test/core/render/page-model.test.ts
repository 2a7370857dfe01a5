import { describe, expect, it } from 'vitest';
import { pageModel } from '../../../src/core/render/page-model.js';
import { trendChart, PERCENT_SERIES, FINDINGS_SERIES } from '../../../src/core/render/page-chart.js';
import { pageHistory, pageReport, pageRoadmap } from './page-fixtures.js';

describe('pageModel', () => {
  it('says a level whose own gates pass needs the lower level first', () => {
    const report = pageReport();
    report.level = 'mvp';
    report.gates[1] = { ...report.gates[1]!, status: 'fail' };
    const model = pageModel({ repo: 'r', report, today: '2026-12-04' });
    expect(model.levels.map((l) => [l.name, l.reached, l.blockers.length])).toEqual([
      ['mvp', true, 0],
      ['beta', false, 1],
      ['production', false, 3],
    ]);
    report.gates = report.gates.filter((g) => g.level !== 'production');
    const again = pageModel({ repo: 'r', report, today: '2026-12-04' });
    expect(again.levels[2]).toMatchObject({ name: 'production', reached: false, blockers: [], needsLower: 'beta' });
    expect(again.next).toBe('beta');
  });

  it('counts warned gates as blocking in warn mode only, and report-wide errors against every level not reached', () => {
    const report = pageReport();
    report.mode = 'warn';
    report.gates = report.gates.map((g) => (g.status === 'fail' ? { ...g, status: 'warn' as const } : g));
    report.gates.unshift({
      id: 'tests.report',
      level: null,
      status: 'warn',
      actual: null,
      threshold: null,
      message: 'junit.xml: truncated',
    });
    const warn = pageModel({ repo: 'r', report, today: '2026-12-04' });
    expect(warn.levels[2]!.blockers.map((g) => g.id)).toEqual([
      'tests.report',
      'coverage.lines',
      'audit.moderate',
      'roadmap.done',
    ]);
    report.mode = 'enforce';
    expect(pageModel({ repo: 'r', report, today: '2026-12-04' }).levels[2]!.blockers).toEqual([]);
  });

  it('keeps the newest trendLimit commits, the current report last', () => {
    const model = pageModel({
      repo: 'r',
      report: pageReport(),
      commit: 'head',
      history: pageHistory(),
      today: '2026-12-04',
      trendLimit: 3,
    });
    expect(model.trend.map((t) => t.commit)).toEqual(['c0ffee3', 'c0ffee4', 'head']);
    expect(model.trend[0]).toEqual({ commit: 'c0ffee3', date: '2026-11-23', coverage: 83, passRate: 100, findings: 6 });
  });

  it('shows milestones counted elsewhere (the App: GitHub) instead of the roadmap files or the report', () => {
    const milestones = [
      { title: 'M1', due: '2026-12-01', done: 2, total: 5 },
      { title: 'M2', due: '2026-12-01', done: 5, total: 5 },
      { title: 'M3', done: 0, total: 1 },
    ];
    const model = pageModel({
      repo: 'r',
      report: pageReport(),
      roadmap: pageRoadmap(),
      milestones,
      today: '2026-12-04',
    });
    expect(model.milestones).toEqual([
      { title: 'M1', due: '2026-12-01', done: 2, total: 5, overdue: true },
      { title: 'M2', due: '2026-12-01', done: 5, total: 5, overdue: false },
      { title: 'M3', done: 0, total: 1, overdue: false },
    ]);
  });
});

describe('trendChart', () => {
  it('puts whole numbers on a findings axis and 0–100% on a percent axis', () => {
    const rows = [
      { commit: 'a', findings: 7, coverage: 50 },
      { commit: 'b', findings: 3, coverage: 60 },
    ];
    const findings = trendChart('f', 'Findings', rows, FINDINGS_SERIES);
    expect([...findings.matchAll(/text-anchor="end">([^<]+)</g)].map((m) => m[1])).toEqual([
      '0',
      '2',
      '4',
      '6',
      '8',
      'b',
    ]);
    const pct = trendChart('p', 'Coverage', rows, PERCENT_SERIES);
    expect(pct).toContain('>100%</text>');
    expect(pct).toContain('Line coverage from 50% to 60%; Pass rate: no data for the latest commit');
  });
});
