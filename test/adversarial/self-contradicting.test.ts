// Class (#12, false passes): "totals that disagree with the findings". A report that contradicts
// itself never passes on its more lenient half: the stronger of the tool's own totals and what it
// itemises counts, and a notice says they disagree. npm audit, JUnit, jest/vitest JSON, TAP.
import { describe, expect, it } from 'vitest';
import { npmAudit } from '../../src/core/reports/audit/npm-audit.js';
import { jestJson } from '../../src/core/reports/tests/jest-json.js';
import { junit } from '../../src/core/reports/tests/junit.js';
import { tap } from '../../src/core/reports/tests/tap.js';
import { checkFiles, gate } from '../helpers/gate.js';
import { parseFixtureNoticed, parseNoticed, textSource } from '../helpers/parse.js';

const meta = (v: Record<string, number>) => ({
  vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...v },
});
const npm7 = (vulnerabilities: object, counts: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: meta(counts) });
const advisory = (name: string, severity: string, source = 1) => ({
  source,
  name,
  dependency: name,
  title: `${name} bug`,
  url: `https://github.com/advisories/GHSA-aaaa-bbbb-cccc`,
  severity,
  range: '<2',
});

describe('npm audit: metadata and package ratings against the advisories', () => {
  it('empty vulnerabilities with metadata high: 2 is two high findings, not a pass', async () => {
    const { data, notices } = await parseNoticed(npmAudit, textSource(npm7({}, { high: 2 }), 'audit.json'));
    expect(data.findings.map((f) => f.severity)).toEqual(['high', 'high']);
    expect(notices[0]).toMatch(
      /^audit\.json: npm audit's own totals disagree .*metadata counts 2 high vulnerable packages, the report lists 0/,
    );
    const report = await checkFiles(
      { 'audit.json': npm7({}, { high: 2 }) },
      { reports: { audit: ['audit.json'] }, levels: { ci: { audit: { high: 0 } } }, require: 'ci' },
    );
    expect(gate(report, 'audit.high')).toBe('fail');
    expect(report.notices.some((n) => n.includes('disagree'))).toBe(true);
  });

  it('a package whose via holds only names, in a cycle, with no advisory anywhere, counts at its own rating', async () => {
    const vulns = {
      a: { name: 'a', severity: 'critical', via: ['b'], effects: ['b'], range: '*', nodes: [], fixAvailable: false },
      b: { name: 'b', severity: 'critical', via: ['a'], effects: ['a'], range: '*', nodes: [], fixAvailable: false },
    };
    const { data, notices } = await parseNoticed(npmAudit, textSource(npm7(vulns, { critical: 2 })));
    expect(data.findings.map((f) => [f.package, f.severity])).toEqual([
      ['a', 'critical'],
      ['b', 'critical'],
    ]);
    expect(notices[0]).toContain('a is rated critical with no advisory behind it (via b)');
  });

  it('a via that names a package the report does not list explains nothing', async () => {
    const vulns = {
      app: { name: 'app', severity: 'high', via: ['ghost'], effects: [], range: '*', nodes: [], fixAvailable: true },
    };
    const { data } = await parseNoticed(npmAudit, textSource(npm7(vulns, { high: 1 })));
    expect(data.findings).toMatchObject([{ package: 'app', severity: 'high' }]);
  });

  it('a via advisory weaker than its package is raised to the package rating', async () => {
    const vulns = {
      lib: {
        name: 'lib',
        severity: 'critical',
        via: [advisory('lib', 'low')],
        effects: [],
        range: '<2',
        nodes: [],
        fixAvailable: true,
      },
    };
    const { data, notices } = await parseNoticed(npmAudit, textSource(npm7(vulns, { critical: 1 })));
    expect(data.findings).toHaveLength(1);
    expect(data.findings[0]).toMatchObject({ package: 'lib', severity: 'critical' });
    expect(data.findings[0]!.title).toContain('(npm audit rates lib critical: counted as critical)');
    expect(notices[0]).toContain('lib is rated critical but its advisories say at most low');
  });

  it('an effect explained by the package it names, as npm writes them, changes nothing (fixture many_vulns)', async () => {
    const { data, notices } = await parseFixtureNoticed('audit', 'npm-audit-v2/many_vulns.json');
    expect(notices).toEqual([]);
    expect(data.findings).toHaveLength(3);
  });

  it('npm 6: a severity its metadata counts with no advisory at or above it is a finding', async () => {
    const text = JSON.stringify({ actions: [], advisories: {}, muted: [], metadata: meta({ critical: 1 }) });
    const { data } = await parseNoticed(npmAudit, textSource(text));
    expect(data.findings.map((f) => f.severity)).toEqual(['critical']);
  });
});

