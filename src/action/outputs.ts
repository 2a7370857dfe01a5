/** The Action's outputs, all derived from the report (empty string when a signal is absent). */
import { coveredPercent, round } from '../core/numbers.js';
import type { ReportV1 } from '../core/report-schema.js';
import type { ActionIO } from './io.js';

export const OUTPUT_NAMES = [
  'verdict',
  'level',
  'coverage-lines',
  'tests-passed',
  'tests-failed',
  'audit-critical',
  'audit-high',
  'lint-errors',
  'report-path',
  'check-run-url',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export function outputValues(
  report: ReportV1,
  extra: { reportPath: string; checkRunUrl?: string },
): Record<OutputName, string> {
  const s = report.signals;
  const lines = s.coverage?.lines && coveredPercent(s.coverage.lines);
  const str = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    verdict: report.verdict,
    level: report.level ?? '',
    'coverage-lines': lines === undefined ? '' : String(round(lines)),
    'tests-passed': str(s.tests?.passed),
    'tests-failed': str(s.tests?.failed),
    'audit-critical': str(s.audit?.critical),
    'audit-high': str(s.audit?.high),
    'lint-errors': str(s.lint?.errors),
    'report-path': extra.reportPath,
    'check-run-url': extra.checkRunUrl ?? '',
  };
}

export function writeOutputs(
  io: ActionIO,
  report: ReportV1,
  extra: { reportPath: string; checkRunUrl?: string },
): void {
  for (const [name, value] of Object.entries(outputValues(report, extra))) io.setOutput(name, value);
}
