import { describe, expect, it } from 'vitest';
import { applyAuditIgnores } from '../../src/core/audit-ignore.js';
import { finding } from '../helpers/signals.js';

describe('applyAuditIgnores', () => {
  const data = {
    findings: [finding('GHSA-aaaa', 'high', 'lodash', ['CVE-2020-1']), finding('GHSA-bbbb', 'low', 'minimist')],
  };

  it('marks findings matched by id or alias, with the reason', () => {
    const { data: out, notices } = applyAuditIgnores(
      data,
      [{ id: 'cve-2020-1', reason: 'unreachable', until: '2027-01-31' }],
      '2026-11-21',
    );
    expect(out.findings[0]!.ignored).toEqual({ reason: 'unreachable', until: '2027-01-31' });
    expect(out.findings[1]!.ignored).toBeUndefined();
    expect(notices).toEqual([]);
  });

  it('an expired ignore stops applying and says so; the last day still applies', () => {
    expect(
      applyAuditIgnores(data, [{ id: 'GHSA-aaaa', reason: 'r', until: '2026-11-21' }], '2026-11-21').data.findings[0]!
        .ignored,
    ).toBeDefined();
    const { data: out, notices } = applyAuditIgnores(
      data,
      [{ id: 'GHSA-aaaa', reason: 'r', until: '2026-11-20' }],
      '2026-11-21',
    );
    expect(out.findings[0]!.ignored).toBeUndefined();
    expect(notices).toEqual(['audit_ignore GHSA-aaaa expired on 2026-11-20: its findings count again']);
  });

  it('respects the package filter and reports ignores that match nothing', () => {
    const { data: out, notices } = applyAuditIgnores(
      data,
      [{ id: 'GHSA-aaaa', package: 'other', reason: 'r' }],
      '2026-11-21',
    );
    expect(out.findings[0]!.ignored).toBeUndefined();
    expect(notices).toEqual(['audit_ignore GHSA-aaaa matched no finding: remove it if the advisory is gone']);
  });
});
