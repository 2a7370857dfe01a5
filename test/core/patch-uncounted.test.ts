/**
 * uncountedChangedCode: a report's patch that leaves changed code uncounted is refused from the
 * report's own file lists; what readygate itself writes for a change is never refused with its
 * per-line data.
 */
import { describe, expect, it } from 'vitest';
import { CoverageTable } from '../../src/core/coverage/table.js';
import type { Evaluation } from '../../src/core/gates/evaluate.js';
import type { AddedLines } from '../../src/core/diff.js';
import { measurePatch, type PatchOptions } from '../../src/core/patch.js';
import { patchToReport } from '../../src/core/patch-report.js';
import { uncountedChangedCode } from '../../src/core/patch-uncounted.js';
import { buildReport } from '../../src/core/report.js';
import type { ReportV1 } from '../../src/core/report-schema.js';

type Coverage = NonNullable<ReportV1['signals']['coverage']>;
const COUNT: PatchOptions = { unreported: 'count', exclude: [] };
const BY_FILE: Coverage['by_file'] = [
  ['src/math.js', 2, 4],
  ['src/types.js', 0, 0],
  ['src/util.js', 78, 96],
];
const zero = (extra: Partial<Coverage> = {}): Coverage => ({
  files: 3,
  lines: { covered: 80, total: 100 },
  patch: { covered: 0, total: 0 },
  ...extra,
});
const adds = (...paths: string[]): AddedLines => new Map(paths.map((p) => [p, [2, 3]]));

describe('uncountedChangedCode', () => {
  it.each<[string, Coverage, AddedLines, PatchOptions, RegExp | undefined]>([
    ['docs only, bare counter', zero({ by_file: BY_FILE }), adds('docs/a.md', 'README'), COUNT, undefined],
    [
      'a listed code file, bare counter',
      zero({ by_file: BY_FILE }),
      adds('docs/a.md', 'src/math.js'),
      COUNT,
      /^lists src\/math\.js with 4 coverable line\(s\) and the pull request adds 2 line\(s\) to src\/math\.js, but its patch counter is 0 of 0 and it carries no per-line data to measure it again$/,
    ],
    ['a listed file with no coverable line at all', zero({ by_file: BY_FILE }), adds('src/types.js'), COUNT, undefined],
    [
      'an unlisted file of a code extension',
      zero({ by_file: BY_FILE }),
      adds('src/new.js'),
      COUNT,
      /^lists code files ending in \.js \(src\/math\.js\) and the pull request adds 2 line\(s\) to src\/new\.js, which it does not list/,
    ],
    ['an unlisted test file', zero({ by_file: BY_FILE }), adds('src/new.test.js', 'test/x.js'), COUNT, undefined],
    [
      'an unlisted file, unreported: ignore',
      zero({ by_file: BY_FILE }),
      adds('src/new.js'),
      { unreported: 'ignore', exclude: [] },
      undefined,
    ],
    [
      'a listed file, unreported: ignore',
      zero({ by_file: BY_FILE }),
      adds('src/math.js'),
      { unreported: 'ignore', exclude: [] },
      /^lists src\/math\.js/,
    ],
    [
      'a listed file the policy excludes',
      zero({ by_file: BY_FILE }),
      adds('src/math.js'),
      { unreported: 'count', exclude: ['src/math.*'] },
      undefined,
    ],
    ['a file with no added line', zero({ by_file: BY_FILE }), new Map([['src/math.js', []]]), COUNT, undefined],
    [
      'a counter that counts something',
      zero({ by_file: BY_FILE, patch: { covered: 1, total: 2 } }),
      adds('src/new.js'),
      COUNT,
      undefined,
    ],
    [
      'no file list, bare counter: even docs',
      zero(),
      adds('docs/a.md'),
      COUNT,
      /^has no per-line data and no file list \(coverage\.by_file\), and the pull request adds 2 line\(s\) to docs\/a\.md: .* patch\.exclude in the policy\)$/,
    ],
    ['no file list, bare counter: test files say nothing', zero(), adds('test/a.js'), COUNT, undefined],
    ['no coverage patch at all (checked elsewhere)', { files: 1 }, adds('src/math.js'), COUNT, undefined],
  ])('%s', (_kind, coverage, added, options, expected) => {
    const why = uncountedChangedCode(coverage, added, options);
    if (expected) expect(why).toMatch(expected);
    else expect(why).toBeUndefined();
  });

  describe('with per-line data', () => {
    const data = (extensions: string[], files: string[] = []) => ({
      covered: 0,
      total: 0,
      line_data: {
        extensions,
        files: files.map((path) => ({ path, covered: [[1, 1]] as [number, number][], uncovered: [] })),
      },
    });
    it.each<[string, Coverage, AddedLines, RegExp | undefined]>([
      [
        'a changed file its data measured (0 coverable added lines)',
        zero({ by_file: BY_FILE, patch: data(['.js'], ['src/math.js']) }),
        adds('src/math.js'),
        undefined,
      ],
      [
        'an unlisted file the re-measure counts as uncovered',
        zero({ by_file: BY_FILE, patch: data(['.js']) }),
        adds('src/new.js'),
        undefined,
      ],
      [
        'a listed file the data leaves out, of an extension it does not name',
        zero({ by_file: BY_FILE, patch: data(['.ts']) }),
        adds('src/math.js'),
        /^lists src\/math\.js with 4 coverable line\(s\) .* but its per-line data leaves it out, so it cannot be measured again$/,
      ],
      [
        'an unlisted code file while no extension has per-line data',
        zero({ by_file: BY_FILE, patch: data([]) }),
        adds('src/new.js'),
        /^lists code files ending in \.js .* \(with no per-line data for any file, readygate writes no patch counter for such a change\)$/,
      ],
      [
        'an unlisted file of a listed extension the data does not name (mixed formats)',
        zero({ by_file: BY_FILE, patch: data(['.ts'], ['src/a.ts']) }),
        adds('src/new.js'),
        undefined,
      ],
      [
        'a listed file the data leaves out, even with a counter above 0',
        zero({ by_file: BY_FILE, patch: { ...data(['.ts']), covered: 1, total: 1 } }),
        adds('src/math.js'),
        /^lists src\/math\.js/,
      ],
      [
        'no file list and no extension with data',
        zero({ patch: data([]) }),
        adds('src/new.js'),
        /^has no per-line data for any file and no file list/,
      ],
      ['no file list, but extensions with data', zero({ patch: data(['.js']) }), adds('docs/a.md'), undefined],
    ])('%s', (_kind, coverage, added, expected) => {
      const why = uncountedChangedCode(coverage, added, COUNT);
      if (expected) expect(why).toMatch(expected);
      else expect(why).toBeUndefined();
    });
  });
});

