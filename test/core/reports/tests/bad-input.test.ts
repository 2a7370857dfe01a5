import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../../src/core/errors.js';
import type { ReportParser } from '../../../../src/core/reports/types.js';
import { ctrf } from '../../../../src/core/reports/tests/ctrf.js';
import { goTestJson } from '../../../../src/core/reports/tests/go-test-json.js';
import { testsParsers } from '../../../../src/core/reports/tests/index.js';
import { jestJson } from '../../../../src/core/reports/tests/jest-json.js';
import { junit } from '../../../../src/core/reports/tests/junit.js';
import { mochaJson } from '../../../../src/core/reports/tests/mocha-json.js';
import { tap } from '../../../../src/core/reports/tests/tap.js';
import { trx } from '../../../../src/core/reports/tests/trx.js';
import { context, FIXTURES, parseWith, textSource } from '../../../helpers/parse.js';
import { parseReport } from '../../../../src/core/reports/registry.js';

const fail = (parser: ReportParser<'tests'>, text: string | Buffer, path = 'report') =>
  parseWith(parser, textSource(text, path)).then(
    () => undefined,
    (e: unknown) => e,
  );

describe('tests parsers: bad input is a ReportParseError naming the file', () => {
  it('truncated JUnit XML names the file and line', async () => {
    const whole = readFileSync(`${FIXTURES}junit/vitest.junit.xml`, 'utf8');
    const error = await fail(junit, whole.slice(0, Math.floor(whole.length / 2)), 'junit.xml');
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toMatch(/^junit\.xml:\d+: invalid XML: /);
  });

  it('TRX: a test host that died, a test that never finished and an aborted run fail', async () => {
    const run = (results: string, outcome: string) =>
      `<?xml version="1.0" encoding="utf-8"?><TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>${results}</Results><ResultSummary outcome="${outcome}"/></TestRun>`;
    const r = (id: number, outcome: string) => `<UnitTestResult testId="${id}" testName="T${id}" outcome="${outcome}"/>`;
    const mixed = await parseWith(trx, textSource(run([r(1, 'Passed'), r(2, 'Disconnected'), r(3, 'PassedButRunAborted'), r(4, 'InProgress'), r(5, 'NotExecuted')].join(''), 'Aborted')));
    expect([mixed.total, mixed.passed, mixed.failed, mixed.skipped]).toEqual([5, 2, 2, 1]);
    // Every result passed, but the run was aborted: the run itself counts as a failure.
    const aborted = await parseWith(trx, textSource(run(r(1, 'Passed'), 'Aborted')));
    expect([aborted.total, aborted.passed, aborted.failed]).toEqual([2, 1, 1]);
    expect(aborted.failures[0]).toMatchObject({ name: '(test run)', kind: 'error', message: 'the test run ended with outcome aborted, though no single test failed' });
    const completed = await parseWith(trx, textSource(run(r(1, 'Passed'), 'Completed')));
    expect([completed.total, completed.failed]).toEqual([1, 0]);
  });

  it('truncated TRX is refused too', async () => {
    const whole = readFileSync(`${FIXTURES}trx/dotnet-trx.trx`, 'utf8');
    expect(await fail(trx, whole.slice(0, 3000), 'run.trx')).toBeInstanceOf(ReportParseError);
  });

  it('JUnit with zero tests parses to zero, never to a pass with invented tests', async () => {
    const data = await parseWith(junit, textSource('<?xml version="1.0"?><testsuites tests="0" failures="0"><testsuite name="empty" tests="0"/></testsuites>'));
    expect([data.total, data.passed, data.failed]).toEqual([0, 0, 0]);
  });

  it.each([
    [jestJson, '{"numTotalTests": 1, "numFailedTests": 0, "testResults": [{"name": "a.test.js"}]}', /^r\.json: not a valid jest\/vitest JSON report: .* at testResults\.0\.assertionResults$/],
    [mochaJson, '{"stats": {"tests": 1}, "tests": [], "passes": {}, "pending": [], "failures": []}', /^r\.json: not a valid mocha JSON report: .* at passes$/],
    [ctrf, '{"results": {"tool": {"name": "x"}, "tests": [{"name": 1, "status": "passed"}]}}', /^r\.json: not a valid CTRF report: .* at results\.tests\.0\.name$/],
    [goTestJson, '{"Time": "t", "Action": 3}\n', /^r\.json: not a valid go test -json event on line 1: .* at Action$/],
  ] as const)('wrong-shape JSON for %#', async (parser, text, message) => {
    const error = await fail(parser, text, 'r.json');
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toMatch(message);
  });

  it('a go test -json line that is not JSON after all names its line', async () => {
    const error = await fail(goTestJson, '{"Action":"run","Package":"p","Test":"T"}\n{"Action":"pass",\n', 'go.json');
    expect((error as ReportParseError).message).toMatch(/^go\.json:2: invalid JSON/);
  });

  it.each(testsParsers.map((p) => [p.id, p] as const))('an empty file is refused by %s', async (_id, parser) => {
    const error = await fail(parser, '', 'empty.out');
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).path).toBe('empty.out');
  });

  it('an empty file through detection says so', async () => {
    const error = await parseReport('tests', context(textSource('', 'e.xml'))).catch((e: unknown) => e);
    expect((error as ReportParseError).message).toBe('e.xml: file is empty');
  });

  it('invalid UTF-8 is decoded with replacement characters, not a crash', async () => {
    const xml = Buffer.concat([Buffer.from('<testsuite><testcase name="bad '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"><failure message="x"/></testcase></testsuite>')]);
    const data = await parseWith(junit, textSource(xml));
    expect(data.failed).toBe(1);
    expect(data.failures[0]!.name).toBe('bad \uFFFD(\uFFFD');
    const tapData = await parseWith(tap, textSource(Buffer.concat([Buffer.from('1..1\nnot ok 1 - caf'), Buffer.from([0xe9]), Buffer.from('\n')])));
    expect(tapData.failures[0]!.name).toBe('caf\uFFFD');
  });

  it('a 70,000-character failure message is bounded', async () => {
    const huge = 'x'.repeat(70_000);
    const bounded = (m: string) => m.length < 9_000 && m.endsWith('(truncated, 70000 characters in all)');
    const xml = await parseWith(junit, textSource(`<testsuite><testcase name="t"><failure message="${huge}">${huge}</failure></testcase></testsuite>`));
    expect(bounded(xml.failures[0]!.message)).toBe(true);
    expect(xml.failures[0]!.details!.length).toBeLessThan(9_000);
    const jest = await parseWith(jestJson, textSource(JSON.stringify({ numTotalTests: 1, numFailedTests: 1, testResults: [{ name: 'a.test.js', assertionResults: [{ title: 't', status: 'failed', failureMessages: [huge] }] }] })));
    expect(bounded(jest.failures[0]!.message)).toBe(true);
    const go = await parseWith(goTestJson, textSource(`${JSON.stringify({ Action: 'output', Package: 'p', Test: 'T', Output: `${huge}\n` })}\n${JSON.stringify({ Action: 'fail', Package: 'p', Test: 'T' })}\n`));
    expect(go.failures[0]!.message.length).toBeLessThan(9_000);
  });
});

describe('tests parsers: test names are kept verbatim (escaping is the renderer\'s job)', () => {
  const names = ['@org/team', '<script>alert(1)</script>', 'a|b', '::set-output name=x::y'];
  const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

  it('JUnit', async () => {
    const cases = names.map((n) => `<testcase name="${xmlEscape(n)}" classname="${xmlEscape(n)}"><failure message="${xmlEscape(n)}"/></testcase>`).join('');
    const data = await parseWith(junit, textSource(`<testsuite>${cases}</testsuite>`));
    expect(data.failures.map((f) => [f.name, f.suite, f.message])).toEqual(names.map((n) => [n, n, n]));
  });

  it('TAP', async () => {
    const data = await parseWith(tap, textSource(`TAP version 13\n${names.map((n, i) => `not ok ${i + 1} - ${n}`).join('\n')}\n1..4\n`));
    expect(data.failures.map((f) => f.name)).toEqual(names);
  });

  it('jest JSON and CTRF', async () => {
    const jest = await parseWith(jestJson, textSource(JSON.stringify({ numTotalTests: 4, numFailedTests: 4, testResults: [{ name: 'x.test.js', assertionResults: names.map((n) => ({ title: n, fullName: n, status: 'failed', failureMessages: [n] })) }] })));
    expect(jest.failures.map((f) => [f.name, f.message])).toEqual(names.map((n) => [n, n]));
    const report = await parseWith(ctrf, textSource(JSON.stringify({ results: { tool: { name: 't' }, tests: names.map((n) => ({ name: n, status: 'failed', message: n })) } })));
    expect(report.failures.map((f) => f.name)).toEqual(names);
  });
});

describe('TAP edge cases', () => {
  it('Bail out! stops the run and counts as a failure', async () => {
    const data = await parseWith(tap, textSource('1..3\nok 1 - a\nBail out! database is down\nok 2 - never read\n'));
    expect([data.total, data.passed, data.failed]).toEqual([2, 1, 1]);
    expect(data.failures[0]).toMatchObject({ name: 'Bail out!', message: 'database is down' });
  });

  it('tests a plan announced but never ran are failures', async () => {
    const data = await parseWith(tap, textSource('1..3\nok 1 - a\n'));
    expect([data.total, data.passed, data.failed]).toEqual([2, 1, 1]);
  });

  it('a failing parent whose children passed still fails once', async () => {
    const data = await parseWith(tap, textSource('TAP version 14\n# Subtest: s\n    ok 1 - a\n    1..2\nnot ok 1 - s\n1..1\n'));
    expect([data.total, data.passed, data.failed]).toEqual([2, 1, 1]);
  });
});

describe('go test -json edge cases', () => {
  it('a package that fails with no failed test (go 1.24 build events) counts once', async () => {
    const events = [
      { ImportPath: 'p [p.test]', Action: 'build-output', Output: 'p/x.go:3:1: syntax error\n' },
      { ImportPath: 'p [p.test]', Action: 'build-fail' },
      { Action: 'start', Package: 'p' },
      { Action: 'output', Package: 'p', Output: 'FAIL\tp [build failed]\n' },
      { Action: 'fail', Package: 'p', FailedBuild: 'p [p.test]' },
    ];
    const data = await parseWith(goTestJson, textSource(events.map((e) => JSON.stringify(e)).join('\n')));
    expect([data.total, data.failed]).toEqual([1, 1]);
    expect(data.failures[0]).toMatchObject({ name: 'p (package)', file: 'p/x.go', line: 3 });
  });

  it('a test left running when its package failed (a crash) is a failure', async () => {
    const events = [{ Action: 'run', Package: 'p', Test: 'TestHang' }, { Action: 'output', Package: 'p', Test: 'TestHang', Output: 'panic: boom\n' }, { Action: 'fail', Package: 'p' }];
    const data = await parseWith(goTestJson, textSource(events.map((e) => JSON.stringify(e)).join('\n')));
    expect(data.failures.map((f) => [f.name, f.message])).toEqual([['TestHang', 'panic: boom']]);
  });
});

describe('tests parsers on arbitrary input', () => {
  it.each(testsParsers.map((p) => [p.id, p] as const))('%s returns a report or throws ReportParseError', async (_id, parser) => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        const error = await fail(parser, text);
        if (error !== undefined) expect(error).toBeInstanceOf(ReportParseError);
      }),
      { numRuns: 150 },
    );
  });
});
