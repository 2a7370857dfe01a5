// Class (#12, false passes): "tests marked disabled". JUnit `status="disabled"`, `status="notrun"`
// and `result="suppressed"` (googletest's DISABLED_ tests, several Java and C++ reporters) are
// skipped, never passed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/core/reports/tests/junit.js';
import { checkFiles, gate } from '../helpers/gate.js';
import { FIXTURES, parseWith, textSource } from '../helpers/parse.js';

// googletest 1.12.1's --gtest_output=xml (test/fixtures/junit/README.md): 6 tests, 2 passed, 2 failed,
// 1 skipped with GTEST_SKIP and 1 DISABLED_ test written status="notrun" result="suppressed".
const GTEST = readFileSync(`${FIXTURES}junit/googletest.xml`, 'utf8');

describe('disabled test cases are skipped', () => {
  it('googletest notrun/suppressed: the disabled test is skipped, as googletest says ("1 DISABLED TEST")', async () => {
    const data = await parseWith(junit, textSource(GTEST));
    expect(data).toMatchObject({ total: 6, passed: 2, failed: 2, skipped: 2 });
    expect(data.failures.map((f) => `${f.suite}.${f.name} ${f.file}:${f.line}`)).toEqual([
      'Calc.AddsNegatives calc_test.cc:12',
      'Calc.DividesByZero calc_test.cc:14',
    ]);
  });

  it.each([
    ['status="disabled"', 'status="disabled"'],
    ['status="notrun"', 'status="notrun"'],
    ['result="suppressed"', 'result="suppressed"'],
    ['status="NotRun" (any case)', 'status="NotRun"'],
  ])('%s is skipped', async (_, attr) => {
    const xml = `<testsuite><testcase name="a" ${attr}/><testcase name="b"/></testsuite>`;
    expect(await parseWith(junit, textSource(xml))).toMatchObject({ total: 2, passed: 1, skipped: 1 });
  });

  it('a disabled case that still carries a <failure> is a failure', async () => {
    const xml = '<testsuite><testcase name="a" status="notrun"><failure message="boom"/></testcase></testsuite>';
    expect(await parseWith(junit, textSource(xml))).toMatchObject({ total: 1, failed: 1, skipped: 0 });
  });

  it('min_total: 5 and max_skipped: 0 fail on 4 run, 1 skipped and 1 disabled', async () => {
    const policy = {
      reports: { tests: ['gtest.xml'] },
      levels: { ci: { tests: { min_total: 5, max_skipped: 0 } } },
      require: 'ci',
    };
    const report = await checkFiles({ 'gtest.xml': GTEST }, policy);
    expect(report.signals.tests).toMatchObject({ passed: 2, failed: 2, skipped: 2 });
    expect(gate(report, 'tests.min_total')).toBe('fail');
    expect(gate(report, 'tests.max_skipped')).toBe('fail');
  });
});
