import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/load.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import { evaluate, requiredLevel, type EvaluateInput } from '../../../src/core/gates/evaluate.js';
import type { Signal } from '../../../src/core/model.js';
import { coverage, tests } from '../../helpers/signals.js';

const POLICY: ConfigInput = {
  reports: { coverage: ['c'], tests: ['t'] },
  levels: {
    mvp: { tests: { pass_rate: 90 } },
    beta: { coverage: { lines: 70 }, tests: { pass_rate: 100 } },
    production: { coverage: { lines: 85 } },
  },
  require: 'beta',
  branches: { 'release/*': 'production' },
};

function run(overrides: Partial<EvaluateInput> = {}, policy: ConfigInput = POLICY) {
  return evaluate({
    config: validateConfig(policy, 'test'),
    signals: { coverage: coverage({ 'a.ts': [75, 100] }), tests: tests(10, 0) },
    configured: new Set<Signal>(['coverage', 'tests']),
    errors: [],
    patch: { diffGiven: false },
    ...overrides,
  });
}

describe('evaluate', () => {
  it('reaches the highest level whose gates and lower levels pass', () => {
    const ev = run();
    expect(ev.level).toBe('beta');
    expect(ev.required).toBe('beta');
    expect(ev.verdict).toBe('pass');
    expect(ev.gates.find((g) => g.level === 'production')).toMatchObject({
      id: 'coverage.lines',
      status: 'fail',
      actual: 75,
      threshold: 85,
    });
  });

  it('fails when the required level is not reached, and does not skip a failed lower level', () => {
    const ev = run({ signals: { coverage: coverage({ 'a.ts': [99, 100] }), tests: tests(8, 2) } });
    expect(ev.level).toBeNull();
    expect(ev.verdict).toBe('fail');
  });

  it('takes the required level from the target branch', () => {
    expect(run({ branch: 'release/1.2' }).verdict).toBe('fail');
    expect(run({ branch: 'release/1.2' }).required).toBe('production');
    expect(run({ branch: 'main' }).required).toBe('beta');
  });

  it('defaults the required level to the highest one', () => {
    const config = validateConfig({ ...POLICY, require: undefined, branches: {} }, 'test');
    expect(requiredLevel(config, undefined)).toBe('production');
  });

  it('warn mode reports but never fails', () => {
    const ev = run(
      { signals: { coverage: coverage({ 'a.ts': [10, 100] }), tests: tests(1, 9) } },
      { ...POLICY, mode: 'warn' },
    );
    expect(ev.verdict).toBe('warn');
    expect(ev.gates.some((g) => g.status === 'fail')).toBe(false);
    expect(ev.gates.filter((g) => g.status === 'warn').length).toBeGreaterThan(0);
  });

  it('a report error fails every level, whatever the numbers say', () => {
    const ev = run({ errors: [{ signal: 'tests', path: 'junit.xml', message: 'invalid XML: unclosed tag', line: 7 }] });
    expect(ev.level).toBeNull();
    expect(ev.verdict).toBe('fail');
    expect(ev.gates[0]).toEqual({
      id: 'tests.report',
      level: null,
      status: 'fail',
      actual: null,
      threshold: null,
      message: 'junit.xml:7: invalid XML: unclosed tag',
    });
  });

  it('with missing: warn a report error warns instead', () => {
    const ev = run(
      { errors: [{ signal: 'tests', path: 'junit.xml', message: 'file not found' }] },
      { ...POLICY, missing: 'warn' },
    );
    expect(ev.gates[0]!.status).toBe('warn');
    expect(ev.verdict).toBe('pass');
  });

  it('a gate on a signal with no report configured fails and says how to fix it', () => {
    const ev = run({ signals: { tests: tests(10, 0) }, configured: new Set<Signal>(['tests']) });
    const gate = ev.gates.find((g) => g.id === 'coverage.lines' && g.level === 'beta')!;
    expect(gate.status).toBe('fail');
    expect(gate.message).toBe('no line coverage: no coverage report is configured (add reports.coverage)');
    expect(ev.verdict).toBe('fail');
  });

  it('a roadmap-only policy (no levels) gates nothing, so a check fails and says why instead of passing', () => {
    const ev = run({}, { roadmap: { files: ['ROADMAP.md'] } });
    expect(ev.verdict).toBe('fail');
    expect(ev.level).toBeNull();
    expect(ev.gates).toEqual([expect.objectContaining({ id: 'policy.levels', status: 'fail', level: null })]);
  });
});
