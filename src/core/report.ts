/**
 * Builds the JSON report (version 1) from an evaluation and its signals, and reads one back as a
 * base snapshot for delta gates.
 */
import type { BaseSnapshot } from './gates/common.js';
import type { Evaluation } from './gates/evaluate.js';
import type { ReportErrorEntry, RoadmapData, Signal, SignalDataMap } from './model.js';
import type { ReportPatch } from './patch-report.js';
import type { CoverageTable } from './coverage/table.js';
import { PATCH_BOUNDS } from './report-bounds.js';
import type { ReportV1 } from './report-schema.js';

export interface ReportInput {
  version: string;
  evaluation: Evaluation;
  mode: 'enforce' | 'warn';
  branch?: string;
  signals: Partial<SignalDataMap>;
  patch?: ReportPatch;
  roadmap?: RoadmapData;
  errors: readonly ReportErrorEntry[];
  notices: readonly string[];
  reports: readonly { signal: Signal; path: string; format: string }[];
  base?: BaseSnapshot;
}

export function buildReport(input: ReportInput): ReportV1 {
  const { evaluation: ev, signals } = input;
  const report: ReportV1 = {
    schema: 'readygate/report@1',
    tool: { name: 'readygate', version: input.version },
    verdict: ev.verdict,
    level: ev.level,
    required: ev.required,
    mode: input.mode,
    signals: {},
    gates: ev.gates.map((g) => ({ ...g })),
    errors: input.errors.map((e) => ({ ...e })),
    notices: [...input.notices],
    reports: input.reports.map((r) => ({ ...r })),
  };
  if (input.branch) report.branch = input.branch;
  if (input.base) report.base = { source: input.base.source };
  if (signals.coverage) {
    const totals = signals.coverage.table.totals();
    report.signals.coverage = { files: signals.coverage.table.files.size };
    if (totals.lines) report.signals.coverage.lines = totals.lines;
    if (totals.branches) report.signals.coverage.branches = totals.branches;
    if (totals.functions) report.signals.coverage.functions = totals.functions;
    const byFile = fileLines(signals.coverage.table);
    if (byFile) report.signals.coverage.by_file = byFile;
    if (input.patch) report.signals.coverage.patch = input.patch;
  }
  if (signals.tests) {
    const t = signals.tests;
    report.signals.tests = {
      total: t.total,
      passed: t.passed,
      failed: t.failed,
      skipped: t.skipped,
      flaky: t.flaky,
      failures: t.failures.map((f) => ({ ...f })),
      failures_dropped: t.failuresDropped,
    };
    if (t.durationMs !== undefined) report.signals.tests.duration_ms = t.durationMs;
  }
  if (signals.audit) {
    const counts = { critical: 0, high: 0, moderate: 0, low: 0, info: 0, ignored: 0 };
    for (const f of signals.audit.findings) {
      if (f.ignored) counts.ignored++;
      else counts[f.severity]++;
    }
    report.signals.audit = {
      ...counts,
      findings: signals.audit.findings.map(({ fixAvailable, ...f }) =>
        fixAvailable === undefined ? f : { ...f, fix_available: fixAvailable },
      ),
    };
  }
  if (signals.lint) {
    const counts = { errors: 0, warnings: 0, notes: 0 };
    for (const f of signals.lint.findings)
      counts[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'notes']++;
    report.signals.lint = {
      ...counts,
      findings: signals.lint.findings.map(({ endLine, endColumn, helpUri, ...f }) => ({
        ...f,
        ...(endLine !== undefined && { end_line: endLine }),
        ...(endColumn !== undefined && { end_column: endColumn }),
        ...(helpUri !== undefined && { help_uri: helpUri }),
      })),
    };
  }
  if (input.roadmap) report.signals.roadmap = roadmapSummary(input.roadmap);
  return report;
}

/** `[path, covered, total]` for each file with line data, by path; undefined past the bound. */
function fileLines(table: CoverageTable): [string, number, number][] | undefined {
  const out: [string, number, number][] = [];
  for (const [path, file] of table.files) {
    const lines = file.lines();
    if (!lines) continue;
    if (out.length >= PATCH_BOUNDS.byFile) return undefined;
    out.push([path, lines.covered, lines.total]);
  }
  return out.length > 0 ? out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : undefined;
}

export function roadmapSummary(data: RoadmapData): NonNullable<ReportV1['signals']['roadmap']> {
  const count = (status: string) => data.items.filter((i) => i.status === status).length;
  return {
    total: data.items.length,
    done: count('done'),
    in_progress: count('in_progress'),
    blocked: count('blocked'),
    todo: count('todo'),
    cancelled: count('cancelled'),
    milestones: data.milestones.map((m) => {
      const items = data.items.filter((i) => i.milestone === m.title);
      return {
        title: m.title,
        ...(m.due && { due: m.due }),
        total: items.length,
        done: items.filter((i) => i.status === 'done').length,
      };
    }),
  };
}

/** The parts of an earlier report that delta gates compare against. */
export function baseSnapshot(report: ReportV1, source: string): BaseSnapshot {
  const snapshot: BaseSnapshot = { source };
  const c = report.signals.coverage;
  if (c) snapshot.coverage = { lines: c.lines, branches: c.branches, functions: c.functions };
  if (c?.by_file) snapshot.fileLines = new Map(c.by_file.map(([path, covered, total]) => [path, { covered, total }]));
  if (report.signals.lint) snapshot.lintFingerprints = new Set(report.signals.lint.findings.map((f) => f.fingerprint));
  return snapshot;
}