const junitXml = (root: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;

describe('JUnit: suite totals against test cases', () => {
  it('<testsuites failures="2"> over a suite whose cases all pass counts 2 failures', async () => {
    const xml = junitXml(
      '<testsuites tests="3" failures="2"><testsuite name="s" tests="3"><testcase name="a"/><testcase name="b"/><testcase name="c"/></testsuite></testsuites>',
    );
    const { data, notices } = await parseNoticed(junit, textSource(xml, 'junit.xml'));
    expect(data).toMatchObject({ total: 5, passed: 3, failed: 2 });
    expect(data.failures[0]!.name).toBe('2 failure(s) the suite totals declare but no test case shows');
    expect(notices).toEqual([
      'junit.xml: the suites declare 2 failures and errors but list 0 failing test cases: the 2 not listed count as failed',
    ]);
    const report = await checkFiles(
      { 'junit.xml': xml },
      { reports: { tests: ['junit.xml'] }, levels: { ci: { tests: { pass_rate: 100 } } }, require: 'ci' },
    );
    expect(gate(report, 'tests.pass_rate')).toBe('fail');
  });

  it('a <testsuite errors="1"> whose cases pass, nested under a root that declares nothing', async () => {
    const xml = junitXml(
      '<testsuites><testsuite name="s" errors="1"><testcase name="a"/></testsuite><testsuite name="t" failures="1"><testcase name="b"><failure message="x"/></testcase></testsuite></testsuites>',
    );
    const { data } = await parseNoticed(junit, textSource(xml));
    expect(data).toMatchObject({ total: 3, passed: 1, failed: 2 });
  });

  it('consistent totals add nothing, and a root that sums its suites is not counted twice', async () => {
    const xml = junitXml(
      '<testsuites failures="2"><testsuite failures="1"><testcase name="a"><failure/></testcase></testsuite><testsuite failures="1"><testcase name="b"><failure/></testcase></testsuite></testsuites>',
    );
    const { data, notices } = await parseNoticed(junit, textSource(xml));
    expect(data).toMatchObject({ total: 2, failed: 2 });
    expect(notices).toEqual([]);
  });
});

describe('JUnit: declared skipped tests the file leaves out', () => {
  it('<testsuite skipped="2"> listing no skipped case fails max_skipped: 0', async () => {
    const xml = junitXml(
      '<testsuites><testsuite name="s" tests="4" skipped="2"><testcase name="a"/><testcase name="b"/></testsuite></testsuites>',
    );
    const { data, notices } = await parseNoticed(junit, textSource(xml, 'junit.xml'));
    expect(data).toMatchObject({ total: 4, passed: 2, skipped: 2 });
    expect(notices).toEqual([
      'junit.xml: the suites declare 2 skipped tests but list 0 skipped test cases: the 2 not listed count as skipped',
    ]);
    const report = await checkFiles(
      { 'junit.xml': xml },
      { reports: { tests: ['junit.xml'] }, levels: { ci: { tests: { max_skipped: 0 } } }, require: 'ci' },
    );
    expect(gate(report, 'tests.max_skipped')).toBe('fail');
  });

  it("a root that sums its suites' skips is not counted twice, and listed skips add nothing", async () => {
    const xml = junitXml(
      '<testsuites skipped="1"><testsuite skipped="1"><testcase name="a"><skipped/></testcase></testsuite><testsuite><testcase name="b"/></testsuite></testsuites>',
    );
    const { data, notices } = await parseNoticed(junit, textSource(xml));
    expect(data).toMatchObject({ total: 2, passed: 1, skipped: 1 });
    expect(notices).toEqual([]);
  });
});

describe('jest / vitest JSON: the runner verdict against the assertions', () => {
  const jest = (over: object, assertions: object[] = [{ title: 't', status: 'passed' }]) =>
    JSON.stringify({
      numTotalTests: assertions.length,
      numFailedTests: 0,
      success: true,
      testResults: [{ name: '/r/a.test.js', status: 'passed', message: '', assertionResults: assertions }],
      ...over,
    });

  it('success: false with every assertion passed is one failure', async () => {
    const { data, notices } = await parseNoticed(jestJson, textSource(jest({ success: false }), 'jest.json'));
    expect(data).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(notices).toEqual([
      'jest.json: the runner says the run failed (success: false) but no test failed: counted as one failure',
    ]);
  });

  it('numFailedTests: 3 with no failed assertion counts 3 failures', async () => {
    const { data } = await parseNoticed(jestJson, textSource(jest({ numFailedTests: 3, success: false })));
    expect(data).toMatchObject({ total: 4, passed: 1, failed: 3 });
  });

  it('wasInterrupted: true is a failure', async () => {
    const { data } = await parseNoticed(jestJson, textSource(jest({ wasInterrupted: true })));
    expect(data.failed).toBe(1);
  });
});

describe('TAP: the plan against the points', () => {
  it('more points than the plan announced is a failure', async () => {
    const { data, notices } = await parseNoticed(
      tap,
      textSource('TAP version 13\n1..1\nok 1 - a\nok 2 - b\n', 't.tap'),
    );
    expect(data).toMatchObject({ total: 3, passed: 2, failed: 1 });
    expect(notices).toEqual(['t.tap: the plan 1..1 announces fewer tests than the 2 that ran: counted as one failure']);
  });

  it('fewer points than planned is a failure (as before)', async () => {
    const { data } = await parseNoticed(tap, textSource('1..3\nok 1 - a\n'));
    expect(data.failed).toBe(1);
  });
});
