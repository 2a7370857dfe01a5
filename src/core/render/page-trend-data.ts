/**
 * The trend's numbers, one row per commit: line coverage, test pass rate (passed out of passed and
 * failed, as the pass_rate gate counts it) and findings (vulnerabilities not ignored, plus lint
 * errors and warnings). A metric a report does not have is undefined, never 0.
 */
import { round } from '../numbers.js';
import type { ReportV1 } from '../report-schema.js';

export interface TrendInput {
  /** The commit (short SHA) or another label; one point per distinct value. */
  commit: string;
  /** When the commit was made (ISO date), shown next to it when known. */
  date?: string;
  report: ReportV1;
}

export interface TrendRow {
  commit: string;
  date?: string;
  coverage?: number;
  passRate?: number;
  findings?: number;
}

export function trendRow(point: TrendInput): TrendRow {
  const s = point.report.signals;
  const row: TrendRow = { commit: point.commit, ...(point.date && { date: point.date }) };
  const lines = s.coverage?.lines;
  if (lines && lines.total > 0) row.coverage = round((lines.covered / lines.total) * 100);
  if (s.tests && s.tests.passed + s.tests.failed > 0)
    row.passRate = round((s.tests.passed / (s.tests.passed + s.tests.failed)) * 100);
  if (s.audit || s.lint) {
    const audit = s.audit ? s.audit.critical + s.audit.high + s.audit.moderate + s.audit.low + s.audit.info : 0;
    row.findings = audit + (s.lint ? s.lint.errors + s.lint.warnings : 0);
  }
  return row;
}

/** One row per commit, in first-seen order (a later report for the same commit replaces it), the newest `limit`. */
export function trendRows(points: readonly TrendInput[], limit: number): TrendRow[] {
  const byCommit = new Map<string, TrendRow>();
  for (const p of points) byCommit.set(p.commit, trendRow(p));
  return [...byCommit.values()].slice(-Math.max(1, limit));
}
