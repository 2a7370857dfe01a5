/**
 * Run by redos.test.ts in a child process (`node --import tsx redos-run.ts <case>`), so that the
 * test can stop a parse that backtracks for minutes instead of waiting for it: parses one hostile
 * report and prints what it found, as JSON.
 */
import { compilerText } from '../../src/core/reports/lint/compiler-text.js';
import { junit } from '../../src/core/reports/tests/junit.js';
import { parseWith, textSource } from '../helpers/parse.js';

/** Spaces before the end of a compiler line: `\s+\[…\]$` took 39 s on 200,000 (quadratic: hours on this). */
export const SPACES = 2_000_000;
/** JUnit failures of `a.a.a…`: the stack-trace patterns took ~1 s on each (about 5 minutes on these). */
export const FAILURES = 300;

const cases: Record<string, () => Promise<unknown>> = {
  async 'compiler-spaces'() {
    const text = `src/a.c:1:1: error: x${' '.repeat(SPACES)}y\nsrc/b.c:2:3: warning: unused [-Wunused]\n`;
    const data = await parseWith(compilerText, textSource(text, 'build.log'));
    return data.findings.map((f) => f.rule ?? null);
  },
  async 'junit-dots'() {
    const message = 'a.'.repeat(10_000);
    const failure = `<failure message="${message}">${message}</failure>`;
    const cases = Array.from({ length: FAILURES }, (_, i) => `<testcase name="t${i}">${failure}</testcase>`);
    const data = await parseWith(junit, textSource(`<testsuite>${cases.join('')}</testsuite>`, 'junit.xml'));
    return data.failed;
  },
};

const run = cases[process.argv[2] ?? ''];
if (!run) throw new Error(`no case ${process.argv[2]}: one of ${Object.keys(cases).join(', ')}`);
process.stdout.write(JSON.stringify(await run()));
