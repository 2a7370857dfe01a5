/** Terminal output: the verdict, gate lines, totals and errors; colour only when asked for. */
import type { ReportV1 } from '../report-schema.js';
import { firstLine } from '../first-line.js';
import { formatRanges } from '../line-ranges.js';
import { fmtCoverage } from '../numbers.js';

export interface TextOptions {
  color: boolean;
}

const SGR = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

export function renderText(report: ReportV1, options: TextOptions): string {
  const paint = (code: keyof typeof SGR, s: string) => (options.color ? `\u001b[${SGR[code]}m${s}\u001b[0m` : s);
  // Report text comes from files: strip control characters so it cannot drive the terminal.
  const safe = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  const mark = {
    pass: paint('green', '✔'),
    fail: paint('red', '✖'),
    warn: paint('yellow', '!'),
    skip: paint('dim', '-'),
  };
  const lines: string[] = [];
  const reached = report.level ?? 'no level';
  if (report.verdict === 'pass')
    lines.push(paint('green', paint('bold', `READY: reached ${reached} (required: ${report.required})`)));
  else if (report.verdict === 'warn')
    lines.push(
      paint('yellow', paint('bold', `NOT READY (warn mode): reached ${reached}, required ${report.required}`)),
    );
  else lines.push(paint('red', paint('bold', `NOT READY: reached ${reached}, required ${report.required}`)));
  for (const n of report.notices) lines.push(paint('yellow', `note: ${safe(n)}`));
  lines.push('');
  let level: string | null | undefined;
  for (const g of report.gates) {
    if (g.level !== level) {
      level = g.level;
      lines.push(
        paint('bold', level === null ? 'reports' : `${level}${level === report.required ? ' (required)' : ''}`),
      );
    }
    lines.push(`  ${mark[g.status]} ${g.id}: ${safe(g.message)}`);
  }
  const s = report.signals;
  lines.push('');
  if (s.tests)
    lines.push(
      `tests: ${s.tests.total} total, ${s.tests.passed} passed, ${s.tests.failed} failed, ${s.tests.skipped} skipped`,
    );
  if (s.coverage?.lines)
    lines.push(
      `coverage: lines ${fmtCoverage(s.coverage.lines)}${s.coverage.branches ? `, branches ${fmtCoverage(s.coverage.branches)}` : ''}${s.coverage.patch ? `, patch ${fmtCoverage(s.coverage.patch)}` : ''}`,
    );
  const missed = (s.coverage?.patch?.files ?? []).filter((f) => f.uncovered.length > 0);
  if (missed.length > 0) {
    lines.push('changed lines not covered:');
    for (const f of missed.slice(0, MISSED_FILES_SHOWN))
      lines.push(
        `  ${safe(f.path)}:${formatRanges(f.uncovered, 10)}${f.uncovered_omitted ? ` … (${f.uncovered_omitted} more)` : ''}${f.unreported ? ' (not in the coverage report)' : ''}`,
      );
    const more = missed.length - Math.min(missed.length, MISSED_FILES_SHOWN) + (s.coverage?.patch?.files_omitted ?? 0);
    if (more > 0) lines.push(`  … and ${more} more files in the JSON report`);
  }
  if (s.audit)
    lines.push(
      `audit: ${s.audit.critical} critical, ${s.audit.high} high, ${s.audit.moderate} moderate, ${s.audit.low} low${s.audit.ignored ? `, ${s.audit.ignored} ignored` : ''}`,
    );
  if (s.lint) lines.push(`lint: ${s.lint.errors} errors, ${s.lint.warnings} warnings`);
  if (s.roadmap) lines.push(`roadmap: ${s.roadmap.done}/${s.roadmap.total} done`);
  for (const f of (s.tests?.failures ?? []).slice(0, 10)) {
    lines.push(
      paint(
        'red',
        `  ✖ ${safe(f.suite ? `${f.suite} › ${f.name}` : f.name)}${f.file ? ` (${safe(f.file)}${f.line ? `:${f.line}` : ''})` : ''}`,
      ),
    );
    lines.push(`    ${safe(firstLine(f.message))}`);
  }
  for (const e of report.errors)
    lines.push(paint('red', `error: ${safe(e.path)}${e.line ? `:${e.line}` : ''}: ${safe(e.message)}`));
  return lines.join('\n') + '\n';
}

/** Files listed with their uncovered changed lines before "… and K more". */
const MISSED_FILES_SHOWN = 20;
