import { describe, expect, it } from 'vitest';
import { parseFixture, parseFixtureNoticed } from '../../../helpers/parse.js';

// Totals are the ones each tool printed (test/fixtures/junit/README.md): total, passed, failed
// (failures + errors), skipped (skipped + todo + pending + incomplete + xfail).
describe('JUnit: every flavour matches the totals its tool printed', () => {
  it.each([
    // vitest: "3 failed | 13 passed | 2 skipped | 1 todo (19)"; the todo is a <skipped/>.
    ['junit/vitest.junit.xml', 19, 13, 3, 3],
    // mocha spec: "13 passing, 3 pending, 3 failing" (includePending writes the 3 pending).
    ['junit/mocha-junit-reporter-include-pending.xml', 19, 13, 3, 3],
    // node --test: tests 19, pass 13, fail 3, skipped 2, todo 1.
    ['junit/node-test.junit.xml', 19, 13, 3, 3],
    // pytest: "2 failed, 10 passed, 2 skipped, 1 xfailed, 1 xpassed, 1 error": xpass is a pass, xfail a skip.
    ['junit/pytest-xunit1.xml', 17, 11, 3, 3],
    ['junit/pytest-xunit2.xml', 17, 11, 3, 3],
    // gotestsum: "DONE 16 tests, 2 skipped, 4 failures" (the empty notest suite adds nothing).
    ['junit/gotestsum.xml', 16, 10, 4, 2],
    // PHPUnit: "Tests: 12, Errors: 1, Failures: 2, Skipped: 1, Incomplete: 1", through nested suites.
    ['junit/phpunit.xml', 12, 7, 3, 2],
    // bats: "8 tests, 2 failures, 2 skipped".
    ['junit/bats.xml', 8, 4, 2, 2],
    // googletest: 2 passed, 2 failed, 1 skipped, "1 DISABLED TEST" (skipped here: it did not run).
    ['junit/googletest.xml', 6, 2, 2, 2],
    // Copied samples: the files' own counts (no printed summary exists).
    ['junit/surefire-kotlin.xml', 2, 0, 2, 0],
    ['junit/gradle-kotlin.xml', 24, 24, 0, 0],
  ])('%s', async (file, total, passed, failed, skipped) => {
    const { data, format } = await parseFixture('tests', file);
    expect(format).toBe('junit');
    expect({ total: data.total, passed: data.passed, failed: data.failed, skipped: data.skipped, flaky: data.flaky }).toEqual({ total, passed, failed, skipped, flaky: 0 });
  });

  it('cargo test --format junit: three documents in one file (one per test binary), panics from system-out', async () => {
    // cargo printed 3 passed, 2 failed, 1 ignored (lib); 1 passed, 1 failed (integration); 1 passed (doc-tests).
    // libtest writes no <testcase> for the ignored test, but its suite declares skipped="1": 8 cases
    // and the one declared skip, as cargo printed.
    const { data, format } = await parseFixture('tests', 'junit/cargo-libtest.xml');
    expect(format).toBe('junit');
    expect([data.total, data.passed, data.failed, data.skipped]).toEqual([9, 5, 3, 1]);
    expect(data.failures.map((f) => [f.suite, f.name, f.message, `${f.file}:${f.line}`])).toEqual([
      ['tests', 'adds_negatives', 'assertion `left == right` failed: deliberate failure', 'src/lib.rs:25'],
      ['tests', 'divides_by_zero', 'attempt to divide by zero', 'src/lib.rs:11'],
      ['integration', 'divides_through_the_public_api', 'assertion `left == right` failed: deliberate failure in an integration test', 'tests/integration.rs:8'],
    ]);
  });

  it('jest-junit: the todo test is a bare <testcase>, so the file says 14 passed where jest printed 13 + 1 todo', async () => {
    // jest printed "3 failed, 2 skipped, 1 todo, 13 passed, 19 total". jest-junit writes the todo test as a
    // testcase without <skipped/> (README): the file's truth is a pass, and nothing in it marks a todo.
    for (const file of ['junit/jest-junit-default.xml', 'junit/jest-junit-file-attr.xml']) {
      const { data } = await parseFixture('tests', file);
      expect([data.total, data.passed, data.failed, data.skipped]).toEqual([19, 14, 3, 2]);
    }
  });

  it('mocha-junit-reporter without includePending: the 3 pending tests the file leaves out still count as skipped', async () => {
    // mocha printed 13 passing, 3 pending, 3 failing; only 16 testcases exist, but the suites declare
    // the 3 skipped: a max_skipped gate must not pass on the shorter list.
    const { data, notices } = await parseFixtureNoticed('tests', 'junit/mocha-junit-reporter.xml');
    expect([data.total, data.passed, data.failed, data.skipped]).toEqual([19, 13, 3, 3]);
    expect(notices.join('\n')).toContain('the 3 not listed count as skipped');
  });
});

