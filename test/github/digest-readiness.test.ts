import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BADGE_SIGNALS, signalBadge } from '../../src/core/render/badge.js';
import { ReportV1 } from '../../src/core/report-schema.js';
import { MAX_DIGEST_CHARS, decodeDigest, encodeDigest } from '../../src/github/digest.js';
import { readinessReport } from '../../src/github/digest-readiness.js';
import { XSS, pageReport } from '../core/render/page-fixtures.js';
import { BASE_SHA, sampleReport } from './helpers.js';

const marker = (json: string) =>
  `<!-- readygate:digest:v1 ${Buffer.from(deflateSync(new TextEncoder().encode(json))).toString('base64')} -->`;

function decoded(summary: string) {
  const result = decodeDigest(summary, 's');
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

/** Text that deflate cannot shrink much: a linear congruential sequence of letters. */
function noise(seed: number, length: number): string {
  let x = seed + 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(97 + ((x >> 16) % 26));
  }
  return out;
}

/** pageReport with `n` lint findings (distinct fingerprints) and `gateCount` gates with 300-character messages. */
function bulky(n: number, gateCount: number): ReportV1 {
  const r = pageReport();
  const findings = Array.from({ length: n }, (_, i) => ({
    path: 'src/a.ts',
    severity: 'warning' as const,
    message: 'm',
    fingerprint: ((i + 1) * 2654435761).toString(16).padStart(16, '0').slice(-16),
  }));
  const gates = Array.from({ length: gateCount }, (_, i) => ({
    ...r.gates[0]!,
    id: `tests.pass_rate[${i}]`,
    message: noise(i, 300),
  }));
  return { ...r, gates, signals: { ...r.signals, lint: { ...r.signals.lint!, warnings: n, findings } } };
}

describe('the readiness in the digest', () => {
  it('carries level, gates, test, audit and lint counts and milestones, and gives back the same badges', () => {
    const report = pageReport();
    const result = decoded(`## readygate\n${encodeDigest(report, BASE_SHA)}`);
    const r = result.readiness!;
    expect(r).toMatchObject({
      verdict: 'fail',
      level: 'beta',
      required: 'production',
      mode: 'enforce',
      branch: 'main',
    });
    expect(r.tests).toEqual({ total: 735, passed: 732, failed: 0, skipped: 3, flaky: 0 });
    expect(r.audit).toEqual({ critical: 0, high: 0, moderate: 1, low: 0, info: 0, ignored: 0 });
    expect(r.lint_counts).toEqual({ errors: 0, warnings: 4, notes: 0 });
    expect(r.roadmap?.milestones).toEqual(report.signals.roadmap!.milestones);
    expect(result.coverage).toEqual({ lines: { covered: 842, total: 1000 }, files: 12 });

    const back = readinessReport(r, result.coverage);
    expect(ReportV1.safeParse(back).success).toBe(true);
    // The digest leaves each gate's unit and direction out (a digest reader of an earlier version
    // refuses keys it does not know); its kind gives them back.
    expect(r.gates?.some((g) => 'unit' in g || 'direction' in g)).toBe(false);
    expect(back.gates).toEqual(report.gates);
    for (const signal of BADGE_SIGNALS) expect(signalBadge(back, signal)).toEqual(signalBadge(report, signal));
  });

  it('reads a digest written before the readiness was added: the base is there, the readiness is not', () => {
    const old = marker(
      JSON.stringify({ sha: BASE_SHA, coverage: { lines: { covered: 1, total: 4 } }, lint: ['0123456789abcdef'] }),
    );
    const result = decoded(old);
    expect(result.readiness).toBeUndefined();
    expect(result.snapshot.coverage).toEqual({ lines: { covered: 1, total: 4 } });
    expect([...result.snapshot.lintFingerprints!]).toEqual(['0123456789abcdef']);
  });

  it('keeps a gate message or milestone title that looks like markup as the same text', () => {
    const r = pageReport();
    const report = {
      ...r,
      gates: [{ ...r.gates[0]!, message: XSS }],
      signals: {
        ...r.signals,
        roadmap: { ...r.signals.roadmap!, milestones: [{ title: XSS, total: 1, done: 0 }] },
      },
    };
    const back = decoded(encodeDigest(report, BASE_SHA)).readiness!;
    expect(back.gates?.[0]?.message).toBe(XSS);
    expect(back.roadmap?.milestones[0]?.title).toBe(XSS);
  });

  it.each([
    ['test counts that do not add up', { tests: { total: 5, passed: 1, failed: 0, skipped: 0 } }],
    ['an unknown gate status', { gates: [{ id: 'x', level: null, status: 'great', actual: 1, threshold: 1 }] }],
    [
      'an unknown key inside the readiness',
      { audit: { critical: 0, high: 0, moderate: 0, low: 0, info: 0, ignored: 0, x: 1 } },
    ],
  ])('refuses a digest with %s', (_, fields) => {
    const result = decodeDigest(marker(JSON.stringify({ sha: BASE_SHA, ...fields })), 's');
    expect('problem' in result && result.problem).toMatch(/unknown shape/);
  });

  it('a digest with counts but no verdict has no readiness (nothing to say the level was)', () => {
    const result = decoded(
      marker(JSON.stringify({ sha: BASE_SHA, lint_counts: { errors: 1, warnings: 0, notes: 0 } })),
    );
    expect(result.readiness).toBeUndefined();
  });
});

describe('the digest budget', () => {
  // Sizes (base64 of the deflated JSON): 1,000 fingerprints ~9.5k characters, 3,000 ~29k; 60 such
  // gates ~16.6k whole and ~5k clipped, 120 gates ~32.6k whole and ~9.8k clipped.
  it('clips gate messages before it drops a lint fingerprint', () => {
    const digest = encodeDigest(bulky(1_000, 60), BASE_SHA);
    expect(digest.length).toBeLessThanOrEqual(MAX_DIGEST_CHARS);
    const result = decoded(digest);
    expect(result.snapshot.lintFingerprints?.size).toBe(1_000);
    const gates = result.readiness!.gates!;
    expect(gates).toHaveLength(60);
    expect(gates.every((g) => g.message!.length <= 80 && g.message!.endsWith('…'))).toBe(true);
  });

  it('leaves gates out to keep the lint fingerprints, and keeps the counts when nothing else fits', () => {
    const keepsLint = decoded(encodeDigest(bulky(2_000, 120), BASE_SHA));
    expect(keepsLint.snapshot.lintFingerprints?.size).toBe(2_000);
    expect(keepsLint.readiness?.gates).toBeUndefined();
    expect(keepsLint.readiness?.level).toBe('beta');

    const digest = encodeDigest(bulky(3_000, 60), BASE_SHA);
    expect(digest.length).toBeLessThanOrEqual(MAX_DIGEST_CHARS);
    const noLint = decoded(digest);
    expect(noLint.snapshot.lintFingerprints).toBeUndefined();
    expect(noLint.readiness?.gates?.map((g) => g.message?.length)).toEqual(Array(60).fill(300));
    expect(noLint.readiness?.lint_counts?.warnings).toBe(3_000);
  });

  it('names the commit and its coverage whatever else is dropped', () => {
    const report = sampleReport();
    const result = decoded(encodeDigest(report, BASE_SHA));
    expect(result.sha).toBe(BASE_SHA);
    expect(result.readiness?.level).toBe('beta');
  });
});
