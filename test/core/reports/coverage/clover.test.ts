import { describe, expect, it } from 'vitest';
import { clover } from '../../../../src/core/reports/coverage/clover.js';
import { parseFixture, parseWith, textSource } from '../../../helpers/parse.js';

// Ground truth: test/fixtures/clover/README.md (what each tool printed).
describe('clover: real tool output', () => {
  it.each([
    // istanbul puts its line counts in "statements" (it printed Statements 34/65 and Lines 33/56 for
    // jest, 31/62 and 30/53 for vitest): readygate reports lines, which match.
    ['clover/jest-istanbul.clover.xml', '/tmp/fx-js/jt', { covered: 33, total: 56 }],
    ['clover/vitest-istanbul.clover.xml', '/tmp/fx-js/vt', { covered: 30, total: 53 }],
    ['clover/vitest-v8.clover.xml', '/tmp/fx-js/vt', { covered: 30, total: 53 }],
  ])('%s matches the lines, branches and functions istanbul printed', async (file, root, lines) => {
    const { data, format } = await parseFixture('coverage', file, { root });
    expect(format).toBe('clover');
    expect(data.table.totals()).toEqual({ lines, branches: { covered: 26, total: 54 }, functions: { covered: 9, total: 11 } });
    expect([...data.table.files.keys()].sort()).toEqual(['src/lib/version.js', 'src/math.js', 'src/strings.js']);
  });

  it('PHPUnit with Xdebug: absolute file names, branches from the per-file metrics', async () => {
    const { data } = await parseFixture('coverage', 'clover/phpunit-clover.xml', { root: '/tmp/fx-deb/php' });
    // PHPUnit printed Lines 13/19 and Branches 16/22. Methods: it printed 3/6 (fully covered methods,
    // also its coveredmethods metrics); the method lines say 5 of 6 were entered, which is what the
    // functions metric means in every format.
    expect(data.table.totals()).toEqual({ lines: { covered: 13, total: 19 }, branches: { covered: 16, total: 22 }, functions: { covered: 5, total: 6 } });
    expect(data.table.files.get('src/Util/Text.php')?.branches()).toEqual({ covered: 6, total: 7 });
  });

  it('PHPUnit with PCOV: conditionals="0" everywhere means branches unknown, not 0%', async () => {
    const { data } = await parseFixture('coverage', 'clover/phpunit-pcov-clover.xml', { root: '/tmp/fx-deb/php' });
    // Printed: Lines 13/19, Methods 3/6 (fully covered; 5 entered), no branch line at all.
    expect(data.table.totals()).toEqual({ lines: { covered: 13, total: 19 }, branches: undefined, functions: { covered: 5, total: 6 } });
  });

  it('keeps per-line data for patch coverage (method lines are not lines)', async () => {
    const { data } = await parseFixture('coverage', 'clover/phpunit-clover.xml', { root: '/tmp/fx-deb/php' });
    const calc = data.table.files.get('src/Calc.php')!;
    expect(calc.isCoverable(8)).toBe(false); // <line num="8" type="method">
    expect(calc.isCoverable(16) && !calc.isCovered(16)).toBe(true);
  });
});

describe('clover: edge cases', () => {
  it('skips <testproject> and refuses metrics that cover more than they count', async () => {
    const doc = (metrics: string) =>
      `<coverage generated="1"><project><file name="/repo/a.php"><line num="1" type="stmt" count="1"/><metrics ${metrics}/></file></project>` +
      '<testproject><file name="/repo/t.php"><line num="1" type="stmt" count="1"/></file></testproject></coverage>';
    const data = await parseWith(clover, textSource(doc('conditionals="2" coveredconditionals="1"')));
    expect([...data.table.files.keys()]).toEqual(['a.php']);
    expect(data.table.totals().branches).toEqual({ covered: 1, total: 2 });
    await expect(parseWith(clover, textSource(doc('methods="1" coveredmethods="2"'), 'c.xml'))).rejects.toThrow('c.xml:1: <metrics> coveredmethods="2" is more than the total 1');
  });

  it('refuses a file without a path and a line without a number', async () => {
    await expect(parseWith(clover, textSource('<coverage generated="1"><project><file/></project></coverage>'))).rejects.toThrow('<file> has neither a path nor a name attribute');
    await expect(parseWith(clover, textSource('<coverage generated="1"><project><file name="a"><line count="1"/></file></project></coverage>'))).rejects.toThrow(
      '<line> num is missing: expected a line number between 1 and 10000000',
    );
  });
});
