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

export function buildAnnotations(report: ReportV1): Annotation[] {
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
  return out;
}
