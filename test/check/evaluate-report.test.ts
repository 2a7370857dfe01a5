import { describe, expect, it } from 'vitest';
import { evaluateReport, signalsFromReport } from '../../src/check/evaluate-report.js';
import { validateConfig } from '../../src/config/load.js';
import { ReportV1 } from '../../src/core/report-schema.js';
import { sampleReport } from '../github/helpers.js';

const policy = (levels: unknown, extra: Record<string, unknown> = {}) =>
  validateConfig({ levels, ...extra }, 'test policy');
const withAudit = sampleReport({
  signals: {
    ...sampleReport().signals,
    audit: {
      critical: 0,
      high: 0,
      moderate: 0,
      low: 0,
      info: 0,
      ignored: 1,
      findings: [
        {
          id: 'GHSA-xxxx',
          aliases: [],
          package: 'left-pad',
          severity: 'critical',
          title: 'bad',
          ignored: { reason: 'trust me' },
        },
      ],
    },
  },
});

describe('evaluateReport', () => {
  it('discards the artifact verdict and gates and applies the given policy', () => {
    const out = evaluateReport(sampleReport({ verdict: 'pass' }), {
      config: policy({ ready: { tests: { max_failed: 0 } } }),
      version: '0.1.0',
      today: '2026-11-21',
    });
    expect(ReportV1.parse(out)).toEqual(out);
    expect(out.verdict).toBe('fail');
    expect(out.gates.map((g) => [g.id, g.status])).toEqual([['tests.max_failed', 'fail']]);
  });

  it("does not honour audit ignores written by the artifact, only the policy's", () => {
    const strict = evaluateReport(withAudit, {
      config: policy({ ready: { audit: { critical: 0 } } }),
      version: '0.1.0',
      today: '2026-11-21',
    });
    expect(strict.verdict).toBe('fail');
    expect(strict.signals.audit).toMatchObject({ critical: 1, ignored: 0 });
    const ignoring = evaluateReport(withAudit, {
      config: policy(
        { ready: { audit: { critical: 0 } } },
        { audit_ignore: [{ id: 'GHSA-xxxx', reason: 'not reachable' }] },
      ),
      version: '0.1.0',
      today: '2026-11-21',
    });
    expect(ignoring.verdict).toBe('pass');
  });

  it('judges coverage from the totals and keeps the stated file count; compares with a base', () => {
    const out = evaluateReport(sampleReport(), {
      config: policy({ ready: { coverage: { lines: 85, max_drop: 1 } } }),
      version: '0.1.0',
      today: '2026-11-21',
      base: { source: 'base run', coverage: { lines: { covered: 90, total: 100 } } },
    });
    expect(out.signals.coverage).toEqual({ lines: { covered: 80, total: 100 }, files: 3 });
    expect(out.gates.find((g) => g.id === 'coverage.lines')).toMatchObject({ status: 'fail', actual: 80 });
    expect(out.gates.find((g) => g.id === 'coverage.max_drop')).toMatchObject({ status: 'fail', actual: 10 });
    expect(out.base).toEqual({ source: 'base run' });
  });

  it("turns the artifact's report errors into failed gates", () => {
    const broken = sampleReport({ errors: [{ signal: 'tests', path: 'junit.xml', message: 'invalid XML' }] });
    const out = evaluateReport(broken, {
      config: policy({ ready: { tests: { max_failed: 5 } } }),
      version: '0.1.0',
      today: '2026-11-21',
    });
    expect(out.verdict).toBe('fail');
    expect(out.gates[0]).toMatchObject({ id: 'tests.report', status: 'fail' });
  });

  it('rebuilds model signals from the report', () => {
    const s = signalsFromReport(sampleReport());
    expect(s.coverage?.table.totals().lines).toEqual({ covered: 80, total: 100 });
    expect(s.tests).toMatchObject({ failed: 1, failuresDropped: 0 });
    expect(s.lint?.findings[0]).toMatchObject({ fingerprint: '0123456789abcdef0123' });
  });
});
