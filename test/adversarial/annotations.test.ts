// 100,000 findings become 100,000 well-formed annotations: repo-relative paths, bounded fields.
import { describe, expect, it } from 'vitest';
import { assignFingerprints } from '../../src/core/fingerprint.js';
import { buildAnnotations } from '../../src/core/render/annotations.js';
import { GITHUB_LIMITS } from '../../src/core/render/limits.js';
import { lintFinding } from '../helpers/signals.js';
import { reportFrom } from '../helpers/report.js';

const COUNT = 100_000;

describe('100,000 annotations', () => {
  it('are built in bounded time and memory, every one within GitHub limits', () => {
    const findings = Array.from({ length: COUNT }, (_, i) => {
      const f = lintFinding(
        `src/dir${i % 100}/file${i}.ts`,
        (i % 5_000) + 1,
        i % 3 === 0 ? 'error' : 'warning',
        `rule-${i % 50}`,
        `finding ${i}: @org/team <script> a|b\n::set-output name=x::y`,
      );
      // Every thousandth one is hostile: outside the repo, or with an oversized message and title.
      if (i % 1_000 === 1) f.path = i % 2000 === 1 ? '../outside.ts' : '/etc/passwd';
      if (i % 1_000 === 2) f.message = 'm'.repeat(70_000);
      if (i % 1_000 === 3) f.rule = 'r'.repeat(1_000);
      return f;
    });
    const report = reportFrom(
      { lint: { findings: assignFingerprints(findings) } },
      { levels: { ready: { lint: { errors: 0 } } } },
    );
    const before = process.memoryUsage().heapUsed;
    const annotations = buildAnnotations(report);
    expect(annotations).toHaveLength(COUNT - COUNT / 1_000);
    const bad = annotations.filter(
      (a) =>
        a.path.startsWith('/') ||
        a.path.startsWith('../') ||
        a.title.length > GITHUB_LIMITS.annotationTitleChars ||
        Buffer.byteLength(a.message) > GITHUB_LIMITS.annotationMessageBytes ||
        a.start_line < 1 ||
        a.end_line < a.start_line,
    );
    expect(bad).toEqual([]);
    expect(annotations.filter((a) => a.message.startsWith('mmm') && a.message.endsWith('… (truncated)'))).toHaveLength(
      COUNT / 1_000,
    );
    // Generous: 100,000 small annotations are tens of MB at most.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(500 * 1024 * 1024);
  });
});
