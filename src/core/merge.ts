/**
 * Merging several reports of one signal: coverage is a union of line hits, tests are summed, audit
 * keeps one finding per advisory and package, lint is concatenated with exact duplicates dropped
 * and fingerprints assigned.
 */
import { CoverageTable } from './coverage/table.js';
import { assignFingerprints } from './fingerprint.js';
import {
  emptyTests,
  type AuditData,
  type CoverageData,
  type LintData,
  type LintFinding,
  type Signal,
  type SignalDataMap,
  type TestsData,
} from './model.js';
import { dedupeFindings } from './reports/audit/common.js';

export function mergeCoverage(parts: readonly CoverageData[]): CoverageData {
  if (parts.length === 1) return parts[0]!;
  const table = new CoverageTable();
  for (const part of parts) table.mergeFrom(part.table);
  return { table };
}

export function mergeTests(parts: readonly TestsData[], maxFailures: number): TestsData {
  const out = emptyTests();
  let duration: number | undefined;
  // One part that cannot tell flaky tests makes the sum unknown: it may hide some.
  let flakyKnown = true;
  for (const p of parts) {
    out.total += p.total;
    out.passed += p.passed;
    out.failed += p.failed;
    out.skipped += p.skipped;
    if (p.flaky === undefined) flakyKnown = false;
    else out.flaky = (out.flaky ?? 0) + p.flaky;
    out.failuresDropped += p.failuresDropped;
    for (const f of p.failures) {
      if (out.failures.length < maxFailures) out.failures.push(f);
      else out.failuresDropped++;
    }
    if (p.durationMs !== undefined) duration = (duration ?? 0) + p.durationMs;
  }
  if (duration !== undefined) out.durationMs = duration;
  if (!flakyKnown) delete out.flaky;
  return out;
}

export function mergeAudit(parts: readonly AuditData[]): AuditData {
  return { findings: dedupeFindings(parts.flatMap((p) => p.findings)) };
}

/**
 * Exact duplicates are dropped only across files (the same log collected twice, or two tools' logs
 * that overlap): within one file each copy is a finding the tool reported (two identical warnings
 * from two passes over a loop body). A key seen n times in one file and m times in another keeps
 * max(n, m) copies.
 */
export function mergeLint(parts: readonly LintData[]): LintData {
  const kept = new Map<string, number>();
  const findings: LintFinding[] = [];
  for (const part of parts) {
    const inPart = new Map<string, number>();
    for (const f of part.findings) {
      const key = [f.path, f.line, f.column, f.endLine, f.endColumn, f.rule, f.severity, f.message].join('\u0000');
      const n = (inPart.get(key) ?? 0) + 1;
      inPart.set(key, n);
      if (n <= (kept.get(key) ?? 0)) continue;
      findings.push(f);
    }
    for (const [key, n] of inPart) kept.set(key, Math.max(kept.get(key) ?? 0, n));
  }
  return { findings: assignFingerprints(findings) };
}

export function mergeSignal<S extends Signal>(
  signal: S,
  parts: readonly SignalDataMap[S][],
  maxFailures: number,
): SignalDataMap[S] {
  switch (signal) {
    case 'coverage':
      return mergeCoverage(parts as readonly CoverageData[]) as SignalDataMap[S];
    case 'tests':
      return mergeTests(parts as readonly TestsData[], maxFailures) as SignalDataMap[S];
    case 'audit':
      return mergeAudit(parts as readonly AuditData[]) as SignalDataMap[S];
    default:
      return mergeLint(parts as readonly LintData[]) as SignalDataMap[S];
  }
}
