// Every gate result says what its numbers are and how its threshold holds; reports written before
// results carried that get it from the gate's kind when read.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/load.js';
import { evaluate } from '../../../src/core/gates/evaluate.js';
import { GATE_KINDS, gateMeasure, withMeasure } from '../../../src/core/gates/gate-kinds.js';
import { parseReportJson } from '../../../src/core/report-parse.js';
import { sampleReport } from '../../github/helpers.js';

/** A policy that sets every gate readygate has; with no data, each one still yields its result. */
const EVERY_GATE = validateConfig(
  {
    reports: { coverage: ['c'], tests: ['t'], audit: ['a'], lint: ['l'] },
    missing: 'warn',
    levels: {
      one: {
        coverage: { lines: 1, branches: 1, functions: 1, max_drop: 1, patch: 1 },
        tests: { pass_rate: 1, max_failed: 1, min_total: 1, max_skipped: 1, max_flaky: 1 },
        audit: { critical: 0, high: 0, moderate: 0, low: 0 },
        lint: { errors: 0, warnings: 0, new_only: true },
        roadmap: { done: 50 },
      },
      two: { roadmap: [{ done: 50 }, { done: 100, priority: ['P0'] }] },
    },
  },
  'test',
);

describe('gate kinds', () => {
  const { gates } = evaluate({
    config: EVERY_GATE,
    signals: {},
    configured: new Set(['coverage', 'tests', 'audit', 'lint']),
    errors: [],
    patch: { diffGiven: false },
  });

  it('are all evaluated, and each result carries its kind’s unit and direction', () => {
    expect(new Set(gates.map((g) => g.id.replace(/\[\d+\]$/, '')))).toEqual(new Set(Object.keys(GATE_KINDS)));
    for (const g of gates)
      expect({ id: g.id, unit: g.unit, direction: g.direction }).toEqual({ id: g.id, ...gateMeasure(g.id) });
  });

  it.each([
    ['coverage.lines', 'percent', 'at_least'],
    ['coverage.max_drop', 'points', 'at_most'],
    ['tests.min_total', 'count', 'at_least'],
    ['tests.max_failed', 'count', 'at_most'],
    ['audit.high', 'count', 'at_most'],
    ['roadmap.done[1]', 'percent', 'at_least'],
    ['lint.new_only', 'count', undefined],
  ])('%s: %s, %s', (id, unit, direction) => {
    const g = gates.find((x) => x.id === id)!;
    expect({ unit: g.unit, direction: g.direction }).toEqual({ unit, direction });
  });

  it('leaves gates that have no numbers without a unit (a report that could not be read)', () => {
    const { gates: broken } = evaluate({
      config: EVERY_GATE,
      signals: {},
      configured: new Set(['tests']),
      errors: [{ signal: 'tests', path: 'junit.xml', message: 'invalid XML' }],
      patch: { diffGiven: false },
    });
    const report = broken.find((g) => g.id === 'tests.report')!;
    expect(report.unit).toBeUndefined();
    expect(report.direction).toBeUndefined();
    expect(gateMeasure('tests.report')).toBeUndefined();
    expect(gateMeasure('constructor')).toBeUndefined();
  });
});

describe('reading a report written before gates carried their unit', () => {
  it('fills them from each gate’s kind and keeps any the report has', () => {
    const current = sampleReport();
    const old = { ...current, gates: current.gates.map(({ unit: _u, direction: _d, ...g }) => g) };
    expect(old.gates[0]).not.toHaveProperty('unit');
    expect(parseReportJson(old, 'old.json').gates).toEqual(current.gates);
    const stated = { ...old.gates[0]!, id: 'coverage.lines', unit: 'count' as const };
    expect(withMeasure(stated)).toBe(stated);
    const unknown = { id: 'someone.elses', level: null, status: 'pass' as const, actual: 1, threshold: 2, message: '' };
    expect(withMeasure(unknown)).toEqual(unknown);
  });
});
