import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { istanbulJson } from '../../../../src/core/reports/coverage/istanbul-json.js';
import { istanbulSummary } from '../../../../src/core/reports/coverage/istanbul-summary.js';
import { FIXTURES, parseFixture, parseWith, textSource } from '../../../helpers/parse.js';

// Ground truth: test/fixtures/istanbul-json/README.md and istanbul-summary/README.md (text-summary
// printed by the tool). istanbul's separate Statements figure is not a readygate metric.
const RUNS = [
  ['jest-istanbul', '/tmp/fx-js/jt', { covered: 33, total: 56 }], // Lines 58.92% ( 33/56 )
  ['vitest-v8', '/tmp/fx-js/vt', { covered: 30, total: 53 }], // Lines 56.6% ( 30/53 )
] as const;
const BRANCHES = { covered: 26, total: 54 }; // Branches 48.14% ( 26/54 ) in both runs
const FUNCTIONS = { covered: 9, total: 11 }; // Functions 81.81% ( 9/11 ) in both runs

describe('istanbul coverage-final.json', () => {
  it.each(RUNS)('%s matches the printed totals', async (name, root, lines) => {
    const { data, format } = await parseFixture('coverage', `istanbul-json/${name}.coverage-final.json`, { root });
    expect(format).toBe('istanbul-json');
    expect(data.table.totals()).toEqual({ lines, branches: BRANCHES, functions: FUNCTIONS });
    expect([...data.table.files.keys()].sort()).toEqual(['src/lib/version.js', 'src/math.js', 'src/strings.js']);
    expect(data.table.patch(new Map([['src/math.js', [1, 2, 3]]]))).toBeDefined();
  });

  it('reads the older { "data": FileCoverage } wrapping of the same report', async () => {
    const raw = JSON.parse(readFileSync(`${FIXTURES}istanbul-json/jest-istanbul.coverage-final.json`, 'utf8')) as Record<string, unknown>;
    const wrapped = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, { data: v }]));
    const text = JSON.stringify(wrapped);
    expect(istanbulJson.detect(text)).toBe(true);
    const data = await parseWith(istanbulJson, textSource(text), { root: '/tmp/fx-js/jt' });
    expect(data.table.totals()).toEqual({ lines: RUNS[0][2], branches: BRANCHES, functions: FUNCTIONS });
  });

  it('names the first wrong field', async () => {
    const text = JSON.stringify({ '/repo/a.js': { path: '/repo/a.js', statementMap: {}, s: {}, fnMap: {}, f: { 0: -1 }, branchMap: {}, b: {} } });
    await expect(parseWith(istanbulJson, textSource(text, 'cov.json'))).rejects.toThrow(/^cov\.json: not a valid istanbul coverage-final\.json: .* at \/repo\/a\.js\.f\.0$/);
  });
});

describe('istanbul coverage-summary.json', () => {
  it.each(RUNS)('%s matches the printed totals, with no per-line data', async (name, root, lines) => {
    const { data, format } = await parseFixture('coverage', `istanbul-summary/${name}.coverage-summary.json`, { root });
    expect(format).toBe('istanbul-summary');
    expect(data.table.totals()).toEqual({ lines, branches: BRANCHES, functions: FUNCTIONS });
    const math = data.table.files.get('src/math.js')!;
    expect(math.hasLines).toBe(false);
    expect(data.table.patch(new Map([['src/math.js', [1, 2, 3]]]))).toBeUndefined();
  });

  it('refuses counters that cover more than they count', async () => {
    const c = (covered: number, total: number) => ({ total, covered, skipped: 0, pct: 0 });
    const text = JSON.stringify({ total: { lines: c(1, 1), functions: c(0, 0), branches: c(0, 0) }, 'a.js': { lines: c(5, 2), functions: c(0, 0), branches: c(0, 0) } });
    await expect(parseWith(istanbulSummary, textSource(text, 's.json'))).rejects.toThrow('s.json: not a valid istanbul coverage-summary.json: covered is larger than total at a.js.lines');
  });
});
