import { describe, expect, it } from 'vitest';
import { junit } from '../../../../src/core/reports/tests/junit.js';
import { parseFixture, parseWith, textSource } from '../../../helpers/parse.js';

const totals = async (file: string) => {
  const { data, format } = await parseFixture('tests', file);
  return { format, counts: [data.total, data.passed, data.failed, data.skipped, data.flaky] };
};

// [total, passed, failed, skipped, flaky]; the README beside each fixture has the printed line.
// flaky is undefined where the format records no reruns (a max_flaky gate then has no data).
describe('tests formats: real tool output matches the totals the tool printed', () => {
  it.each([
    // go test -json; gotestsum over this file: "DONE 16 tests, 2 skipped, 4 failures".
    ['go-test-json/go-test.json', 'go-test-json', [16, 10, 4, 2, undefined]],
    // go 1.19 build failure: TestFine passes, the package that did not compile is one failure.
    ['go-test-json/build-failure.json', 'go-test-json', [2, 1, 1, 0, undefined]],
    ['go-test-json/build-failure-stderr-merged.json', 'go-test-json', [2, 1, 1, 0, undefined]],
    // node --test TAP: tests 19, pass 13, fail 3, skipped 2, todo 1.
    ['tap/node-test.tap', 'tap', [19, 13, 3, 3, undefined]],
    // node-tap: { total: 19, pass: 13, fail: 3, todo: 1, skip: 2 }.
    ['tap/node-tap.tap', 'tap', [19, 13, 3, 3, undefined]],
    // bats --tap: "8 tests, 2 failures, 2 skipped".
    ['tap/bats.tap', 'tap', [8, 4, 2, 2, undefined]],
    // jest --json: "3 failed, 2 skipped, 1 todo, 13 passed, 19 total".
    ['jest-json/jest-results.json', 'jest-json', [19, 13, 3, 3, undefined]],
    // vitest --reporter=json: "3 failed | 13 passed | 2 skipped | 1 todo (19)".
    ['vitest-json/vitest.json', 'jest-json', [19, 13, 3, 3, undefined]],
    // mocha json: "13 passing, 3 pending, 3 failing".
    ['mocha-json/mocha.json', 'mocha-json', [19, 13, 3, 3, undefined]],
    // CTRF from jest, vitest, mocha (same printed lines as above), and the upstream sample (21 passed).
    ['ctrf/jest-ctrf-json-reporter.json', 'ctrf', [19, 13, 3, 3, 0]],
    ['ctrf/vitest-ctrf-json-reporter.json', 'ctrf', [19, 13, 3, 3, 0]],
    ['ctrf/mocha-ctrf-json-reporter.json', 'ctrf', [19, 13, 3, 3, 0]],
    ['ctrf/jest-ctrf-upstream.json', 'ctrf', [21, 21, 0, 0, 0]],
    // TRX: the results' outcomes (3 Passed, 3 Failed, 1 NotExecuted; Counters leave NotExecuted out).
    ['trx/dotnet-trx.trx', 'trx', [7, 3, 3, 1, undefined]],
    ['trx/dotnet-xunitv3.trx', 'trx', [4, 1, 3, 0, undefined]],
    // rspec --format json: "7 examples, 2 failures, 3 pending".
    ['rspec-json/rspec.json', 'rspec-json', [7, 2, 2, 3, undefined]],
    // A spec file that failed to load: "0 examples, 0 failures, 1 error occurred outside of examples".
    ['rspec-json/rspec-load-error.json', 'rspec-json', [1, 0, 1, 0, undefined]],
  ] as const)('%s', async (file, format, counts) => {
    expect(await totals(file)).toEqual({ format, counts });
  });

  it('tape: skipped and TODO assertions are skipped here, where tape counts them in "pass 15"', async () => {
    // tape printed "# tests 18 / # pass 15 / # fail 3": one `# SKIP` assertion and one failing `# TODO`
    // are in its 15. readygate's model puts skip and todo in `skipped`, and a failing TODO is not a failure.
    expect((await totals('tap/tape.tap')).counts).toEqual([18, 13, 3, 2, undefined]);
  });

  it('Test::More: the failing TODO is skipped, not failed (prove: 8 tests, 2 failed, 2 skipped, 4 okay)', async () => {
    // prove's 4 okay include the failing TODO test 7; here it is skipped: 3 passed, 3 skipped.
    expect((await totals('tap/perl-basic.tap')).counts).toEqual([8, 3, 2, 3, undefined]);
  });

  it('Test::More subtests: counts the assertions inside subtests, where prove counts each subtest once', async () => {
    // prove: "Tests: 4, Failed: 1" (subtest 1 ok, 2 not ok, 3 skip_all, 4 TODO passed). readygate counts
    // leaf points, as node's and node-tap's own summaries do: 2 + 2 inside the first two subtests, the
    // skipped subtest as 1 skipped, the TODO as skipped. The failure count agrees: 1.
    expect((await totals('tap/perl-subtests.tap')).counts).toEqual([6, 3, 1, 2, undefined]);
  });
});

