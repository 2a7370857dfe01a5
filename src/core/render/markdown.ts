/**
 * The Markdown summary: verdict first, a table of gates × levels, what blocks the next level,
 * signal totals, then the top failures. Within a size limit: detail is shed first (fewer failures,
 * no stack traces), and only then is the text cut, with a notice and every code fence closed.
 */
import { firstLine } from '../first-line.js';
import { fmtCoverage } from '../numbers.js';
import type { ReportV1 } from '../report-schema.js';
import { cell, code, codeBlock, md } from './escape.js';
import { comparison, gateNumber } from './gate-format.js';
import { impactedFiles, type DiffLinks } from './impacted-files.js';
import { GITHUB_LIMITS } from './limits.js';

export interface MarkdownOptions {
  /** Maximum characters (default: 65,535, a check-run summary). */
  maxChars?: number;
  /** Heading text before the verdict (default "readygate"). */
  title?: string;
  /** Link to the full report or the check run, shown at the end. */
  detailsUrl?: string;
  /** The pull request, to link each impacted file to its diff. */
  diffLinks?: DiffLinks;
}

const ICON = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️' } as const;

interface Detail {
  /** Impacted files listed. */
  files: number;
  failures: number;
  withDetails: boolean;
  findings: number;
}

const DETAIL_STEPS: Detail[] = [
  { files: 20, failures: 50, withDetails: true, findings: 50 },
  { files: 15, failures: 20, withDetails: true, findings: 20 },
  { files: 10, failures: 20, withDetails: false, findings: 10 },
  { files: 5, failures: 5, withDetails: false, findings: 5 },
  { files: 0, failures: 0, withDetails: false, findings: 0 },
];

export function renderMarkdown(report: ReportV1, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? GITHUB_LIMITS.summaryChars;
  for (const detail of DETAIL_STEPS) {
    const text = render(report, options, detail);
    if (text.length <= max) return text;
  }
  return truncate(render(report, options, DETAIL_STEPS[DETAIL_STEPS.length - 1]!), max);
}

