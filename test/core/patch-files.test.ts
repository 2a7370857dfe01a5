/**
 * Patch coverage per changed file, on the bundled example (examples/reports/coverage/lcov.info and
 * examples/change.diff). The expected numbers were worked out by hand from those two files:
 *  - src/cart.js adds lines 1, 3 and 31-45; of those, the lcov marks 3, 32-34, 36, 37, 39-42 and 44
 *    coverable (11), and 37, 40, 41, 42 unhit: 7/11, uncovered 37, 40-42.
 *  - src/format.js adds lines 18-29; coverable 19, 20, 22, 23, 25, 26, 28 (7), unhit 20 and 28: 5/7.
 *  - package.json (not a covered extension) and tests/cart.test.js (a test file) are not counted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addedLinesFromDiff } from '../../src/core/diff.js';
import { measurePatch } from '../../src/core/patch.js';
import { patchToReport } from '../../src/core/patch-report.js';
import { PATCH_BOUNDS } from '../../src/core/report-bounds.js';
import { ReportV1 } from '../../src/core/report-schema.js';
import { EXAMPLES, exampleReport } from '../helpers/report.js';
import { CoverageTable } from '../../src/core/coverage/table.js';
import { lcov } from '../../src/core/reports/coverage/lcov.js';
import { parseWith, textSource } from '../helpers/parse.js';

/** A coverage table from hit and missed line numbers per file. */
function tableOf(files: Record<string, { hit?: number[]; missed?: number[] }>): CoverageTable {
  const table = new CoverageTable();
  for (const [path, { hit = [], missed = [] }] of Object.entries(files)) {
    const file = table.file(path);
    for (const line of hit) file.addLine(line, 1);
    for (const line of missed) file.addLine(line, 0);
  }
  return table;
}

const OPTIONS = { unreported: 'count', exclude: [] } as const;

async function exampleTable() {
  const text = readFileSync(resolve(EXAMPLES, 'reports/coverage/lcov.info'));
  return (await parseWith(lcov, textSource(text, 'lcov.info'))).table;
}

describe('patch coverage per changed file', () => {
  it('lists each changed source file of the example with its uncovered added lines, worst first', async () => {
    const added = addedLinesFromDiff(readFileSync(resolve(EXAMPLES, 'change.diff'), 'utf8'));
    const measure = measurePatch(await exampleTable(), added, OPTIONS);
    expect(measure.counter).toEqual({ covered: 12, total: 18 });
    expect(measure.files).toEqual([
      {
        path: 'src/cart.js',
        total: 11,
        covered: 7,
        uncovered: [
          [37, 37],
          [40, 42],
        ],
        lines: { covered: 19, total: 23 },
      },
      {
        path: 'src/format.js',
        total: 7,
        covered: 5,
        uncovered: [
          [20, 20],
          [28, 28],
        ],
        lines: { covered: 14, total: 16 },
      },
    ]);
  });

  it('the demo report carries the files, the whole changed files’ line data, and the change against the base', async () => {
    const patch = (await exampleReport()).signals.coverage!.patch!;
    expect(patch.files!.map((f) => [f.path, f.uncovered])).toEqual([
      [
        'src/cart.js',
        [
          [37, 37],
          [40, 42],
        ],
      ],
      [
        'src/format.js',
        [
          [20, 20],
          [28, 28],
        ],
      ],
    ]);
    // Whole files, not only the changed lines: cart.js has 23 coverable lines, 4 of them unhit.
    const cart = patch.line_data!.files.find((f) => f.path === 'src/cart.js')!;
    expect(cart.uncovered).toEqual([
      [37, 37],
      [40, 42],
    ]);
    expect(cart.covered.reduce((n, [a, b]) => n + b - a + 1, 0)).toBe(19);
    expect(patch.line_data!.extensions).toEqual(['.js']);
  });

  it('a file the report does not list is listed as unreported with all its added code lines', () => {
    const added = new Map([
      ['src/a.ts', [1, 2]],
      ['src/new.ts', [4, 5, 6, 9]],
      ['src/new.test.ts', [1]],
    ]);
    const measure = measurePatch(tableOf({ 'src/a.ts': { hit: [1], missed: [2] } }), added, OPTIONS);
    expect(measure.files).toEqual([
      {
        path: 'src/new.ts',
        total: 4,
        covered: 0,
        uncovered: [
          [4, 6],
          [9, 9],
        ],
        unreported: true,
      },
      { path: 'src/a.ts', total: 2, covered: 1, uncovered: [[2, 2]], lines: { covered: 1, total: 2 } },
    ]);
  });

  it('bounds what the report carries and counts what it left out', () => {
    const files: Record<string, { hit?: number[]; missed?: number[] }> = {};
    const added = new Map<string, number[]>();
    for (let i = 0; i < PATCH_BOUNDS.files + 7; i++) {
      files[`src/f${i}.ts`] = { missed: [1] };
      added.set(`src/f${i}.ts`, [1]);
    }
    // One file with more separate uncovered lines than a file may list: odd lines missed, even hit.
    const many = Array.from({ length: PATCH_BOUNDS.rangesPerFile + 3 }, (_, i) => 2 * i + 1);
    files['src/big.ts'] = { missed: many, hit: many.map((n) => n + 1) };
    added.set('src/big.ts', many);
    const table = tableOf(files);
    const notices: string[] = [];
    const patch = patchToReport(measurePatch(table, added, OPTIONS), table, added, notices)!;
    expect(patch.files).toHaveLength(PATCH_BOUNDS.files);
    expect(patch.files_omitted).toBe(8);
    const big = patch.files!.find((f) => f.path === 'src/big.ts');
    expect(big?.uncovered).toHaveLength(PATCH_BOUNDS.rangesPerFile);
    expect(big?.uncovered_omitted).toBe(3);
    expect(notices).toEqual([]);
    // What is written validates against the report schema.
    const report = { ...JSON.parse(JSON.stringify(sampleShell())), signals: { coverage: { files: 1, patch } } };
    expect(ReportV1.safeParse(report).success).toBe(true);
  });

  it('the report schema refuses impossible patch data', () => {
    const bad = [
      { covered: 3, total: 2 },
      { covered: 1, total: 2, files: [{ path: 'a.ts', total: 1, covered: 2, uncovered: [] }] },
      { covered: 1, total: 2, files: [{ path: 'a.ts', total: 2, covered: 1, uncovered: [[5, 4]] }] },
      {
        covered: 0,
        total: 1,
        line_data: { extensions: [], files: [{ path: 'a.ts', covered: [[0, 1]], uncovered: [] }] },
      },
    ];
    for (const patch of bad) {
      const report = { ...sampleShell(), signals: { coverage: { files: 1, patch } } };
      expect(ReportV1.safeParse(report).success, JSON.stringify(patch)).toBe(false);
    }
  });
});

function sampleShell() {
  return {
    schema: 'readygate/report@1',
    tool: { name: 'readygate', version: '0' },
    verdict: 'pass',
    level: null,
    required: 'x',
    mode: 'enforce',
    signals: {},
    gates: [],
    errors: [],
    notices: [],
    reports: [],
  };
}