describe('JUnit: Surefire reruns', () => {
  it('counts flakyFailure/flakyError as flaky passes and rerunFailure/rerunError once, as Maven printed', async () => {
    // Maven: "Tests run: 6, Failures: 1, Errors: 1, Skipped: 1, Flakes: 2"; the suite attributes say tests="2".
    const { data } = await parseFixture('tests', 'junit/surefire-rerun.xml');
    expect([data.total, data.passed, data.failed, data.skipped, data.flaky]).toEqual([6, 3, 2, 1, 2]);
    expect(data.failures.map((f) => [f.name, f.kind])).toEqual([
      ['alwaysFails', 'failure'],
      ['dividesByZero', 'error'],
    ]);
  });

  it('locates JVM failures on the test class frame, not the first (JUnit) frame', async () => {
    // Maven printed CalcTest.alwaysFails:35 and CalcTest.dividesByZero:41.
    const { data } = await parseFixture('tests', 'junit/surefire-rerun.xml');
    expect(data.failures.map((f) => `${f.file}:${f.line}`)).toEqual(['src/test/java/com/acme/calc/CalcTest.java:35', 'src/test/java/com/acme/calc/CalcTest.java:41']);
    expect(data.failures[0]!.message).toBe('deliberate failure ==> expected: <4> but was: <5>');
    expect(data.failures[0]!.details).not.toContain('rerun');
  });

  it('reads Kotlin frames whose method names contain spaces', async () => {
    const { data } = await parseFixture('tests', 'junit/surefire-kotlin.xml');
    expect(data.failures.map((f) => `${f.file}:${f.line}`)).toEqual([
      'src/test/kotlin/action/surefire/report/calc/CalcUtilsTest.kt:27',
      'src/test/kotlin/action/surefire/report/calc/CalcUtilsTest.kt:15',
    ]);
  });
});

describe('JUnit: failure locations and messages', () => {
  const located = async (file: string, strip?: string) => {
    const { data } = await parseFixture('tests', file, { stripPrefixes: strip ? [strip] : undefined });
    return data.failures.map((f) => `${f.file}:${f.line}`);
  };

  it('vitest: classname is the file, the line comes from the trace', async () => {
    expect(await located('junit/vitest.junit.xml')).toEqual(['tests/math.test.js:11', 'tests/strings.test.js:21', 'tests/strings.test.js:25']);
  });

  it('pytest xunit1: the assertion line of the trace, not the 0-based declaration line attribute', async () => {
    const { data } = await parseFixture('tests', 'junit/pytest-xunit1.xml');
    const f = data.failures.find((x) => x.name === 'test_divide_fails')!;
    expect([f.file, f.line, f.suite]).toEqual(['tests/test_calc.py', 20, 'tests.test_calc']);
    expect(f.message).toBe('AssertionError: expected 1/4 to be 0.5 (deliberate failure)\nassert 0.25 == 0.5');
  });

  it('PHPUnit: absolute file attributes mapped to the repo, line of the failing assertion', async () => {
    expect(await located('junit/phpunit.xml', '/tmp/fx-deb/php')).toEqual(['tests/CalcTest.php:18', 'tests/CalcTest.php:24', 'tests/CalcTest.php:32']);
    const { data } = await parseFixture('tests', 'junit/phpunit.xml');
    expect(data.failures[0]!.message).toBe('expected 1/4 to be 0.5 (deliberate failure)');
  });

  it('mocha-junit-reporter and jest-junit: absolute paths in traces mapped through the checkout prefix', async () => {
    expect(await located('junit/mocha-junit-reporter.xml', '/tmp/fx-js/mo')).toEqual(['test/math.test.js:11', 'test/strings.test.js:21', 'test/strings.test.js:25']);
    expect(await located('junit/jest-junit-default.xml', '/tmp/fx-js/jt')).toEqual(['tests/strings.test.js:20', 'src/strings.js:29', 'tests/math.test.js:10']);
  });

  it('bats: the "(in test file …, line N)" note locates, the next line explains', async () => {
    const { data } = await parseFixture('tests', 'junit/bats.xml');
    expect(data.failures.map((f) => [f.name, `${f.file}:${f.line}`, f.message])).toEqual([
      ['@org/team owned test fails', 'test/unit/calc.bats:24', '`[ "$output" = "3" ]\' failed'],
      ['fails with message via fail-like helper', 'test/unit/calc.bats:34', "`[ -f /nope ]' failed"],
    ]);
  });

  it('gotestsum: the "Failed" placeholder gives way to the t.Errorf line', async () => {
    const { data } = await parseFixture('tests', 'junit/gotestsum.xml');
    expect(data.failures[0]).toMatchObject({ name: 'TestDivide', file: 'calc_test.go', line: 17, message: 'calc_test.go:17: Divide(9, 3) = 3, want 4 (deliberate failure)' });
  });

  it('keeps properties and system-out out of totals and messages', async () => {
    const { data } = await parseFixture('tests', 'junit/pytest-xunit2.xml');
    expect(data.failures.every((f) => !f.message.includes('Captured Out') && !(f.details ?? '').includes('Captured Out'))).toBe(true);
    const surefire = await parseFixture('tests', 'junit/surefire-rerun.xml');
    expect(surefire.data.failures.some((f) => (f.details ?? '').includes('java.class.path'))).toBe(false);
  });
});
