/**
 * Re-evaluates a JSON report's signals against a policy, without the report files: how publish
 * mode judges an artifact from a fork's workflow. The artifact's verdict, gates and audit
 * ignores are never trusted; its signals are rebuilt into the model and the gates run again with
 * the given (default-branch) policy, reusing the same gate code as `runCheck`.
 *
 * What a report cannot carry: per-file coverage (coverage gates use its totals, held in a
 * one-entry summary table; patch coverage uses the patch counter the report carries) and roadmap
 * items (roadmap gates see no roadmap and say so).
 */
import type { Config } from '../config/schema.js';
import { applyAuditIgnores } from '../core/audit-ignore.js';
import { CoverageTable } from '../core/coverage/table.js';
import type { BaseSnapshot } from '../core/gates/common.js';
import { evaluate } from '../core/gates/evaluate.js';
import { SIGNALS, type Signal, type SignalDataMap } from '../core/model.js';
import { buildReport } from '../core/report.js';
import type { AddedLines } from '../core/diff.js';
import { remeasurePatch, reportPatchOf, type ReportPatch } from '../core/patch-report.js';
import type { ReportV1 } from '../core/report-schema.js';

export interface EvaluateReportOptions {
  config: Config;
  version: string;
  /** YYYY-MM-DD, for audit_ignore expiry. */
  today: string;
  branch?: string;
  base?: BaseSnapshot;
  notices?: readonly string[];
  /**
   * Whether the change's diff is known independently of the report (publish mode reads it from
   * the API), so a report cannot dodge the patch gate by leaving its patch counter out. Default:
   * whether the report carries a patch counter.
   */
  diffGiven?: boolean;
  /**
   * The change's added lines, read by the caller itself (publish mode: from the API). With them,
   * and a report that carries per-line data for the changed files, patch coverage is measured
   * again from that data instead of taking the report's counter on trust.
   */
  added?: AddedLines;
}

/** Rebuilds the model's signals from a report's (the inverse of buildReport, totals-only for coverage). */
export function signalsFromReport(report: ReportV1): Partial<SignalDataMap> {
  const s = report.signals;
  const signals: Partial<SignalDataMap> = {};
  if (s.coverage) {
    const table = new CoverageTable();
    table.file('(report totals)').summary = {
      lines: s.coverage.lines,
      branches: s.coverage.branches,
      functions: s.coverage.functions,
    };
    signals.coverage = { table };
  }
  if (s.tests) {
    const { failures_dropped, duration_ms, failures, ...counts } = s.tests;
    signals.tests = {
      ...counts,
      failures: failures.map((f) => ({ ...f })),
      failuresDropped: failures_dropped,
      ...(duration_ms !== undefined && { durationMs: duration_ms }),
    };
  }
  if (s.audit) {
    signals.audit = {
      findings: s.audit.findings.map(({ fix_available, ignored: _untrusted, ...f }) => ({
        ...f,
        ...(fix_available !== undefined && { fixAvailable: fix_available }),
      })),
    };
  }
  if (s.lint) {
    signals.lint = {
      findings: s.lint.findings.map(({ end_line, end_column, help_uri, ...f }) => ({
        ...f,
        ...(end_line !== undefined && { endLine: end_line }),
        ...(end_column !== undefined && { endColumn: end_column }),
        ...(help_uri !== undefined && { helpUri: help_uri }),
      })),
    };
  }
  return signals;
}

export function evaluateReport(report: ReportV1, options: EvaluateReportOptions): ReportV1 {
  const { config } = options;
  const signals = signalsFromReport(report);
  const notices = [...(options.notices ?? [])];
  if (signals.audit) {
    const applied = applyAuditIgnores(signals.audit, config.audit_ignore, options.today);
    signals.audit = applied.data;
    notices.push(...applied.notices);
  }
  const configured = new Set<Signal>(
    SIGNALS.filter((s) => config.reports[s] !== undefined || signals[s] !== undefined),
  );
  for (const e of report.errors) configured.add(e.signal);
  const reported = report.signals.coverage?.patch;
  const remeasured = options.added ? remeasurePatch(reported, options.added, config.patch) : undefined;
  if (options.added && reported && !remeasured)
    notices.push(
      "the report carries no per-line data for the changed files: its patch counter was checked against the pull request's changed lines, not measured again",
    );
  if (remeasured) notices.push(...remeasured.notices);
  const patch = remeasured ? withLineData(reportPatchOf(remeasured.measure), reported) : reported;
  const evaluation = evaluate({
    config,
    branch: options.branch,
    signals,
    configured,
    errors: report.errors,
    base: options.base,
    patch: {
      diffGiven: options.diffGiven ?? patch !== undefined,
      counter: patch && { covered: patch.covered, total: patch.total },
      unreported: remeasured?.measure.unreported,
      unmeasurable: remeasured?.measure.unmeasurable,
    },
  });
  const rebuilt = buildReport({
    version: options.version,
    evaluation,
    mode: config.mode,
    branch: options.branch,
    signals,
    patch,
    errors: report.errors,
    notices,
    reports: report.reports,
    base: options.base,
  });
  // Coverage totals and file count as the report stated them (the table above only held totals).
  if (report.signals.coverage) {
    const { patch: _stated, ...totals } = report.signals.coverage;
    rebuilt.signals.coverage = { ...totals, ...(patch && { patch }) };
  }
  return rebuilt;
}

/** The patch measured again keeps the report's line data, so a later reader can do the same. */
function withLineData(patch: ReportPatch | undefined, stated: ReportPatch | undefined): ReportPatch | undefined {
  return patch && stated?.line_data ? { ...patch, line_data: stated.line_data } : patch;
}
