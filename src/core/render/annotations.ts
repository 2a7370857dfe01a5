/**
 * Check-run annotations from a report: test failures with locations, lint findings, and audit
 * findings that point into the repo. Paths must be repo-relative; anything else is dropped (GitHub
 * rejects the whole request for one bad path).
 */
import type { ReportV1 } from '../report-schema.js';
import { plainLine, withoutBidi } from './escape.js';
import { GITHUB_LIMITS } from './limits.js';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

function repoRelative(path: string | undefined): path is string {
  return !!path && !path.startsWith('/') && !path.startsWith('../') && path !== '..' && !/^[A-Za-z]:/.test(path);
}

function boundMessage(raw: string): string {
  const text = withoutBidi(raw);
  // 64 KB in bytes: cut characters conservatively (4 bytes each at worst) only when needed.
  if (Buffer.byteLength(text) <= GITHUB_LIMITS.annotationMessageBytes) return text;
  let cut = text.slice(0, GITHUB_LIMITS.annotationMessageBytes / 4 - 20);
  while (Buffer.byteLength(cut) > GITHUB_LIMITS.annotationMessageBytes - 20) cut = cut.slice(0, -1000);
  return `${cut}… (truncated)`;
}

export interface AnnotationOptions {
  /**
   * Notices on the changed lines no test ran: `auto` (default) only when the coverage.patch gate
   * failed, `on`, or `off`.
   */
  patchLines?: 'auto' | 'on' | 'off';
}

/** Uncovered changed ranges annotated at most; one more notice says how many were left out. */
export const PATCH_ANNOTATIONS_MAX = 50;

export function buildAnnotations(report: ReportV1, options: AnnotationOptions = {}): Annotation[] {
  const out: Annotation[] = [];
  const title = (t: string) => plainLine(t, GITHUB_LIMITS.annotationTitleChars);
  for (const f of report.signals.tests?.failures ?? []) {
    if (!repoRelative(f.file)) continue;
    const line = f.line ?? 1;
    out.push({
      path: f.file,
      start_line: line,
      end_line: line,
      annotation_level: 'failure',
      title: title(`Test failed: ${f.suite ? `${f.suite} › ` : ''}${f.name}`),
      message: boundMessage(f.details ? `${f.message}\n\n${f.details}` : f.message),
    });
  }
  for (const f of report.signals.lint?.findings ?? []) {
    if (!repoRelative(f.path)) continue;
    const start = f.line ?? 1;
    const end = f.end_line && f.end_line >= start ? f.end_line : start;
    const a: Annotation = {
      path: f.path,
      start_line: start,
      end_line: end,
      annotation_level: f.severity === 'error' ? 'failure' : f.severity === 'warning' ? 'warning' : 'notice',
      title: title(f.rule ? `${f.tool ? `${f.tool}: ` : ''}${f.rule}` : (f.tool ?? 'lint')),
      message: boundMessage(f.help_uri ? `${f.message}\n${f.help_uri}` : f.message),
    };
    if (start === end && f.column) {
      a.start_column = f.column;
      a.end_column = f.end_column && f.end_column >= f.column ? f.end_column : f.column;
    }
    out.push(a);
  }
  for (const f of report.signals.audit?.findings ?? []) {
    if (f.ignored || !repoRelative(f.path)) continue;
    const line = f.line ?? 1;
    out.push({
      path: f.path,
      start_line: line,
      end_line: line,
      annotation_level: f.severity === 'critical' || f.severity === 'high' ? 'failure' : 'warning',
      title: title(`${f.severity} vulnerability ${f.id} in ${f.package}`),
      message: boundMessage(`${f.title}${f.url ? `\n${f.url}` : ''}`),
    });
  }
  out.push(...patchLineAnnotations(report, options.patchLines ?? 'auto'));
  return out;
}

/** Whether a coverage.patch gate failed at the required level or below (a failure that blocks). */
function patchGateBlocks(report: ReportV1): boolean {
  const levels: (string | null)[] = [];
  for (const g of report.gates) if (!levels.includes(g.level)) levels.push(g.level);
  const required = levels.indexOf(report.required);
  return report.gates.some(
    (g) =>
      g.id === 'coverage.patch' &&
      g.status === 'fail' &&
      (g.level === null || required < 0 || levels.indexOf(g.level) <= required),
  );
}

/** One notice per range of consecutive changed lines no test ran, up to PATCH_ANNOTATIONS_MAX. */
function patchLineAnnotations(report: ReportV1, mode: 'auto' | 'on' | 'off'): Annotation[] {
  if (mode === 'off') return [];
  if (mode === 'auto' && !patchGateBlocks(report)) return [];
  const out: Annotation[] = [];
  let left = 0;
  let leftFiles = 0;
  for (const f of report.signals.coverage?.patch?.files ?? []) {
    if (!repoRelative(f.path) || f.uncovered.length === 0) continue;
    const room = PATCH_ANNOTATIONS_MAX - out.length;
    const ranges = f.uncovered.slice(0, Math.max(0, room));
    const skipped = f.uncovered.length - ranges.length + (f.uncovered_omitted ?? 0);
    left += skipped;
    if (skipped > 0) leftFiles++;
    for (const [start, end] of ranges) {
      const lines = start === end ? `Line ${start} is` : `Lines ${start}-${end} are`;
      out.push({
        path: f.path,
        start_line: start,
        end_line: end,
        annotation_level: 'notice',
        title: f.unreported ? 'Changed lines in a file the coverage report does not list' : 'Changed lines not covered',
        message: f.unreported
          ? `${lines} added by this change, and no test loads this file: the coverage report does not list it.`
          : `${lines} added by this change and no test ran ${start === end ? 'it' : 'them'}.`,
      });
    }
  }
  const first = out[0];
  if (left > 0 && first) {
    out.push({
      ...first,
      end_line: first.start_line,
      title: 'More changed lines not covered',
      message: `${left} more ranges of changed lines no test ran, in ${leftFiles} files, are not annotated (at most ${PATCH_ANNOTATIONS_MAX}); the summary and the JSON report list them.`,
    });
  }
  return out;
}
