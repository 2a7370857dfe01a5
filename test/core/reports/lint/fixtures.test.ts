import { describe, expect, it } from 'vitest';
import type { LintFinding } from '../../../../src/core/model.js';
import { ruffJson } from '../../../../src/core/reports/lint/ruff-json.js';
import { parseFixture, parseWith, textSource } from '../../../helpers/parse.js';
import { ruffSnapshotBody } from './ruff-snapshot.js';

function totals(findings: readonly LintFinding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.severity] = (out[f.severity] ?? 0) + 1;
  return out;
}

// The totals each tool printed (see the README beside each fixture).
describe('lint fixtures: exact totals', () => {
  it.each([
    // ESLint: "10 problems (5 errors, 5 warnings)": 9 results + the parse error ESLint's SARIF formatter
    // puts in toolConfigurationNotifications; the suppressed no-console result does not count.
    ['sarif/eslint-sarif.sarif', 'sarif', { error: 5, warning: 5 }],
    // Flawfinder: 7 hits; levels 4-5 error, 3 warning, 2 note.
    ['sarif/flawfinder.sarif', 'sarif', { error: 4, warning: 1, note: 2 }],
    // clang: "3 warnings generated." (results have no level: SARIF's default warning).
    ['sarif/clang-analyzer.sarif', 'sarif', { warning: 3 }],
    ['checkstyle/shellcheck.checkstyle.xml', 'checkstyle', { error: 6, warning: 7, note: 5 }],
    // phpcs: "A TOTAL OF 17 ERRORS AND 1 WARNING WERE FOUND IN 2 FILES".
    ['checkstyle/phpcs.checkstyle.xml', 'checkstyle', { error: 17, warning: 1 }],
    // pylint: 19 convention + 4 refactor + 10 warning = 33 warnings; 4 errors.
    ['pylint-json/pylint.json', 'pylint-json', { error: 4, warning: 33 }],
    ['shellcheck-json/shellcheck.json', 'shellcheck-json', { error: 6, warning: 7, note: 5 }],
    ['shellcheck-json/shellcheck.json1.json', 'shellcheck-json', { error: 6, warning: 7, note: 5 }],
    ['compiler-text/shellcheck-gcc.txt', 'compiler-text', { error: 6, warning: 7, note: 5 }],
    // gcc -fdiagnostics-format=json: 1 error, 7 warnings, 2 child notes.
    ['compiler-text/gcc-wall-wextra.txt', 'compiler-text', { error: 1, warning: 7, note: 2 }],
    ['compiler-text/gcc-wall-wextra-C-locale.txt', 'compiler-text', { error: 1, warning: 7, note: 2 }],
    // mypy: "Found 6 errors in 2 files" plus 1 note.
    ['compiler-text/mypy.txt', 'compiler-text', { error: 6, note: 1 }],
    // tsc --pretty true: "Found 8 errors in 2 files."
    ['compiler-text/tsc-noemit-pretty-false.txt', 'compiler-text', { error: 8 }],
    ['eslint-json/eslint9-flat.json', 'eslint-json', { error: 5, warning: 5 }],
    ['eslint-json/eslint8-eslintrc.json', 'eslint-json', { error: 5, warning: 5 }],
    // golangci-lint golden file: 22 issues, 21 with an empty Severity (error, as its printers say), 1 warning.
    ['golangci-lint/golden-json.json', 'golangci-lint-json', { error: 21, warning: 1 }],
  ])('%s', async (file, format, expected) => {
    const { data, format: detected } = await parseFixture('lint', file);
    expect(detected).toBe(format);
    expect(totals(data.findings)).toEqual(expected);
  });

  it.each([
    ['ruff-json/ruff_linter__message__json__tests__output.snap', 3],
    ['ruff-json/ruff_linter__message__json__tests__syntax_errors.snap', 2],
    ['ruff-json/ruff_linter__message__json__tests__notebook_output.snap', 3],
  ])('%s: every ruff diagnostic is an error', async (file, errors) => {
    const data = await parseWith(ruffJson, textSource(ruffSnapshotBody(file)));
    expect(totals(data.findings)).toEqual({ error: errors });
  });
});

