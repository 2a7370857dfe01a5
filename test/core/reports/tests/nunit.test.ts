import { describe, expect, it } from 'vitest';
import { nunit } from '../../../../src/core/reports/tests/nunit.js';
import { parseFixtureNoticed, parseNoticed, textSource } from '../../../helpers/parse.js';

const counts = (d: { total: number; passed: number; failed: number; skipped: number; flaky?: number }) => [d.total, d.passed, d.failed, d.skipped, d.flaky];

describe('NUnit fixtures written by the tools (see test/fixtures/nunit/README.md)', () => {
  it('NUnit 2.6.4 console: 3 passed, 7 failed (with the teardown-failed fixture), 2 skipped', async () => {
    const { data, format, notices } = await parseFixtureNoticed('tests', 'nunit/nunit2-console.xml', { stripPrefixes: ['/tmp/fmt/nunit2'] });
    expect(format).toBe('nunit');
    expect(notices).toEqual([]);
    expect(counts(data)).toEqual([12, 3, 7, 2, undefined]);
    expect(data.durationMs).toBe(164);
    expect(data.failures.map((f) => [f.suite, f.name, f.kind, f.file && `${f.file}:${f.line}`])).toEqual([
      ['Acme.Calc.Tests.CalcTests', 'AddsCases(2,2,5)', 'failure', 'Calc/CalcTests.cs:35'],
      ['Acme.Calc.Tests.CalcTests', 'AddsNegatives', 'failure', 'Calc/CalcTests.cs:19'],
      ['Acme.Calc.Tests.CalcTests', 'DividesByZero', 'error', 'Calc/CalcTests.cs:22'],
      ['Acme.Calc.Tests.CalcTests', 'NeedsAnArgument', 'error', undefined],
      [undefined, 'Acme.Calc.Tests.CleanupTests', 'error', undefined],
      ['Acme.Calc.Tests.DatabaseTests', 'Reads', 'failure', 'Calc/CalcTests.cs:45'],
      ['Acme.Calc.Tests.DatabaseTests', 'Writes', 'failure', 'Calc/CalcTests.cs:45'],
    ]);
    const byName = new Map(data.failures.map((f) => [f.name, f]));
    expect(byName.get('AddsNegatives')!.message).toBe('deliberate failure\n  Expected: -4\n  But was:  -5');
    expect(byName.get('NeedsAnArgument')!.message).toBe('No arguments were provided');
    expect(byName.get('Acme.Calc.Tests.CleanupTests')!.message).toBe(
      'the suite Acme.Calc.Tests.CleanupTests reports result Failure though none of its tests failed (a fixture setup or teardown failure?)',
    );
    expect(byName.get('Reads')!.message).toBe('TestFixtureSetUp failed in DatabaseTests');
    expect(byName.get('Reads')!.details).toMatch(/^SetUp : System\.InvalidOperationException : database is down\nat Acme\.Calc\.Tests\.DatabaseTests\.Connect/);
  });

  it('TestCafe nunit3: result decides, not the quarantine log in <failure>; Inconclusive is not a pass', async () => {
    const { data, format, notices } = await parseFixtureNoticed('tests', 'nunit/nunit3-testcafe.xml', { stripPrefixes: ['/tmp/fmt/tc'] });
    expect(format).toBe('nunit');
    expect(notices).toEqual([]);
    expect(counts(data)).toEqual([7, 2, 3, 2, undefined]);
    expect(data.durationMs).toBe(18_742);
    expect(data.failures.map((f) => [f.suite, f.name, `${f.file}:${f.line}`, f.message.split('\n')[0]])).toEqual([
      ['Calc page', 'adds negatives (deliberate failure)', 'tests/calc.test.js:16', "❌ AssertionError: expected '4' to deeply equal '-5'"],
      ['Calc page', 'throws inside the test', 'tests/calc.test.js:20', '❌ Error: database is down'],
      ['Broken setup', 'never runs its body', 'tests/calc.test.js:31', '❌ - Error in fixture.before hook -'],
    ]);
  });

  it('jest-nunit-reporter: the file makes the todo test a Failure and leaves skipped tests out; the file is read as it says', async () => {
    const { data, format, notices } = await parseFixtureNoticed('tests', 'nunit/jest-nunit-reporter.xml');
    expect(format).toBe('nunit');
    expect(notices).toEqual([]);
    expect(counts(data)).toEqual([17, 13, 4, 0, undefined]);
    expect(data.failures.map((f) => [f.suite, f.name, f.message.split('\n')[0]])).toEqual([
      ['/tmp/fx-js/jt/tests/strings.test.js', 'strings/truncate truncates long text with an ellipsis', 'Error: expect(received).toBe(expected) // Object.is equality'],
      ['/tmp/fx-js/jt/tests/strings.test.js', 'strings/truncate handles missing input', "TypeError: Cannot read properties of undefined (reading 'length')"],
      ['/tmp/fx-js/jt/tests/math.test.js', 'math/add adds floating point numbers exactly', 'Error: expect(received).toBe(expected) // Object.is equality'],
      ['/tmp/fx-js/jt/tests/math.test.js', 'math computes the median', 'test result failure'],
    ]);
  });
});

