// Hostile and broken xUnit.net v2 XML: truncated, malformed, the wrong root, self-contradicting
// totals, nesting the format never has, and names and messages built to inject.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../src/core/errors.js';
import { xunitNet } from '../../src/core/reports/tests/xunit-net.js';
import { checkFiles, gate } from '../helpers/gate.js';
import { FIXTURES, parseNoticed, parseWith, textSource } from '../helpers/parse.js';

const refusal = (xml: string) =>
  parseWith(xunitNet, textSource(xml, 'xunit.xml')).then(
    () => undefined,
    (e: unknown) => e as ReportParseError,
  );

describe('xUnit.net: broken files are refused, naming the file and line', () => {
  it('the jest-xunit fixture cut in half', async () => {
    const whole = readFileSync(`${FIXTURES}xunit-net/jest-xunit.xml`, 'utf8');
    const error = await refusal(whole.slice(0, Math.floor(whole.length / 2)));
    expect(error).toBeInstanceOf(ReportParseError);
    expect(error!.message).toMatch(/^xunit\.xml:\d+: invalid XML: /);
  });

  it('JUnit XML named as xunit-net says what it is', async () => {
    const error = await refusal('<?xml version="1.0"?>\n<testsuite name="s"><testcase name="t"/></testsuite>');
    expect(error!.message).toBe(
      "xunit.xml:2: the root element is <testsuite>, not xUnit.net's <assemblies> (this is JUnit XML: use format junit)",
    );
  });

  it('a <test> inside a <test> (which would hide the outer result) is refused', async () => {
    const error = await refusal(
      '<assemblies><assembly>\n<test name="a" result="Fail"><test name="b" result="Pass"/></test></assembly></assemblies>',
    );
    expect(error!.message).toBe('xunit.xml:2: a <test> inside another <test>: not xUnit.net XML');
  });

  it('an external entity is never read', async () => {
    const error = await refusal(
      '<?xml version="1.0"?>\n<!DOCTYPE assemblies [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<assemblies><assembly><test name="&x;" result="Pass"/></assembly></assemblies>',
    );
    expect(error!.message).toMatch(/undefined entity/);
  });
});

describe('xUnit.net: a report never passes on its lenient half', () => {
  it('an assembly declaring failed="2" and errors="1" over passing tests counts 3 failures, and the gate fails', async () => {
    const xml =
      '<assemblies><assembly name="a.dll" total="2" passed="2" failed="2" errors="1"><collection name="c"><test name="t1" result="Pass"/><test name="t2" result="Pass"/></collection></assembly></assemblies>';
    const { data, notices } = await parseNoticed(xunitNet, textSource(xml, 'xunit.xml'));
    expect([data.total, data.passed, data.failed]).toEqual([5, 2, 3]);
    expect(notices).toEqual([
      'xunit.xml: a.dll declares 2 failures but lists 0: the 2 not listed count as failed',
      'xunit.xml: a.dll declares 1 errors but lists 0: the 1 not listed count as failed',
    ]);
    const report = await checkFiles(
      { 'xunit.xml': xml },
      { reports: { tests: ['xunit.xml'] }, levels: { ci: { tests: { pass_rate: 100 } } }, require: 'ci' },
    );
    expect(gate(report, 'tests.pass_rate')).toBe('fail');
  });

  it('unknown results are failures when failed is missing, negative, or not yet met', async () => {
    for (const attrs of ['', 'failed="-1"', 'failed="2"']) {
      const xml = `<assemblies><assembly name="a" ${attrs}><test name="t1" result="Fail"/><test name="t2" result="?"/></assembly></assemblies>`;
      const data = await parseWith(xunitNet, textSource(xml));
      expect([data.total, data.failed], attrs).toEqual([2, 2]);
    }
  });

  it('a test outside any assembly is still counted, and an unknown result there fails', async () => {
    const data = await parseWith(xunitNet, textSource('<assemblies><test name="t" result="Passed"/></assemblies>'));
    expect([data.total, data.passed, data.failed]).toEqual([1, 0, 1]);
  });

  it('an assembly that declares tests and lists none reads zero tests and says so', async () => {
    const { data, notices } = await parseNoticed(
      xunitNet,
      textSource('<assemblies><assembly name="a" total="12" passed="12"/></assemblies>', 'x.xml'),
    );
    expect(data.total).toBe(0);
    expect(notices).toEqual(['x.xml: a declares 12 tests but lists no <test>']);
  });
});

describe('xUnit.net: names and messages are kept verbatim for the renderer to escape', () => {
  const hostile = ['@org/team', '<script>alert(1)</script>', 'a|b', '::set-output name=x::y'];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

  it('test names, classes and failure messages', async () => {
    const tests = hostile
      .map(
        (n) =>
          `<test name="${esc(n)}" type="${esc(n)}" result="Fail"><failure><message>${esc(n)}</message></failure></test>`,
      )
      .join('');
    const data = await parseWith(xunitNet, textSource(`<assemblies><assembly>${tests}</assembly></assemblies>`));
    expect(data.failures.map((f) => [f.name, f.suite, f.message])).toEqual(hostile.map((n) => [n, n, n]));
  });

  it('an output of 70,000 characters is bounded', async () => {
    const data = await parseWith(
      xunitNet,
      textSource(
        `<assemblies><assembly><test name="t" result="Fail"><output>${'x'.repeat(70_000)}</output></test></assembly></assemblies>`,
      ),
    );
    expect(data.failures[0]!.message.length).toBeLessThan(9_000);
  });
});
