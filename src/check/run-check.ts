/**
 * The main job every front door runs: collect reports, apply ignores, compare with the base,
 * evaluate the policy, and build the JSON report. No console, no process.env: options in, report out.
 */
import type { Config } from '../config/schema.js';
import { collect } from '../collect/collect.js';
import { applyAuditIgnores } from '../core/audit-ignore.js';
import type { AddedLines } from '../core/diff.js';
import type { BaseSnapshot } from '../core/gates/common.js';
import { evaluate } from '../core/gates/evaluate.js';
import type { RoadmapData, Signal } from '../core/model.js';
import { measurePatch, type PatchMeasure } from '../core/patch.js';
import { patchToReport } from '../core/patch-report.js';
import { buildReport } from '../core/report.js';
import type { ReportV1 } from '../core/report-schema.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../core/reports/types.js';

export interface CheckOptions {
  root: string;
  config: Config;
  version: string;
  /** YYYY-MM-DD, for audit_ignore expiry. */
  today: string;
  branch?: string;
  /** Lines the change adds; undefined when no diff is known. */
  added?: AddedLines;
  base?: BaseSnapshot;
  roadmap?: RoadmapData;
  notices?: readonly string[];
  /** Signals whose report paths the user gave on the command line (not confined to the root; see collect). */
  givenReports?: ReadonlySet<Signal>;
}

export function limitsFor(config: Config): ParseLimits {
  return {
    ...DEFAULT_LIMITS,
    ...(config.limits.max_json_bytes !== undefined && { maxJsonBytes: config.limits.max_json_bytes }),
    ...(config.limits.max_failures !== undefined && { maxFailures: config.limits.max_failures }),
  };
}

export async function runCheck(options: CheckOptions): Promise<ReportV1> {
  const { config } = options;
  const collected = await collect({
    root: options.root,
    reports: config.reports,
    limits: limitsFor(config),
    stripPrefixes: config.paths.strip_prefixes,
    given: options.givenReports,
  });
  const notices = [...(options.notices ?? []), ...collected.notices];
  if (collected.signals.audit) {
    const applied = applyAuditIgnores(collected.signals.audit, config.audit_ignore, options.today);
    collected.signals.audit = applied.data;
    notices.push(...applied.notices);
  }
  let patch: PatchMeasure | undefined;
  if (options.added && collected.signals.coverage)
    patch = measurePatch(collected.signals.coverage.table, options.added, config.patch);
  const evaluation = evaluate({
    config,
    branch: options.branch,
    signals: collected.signals,
    configured: collected.configured,
    errors: collected.errors,
    base: options.base,
    patch: {
      diffGiven: options.added !== undefined,
      counter: patch?.counter,
      unreported: patch?.unreported,
      unmeasurable: patch?.unmeasurable,
    },
    roadmap: options.roadmap,
  });
  return buildReport({
    version: options.version,
    evaluation,
    mode: config.mode,
    branch: options.branch,
    signals: collected.signals,
    patch:
      patch && options.added && collected.signals.coverage
        ? patchToReport(patch, collected.signals.coverage.table, options.added, notices, options.base?.fileLines)
        : undefined,
    roadmap: options.roadmap,
    errors: collected.errors,
    notices,
    reports: collected.reports,
    base: options.base,
  });
}