// The NUnit 3 console's own attributes, which no tool here writes (see the fixture README): the shape
// of the NUnit documentation's "Test Result XML Format".
const run = (attrs: string, body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<test-run id="0" ${attrs}>\n${body}\n</test-run>\n`;
const fixture = (attrs: string, body: string) =>
  `<test-suite type="Assembly" name="Calc.Tests.dll" result="Passed"><test-suite type="TestFixture" name="CalcTests" fullname="Acme.CalcTests" classname="Acme.CalcTests" ${attrs}>${body}</test-suite></test-suite>`;
const tc = (name: string, attrs: string, body = '') => `<test-case name="${name}" fullname="Acme.CalcTests.${name}" classname="Acme.CalcTests" ${attrs}>${body}</test-case>`;

describe('NUnit 3 console shapes', () => {
  it('Skipped with label Ignored or Explicit, Inconclusive and Warning are skipped; Failed with label Error is an error', async () => {
    const body = fixture(
      'result="Failed" site="Child"',
      [
        tc('Adds', 'result="Passed" duration="0.01"'),
        tc('Ignored', 'result="Skipped" label="Ignored"', '<reason><message><![CDATA[later]]></message></reason>'),
        tc('Explicit', 'result="Skipped" label="Explicit"'),
        tc('Unsure', 'result="Inconclusive"'),
        tc('Warns', 'result="Warning"'),
        tc('Throws', 'result="Failed" label="Error"', '<failure><message><![CDATA[System.Exception : boom]]></message><stack-trace><![CDATA[   at Acme.CalcTests.Throws() in /src/Acme/CalcTests.cs:line 27]]></stack-trace></failure>'),
        tc('Invalid', 'result="Failed" label="Invalid"', '<reason><message><![CDATA[Method has non-void return value]]></message></reason>'),
      ].join(''),
    );
    const { data, notices } = await parseNoticed(nunit, textSource(run('result="Failed" total="7" passed="1" failed="2" duration="1.5"', body)), { root: '/src' });
    expect(notices).toEqual([]);
    expect(counts(data)).toEqual([7, 1, 2, 4, undefined]);
    expect(data.durationMs).toBe(1500);
    expect(data.failures.map((f) => [f.suite, f.name, f.kind, f.message, f.file, f.line])).toEqual([
      ['Acme.CalcTests', 'Throws', 'error', 'System.Exception : boom', 'Acme/CalcTests.cs', 27],
      ['Acme.CalcTests', 'Invalid', 'error', 'Method has non-void return value', undefined, undefined],
    ]);
  });

  it('OneTimeSetUp failure: each case (site="Parent") fails and carries the fixture exception', async () => {
    const failure = '<failure><message><![CDATA[System.InvalidOperationException : database is down]]></message><stack-trace><![CDATA[   at Acme.CalcTests.Connect() in /src/Acme/CalcTests.cs:line 12]]></stack-trace></failure>';
    const cases = ['Reads', 'Writes'].map((n) => tc(n, 'result="Failed" label="Error" site="Parent"', '<failure><message><![CDATA[OneTimeSetUp: System.InvalidOperationException : database is down]]></message></failure>'));
    const { data } = await parseNoticed(nunit, textSource(run('result="Failed" failed="2"', fixture('result="Failed" label="Error" site="SetUp"', failure + cases.join('')))), { root: '/src' });
    expect(counts(data)).toEqual([2, 0, 2, 0, undefined]);
    expect(data.failures[0]).toMatchObject({ name: 'Reads', message: 'OneTimeSetUp: System.InvalidOperationException : database is down', file: 'Acme/CalcTests.cs', line: 12 });
  });

  it('OneTimeTearDown failure with every case passed is one failure, with the fixture message', async () => {
    const failure = '<failure><message><![CDATA[TearDown : System.Exception : leaked connection]]></message></failure>';
    const { data } = await parseNoticed(nunit, textSource(run('result="Failed"', fixture('result="Failed" label="Error" site="TearDown"', failure + tc('Works', 'result="Passed"')))));
    expect(counts(data)).toEqual([2, 1, 1, 0, undefined]);
    expect(data.failures).toEqual([{ name: 'Acme.CalcTests', message: 'TearDown : System.Exception : leaked connection', kind: 'error' }]);
  });

  it('a run that says Failed with no failed suite or case is one failure', async () => {
    const { data } = await parseNoticed(nunit, textSource(run('result="Failed"', fixture('result="Passed"', tc('Works', 'result="Passed"')))));
    expect(counts(data)).toEqual([2, 1, 1, 0, undefined]);
    expect(data.failures[0]!.message).toBe('the test run reports result Failed though none of its tests failed (a fixture setup or teardown failure?)');
  });

  it('a passed run with passed cases adds nothing; Passed under a Passed fixture counts once', async () => {
    const { data, notices } = await parseNoticed(nunit, textSource(run('result="Passed" total="1" failed="0"', fixture('result="Passed"', tc('Works', 'result="Passed"')))));
    expect(counts(data)).toEqual([1, 1, 0, 0, undefined]);
    expect(notices).toEqual([]);
  });
});

describe('NUnit 2 shapes other tools write', () => {
  it('NUnit 2.4 cases with executed/success and no result attribute', async () => {
    const xml =
      '<test-results name="a.dll" total="3" failures="1" not-run="1"><test-suite name="a.dll" success="False" executed="True"><results>' +
      '<test-case name="A.T.Ok" executed="True" success="True"/><test-case name="A.T.Bad" executed="True" success="False"><failure><message>no</message><stack-trace/></failure></test-case><test-case name="A.T.Off" executed="False"/>' +
      '</results></test-suite></test-results>';
    const { data } = await parseNoticed(nunit, textSource(xml));
    expect(counts(data)).toEqual([3, 1, 1, 1, undefined]);
    expect(data.failures[0]).toMatchObject({ name: 'A.T.Bad', suite: 'a.dll', message: 'no', kind: 'failure' });
  });

  it('Pester-style Inconclusive and Ignored are skipped; a Cancelled case is an error', async () => {
    const xml =
      '<test-results name="Pester" total="3" errors="0" failures="0"><test-suite type="TestFixture" name="Get-Thing" executed="True" result="Failure" success="False"><results>' +
      '<test-case name="Get-Thing.works" executed="True" result="Inconclusive" success="True"/><test-case name="Get-Thing.later" executed="False" result="Ignored"/><test-case name="Get-Thing.stopped" executed="True" result="Cancelled" success="False"/>' +
      '</results></test-suite></test-results>';
    const { data } = await parseNoticed(nunit, textSource(xml));
    expect(counts(data)).toEqual([3, 0, 1, 2, undefined]);
    expect(data.failures[0]).toMatchObject({ name: 'stopped', suite: 'Get-Thing', kind: 'error', message: 'test result cancelled' });
  });
});
