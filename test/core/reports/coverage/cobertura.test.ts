import { describe, expect, it } from 'vitest';
import { cobertura } from '../../../../src/core/reports/coverage/cobertura.js';
import { parseFixture, parseWith, textSource } from '../../../helpers/parse.js';

// Ground truth: test/fixtures/cobertura/README.md (what each tool printed). Each run's root is the
// absolute project folder the tool ran in, so absolute <source>s map to repo-relative paths.
describe('cobertura: real tool output', () => {
  it('coverage.py 6.5: <source> is the project root, filenames relative to it', async () => {
    const { data, format } = await parseFixture('coverage', 'cobertura/coveragepy.xml', { root: '/tmp/fx-deb/py' });
    expect(format).toBe('cobertura');
    // `coverage report`: Stmts 39, Miss 7, Branch 22, BrPart 4 (coverage json: 32/39 lines, 16/22 branches).
    expect(data.table.totals()).toEqual({ lines: { covered: 32, total: 39 }, branches: { covered: 16, total: 22 }, functions: undefined });
    expect(data.table.files.get('acme/calc.py')?.lines()).toEqual({ covered: 19, total: 25 });
    expect(data.table.files.get('acme/util/text.py')?.branches()).toEqual({ covered: 7, total: 8 });
  });

  it('gcovr 5.2: <source> is ".", functions unknown', async () => {
    const { data } = await parseFixture('coverage', 'cobertura/gcovr-cobertura.xml', { root: '/tmp/fx-deb/c' });
    // gcovr printed lines 21/29, branches 10/18 and functions 4/5. The functions exist only as the
    // root's functions-valid/functions-covered (every <methods/> is empty), which no file can be
    // credited with, so functions are unknown rather than a made-up 0.
    expect(data.table.totals()).toEqual({ lines: { covered: 21, total: 29 }, branches: { covered: 10, total: 18 }, functions: undefined });
    expect([...data.table.files.keys()].sort()).toEqual(['src/lib/mathx.c', 'src/main.c']);
  });

  it.each([
    ['cobertura/jest-istanbul.cobertura.xml', '/tmp/fx-js/jt', { covered: 33, total: 56 }],
    ['cobertura/vitest-v8.cobertura.xml', '/tmp/fx-js/vt', { covered: 30, total: 53 }],
  ])('%s: istanbul lines and functions as printed, branches as written per line', async (file, root, lines) => {
    const { data } = await parseFixture('coverage', file, { root });
    // istanbul printed branches 26/54 (also the root's branches-valid), but its Cobertura writer puts
    // branches only on lines that have a statement and drops the rest (src/lib/version.js lines 12,
    // 13 and 32 in the vitest run): the per-line data holds 23/51, and that is what the file can back.
    expect(data.table.totals()).toEqual({ lines, branches: { covered: 23, total: 51 }, functions: { covered: 9, total: 11 } });
    expect([...data.table.files.keys()].sort()).toEqual(['src/lib/version.js', 'src/math.js', 'src/strings.js']);
  });

  it.each(['cobertura/phpunit-cobertura.xml', 'cobertura/phpunit-pcov-cobertura.xml'])(
    '%s: PHPUnit <source> is src/, branches only at the root are unknown',
    async (file) => {
      const { data } = await parseFixture('coverage', file, { root: '/tmp/fx-deb/php' });
      // PHPUnit printed Lines 13/19 for both runs. Branches 16/22 (Xdebug run) exist only as the root's
      // branches-valid/branches-covered, never per line or per class: unknown, not 0. Methods: PHPUnit
      // printed 3/6, counting only fully covered methods; 5 of the 6 were entered, which is what
      // readygate's functions metric means in every format (lcov FNDA, istanbul f).
      expect(data.table.totals()).toEqual({ lines: { covered: 13, total: 19 }, branches: undefined, functions: { covered: 5, total: 6 } });
      expect([...data.table.files.keys()].sort()).toEqual(['src/Calc.php', 'src/Util/Text.php']);
    },
  );

  it('keeps per-line data for patch coverage', async () => {
    const { data } = await parseFixture('coverage', 'cobertura/coveragepy.xml', { root: '/tmp/fx-deb/py' });
    const added = new Map([['acme/calc.py', [19, 20, 21]]]);
    expect(data.table.patch(added)).toEqual({ covered: 2, total: 3 });
  });

  it('leaves foreign absolute paths absolute, and strips configured prefixes', async () => {
    const { data } = await parseFixture('coverage', 'cobertura/coveragepy.xml', { root: '/repo' });
    expect(data.table.files.has('/tmp/fx-deb/py/acme/calc.py')).toBe(true);
    const stripped = await parseFixture('coverage', 'cobertura/coveragepy.xml', { root: '/repo', stripPrefixes: ['/tmp/fx-deb'] });
    expect(stripped.data.table.files.has('py/acme/calc.py')).toBe(true);
  });
});

describe('cobertura: edge cases', () => {
  const doc = (body: string, sources = '<sources><source>/repo/app</source></sources>') =>
    `<?xml version="1.0"?>\n<coverage line-rate="0.5">${sources}<packages><package name="p"><classes>${body}</classes></package></packages></coverage>`;

  it('uses the first <source> when there are several, and no base when there is none', async () => {
    const two = await parseWith(cobertura, textSource(doc('<class filename="a.py"><lines><line number="1" hits="1"/></lines></class>', '<sources><source>/repo/app</source><source>/repo/lib</source></sources>')));
    expect([...two.table.files.keys()]).toEqual(['app/a.py']);
    const none = await parseWith(cobertura, textSource(doc('<class filename="./x/a.py"><lines><line number="1" hits="0"/></lines></class>', '<sources/>')));
    expect([...none.table.files.keys()]).toEqual(['x/a.py']);
  });

  it('unions a file split over several classes, and ignores method lines as lines', async () => {
    const body =
      '<class filename="a.py"><methods><method name="f" hits="0"><lines><line number="9" hits="0"/></lines></method></methods><lines><line number="1" hits="1"/></lines></class>' +
      '<class filename="a.py"><lines><line number="1" hits="0"/><line number="2" hits="0"/></lines></class>';
    const data = await parseWith(cobertura, textSource(doc(body)));
    expect(data.table.totals()).toEqual({ lines: { covered: 1, total: 2 }, branches: undefined, functions: { covered: 0, total: 1 } });
  });

  it('refuses bad numbers with the XML line', async () => {
    // (number="0" is skipped with a notice: see compat.test.ts.)
    const bad = doc('<class filename="a.py"><lines>\n<line number="-3" hits="1"/></lines></class>');
    await expect(parseWith(cobertura, textSource(bad, 'cov.xml'))).rejects.toThrow('cov.xml:3: <line> number is "-3": expected a line number between 1 and 10000000');
    const hits = doc('<class filename="a.py"><lines><line number="3" hits="-1"/></lines></class>');
    await expect(parseWith(cobertura, textSource(hits, 'cov.xml'))).rejects.toThrow('cov.xml:2: <line> hits="-1" is not a non-negative number');
    const cond = doc('<class filename="a.py"><lines><line number="3" hits="1" branch="true" condition-coverage="lots"/></lines></class>');
    await expect(parseWith(cobertura, textSource(cond, 'cov.xml'))).rejects.toThrow('condition-coverage="lots" is not "N% (covered/total)"');
    const noName = doc('<class name="A"><lines/></class>');
    await expect(parseWith(cobertura, textSource(noName, 'cov.xml'))).rejects.toThrow('<class name="A"> has no filename attribute');
  });
});
