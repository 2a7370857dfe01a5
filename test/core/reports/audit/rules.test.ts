import { describe, expect, it } from 'vitest';
import { cvss3BaseScore } from '../../../../src/core/reports/audit/cvss.js';
import { osvScanner } from '../../../../src/core/reports/audit/osv-scanner.js';
import { sarifSeverity } from '../../../../src/core/reports/audit/sarif.js';
import { yarnBerryAudit } from '../../../../src/core/reports/audit/yarn-berry.js';
import { yarnClassicAudit } from '../../../../src/core/reports/audit/yarn-classic.js';
import type { SarifItem } from '../../../../src/core/reports/sarif/read.js';
import { parseWith, textSource } from '../../../helpers/parse.js';

describe('CVSS v3 base scores (values from the FIRST calculator)', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H', 5.9],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
  ])('%s = %d', (vector, score) => {
    expect(cvss3BaseScore(vector)).toBe(score);
  });

  it('does not score v2, v4 or broken vectors', () => {
    expect(cvss3BaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeUndefined();
    expect(cvss3BaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBeUndefined();
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L')).toBeUndefined();
  });
});

describe('SARIF audit severity: security-severity, then tags, then level', () => {
  const item = (over: Partial<SarifItem>): SarifItem => ({ tool: 't', level: 'warning', message: '', ...over });
  it.each([
    [{ properties: { 'security-severity': '9.0' } }, 'critical'],
    [{ properties: { 'security-severity': '8.9' } }, 'high'],
    [{ properties: { 'security-severity': '7' } }, 'high'],
    [{ properties: { 'security-severity': '4.0' } }, 'moderate'],
    [{ properties: { 'security-severity': '0.1' } }, 'low'],
    // 0 is "no rating" (Trivy UNKNOWN or v2-only, Grype without metadata): tags, then the level decide.
    [{ properties: { 'security-severity': '0' } }, 'moderate'],
    [{ properties: { 'security-severity': '0.0', tags: ['vulnerability', 'security', 'HIGH'] }, level: 'error' }, 'high'],
    [{ properties: { 'security-severity': '0.0', tags: ['vulnerability', 'security', 'UNKNOWN'] }, level: 'note' }, 'high'],
    [{ rule: { properties: { 'security-severity': 9.8, tags: ['LOW'] } } }, 'critical'],
    [{ rule: { properties: { tags: ['vulnerability', 'CRITICAL'] } } }, 'critical'],
    [{ level: 'error' }, 'high'],
    [{ level: 'note' }, 'low'],
    [{ level: 'none' }, 'info'],
    [{ properties: { 'security-severity': 'high' }, level: 'note' }, 'low'],
  ] as const)('%j -> %s', (over, expected) => {
    expect(sarifSeverity(item(over as Partial<SarifItem>))).toBe(expected);
  });
});

describe('osv-scanner severity sources', () => {
  const report = (vuln: object, group: object = {}) =>
    JSON.stringify({ results: [{ source: { path: '/repo/go.sum', type: 'lockfile' }, packages: [{ package: { name: 'p', version: '1' }, vulnerabilities: [{ id: 'GHSA-aaaa-bbbb-cccc', ...vuln }], groups: [{ ids: ['GHSA-aaaa-bbbb-cccc'], ...group }] }] }] });
  it('prefers the advisory rating, then max_severity, then a CVSS v3 vector; else unrated', async () => {
    const sev = async (text: string) => (await parseWith(osvScanner, textSource(text))).findings[0]!;
    expect((await sev(report({ database_specific: { severity: 'MODERATE' } }, { max_severity: '9.8' }))).severity).toBe('moderate');
    expect((await sev(report({}, { max_severity: '7.5' }))).severity).toBe('high');
    expect((await sev(report({ severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N' }] }))).severity).toBe('moderate');
    const unrated = await sev(report({ summary: 'x' }));
    expect(unrated.severity).toBe('high');
    expect(unrated.title).toBe('x (osv-scanner gives no severity: counted as high)');
    expect(unrated.path).toBe('go.sum');
  });
});

describe('yarn NDJSON', () => {
  // yarn berry: no real file could be produced here (the registry's audit endpoint is unreachable);
  // these lines follow the shape yarn 4 documents and that projects record from it.
  const berry = [
    '{"value":"brace-expansion","children":{"ID":1115540,"Issue":"brace-expansion: Zero-step sequence causes process hang","URL":"https://github.com/advisories/GHSA-f886-m6hf-6m8v","Severity":"moderate","Vulnerable Versions":"<1.1.13","Tree Versions":["1.1.12"],"Dependents":["minimatch@npm:3.1.2"]}}',
    '{"value":"node-forge","children":{"ID":1115545,"Issue":"Forge basicConstraints bypass","URL":"https://github.com/advisories/GHSA-2328-f5f3-gj25","Severity":"high","Vulnerable Versions":"<=1.3.3","Tree Versions":["1.3.3"],"Dependents":["x@npm:0.0.6"]}}',
    '{"value":"request","children":{"ID":"request (deprecation)","Issue":"request has been deprecated","Severity":"moderate","Vulnerable Versions":"*","Tree Versions":["2.88.2"],"Dependents":["a@workspace:."]}}',
  ].join('\n');

  it('yarn berry: one finding per line, deprecations not counted', async () => {
    expect(yarnBerryAudit.detect(berry)).toBe(true);
    const data = await parseWith(yarnBerryAudit, textSource(berry));
    expect(data.findings.map((f) => [f.id, f.package, f.version, f.severity, f.aliases])).toEqual([
      ['GHSA-f886-m6hf-6m8v', 'brace-expansion', '1.1.12', 'moderate', ['npm:1115540']],
      ['GHSA-2328-f5f3-gj25', 'node-forge', '1.3.3', 'high', ['npm:1115545']],
    ]);
  });

  it('yarn berry: a bad line is refused with its line number; an empty file is not a pass', async () => {
    await expect(parseWith(yarnBerryAudit, textSource(`${berry}\n{"value":"x"}\n`, 'y.json'))).rejects.toThrow('y.json:4: not a yarn npm audit line');
    await expect(parseWith(yarnBerryAudit, textSource('', 'y.json'))).rejects.toThrow('y.json: file is empty');
  });

  it('yarn classic: summary lines are not counted; a line that is not JSON names its line', async () => {
    const summary = '{"type":"auditSummary","data":{"vulnerabilities":{"info":0,"low":0,"moderate":0,"high":3,"critical":0}}}';
    expect((await parseWith(yarnClassicAudit, textSource(`${summary}\n`))).findings).toEqual([]);
    await expect(parseWith(yarnClassicAudit, textSource(`${summary}\n{"type":"auditAdv`, 'y.ndjson'))).rejects.toThrow(/^y\.ndjson:2: invalid JSON/);
    await expect(parseWith(yarnClassicAudit, textSource('{"type":"info","data":"x"}\n', 'y.ndjson'))).rejects.toThrow('no yarn audit lines');
    await expect(parseWith(yarnClassicAudit, textSource('{"type":"auditAdvisory","data":{"advisory":{"id":1}}}\n', 'y.ndjson'))).rejects.toThrow(
      /^y\.ndjson:1: not a valid yarn auditAdvisory line: .* at data\.advisory\.module_name/,
    );
  });
});