describe('what readygate writes is never refused with its per-line data', () => {
  /** src/math.js lines 1-4 (1-2 covered); src/util.js line 1; types.js no line. */
  const table = () => {
    const t = new CoverageTable();
    for (const [line, hits] of [
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 0],
    ] as const)
      t.file('src/math.js').addLine(line, hits);
    t.file('src/util.js').addLine(1, 1);
    return t;
  };
  /** The coverage section of the report check mode writes for `added`. */
  const written = (added: AddedLines, options: PatchOptions): Coverage => {
    const t = table();
    const patch = patchToReport(measurePatch(t, added, options), t, added, []);
    const evaluation: Evaluation = { verdict: 'pass', level: null, required: 'x', gates: [] };
    const report = buildReport({
      version: '0',
      evaluation,
      mode: 'enforce',
      signals: { coverage: { table: t } },
      ...(patch && { patch }),
      errors: [],
      notices: [],
      reports: [],
    });
    return report.signals.coverage!;
  };

  it.each<[string, AddedLines]>([
    ['docs only', new Map([['docs/guide.md', [1, 2]]])],
    ['lines of a listed file that are not coverable', new Map([['src/math.js', [9, 10]]])],
    ['covered and uncovered lines', new Map([['src/math.js', [2, 3]]])],
    ['a new file no test loads', new Map([['src/new.js', [1, 2, 3]]])],
    [
      'a test file and docs',
      new Map([
        ['src/math.test.js', [1]],
        ['README.md', [4]],
      ]),
    ],
  ])('%s', (_kind, added) => {
    for (const options of [
      COUNT,
      { unreported: 'ignore', exclude: [] } as PatchOptions,
      { unreported: 'count', exclude: ['src/**'] } as PatchOptions,
    ]) {
      const coverage = written(added, options);
      expect(coverage.patch?.line_data).toBeDefined();
      expect(uncountedChangedCode(coverage, added, options)).toBeUndefined();
    }
  });

  it('without its per-line data, 0 of 0 on a listed code file is refused: only the data could show the lines are not coverable', () => {
    const added = new Map([['src/math.js', [9, 10]]]);
    const { line_data: _dropped, ...patch } = written(added, COUNT).patch!;
    expect(patch).toMatchObject({ covered: 0, total: 0 });
    expect(uncountedChangedCode({ ...written(added, COUNT), patch }, added, COUNT)).toMatch(
      /^lists src\/math\.js with 4 coverable line\(s\)/,
    );
  });
});