/** Cuts at a line boundary, closes an open code fence, and says it was cut. */
export function truncate(text: string, max: number): string {
  const notice =
    "\n\n> [!WARNING]\n> This summary was cut to fit GitHub's size limit; the JSON report has everything.\n";
  let cut = text.slice(0, Math.max(0, max - notice.length - 40));
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl);
  const fences = [...cut.matchAll(/^(`{3,})/gm)];
  if (fences.length % 2 === 1) cut += `\n${fences[fences.length - 1]![1]}`;
  return (cut + notice).slice(0, max);
}

function verdictLine(r: ReportV1, title: string): string {
  const reached = r.level ? `**${md(r.level)}**` : 'no level';
  if (r.verdict === 'pass')
    return `## ${ICON.pass} ${title}: ready, reached ${reached} (required: **${md(r.required)}**)`;
  const icon = r.verdict === 'warn' ? ICON.warn : ICON.fail;
  const mode = r.verdict === 'warn' ? ' (warn mode: not blocking)' : '';
  return `## ${icon} ${title}: not ready for **${md(r.required)}**, reached ${reached}${mode}`;
}

function render(r: ReportV1, options: MarkdownOptions, detail: Detail): string {
  const out: string[] = [verdictLine(r, options.title ?? 'readygate'), ''];
  for (const notice of r.notices) out.push(`> ${md(notice)}`, '');
  out.push(...gateTable(r), '');
  out.push(...blockers(r));
  out.push(...signalTotals(r), '');
  out.push(...impactedFiles(r, detail.files, options.diffLinks));
  out.push(...testFailures(r, detail));
  out.push(...auditFindings(r, detail));
  out.push(...lintFindings(r, detail));
  if (r.errors.length > 0) {
    out.push('### Reports that could not be read', '');
    for (const e of r.errors) out.push(`- ${code(e.path)}${e.line ? ` line ${e.line}` : ''}: ${md(e.message)}`);
    out.push('');
  }
  if (options.detailsUrl) out.push(`[Full report](${options.detailsUrl})`, '');
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function levelsOf(r: ReportV1): string[] {
  const seen: string[] = [];
  for (const g of r.gates) if (g.level !== null && !seen.includes(g.level)) seen.push(g.level);
  return seen;
}

type Gate = ReportV1['gates'][number];

function fmtValue(value: Gate['actual'], unit: Gate['unit']): string {
  if (value === null) return '–';
  return typeof value === 'number' ? gateNumber(value, unit) : String(value);
}

function fmtDelta(delta: number | undefined): string {
  if (delta === undefined || delta === 0) return '';
  return ` (${delta > 0 ? '+' : ''}${delta})`;
}

function gateTable(r: ReportV1): string[] {
  const levels = levelsOf(r);
  if (levels.length === 0) return ['_No gates are configured._'];
  const ids = [...new Set(r.gates.filter((g) => g.level !== null).map((g) => g.id))];
  const header = `| Gate | ${levels.map((l) => (l === r.required ? `**${cell(l)}** (required)` : cell(l))).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(levels.length + 1)}`;
  const rows = ids.map((id) => {
    const cells = levels.map((level) => {
      const g = r.gates.find((x) => x.id === id && x.level === level);
      if (!g) return '';
      const op = comparison(g.direction);
      const threshold =
        g.threshold === null || typeof g.threshold === 'boolean'
          ? ''
          : ` ${op ? `${op} ` : ''}${fmtValue(g.threshold, g.unit)}`;
      return `${ICON[g.status]} ${cell(fmtValue(g.actual, g.unit))}${fmtDelta(g.delta)}${cell(threshold)}`;
    });
    return `| ${code(id, true)} | ${cells.join(' | ')} |`;
  });
  const reportRows = r.gates
    .filter((g) => g.level === null)
    .map((g) => `| ${code(g.id, true)} | ${levels.map(() => ICON[g.status]).join(' | ')} |`);
  return [header, rule, ...reportRows, ...rows];
}

function blockers(r: ReportV1): string[] {
  const levels = levelsOf(r);
  const next = r.level === null ? levels[0] : levels[levels.indexOf(r.level) + 1];
  const failing = r.gates.filter(
    (g) =>
      (g.status === 'fail' || g.status === 'warn') &&
      (g.level === null || g.level === next || (r.verdict !== 'pass' && g.level === r.required)),
  );
  if (failing.length === 0) return [];
  const seen = new Set<string>();
  const lines = [`### What blocks ${next ? `**${md(next)}**` : 'readiness'}`, ''];
  for (const g of failing) {
    const key = `${g.id}\u0000${g.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(
      `- ${ICON[g.status]} ${code(g.id)}${g.level && g.level !== next ? ` (${md(g.level)})` : ''}: ${md(g.message)}`,
    );
  }
  return [...lines, ''];
}

function pct(c: { covered: number; total: number } | undefined): string {
  return c ? fmtCoverage(c) : '–';
}

function signalTotals(r: ReportV1): string[] {
  const s = r.signals;
  const rows: string[] = [];
  if (s.coverage) {
    const parts = [`lines ${pct(s.coverage.lines)}`];
    if (s.coverage.branches) parts.push(`branches ${pct(s.coverage.branches)}`);
    if (s.coverage.functions) parts.push(`functions ${pct(s.coverage.functions)}`);
    if (s.coverage.patch) parts.push(`patch ${pct(s.coverage.patch)}`);
    rows.push(`| Coverage | ${parts.join(' · ')} |`);
  }
  if (s.tests) {
    const t = s.tests;
    rows.push(
      `| Tests | ${t.total} total · ${t.passed} passed · ${t.failed} failed · ${t.skipped} skipped${t.flaky ? ` · ${t.flaky} flaky` : ''} |`,
    );
  }
  if (s.audit) {
    const a = s.audit;
    rows.push(
      `| Audit | ${a.critical} critical · ${a.high} high · ${a.moderate} moderate · ${a.low} low${a.ignored ? ` · ${a.ignored} ignored` : ''} |`,
    );
  }
  if (s.lint)
    rows.push(
      `| Lint | ${s.lint.errors} errors · ${s.lint.warnings} warnings${s.lint.notes ? ` · ${s.lint.notes} notes` : ''} |`,
    );
  if (s.roadmap) {
    const m = s.roadmap;
    rows.push(`| Roadmap | ${m.done}/${m.total} done · ${m.in_progress} in progress · ${m.blocked} blocked |`);
  }
  return rows.length === 0 ? [] : ['| Signal | Result |', '| --- | --- |', ...rows];
}

function location(file: string | undefined, line: number | undefined): string {
  if (!file) return '';
  return ` (${code(`${file}${line ? `:${line}` : ''}`)})`;
}

function testFailures(r: ReportV1, d: Detail): string[] {
  const t = r.signals.tests;
  if (!t || t.failures.length === 0 || d.failures === 0) return [];
  const shown = t.failures.slice(0, d.failures);
  const out = [`### Failed tests (${t.failed})`, ''];
  for (const f of shown) {
    const name = f.suite ? `${f.suite} › ${f.name}` : f.name;
    out.push(`- **${md(name)}**${location(f.file, f.line)}: ${md(clip(firstLine(f.message).trim(), 300))}`);
    if (d.withDetails && f.details) out.push('', indent(codeBlock(clip(f.details, 2_000))), '');
  }
  const more = t.failed - shown.length;
  if (more > 0) out.push(`- … and ${more} more in the JSON report`);
  return [...out, ''];
}

function auditFindings(r: ReportV1, d: Detail): string[] {
  const a = r.signals.audit;
  if (!a || d.findings === 0) return [];
  const counted = a.findings.filter((f) => !f.ignored);
  const ignored = a.findings.filter((f) => f.ignored);
  if (counted.length === 0 && ignored.length === 0) return [];
  const out = ['### Vulnerabilities', '', '| Severity | Advisory | Package | Title |', '| --- | --- | --- | --- |'];
  for (const f of counted.slice(0, d.findings)) {
    const url = safeUrl(f.url);
    const id = url ? `[${cell(f.id)}](${url})` : cell(f.id);
    out.push(
      `| ${cell(f.severity)} | ${id} | ${cell(f.package)}${f.version ? ` ${cell(f.version)}` : ''} | ${cell(clip(f.title, 200))} |`,
    );
  }
  if (counted.length > d.findings) out.push(`| | … ${counted.length - d.findings} more | | |`);
  for (const f of ignored.slice(0, d.findings))
    out.push(
      `| ignored | ${cell(f.id)} | ${cell(f.package)} | ${cell(`${f.ignored!.reason}${f.ignored!.until ? ` (until ${f.ignored!.until})` : ''}`)} |`,
    );
  return [...out, ''];
}

function lintFindings(r: ReportV1, d: Detail): string[] {
  const l = r.signals.lint;
  if (!l || d.findings === 0) return [];
  const errors = l.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return [];
  const out = [`### Lint errors (${errors.length})`, ''];
  for (const f of errors.slice(0, d.findings)) {
    out.push(
      `- ${f.path ? code(`${f.path}${f.line ? `:${f.line}` : ''}`) : '(no location)'}${f.rule ? ` ${md(f.rule)}` : ''}: ${md(clip(firstLine(f.message).trim(), 300))}`,
    );
  }
  if (errors.length > d.findings) out.push(`- … and ${errors.length - d.findings} more in the JSON report`);
  return [...out, ''];
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/**
 * A link target from report data: https only, no control characters, and every character that could
 * end the link, split a table cell or open HTML percent-encoded. Anything else is not linked.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https:\/\/[^\s/]/.test(url) || /[\u0000-\u001f\u007f]/.test(url)) return undefined;
  return url.replace(/[()\s|<>"`\\[\]@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
