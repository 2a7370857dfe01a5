import { describe, expect, it } from 'vitest';
import { buildAnnotations, PATCH_ANNOTATIONS_MAX } from '../../../src/core/render/annotations.js';
import type { ReportV1 } from '../../../src/core/report-schema.js';
import type { ReportPatch } from '../../../src/core/patch-report.js';

type Gate = ReportV1['gates'][number];
const gate = (level: string, status: Gate['status']): Gate => ({
  id: 'coverage.patch',
  level,
  status,
  actual: 50,
  threshold: 80,
  message: 'patch',
});

function report(patch: ReportPatch, gates: Gate[], required = 'beta'): ReportV1 {
  return {
    schema: 'readygate/report@1',
    tool: { name: 'readygate', version: '0' },
    verdict: 'fail',
    level: null,
    required,
    mode: 'enforce',
    signals: { coverage: { files: 1, patch } },
    gates: [{ ...gate('mvp', 'pass'), id: 'tests.pass_rate' }, ...gates],
    errors: [],
    notices: [],
    reports: [],
  };
}

const PATCH: ReportPatch = {
  covered: 2,
  total: 7,
  files: [
    {
      path: 'src/cart.js',
      total: 5,
      covered: 1,
      uncovered: [
        [14, 17],
        [22, 22],
      ],
    },
    { path: 'src/new.js', total: 2, covered: 0, uncovered: [[1, 2]], unreported: true },
    { path: '/abs/elsewhere.js', total: 1, covered: 0, uncovered: [[3, 3]] },
  ],
};

const patchNotices = (r: ReportV1, mode?: 'auto' | 'on' | 'off') =>
  buildAnnotations(r, mode && { patchLines: mode }).filter((a) => a.annotation_level === 'notice');

describe('annotations on changed lines no test ran', () => {
  it('one notice per range of consecutive lines, on repository paths only', () => {
    const notices = patchNotices(report(PATCH, [gate('beta', 'fail')]));
    expect(notices.map((a) => [a.path, a.start_line, a.end_line])).toEqual([
      ['src/cart.js', 14, 17],
      ['src/cart.js', 22, 22],
      ['src/new.js', 1, 2],
    ]);
    expect(notices[0]!.message).toBe('Lines 14-17 are added by this change and no test ran them.');
    expect(notices[1]!.message).toBe('Line 22 is added by this change and no test ran it.');
    expect(notices[2]!.title).toBe('Changed lines in a file the coverage report does not list');
  });

  it('auto: only when the patch gate fails at the required level or below', () => {
    expect(patchNotices(report(PATCH, [gate('beta', 'pass')]))).toHaveLength(0);
    // Failing only at a level above the required one does not block: no notices.
    expect(patchNotices(report(PATCH, [gate('beta', 'pass'), gate('production', 'fail')]))).toHaveLength(0);
    expect(patchNotices(report(PATCH, [gate('mvp', 'fail')]))).toHaveLength(3);
  });

  it('on and off override the gate', () => {
    expect(patchNotices(report(PATCH, [gate('beta', 'pass')]), 'on')).toHaveLength(3);
    expect(patchNotices(report(PATCH, [gate('beta', 'fail')]), 'off')).toHaveLength(0);
  });

  it(`stops at ${PATCH_ANNOTATIONS_MAX} ranges and says how many more there are`, () => {
    const files: NonNullable<ReportPatch['files']> = Array.from({ length: 4 }, (_, f) => ({
      path: `src/f${f}.js`,
      total: 40,
      covered: 0,
      uncovered: Array.from({ length: 20 }, (_, i): [number, number] => [3 * i + 1, 3 * i + 2]),
    }));
    files[3]!.uncovered_omitted = 5;
    const notices = patchNotices(report({ covered: 0, total: 160, files }, []), 'on');
    expect(notices).toHaveLength(PATCH_ANNOTATIONS_MAX + 1);
    const last = notices.at(-1)!;
    expect(last.title).toBe('More changed lines not covered');
    // 80 ranges listed + 5 the report itself left out, 50 annotated: 35 more, in 2 files.
    expect(last.message).toContain('35 more ranges of changed lines no test ran, in 2 files');
    expect(last.path).toBe('src/f0.js');
  });
});
