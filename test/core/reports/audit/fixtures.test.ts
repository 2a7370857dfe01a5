import { describe, expect, it } from 'vitest';
import type { AuditFinding, Severity } from '../../../../src/core/model.js';
import { parseFixture } from '../../../helpers/parse.js';

function totals(findings: readonly AuditFinding[]): Partial<Record<Severity, number>> {
  const out: Partial<Record<Severity, number>> = {};
  for (const f of findings) out[f.severity] = (out[f.severity] ?? 0) + 1;
  return out;
}

// Totals per severity, after readygate's one-finding-per-advisory-and-package rule. Where a tool's
// own summary counts something else, the comment says how the two relate.
describe('audit fixtures: exact totals', () => {
  it.each([
    // npm 6 counts advisories too: metadata critical 1 = 1 advisory.
    ['npm-audit-v1/one_vuln.json', 'npm-audit', { critical: 1 }],
    // 5 advisories (DefectDojo edited the file: its metadata low 7 / moderate 2 / high 6 is not ground truth).
    ['npm-audit-v1/many_vuln_with_groups.json', 'npm-audit', { high: 2, moderate: 3 }],
    ['npm-audit-v2/no_vuln.json', 'npm-audit', {}],
    ['pnpm-audit/pnpm_audit_one_vuln.json', 'pnpm-audit', { moderate: 1, critical: 1 }],
    ['yarn-audit/yarn_audit_one_vul.json', 'yarn-audit', { high: 1 }],
    ['pip-audit/many_vulns_new.json', 'pip-audit', { high: 7 }],
    ['pip-audit/zero_vulns_new.json', 'pip-audit', {}],
    ['osv-scanner/some_findings.json', 'osv-scanner', { critical: 1 }],
    // osv-scanner's printer (#17): "aliases": null and severities without "type" (score "1": low).
    ['osv-scanner/print-grouped-packages.json', 'osv-scanner', { low: 5 }],
    ['osv-scanner/print-two-lockfiles.json', 'osv-scanner', { low: 2 }],
    ['sarif-audit/grype-cxf-3.4.6.sarif', 'sarif', { critical: 1, high: 11, moderate: 4, low: 6 }],
    ['sarif-audit/trivy-alpine-310.sarif', 'sarif', { moderate: 6, low: 2 }],
    // osv-scanner's printer (#17): -1 sentinels read as absent; regex twice in one lockfile is one
    // finding (rated 7.5: high), gogo/protobuf unrated (high by default, level warning rates nothing).
    ['sarif-audit/osv-scanner-print-00.sarif', 'sarif', { high: 2 }],
    // The same package in two lockfiles: two findings.
    ['sarif-audit/osv-scanner-two-lockfiles.sarif', 'sarif', { high: 2 }],
  ])('%s', async (file, format, expected) => {
    const { data, format: detected } = await parseFixture('audit', file);
    expect(detected).toBe(format);
    expect(totals(data.findings)).toEqual(expected);
  });
});

describe('npm audit counts advisories once per package, not npm\'s vulnerable packages', () => {
  it('one_vuln.json: npm says 1 high package (debug); readygate counts its 2 advisories', async () => {
    // metadata.vulnerabilities: { high: 1, total: 1 } counts the package `debug`, whose severity is
    // its worst advisory. Its `via` holds 2 advisories (moderate, high) and the string "ms" (an effect).
    const { data } = await parseFixture('audit', 'npm-audit-v2/one_vuln.json');
    expect(data.findings.map((f) => [f.id, f.package, f.severity])).toEqual([
      ['GHSA-gxpj-cx7g-858c', 'debug', 'moderate'],
      ['GHSA-9vvw-cc9w-f27h', 'debug', 'high'],
    ]);
    expect(data.findings[0]!.aliases).toEqual(['npm:1094222']);
  });

  it('many_vulns.json: npm says 6 packages (4 moderate, 2 low); readygate counts the 3 advisories', async () => {
    // @vercel/fun, @vercel/node and vercel are vulnerable only through string `via`s (effects of
    // debug, semver and undici), so they add no finding: 6 packages in npm's count, 3 advisories here.
    const { data } = await parseFixture('audit', 'npm-audit-v2/many_vulns.json');
    expect(totals(data.findings)).toEqual({ moderate: 2, low: 1 });
    expect(data.findings.map((f) => f.package).sort()).toEqual(['debug', 'semver', 'undici']);
    expect(data.findings.every((f) => f.fixAvailable === true)).toBe(true);
  });

  it('npm 6: ids, CVE aliases, versions and fix availability', async () => {
    const { data } = await parseFixture('audit', 'npm-audit-v1/one_vuln.json');
    expect(data.findings).toEqual([
      {
        id: 'npm:146',
        aliases: ['CVE-2017-16042'],
        package: 'growl',
        version: '1.9.2',
        severity: 'critical',
        title: 'Command Injection',
        url: 'https://www.npmjs.com/advisories/146',
        fixAvailable: true,
      },
    ]);
  });
});

