// Class (#12, false passes): "tests marked disabled". JUnit `status="disabled"`, `status="notrun"`
// and `result="suppressed"` (googletest's DISABLED_ tests, several Java and C++ reporters) are
// skipped, never passed.
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/core/reports/tests/junit.js';
import { checkFiles, gate } from '../helpers/gate.js';
import { parseWith, textSource } from '../helpers/parse.js';

// googletest's --gtest_output=xml shape for a run with one disabled test.
const GTEST = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="3" failures="0" disabled="1" errors="0" time="0." name="AllTests">
  <testsuite name="Calc" tests="3" failures="0" disabled="1" skipped="0" errors="0" time="0.">
    <testcase name="Adds" status="run" result="completed" time="0." classname="Calc" />
    <testcase name="Subtracts" status="run" result="completed" time="0." classname="Calc" />
    <testcase name="DISABLED_Divides" status="notrun" result="suppressed" time="0." classname="Calc" />
  </testsuite>
</testsuites>
`;

describe('disabled test cases are skipped', () => {
  it('googletest notrun/suppressed: 2 passed, 1 skipped', async () => {
    expect(await parseWith(junit, textSource(GTEST))).toMatchObject({ total: 3, passed: 2, skipped: 1, failed: 0 });
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

  it('min_total: 3 and max_skipped: 0 fail on 2 run + 1 disabled', async () => {
    const policy = {
      reports: { tests: ['gtest.xml'] },
      levels: { ci: { tests: { min_total: 3, max_skipped: 0 } } },
      require: 'ci',
    };
    const report = await checkFiles({ 'gtest.xml': GTEST }, policy);
    expect(report.signals.tests).toMatchObject({ passed: 2, skipped: 1 });
    expect(gate(report, 'tests.min_total')).toBe('fail');
    expect(gate(report, 'tests.max_skipped')).toBe('fail');
  });
});