describe('tests formats: failures carry messages and repo locations', () => {
  const failures = async (file: string, strip?: string) =>
    (await parseFixture('tests', file, { stripPrefixes: strip ? [strip] : undefined })).data.failures;

  it('go test -json: output lines joined into the message, located in the test file', async () => {
    const [divide, sub, parent, panic] = await failures('go-test-json/go-test.json', '/tmp/fx-deb/go');
    expect(divide).toMatchObject({ name: 'TestDivide', suite: 'example.com/acme/calc', file: 'calc_test.go', line: 17, message: 'calc_test.go:17: Divide(9, 3) = 3, want 4 (deliberate failure)' });
    expect(sub).toMatchObject({ name: 'TestClassify/big_fails', file: 'calc_test.go', line: 36 });
    expect(parent!.name).toBe('TestClassify');
    expect(panic!.message.split('\n')[0]).toBe('panic: runtime error: index out of range [5] with length 1 [recovered]');
    expect(panic).toMatchObject({ file: 'boom/boom.go', line: 5 });
  });

  it('go test -json: a build failure names the package and the compiler error', async () => {
    const [build] = await failures('go-test-json/build-failure-stderr-merged.json');
    expect(build).toMatchObject({ name: 'example.com/buildfail/broken (build)', kind: 'error', file: 'broken/broken.go', line: 4 });
    expect(build!.message).toContain('invalid operation: n / "2"');
  });

  it('TAP: YAML diagnostics give node --test its message and location', async () => {
    const [first] = await failures('tap/node-test.tap', '/tmp/fx-js/nt');
    expect(first).toMatchObject({ name: 'adds floating point numbers exactly', file: 'test/math.test.js', line: 12 });
    expect(first!.message).toContain('Expected values to be strictly equal');
  });

  it('TAP: Test::More comment diagnostics locate the failure', async () => {
    const list = await failures('tap/perl-basic.tap');
    expect(list.map((f) => [f.name, `${f.file}:${f.line}`])).toEqual([
      ['multiplication: <b>deliberate</b> failure', 't/basic.t:7'],
      ['deep structure differs', 't/basic.t:21'],
    ]);
  });

  it('jest, vitest, mocha and CTRF JSON: located in the test file through absolute paths', async () => {
    expect((await failures('jest-json/jest-results.json', '/tmp/fx-js/jt')).map((f) => `${f.file}:${f.line}`)).toEqual(['tests/strings.test.js:20', 'tests/strings.test.js:24', 'tests/math.test.js:10']);
    expect((await failures('vitest-json/vitest.json', '/tmp/fx-js/vt')).map((f) => `${f.file}:${f.line}`)).toEqual(['tests/math.test.js:11', 'tests/strings.test.js:21', 'tests/strings.test.js:25']);
    expect((await failures('mocha-json/mocha.json', '/tmp/fx-js/mo')).map((f) => `${f.file}:${f.line}`)).toEqual(['test/math.test.js:11', 'test/strings.test.js:21', 'test/strings.test.js:25']);
    expect((await failures('ctrf/mocha-ctrf-json-reporter.json', '/tmp/fx-js/mo')).map((f) => `${f.file}:${f.line}`)).toEqual(['test/math.test.js:11', 'test/strings.test.js:21', 'test/strings.test.js:25']);
  });

  it('jest and vitest JSON: a file that fails after all its tests passed (afterAll throws) fails', async () => {
    for (const [file, root] of [
      ['jest-json/jest-afterall.json', '/tmp/fx-ja/ja'],
      ['vitest-json/vitest-afterall.json', '/tmp/fx-va/va'],
    ] as const) {
      const { data } = await parseFixture('tests', file, { stripPrefixes: [root] });
      expect([data.total, data.passed, data.failed], file).toEqual([3, 2, 1]);
      expect(data.failures[0], file).toMatchObject({ name: 'a.test.js', file: 'a.test.js', kind: 'error' });
      expect(`${data.failures[0]!.message}\n${data.failures[0]!.details}`, file).toContain('cleanup failed: leaked db connection');
    }
  });

  it('jest --colors: terminal colour codes are stripped from messages, and the trace still locates', async () => {
    const list = await failures('jest-json/jest-colors.json', '/tmp/fx-jc/jc');
    expect(list.map((f) => `${f.file}:${f.line}`)).toEqual(['src/math.test.js:3', 'src/math.test.js:4']);
    for (const f of list) expect(`${f.message}${f.details ?? ''}`).not.toMatch(/\u001b|\[\d+m/);
    expect(`${list[0]!.message}\n${list[0]!.details}`).toContain('Expected: 5\nReceived: 6');
  });

  it('JUnit with raw terminal colours in its text (control characters XML forbids) is read, colours stripped', async () => {
    const esc = '\u001b';
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuite name="colors" tests="2" failures="1">',
      '  <testcase name="ok" classname="c"/>',
      `  <testcase name="adds" classname="c"><failure message="${esc}[31mexpected 5${esc}[39m">${esc}[2mExpected:${esc}[22m 5\n    at Object.&lt;anonymous&gt; (/repo/src/a.test.js:3:5)\u0007</failure></testcase>`,
      '</testsuite>',
    ].join('\n');
    const data = await parseWith(junit, textSource(xml, 'colors.xml'));
    expect([data.total, data.failed]).toEqual([2, 1]);
    expect(data.failures[0]).toMatchObject({ name: 'adds', message: 'expected 5', file: 'src/a.test.js', line: 3 });
    expect(data.failures[0]!.details).toBe('Expected: 5\n    at Object.<anonymous> (/repo/src/a.test.js:3:5)\u2407');
  });

  it('terminal hyperlinks (OSC 8) are stripped like colours, keeping their text', async () => {
    const esc = '\u001b';
    const link = `${esc}]8;;file:///repo/src/a.test.js${esc}\\src/a.test.js${esc}]8;;${esc}\\`;
    const xml = `<testsuite name="s" tests="1" failures="1"><testcase name="t"><failure message="see ${link}:3">at ${link}:3:5</failure></testcase></testsuite>`;
    const data = await parseWith(junit, textSource(xml, 'links.xml'));
    expect(data.failures[0]).toMatchObject({ message: 'see src/a.test.js:3', details: 'at src/a.test.js:3:5' });
  });

  it('TRX: ErrorInfo message, Windows and /_/ stack paths, class from the test definitions', async () => {
    const trx = await failures('trx/dotnet-trx.trx', 'C:\\Users\\Michal\\Workspace\\dorny\\test-check');
    expect(trx[0]).toMatchObject({ suite: 'DotnetTests.XUnitTests.CalculatorTests', file: 'reports/dotnet/DotnetTests.XUnitTests/CalculatorTests.cs', line: 27 });
    expect(trx[0]!.message).toBe('Assert.Equal() Failure\nExpected: 3\nActual:   2');
    const v3 = await failures('trx/dotnet-xunitv3.trx');
    expect(v3[0]).toMatchObject({ file: 'reports/dotnet/DotnetTests.XUnitV3Tests/FixtureTests.cs', line: 25 });
  });
});

describe('RSpec JSON: failures located and explained', () => {
  it('keeps the example, its file and line, and the expectation message', async () => {
    const { data } = await parseFixture('tests', 'rspec-json/rspec.json');
    expect(data.failures.map((f) => [f.name, f.file, f.line, f.message, f.kind])).toEqual([
      ['Calc adds negatives', 'spec/calc_spec.rb', 13, 'expected: -4', 'failure'],
      ['Calc divides by zero', 'spec/calc_spec.rb', 17, 'divided by 0', 'error'],
    ]);
    const load = await parseFixture('tests', 'rspec-json/rspec-load-error.json');
    expect(load.data.failures[0]!.message).toBe('An error occurred while loading ./spec/broken_spec.rb.');
  });
});
