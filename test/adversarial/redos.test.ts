// Report text is attacker-sized: patterns applied to it must not backtrack for seconds (review finding).
import { describe, expect, it } from 'vitest';
import { compilerText } from '../../src/core/reports/lint/compiler-text.js';
import { junit } from '../../src/core/reports/tests/junit.js';
import { parseWith, textSource } from '../helpers/parse.js';

describe('no catastrophic backtracking on report text', () => {
  it('compiler text: a long run of spaces before the end of a line', async () => {
    const line = `src/a.c:1:1: error: x${' '.repeat(200_000)}y\nsrc/b.c:2:3: warning: unused [-Wunused]\n`;
    const started = Date.now();
    const data = await parseWith(compilerText, textSource(line, 'build.log'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(data.findings.map((f) => f.rule)).toEqual([undefined, '-Wunused']);
  });

  it('JUnit: failure messages of `a.a.a…` are located quickly', async () => {
    const message = 'a.'.repeat(10_000);
    const cases = Array.from(
      { length: 30 },
      (_, i) => `<testcase name="t${i}"><failure message="${message}">${message}</failure></testcase>`,
    ).join('');
    const started = Date.now();
    const data = await parseWith(junit, textSource(`<testsuite>${cases}</testsuite>`, 'junit.xml'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(data.failed).toBe(30);
  });
});
