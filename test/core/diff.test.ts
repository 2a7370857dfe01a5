import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addedLinesFromDiff } from '../../src/core/diff.js';

describe('addedLinesFromDiff', () => {
  it('reads the added lines of a real git diff, per file, without a/ b/ prefixes', () => {
    const added = addedLinesFromDiff(readFileSync(new URL('../../examples/change.diff', import.meta.url), 'utf8'));
    expect([...added.keys()].sort()).toEqual(expect.arrayContaining(['src/cart.js']));
    for (const lines of added.values()) expect(lines.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
  });

  it('skips deleted files and handles new files', () => {
    const diff = [
      'diff --git a/old.ts b/old.ts',
      'deleted file mode 100644',
      '--- a/old.ts',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git a/new.ts b/new.ts',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/new.ts',
      '@@ -0,0 +1,2 @@',
      '+a',
      '+b',
      '',
    ].join('\n');
    expect(addedLinesFromDiff(diff)).toEqual(new Map([['new.ts', [1, 2]]]));
  });

  it('accepts an empty diff and refuses text that is not a diff', () => {
    expect(addedLinesFromDiff('').size).toBe(0);
    expect(() => addedLinesFromDiff('hello\nworld\n', 'x.diff')).toThrow('x.diff is not a unified diff');
  });

  it('drops blank and comment-only added lines, following block comments through context lines', () => {
    const diff = [
      '--- a/x.ts',
      '+++ b/x.ts',
      '@@ -1,4 +1,8 @@',
      ' /*',
      '+ * added inside a comment that opened on a context line',
      '  */',
      '+const a = 1;',
      '+   ',
      '+  #reset() { this.n = 0; }',
      ' code();',
      '+/* closed */ b();',
      '',
    ].join('\n');
    // `#` starts no comment in TypeScript: a private member is code.
    expect(addedLinesFromDiff(diff).get('x.ts')).toEqual([4, 6, 8]);
  });

  it('drops comments only in languages known to write them that way', () => {
    const file = (name: string) =>
      [
        `--- a/${name}`,
        `+++ b/${name}`,
        '@@ -1 +1,5 @@',
        ' x',
        '+# hash',
        '+// slashes',
        '+/* block */',
        '+code',
        '',
      ].join('\n');
    expect(addedLinesFromDiff(file('a.py')).get('a.py')).toEqual([3, 4, 5]);
    expect(addedLinesFromDiff(file('a.go')).get('a.go')).toEqual([2, 5]);
    expect(addedLinesFromDiff(file('a.unknown')).get('a.unknown')).toEqual([2, 3, 4, 5]);
    expect(addedLinesFromDiff(file('Makefile')).get('Makefile')).toEqual([3, 4, 5]);
  });

  it('leaves a file out when it adds only comments', () => {
    const diff = ['--- a/x.py', '+++ b/x.py', '@@ -1 +1,2 @@', ' x = 1', '+# note', ''].join('\n');
    expect(addedLinesFromDiff(diff).size).toBe(0);
  });
});