describe('lint fixtures: locations, rules and help links', () => {
  it('SARIF: ESLint absolute file URIs become repo-relative with the run prefix stripped', async () => {
    const { data } = await parseFixture('lint', 'sarif/eslint-sarif.sarif', { stripPrefixes: ['/tmp/fx-js/es'] });
    const parse = data.findings.find((f) => f.rule === 'ESL0999')!;
    expect(parse).toMatchObject({ path: 'src/broken.js', line: 1, column: 29, severity: 'error', message: 'Parsing error: Unexpected token {' });
    // src/report.js: the no-console on line 3 carries an inSource suppression and is dropped.
    expect(data.findings.filter((f) => f.path === 'src/report.js').map((f) => `${f.line} ${f.rule}`)).toEqual(['5 eqeqeq', '6 no-console']);
    expect(data.findings.find((f) => f.rule === 'prefer-const')!.helpUri).toBe('https://eslint.org/docs/latest/rules/prefer-const');
  });

  it('SARIF: flawfinder relative URIs with an undefined uriBaseId stay repo-relative', async () => {
    const { data } = await parseFixture('lint', 'sarif/flawfinder.sarif');
    expect([...new Set(data.findings.map((f) => f.path))].sort()).toEqual(['src/copy.c', 'src/net/read.c']);
    expect(data.findings.find((f) => f.rule === 'FF1001')).toMatchObject({ path: 'src/copy.c', line: 7, severity: 'error', tool: 'Flawfinder' });
  });

  it('pylint columns become 1-based; ruff keeps its url and marks notebook cells', async () => {
    const { data } = await parseFixture('lint', 'pylint-json/pylint.json');
    expect(data.findings[0]).toMatchObject({ path: 'inventory/report.py', line: 5, column: 13, rule: 'invalid-name' });
    const ruff = await parseWith(ruffJson, textSource(ruffSnapshotBody('ruff-json/ruff_linter__message__json__tests__notebook_output.snap')));
    expect(ruff.findings[1]).toMatchObject({ path: 'notebook.ipynb', line: 2, column: 8, rule: 'F401', message: '`math` imported but unused (cell 2)', helpUri: 'https://docs.astral.sh/ruff/rules/unused-import' });
    const syntax = await parseWith(ruffJson, textSource(ruffSnapshotBody('ruff-json/ruff_linter__message__json__tests__syntax_errors.snap')));
    expect(syntax.findings.map((f) => f.rule)).toEqual(['syntax-error', 'syntax-error']);
  });

  it('compiler text: trailing [code] becomes the rule; caret and context lines are skipped', async () => {
    const { data } = await parseFixture('lint', 'compiler-text/gcc-wall-wextra-C-locale.txt');
    expect(data.findings.map((f) => `${f.line}:${f.column ?? ''} ${f.severity} ${f.rule ?? '-'}`)).toEqual([
      '8:11 warning -Wsign-compare',
      '17:14 warning -Wformat=',
      '18:12 error -',
      '18:12 note -',
      '7:9 warning -Wunused-variable',
      '5:40 warning -Wunused-parameter',
      '12:9 warning -Wimplicit-fallthrough=',
      '13:5 note -',
      '19:1 warning -Wreturn-type',
      '3:12 warning -Wunused-function',
    ]);
    const tsc = await parseFixture('lint', 'compiler-text/tsc-noemit-pretty-false.txt');
    expect(tsc.data.findings[4]).toMatchObject({ path: 'src/index.ts', line: 16, column: 14, rule: 'TS2322' });
    const mypy = await parseFixture('lint', 'compiler-text/mypy.txt');
    expect(mypy.data.findings[0]).toMatchObject({ path: 'shop/core/cart.py', line: 23, rule: 'union-attr', message: 'Item "None" of "Optional[Item]" has no attribute "name"' });
  });

  it('checkstyle: entity-encoded attributes are decoded; shellcheck json and json1 agree', async () => {
    const { data } = await parseFixture('lint', 'checkstyle/shellcheck.checkstyle.xml');
    expect(data.findings[0]).toMatchObject({ path: 'scripts/deploy.sh', line: 4, column: 12, rule: 'ShellCheck.SC2035', message: "Use ./*glob* or -- *glob* so names with dashes won't become options." });
    const a = await parseFixture('lint', 'shellcheck-json/shellcheck.json');
    const b = await parseFixture('lint', 'shellcheck-json/shellcheck.json1.json');
    expect(a.data.findings).toEqual(b.data.findings);
  });
});
