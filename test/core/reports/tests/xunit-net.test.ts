import { describe, expect, it } from 'vitest';
import { xunitNet } from '../../../../src/core/reports/tests/xunit-net.js';
import { parseFixtureNoticed, parseNoticed, textSource } from '../../../helpers/parse.js';

const counts = (d: { total: number; passed: number; failed: number; skipped: number; flaky?: number }) => [d.total, d.passed, d.failed, d.skipped, d.flaky];

describe('xUnit.net v2 fixture written by jest-xunit (see test/fixtures/xunit-net/README.md)', () => {
  it('13 passed, 3 failed, and the 3 result="undefined" (skipped and todo) skipped, with a notice', async () => {
    const { data, format, notices } = await parseFixtureNoticed('tests', 'xunit-net/jest-xunit.xml');
    expect(format).toBe('xunit-net');
    expect(counts(data)).toEqual([19, 13, 3, 3, undefined]);
    expect(data.durationMs).toBe(1381);
    expect(notices).toEqual([
      'test/fixtures/xunit-net/jest-xunit.xml: 3 test(s) in /tmp/fx-js/jt have result "undefined", which is not Pass, Fail, Skip or NotRun: counted as skipped, since the assembly\'s failed="3" is met by its failed tests',
    ]);
    expect(data.failures.map((f) => [f.suite, f.name, f.message])).toEqual([
      ['strings truncate', 'truncates long text with an ellipsis', 'Error expectreceivedtoBeexpected  Objectis equality'],
      ['strings truncate', 'handles missing input', 'TypeError Cannot read properties of undefined reading length'],
      ['math add', 'adds floating point numbers exactly', 'Error expectreceivedtoBeexpected  Objectis equality'],
    ]);
  });
});

// xUnit.net's own shapes, which no tool here writes (see the fixture README): the v2 XML format
// as xUnit.net documents it.
const doc = (assembly: string, body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<assemblies schema-version="3">\n<assembly name="/src/Acme.Tests.dll" ${assembly}>\n${body}\n</assembly>\n</assemblies>\n`;
const test = (method: string, result: string, body = '', extra = '') =>
  `<test name="Acme.CalcTests.${method}" type="Acme.CalcTests" method="${method}" time="0.25" result="${result}" ${extra}>${body}</test>`;

describe('xUnit.net v2 shapes', () => {
  it('Pass, Fail, Skip and NotRun; failure message, exception type, stack location; durations from the assembly', async () => {
    const failure =
      '<failure exception-type="Xunit.Sdk.EqualException"><message><![CDATA[Assert.Equal() Failure\nExpected: 5\nActual:   4]]></message><stack-trace><![CDATA[   at Acme.CalcTests.Adds() in /src/Acme/CalcTests.cs:line 21]]></stack-trace></failure>';
    const thrown =
      '<failure exception-type="System.DivideByZeroException"><message>System.DivideByZeroException : Attempted to divide by zero.</message><stack-trace>   at Acme.Calc.Divide(Int32 a, Int32 b) in /src/Acme/Calc.cs:line 9\n   at Acme.CalcTests.Divides() in /src/Acme/CalcTests.cs:line 30</stack-trace></failure>';
    const body = `<errors />\n<collection name="Test collection for Acme.CalcTests" total="5" passed="1" failed="2" skipped="2" time="1.25">${[
      test('Works', 'Pass'),
      test('Adds', 'Fail', failure),
      test('Divides', 'Fail', thrown),
      test('Later', 'Skip', '<reason><![CDATA[not written yet]]></reason>'),
      test('Explicit', 'NotRun'),
    ].join('')}</collection>`;
    const { data, notices } = await parseNoticed(xunitNet, textSource(doc('total="5" passed="1" failed="2" skipped="2" errors="0" time="1.5"', body)), { root: '/src' });
    expect(notices).toEqual([]);
    expect(counts(data)).toEqual([5, 1, 2, 2, undefined]);
    expect(data.durationMs).toBe(1500);
    expect(data.failures.map((f) => [f.suite, f.name, f.kind, f.message, `${f.file}:${f.line}`])).toEqual([
      ['Acme.CalcTests', 'Adds', 'failure', 'Xunit.Sdk.EqualException: Assert.Equal() Failure\nExpected: 5\nActual:   4', 'Acme/CalcTests.cs:21'],
      ['Acme.CalcTests', 'Divides', 'error', 'System.DivideByZeroException : Attempted to divide by zero.', 'Acme/Calc.cs:9'],
    ]);
  });

  it('source-file and source-line place a failure without a trace', async () => {
    const { data } = await parseNoticed(xunitNet, textSource(doc('failed="1"', test('Adds', 'Fail', '<failure><message>nope</message></failure>', 'source-file="/src/Acme/CalcTests.cs" source-line="17"'))), { root: '/src' });
    expect(data.failures[0]).toMatchObject({ file: 'Acme/CalcTests.cs', line: 17, message: 'nope' });
  });

  it('collection and class cleanup errors are failures of their own, even when every test passed', async () => {
    const errors =
      '<errors><error type="test-class-cleanup" name="Acme.DbTests"><failure exception-type="System.InvalidOperationException"><message>leaked connection</message><stack-trace>   at Acme.DbTests.Dispose() in /src/Acme/DbTests.cs:line 12</stack-trace></failure></error>' +
      '<error type="fatal"><failure exception-type="System.IO.FileNotFoundException"><message>Could not load Acme.Data</message></failure></error></errors>';
    const { data, notices } = await parseNoticed(xunitNet, textSource(doc('total="1" passed="1" failed="0" errors="2"', `${errors}<collection name="c">${test('Works', 'Pass')}</collection>`)), { root: '/src' });
    expect(notices).toEqual([]);
    expect(counts(data)).toEqual([3, 1, 2, 0, undefined]);
    expect(data.failures.map((f) => [f.name, f.kind, f.message, f.file])).toEqual([
      ['test-class-cleanup: Acme.DbTests', 'error', 'System.InvalidOperationException: leaked connection', 'Acme/DbTests.cs'],
      ['fatal', 'error', 'System.IO.FileNotFoundException: Could not load Acme.Data', undefined],
    ]);
  });

  it('an unknown result is a failure when the assembly declares no failed total that explains it', async () => {
    const { data, notices } = await parseNoticed(xunitNet, textSource(doc('total="1"', test('Odd', 'Broken')), 'x.xml'));
    expect(counts(data)).toEqual([1, 0, 1, 0, undefined]);
    expect(notices).toEqual(['x.xml: 1 test(s) in /src/Acme.Tests.dll have result "Broken", which is not Pass, Fail, Skip or NotRun: counted as failed']);
  });
});
