/**
 * The report model every parser produces and every gate, renderer and adapter consumes.
 *
 * One shape per signal. A metric a format does not carry is `undefined`, never 0: a gate on a
 * metric that is absent is skipped with a message, not passed.
 */
import type { CoverageTable } from './coverage/table.js';

export const SIGNALS = ['coverage', 'tests', 'audit', 'lint'] as const;
export type Signal = (typeof SIGNALS)[number];

export interface Counter {
  covered: number;
  total: number;
}

/** Coverage from one or more reports. Per-file data lives in the compact table. */
export interface CoverageData {
  table: CoverageTable;
}

export interface TestFailure {
  name: string;
  suite?: string;
  file?: string;
  line?: number;
  message: string;
  /** Stack trace or longer details, already bounded in size by the parser. */
  details?: string;
  kind: 'failure' | 'error';
}

export interface TestsData {
  total: number;
  passed: number;
  /** Failures and errors. */
  failed: number;
  /** Skipped, todo and pending. */
  skipped: number;
  /**
   * Tests that failed and then passed on a rerun; counted in `passed`. Undefined when the format
   * cannot tell (jest/vitest JSON, mocha, TAP, TRX, go test): a max_flaky gate then has no data.
   */
  flaky?: number;
  failures: TestFailure[];
  /** How many failures were seen beyond the ones kept in `failures`. */
  failuresDropped: number;
  durationMs?: number;
}

export const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface AuditFinding {
  /** Advisory identifier: GHSA, CVE, OSV or the tool's own id. */
  id: string;
  aliases: string[];
  package: string;
  version?: string;
  severity: Severity;
  title: string;
  url?: string;
  /** Where the finding is located in the repo (a lockfile or manifest), when the tool says. */
  path?: string;
  line?: number;
  fixAvailable?: boolean;
  /** Set when an audit_ignore entry matched. */
  ignored?: { reason: string; until?: string };
}

export interface AuditData {
  findings: AuditFinding[];
}

export const LINT_SEVERITIES = ['error', 'warning', 'note'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

export interface LintFinding {
  /**
   * Repo-relative path; '' for a diagnostic with no location (`collect2: error: ld returned 1 exit
   * status`): still a finding, counted and listed, but never an annotation.
   */
  path: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  rule?: string;
  severity: LintSeverity;
  message: string;
  tool?: string;
  helpUri?: string;
  /** Identity that survives line shifts: see core/fingerprint.ts. */
  fingerprint: string;
}

export interface LintData {
  findings: LintFinding[];
}

export const ROADMAP_STATUSES = ['todo', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** What the roadmap contributes to readiness: item statuses with their milestone and priority. */
export interface RoadmapData {
  items: { key: string; title: string; status: RoadmapStatus; milestone?: string; priority?: string }[];
  milestones: { title: string; due?: string }[];
}

export interface SignalDataMap {
  coverage: CoverageData;
  tests: TestsData;
  audit: AuditData;
  lint: LintData;
}

/** A report that could not be read, parsed or found. Always surfaces as a failed (or warned) gate. */
export interface ReportErrorEntry {
  signal: Signal;
  path: string;
  message: string;
  line?: number;
}

export type GateStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** What a gate's numbers count: a percent (0–100), a count, or percentage points (a change of a percent). */
export type GateUnit = 'percent' | 'count' | 'points';
/** Whether the threshold is a minimum (the value must be at least it) or a maximum (at most it). */
export type GateDirection = 'at_least' | 'at_most';

export interface GateResult {
  id: string;
  /** The level the gate belongs to; null for gates that every level needs (report errors). */
  level: string | null;
  status: GateStatus;
  actual: number | string | boolean | null;
  threshold: number | string | boolean | null;
  message: string;
  /** Change against the base report, when there is one. */
  delta?: number;
  /** The unit of `actual`, `threshold` and `delta`; absent on gates without numbers (a report error). */
  unit?: GateUnit;
  /** How `actual` is held to `threshold`; absent when the threshold is not a limit. */
  direction?: GateDirection;
}

export type Verdict = 'pass' | 'fail' | 'warn';

export function emptyTests(): TestsData {
  return { total: 0, passed: 0, failed: 0, skipped: 0, flaky: 0, failures: [], failuresDropped: 0 };
}
