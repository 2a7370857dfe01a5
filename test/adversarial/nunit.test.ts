// Hostile and broken NUnit XML: truncated, malformed, self-contradicting totals, nesting NUnit
// never writes, unknown result words, and names and messages built to inject.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../src/core/errors.js';
import { nunit } from '../../src/core/reports/tests/nunit.js';
import { checkFiles, gate } from '../helpers/gate.js';
import { FIXTURES, parseNoticed, parseWith, textSource } from '../helpers/parse.js';

const refusal = (xml: string) =>
  parseWith(nunit, textSource(xml, 'TestResult.xml')).then(
    () => undefined,
    (e: unknown) => e as ReportParseError,
  );

describe('NUnit: broken files are refused, naming the file and line', () => {
  it.each(['nunit2-console.xml', 'nunit3-testcafe.xml'])('%s cut in half', async (name) => {
    const whole = readFileSync(`${FIXTURES}nunit/${name}`, 'utf8');
    const error = await refusal(whole.slice(0, Math.floor(whole.length / 2)));
    expect(error).toBeInstanceOf(ReportParseError);
    expect(error!.message).toMatch(/^TestResult\.xml:\d+: invalid XML: /);
  });

  it('mismatched tags', async () => {
    const error = await refusal(
      '<test-run><test-suite><test-case name="a" result="Passed"></test-suite></test-case></test-run>',
    );
    expect(error!.message).toMatch(/^TestResult\.xml:1: invalid XML: /);
  });

  it('a <test-case> inside a <test-case> (which would hide the outer result) is refused', async () => {
    const error = await refusal(
      '<test-run>\n<test-case name="outer" result="Failed">\n<test-case name="inner" result="Passed"/></test-case></test-run>',
    );
    expect(error!.message).toBe('TestResult.xml:3: a <test-case> inside another <test-case>: not NUnit XML');
  });

  it('an entity bomb is not expanded', async () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE test-run [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<test-run><test-case name="&b;" result="Passed"/></test-run>';
    expect((await refusal(xml))!.message).toMatch(/undefined entity/);
  });
});

describe('NUnit: a report never passes on its lenient half', () => {
  it('an unknown result word is a failure, never a pass', async () => {
    const data = await parseWith(nunit, textSource('<test-run><test-case name="t" result="Sucess"/></test-run>'));
    expect([data.total, data.passed, data.failed]).toEqual([1, 0, 1]);
    expect(data.failures[0]!.message).toBe('test result sucess');
  });

  it('a case with no result, no executed and no success attribute is a failure', async () => {
    const data = await parseWith(nunit, textSource('<test-results><test-case name="t"/></test-results>'));
    expect([data.total, data.failed]).toEqual([1, 1]);
  });

  it('NUnit 2 totals declaring more failures and errors than the cases show count the difference', async () => {
    const xml =
      '<test-results total="2" failures="2" errors="1"><test-suite name="s" result="Success"><results><test-case name="s.a" result="Success"/><test-case name="s.b" result="Failure"/></results></test-suite></test-results>';
    const { data, notices } = await parseNoticed(nunit, textSource(xml, 'TestResult.xml'));
    expect([data.total, data.passed, data.failed]).toEqual([4, 1, 3]);
    expect(notices).toEqual([
      'TestResult.xml: the run declares 3 failures but its test cases show 1: the 2 not listed count as failed',
    ]);
    expect(data.failures[1]!.name).toBe('2 failure(s) the run declares but no test case shows');
  });

  it('NUnit 3 failed="3" over passing cases fails the pass-rate gate', async () => {
    const xml =
      '<test-run result="Passed" total="2" passed="2" failed="3"><test-suite type="Assembly" name="a" result="Passed"><test-case name="a" result="Passed"/><test-case name="b" result="Passed"/></test-suite></test-run>';
    const report = await checkFiles(
      { 'TestResult.xml': xml },
      { reports: { tests: ['TestResult.xml'] }, levels: { ci: { tests: { pass_rate: 100 } } }, require: 'ci' },
    );
    expect(report.signals.tests).toMatchObject({ total: 5, passed: 2, failed: 3 });
    expect(gate(report, 'tests.pass_rate')).toBe('fail');
  });

  it('declared totals that are not numbers, or negative, add nothing and take nothing away', async () => {
    const xml = '<test-run failed="-4" total="abc"><test-case name="a" result="Failed"/></test-run>';
    const { data, notices } = await parseNoticed(nunit, textSource(xml));
    expect([data.total, data.failed]).toEqual([1, 1]);
    expect(notices).toEqual([]);
  });

  it('a run that lists no case but declares tests says so and reads zero tests (a min_total gate fails)', async () => {
    const { data, notices } = await parseNoticed(
      nunit,
      textSource('<test-run total="40" passed="40" failed="0"/>', 'TestResult.xml'),
    );
    expect(data.total).toBe(0);
    expect(notices).toEqual(['TestResult.xml: the run declares 40 tests but lists no <test-case>: read as 0']);
  });

  it('a failed suite with only skipped cases is a failure', async () => {
    const xml =
      '<test-run><test-suite type="TestFixture" name="F" result="Failed" label="Error" site="SetUp"><test-case name="a" result="Skipped"/></test-suite></test-run>';
    const data = await parseWith(nunit, textSource(xml));
    expect([data.total, data.skipped, data.failed]).toEqual([2, 1, 1]);
  });
});

describe('NUnit: names and messages are kept verbatim for the renderer to escape', () => {
  const hostile = ['@org/team', '<script>alert(1)</script>', 'a|b', '::set-output name=x::y'];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

  it('case names, class names and failure messages', async () => {
    const cases = hostile
      .map(
        (n) =>
          `<test-case name="${esc(n)}" classname="${esc(n)}" result="Failed"><failure><message>${esc(n)}</message></failure></test-case>`,
      )
      .join('');
    const data = await parseWith(nunit, textSource(`<test-run>${cases}</test-run>`));
    expect(data.failures.map((f) => [f.name, f.suite, f.message])).toEqual(hostile.map((n) => [n, n, n]));
  });

  it('a message of 70,000 characters is bounded', async () => {
    const huge = 'x'.repeat(70_000);
    const data = await parseWith(
      nunit,
      textSource(
        `<test-run><test-case name="t" result="Failed"><failure><message>${huge}</message><stack-trace>${huge.replace(/x/g, 'y')}</stack-trace></failure></test-case></test-run>`,
      ),
    );
    expect(data.failures[0]!.message.length).toBeLessThan(9_000);
    expect(data.failures[0]!.details!.length).toBeLessThan(9_000);
  });
});