describe('pip-audit and osv-scanner details', () => {
  it('pip-audit: unrated findings are high by default, and their title says so', async () => {
    const { data } = await parseFixture('audit', 'pip-audit/many_vulns_new.json');
    expect(data.findings.map((f) => `${f.package}@${f.version ?? ''} ${f.id}`)).toEqual([
      'aiohttp@3.6.2 PYSEC-2021-76',
      'django@3.2.9 PYSEC-2021-439',
      'lxml@4.6.4 PYSEC-2021-852',
      'twisted@18.9.0 PYSEC-2019-128',
      'twisted@18.9.0 PYSEC-2020-260',
      'twisted@18.9.0 PYSEC-2019-129',
      'twisted@18.9.0 PYSEC-2020-259',
    ]);
    expect(data.findings[0]!.title).toMatch(/\(pip-audit gives no severity: counted as high\)$/);
    expect(data.findings.find((f) => f.package === 'lxml')!.fixAvailable).toBe(false);
  });

  it('pip-audit: options.unknown_severity changes the default, and a bad value is refused', async () => {
    const { data } = await parseFixture('audit', 'pip-audit/many_vulns_new.json', { parserOptions: { unknown_severity: 'moderate' } });
    expect(totals(data.findings)).toEqual({ moderate: 7 });
    await expect(parseFixture('audit', 'pip-audit/many_vulns_new.json', { parserOptions: { unknown_severity: 'severe' } })).rejects.toThrow(
      'options.unknown_severity must be one of critical, high, moderate, low, info (got "severe")',
    );
  });

  it('osv-scanner: a MAL- malicious package is critical, with its group aliases and lockfile', async () => {
    const { data } = await parseFixture('audit', 'osv-scanner/some_findings.json');
    expect(data.findings).toEqual([
      {
        id: 'MAL-2023-1035',
        aliases: ['GHSA-8348-2q94-ffjx'],
        package: 'flot-axis',
        version: '0.0.0',
        severity: 'critical',
        title: 'Malicious code in flot-axis (npm)',
        url: 'https://github.com/advisories/GHSA-8348-2q94-ffjx',
        path: '/tmp/components/yarn.lock',
      },
    ]);
  });

  it('SARIF (Grype): advisory id from the rule id, package and version from the rule help', async () => {
    const { data } = await parseFixture('audit', 'sarif-audit/grype-cxf-3.4.6.sarif');
    const critical = data.findings.find((f) => f.severity === 'critical')!;
    expect(critical).toMatchObject({ id: 'CVE-2019-12419', package: 'cxf-xjc-runtime', aliases: ['CVE-2019-12419-cxf-xjc-runtime'] });
    expect(new Set(data.findings.map((f) => `${f.id} ${f.package}`)).size).toBe(22);
  });

  it('SARIF (Trivy): one finding per CVE and package, from the result message', async () => {
    const { data } = await parseFixture('audit', 'sarif-audit/trivy-alpine-310.sarif');
    expect(data.findings.map((f) => `${f.id} ${f.package} ${f.version ?? ''} ${f.severity}`).sort()).toEqual([
      'CVE-2019-1547 libcrypto1.1 1.1.1c-r0 low',
      'CVE-2019-1547 libssl1.1 1.1.1c-r0 low',
      'CVE-2019-1549 libcrypto1.1 1.1.1c-r0 moderate',
      'CVE-2019-1549 libssl1.1 1.1.1c-r0 moderate',
      'CVE-2019-1551 libcrypto1.1 1.1.1c-r0 moderate',
      'CVE-2019-1551 libssl1.1 1.1.1c-r0 moderate',
      'CVE-2019-1563 libcrypto1.1 1.1.1c-r0 moderate',
      'CVE-2019-1563 libssl1.1 1.1.1c-r0 moderate',
    ]);
  });
});

describe('osv-scanner SARIF: packages, versions and places from its messages', () => {
  it('names the package and version, keeps each lockfile, and says when nothing rates a finding', async () => {
    const { data } = await parseFixture('audit', 'sarif-audit/osv-scanner-print-00.sarif');
    expect(data.findings.map((f) => [f.id, f.package, f.version, f.path, f.severity])).toEqual([
      ['CVE-2022-24713', 'regex', '1.5.1', '/path/to/sub-rust-project/Cargo.lock', 'high'],
      ['CVE-2021-3121', 'github.com/gogo/protobuf', '1.3.1', '/path/to/go.mod', 'high'],
    ]);
    expect(data.findings[1]!.title).toContain('(osv-scanner gives no severity: counted as high)');
    const two = await parseFixture('audit', 'sarif-audit/osv-scanner-two-lockfiles.sarif');
    expect(two.data.findings.map((f) => [f.package, f.path])).toEqual([
      ['mine1', '<rootdir>/path/to/my/first/lockfile'],
      ['mine1', '<rootdir>/path/to/my/second/lockfile'],
    ]);
  });
});

describe('osv-scanner JSON: one finding per advisory, package and lockfile (#17)', () => {
  it('keeps the same package in two lockfiles as two findings, and merges two versions in one lockfile', async () => {
    const two = await parseFixture('audit', 'osv-scanner/print-two-lockfiles.json');
    expect(two.data.findings.map((f) => `${f.id} ${f.package} ${f.path}`)).toEqual([
      'OSV-1 mine1 <rootdir>/path/to/my/first/lockfile',
      'OSV-1 mine1 <rootdir>/path/to/my/second/lockfile',
    ]);
    const grouped = await parseFixture('audit', 'osv-scanner/print-grouped-packages.json');
    expect(grouped.data.findings[0]).toMatchObject({ id: 'OSV-1', package: 'mine1', version: '1.2.3, 1.2.2', aliases: [] });
  });
});
