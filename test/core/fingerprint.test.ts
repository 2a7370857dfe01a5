import { describe, expect, it } from 'vitest';
import { assignFingerprints } from '../../src/core/fingerprint.js';
import { mergeLint } from '../../src/core/merge.js';
import { lintFinding } from '../helpers/signals.js';

describe('lint fingerprints', () => {
  it('survive line shifts', () => {
    const [a] = assignFingerprints([lintFinding('a.ts', 10, 'error')]);
    const [b] = assignFingerprints([lintFinding('a.ts', 42, 'error')]);
    expect(a!.fingerprint).toBe(b!.fingerprint);
  });

  it('differ by path, rule and message, and by rank among identical findings', () => {
    const fps = assignFingerprints([
      lintFinding('a.ts', 1, 'error'),
      lintFinding('a.ts', 2, 'error'),
      lintFinding('b.ts', 1, 'error'),
      lintFinding('a.ts', 3, 'error', 'other-rule'),
      lintFinding('a.ts', 4, 'error', 'no-x', 'different'),
    ]).map((f) => f.fingerprint);
    expect(new Set(fps).size).toBe(5);
  });

  it('merging drops exact duplicates from several reports', () => {
    const merged = mergeLint([
      { findings: [lintFinding('a.ts', 1, 'error')] },
      { findings: [lintFinding('a.ts', 1, 'error'), lintFinding('a.ts', 2, 'error')] },
    ]);
    expect(merged.findings.map((f) => f.line)).toEqual([1, 2]);
    expect(merged.findings.every((f) => /^[0-9a-f]{20}$/.test(f.fingerprint))).toBe(true);
  });
});
