/**
 * A publisher measures patch coverage again from a report's per-line data and the diff it read
 * itself, instead of trusting the report's counter.
 */
import { describe, expect, it } from 'vitest';
import { remeasurePatch, type ReportPatch } from '../../src/core/patch-report.js';

const OPTIONS = { unreported: 'count', exclude: [] } as const;

/** src/math.js: lines 1-4 coverable, 1 and 2 covered. */
const LINE_DATA: ReportPatch['line_data'] = {
  extensions: ['.js'],
  files: [
    {
      path: 'src/math.js',
      covered: [[1, 2]],
      uncovered: [[3, 4]],
    },
  ],
};

describe('remeasurePatch', () => {
  it('judges a report whose counter disagrees with its own line data by the line data, and says so', () => {
    const stated: ReportPatch = { covered: 3, total: 3, line_data: LINE_DATA };
    const added = new Map([['src/math.js', [2, 3, 4]]]);
    const again = remeasurePatch(stated, added, OPTIONS)!;
    expect(again.measure.counter).toEqual({ covered: 1, total: 3 });
    expect(again.measure.files).toEqual([
      { path: 'src/math.js', total: 3, covered: 1, uncovered: [[3, 4]], lines: { covered: 2, total: 4 } },
    ]);
    expect(again.notices).toEqual([
      "the report's patch counter (3/3) disagrees with its own line data measured against the pull request's diff (1/3): judged by the line data",
    ]);
  });

  it('says nothing when the counter and the line data agree', () => {
    const again = remeasurePatch(
      { covered: 1, total: 2, line_data: LINE_DATA },
      new Map([['src/math.js', [2, 3]]]),
      OPTIONS,
    )!;
    expect(again.measure.counter).toEqual({ covered: 1, total: 2 });
    expect(again.notices).toEqual([]);
  });

  it('a changed file missing from the line data counts as a file the coverage report does not list', () => {
    const added = new Map([
      ['src/math.js', [1]],
      ['src/hidden.js', [1, 2, 3]],
      ['src/hidden.test.js', [1]],
    ]);
    const again = remeasurePatch({ covered: 1, total: 1, line_data: LINE_DATA }, added, OPTIONS)!;
    expect(again.measure.counter).toEqual({ covered: 1, total: 4 });
    expect(again.measure.unreported).toEqual([{ path: 'src/hidden.js', lines: 3 }]);
  });

  it('undefined without line data: the caller falls back to checking the counter', () => {
    expect(remeasurePatch({ covered: 1, total: 1 }, new Map([['a.js', [1]]]), OPTIONS)).toBeUndefined();
    expect(remeasurePatch(undefined, new Map([['a.js', [1]]]), OPTIONS)).toBeUndefined();
  });

  it('refuses line data that claims more lines than any change has, before reading it', () => {
    const huge: ReportPatch = {
      covered: 0,
      total: 0,
      line_data: {
        extensions: ['.js'],
        files: Array.from({ length: 3 }, (_, i) => ({ path: `f${i}.js`, covered: [], uncovered: [[1, 9_000_000]] })),
      },
    };
    expect(() => remeasurePatch(huge, new Map([['f0.js', [1]]]), OPTIONS)).toThrow(
      /claims 27,000,000 coverable lines \(at most 20,000,000 are read\)/,
    );
  });
});

describe('a change that adds no coverable line', () => {
  it('still writes a 0/0 counter with line data, so a publisher measures the same nothing', async () => {
    const { patchToReport } = await import('../../src/core/patch-report.js');
    const { measurePatch } = await import('../../src/core/patch.js');
    const { CoverageTable } = await import('../../src/core/coverage/table.js');
    const table = new CoverageTable();
    table.file('src/math.js').addLine(1, 1);
    const added = new Map([['docs/guide.md', [1, 2, 3]]]);
    const patch = patchToReport(measurePatch(table, added, OPTIONS), table, added, [])!;
    expect(patch).toEqual({ covered: 0, total: 0, files: [], line_data: { extensions: ['.js'], files: [] } });
    expect(remeasurePatch(patch, added, OPTIONS)!.notices).toEqual([]);
  });
});
