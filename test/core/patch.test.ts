import { describe, expect, it } from 'vitest';
import { CoverageTable } from '../../src/core/coverage/table.js';
import { addedLinesFromDiff } from '../../src/core/diff.js';
import { measurePatch } from '../../src/core/patch.js';

const COUNT = { unreported: 'count', exclude: [] } as const;

function table(): CoverageTable {
  const t = new CoverageTable();
  const f = t.file('src/cart.ts');
  f.addLine(10, 1);
  f.addLine(11, 0);
  f.addLine(12, 3);
  return t;
}

describe('measurePatch', () => {
  it('counts the coverable added lines of reported files', () => {
    const m = measurePatch(table(), new Map([['src/cart.ts', [10, 11, 13]]]), COUNT);
    expect(m).toEqual({
      counter: { covered: 1, total: 2 },
      unreported: [],
      unmeasurable: [],
      files: [{ path: 'src/cart.ts', total: 2, covered: 1, uncovered: [[11, 11]], lines: { covered: 2, total: 3 } }],
    });
  });

  it('counts a changed source file the report does not list as uncovered, and names it', () => {
    const added = new Map([
      ['src/cart.ts', [10, 12]],
      ['src/new-feature.ts', [1, 2, 3, 4]],
      ['src/small.ts', [7]],
    ]);
    const m = measurePatch(table(), added, COUNT);
    expect(m.counter).toEqual({ covered: 2, total: 7 });
    expect(m.unreported).toEqual([
      { path: 'src/new-feature.ts', lines: 4 },
      { path: 'src/small.ts', lines: 1 },
    ]);
  });

  it('does not count test files, files of other kinds, or excluded globs', () => {
    const added = new Map([
      ['src/cart.test.ts', [1, 2]],
      ['test/helpers/util.ts', [1]],
      ['src/__tests__/a.ts', [1]],
      ['README.md', [1, 2, 3]],
      ['.github/workflows/ci.yml', [4]],
      ['Makefile', [1]],
      ['src/types.d.ts', [1]],
      ['src/generated/api.ts', [1, 2]],
    ]);
    const m = measurePatch(table(), added, { unreported: 'count', exclude: ['src/generated/**'] });
    expect(m).toEqual({ counter: undefined, unreported: [], unmeasurable: [], files: [] });
  });

  it('leaves unreported files out when the policy says ignore', () => {
    const m = measurePatch(
      table(),
      new Map([
        ['src/new.ts', [1, 2]],
        ['src/cart.ts', [11]],
      ]),
      { unreported: 'ignore', exclude: [] },
    );
    expect(m).toEqual({
      counter: { covered: 0, total: 1 },
      unreported: [],
      unmeasurable: [],
      files: [{ path: 'src/cart.ts', total: 1, covered: 0, uncovered: [[11, 11]], lines: { covered: 2, total: 3 } }],
    });
  });

  it('excludes reported files matched by exclude too', () => {
    const m = measurePatch(table(), new Map([['src/cart.ts', [11]]]), { unreported: 'count', exclude: ['src/*.ts'] });
    expect(m.counter).toBeUndefined();
  });

  it('calls changed files unmeasurable when the report has totals only for them, instead of passing them', () => {
    const t = new CoverageTable();
    t.file('lib/a.py').summary = { lines: { covered: 1, total: 2 } };
    const m = measurePatch(
      t,
      new Map([
        ['lib/a.py', [1]],
        ['lib/b.py', [1]],
        ['docs/x.md', [1]],
        ['tests/test_a.py', [1]],
      ]),
      COUNT,
    );
    // The listed file has no lines to look up; the new one looks like the report's files, which
    // have no per-line data to compare it with; docs and tests are not code the report covers.
    expect(m).toEqual({ counter: undefined, unreported: [], unmeasurable: ['lib/a.py', 'lib/b.py'], files: [] });
  });

  it('counts only the code lines of a new file from a real diff shape', () => {
    const diff = [
      'diff --git a/src/new.ts b/src/new.ts',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/src/new.ts',
      '@@ -0,0 +1,9 @@',
      '+// A new module.',
      '+/**',
      '+ * Docs.',
      '+ */',
      '+export function f(x: number) {',
      '+',
      '+  return x * 2; // doubled',
      '+}',
      '+/* one-line */ export const y = 1;',
      '',
    ].join('\n');
    const added = addedLinesFromDiff(diff);
    expect(added.get('src/new.ts')).toEqual([5, 7, 8, 9]);
    expect(measurePatch(table(), added, COUNT)).toEqual({
      counter: { covered: 0, total: 4 },
      unreported: [{ path: 'src/new.ts', lines: 4 }],
      unmeasurable: [],
      files: [
        {
          path: 'src/new.ts',
          total: 4,
          covered: 0,
          uncovered: [
            [5, 5],
            [7, 9],
          ],
          unreported: true,
        },
      ],
    });
  });
});
