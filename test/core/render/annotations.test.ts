import { describe, expect, it } from 'vitest';
import { assignFingerprints } from '../../../src/core/fingerprint.js';
import { emptyTests } from '../../../src/core/model.js';
import { buildAnnotations } from '../../../src/core/render/annotations.js';
import { reportFrom } from '../../helpers/report.js';
import { finding, lintFinding } from '../../helpers/signals.js';

describe('buildAnnotations', () => {
  it('places test failures, lint findings and located audit findings on their lines', () => {
    const tests = emptyTests();
    tests.total = tests.failed = 2;
    tests.failures.push({
      name: 'adds',
      suite: 'math',
      file: 'src/math.test.ts',
      line: 12,
      message: 'expected 3 to be 4',
      kind: 'failure',
    });
    tests.failures.push({ name: 'no location', message: 'boom', kind: 'error' });
    const lint = assignFingerprints([
      {
        ...lintFinding('src/a.ts', 3, 'warning', 'no-unused-vars', "'x' is unused"),
        column: 7,
        endLine: 3,
        endColumn: 8,
      },
      { ...lintFinding('src/b.ts', 5, 'error'), endLine: 9, column: 2 },
      lintFinding('/abs/outside.ts', 1, 'error'),
    ]);
    const audit = {
      findings: [
        { ...finding('GHSA-1', 'high', 'lodash'), path: 'package-lock.json', line: 40 },
        finding('GHSA-2', 'low'),
      ],
    };
    const report = reportFrom(
      { tests, lint: { findings: lint }, audit },
      { levels: { x: { tests: { max_failed: 0 } } } },
    );
    expect(buildAnnotations(report)).toEqual([
      {
        path: 'src/math.test.ts',
        start_line: 12,
        end_line: 12,
        annotation_level: 'failure',
        title: 'Test failed: math › adds',
        message: 'expected 3 to be 4',
      },
      {
        path: 'src/a.ts',
        start_line: 3,
        end_line: 3,
        start_column: 7,
        end_column: 8,
        annotation_level: 'warning',
        title: 'eslint: no-unused-vars',
        message: "'x' is unused",
      },
      {
        path: 'src/b.ts',
        start_line: 5,
        end_line: 9,
        annotation_level: 'failure',
        title: 'eslint: no-x',
        message: 'bad',
      },
      {
        path: 'package-lock.json',
        start_line: 40,
        end_line: 40,
        annotation_level: 'failure',
        title: 'high vulnerability GHSA-1 in lodash',
        message: 'GHSA-1 title',
      },
    ]);
  });

  it('bounds titles and messages to GitHub limits', () => {
    const tests = emptyTests();
    tests.total = tests.failed = 1;
    tests.failures.push({
      name: 'n'.repeat(1_000),
      file: 'a.ts',
      line: 1,
      message: '€'.repeat(70_000),
      kind: 'failure',
    });
    const [a] = buildAnnotations(reportFrom({ tests }, { levels: { x: {} } }));
    expect(a!.title.length).toBeLessThanOrEqual(255);
    expect(Buffer.byteLength(a!.message)).toBeLessThanOrEqual(64 * 1024);
  });
});
