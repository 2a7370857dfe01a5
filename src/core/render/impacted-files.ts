/**
 * The "impacted files" table of the comment and the job summary: each changed file with coverable
 * added lines, worst patch coverage first, with the added lines no test ran, the file's line
 * coverage and its change against the base. Each file links to the pull request's diff of it.
 */
import { createHash } from 'node:crypto';
import { formatRanges } from '../line-ranges.js';
import type { Counter } from '../model.js';
import { coveredPercent, fmtCoverage, round } from '../numbers.js';
import type { ReportV1 } from '../report-schema.js';
import { cell, code } from './escape.js';

/** Where the pull request's diff view is, for links to each file's diff. */
export interface DiffLinks {
  /** `https://github.com/owner/repo` (or a GHES host). */
  repoUrl: string;
  pullNumber: number;
}

/** Uncovered ranges shown per file before "… (K more)". */
const RANGES_SHOWN = 6;

/** GitHub's anchor for one file in a pull request's "Files changed" view: `diff-` + sha256 of its path. */
export function diffAnchor(path: string): string {
  return `diff-${createHash('sha256').update(path).digest('hex')}`;
}

export function impactedFiles(report: ReportV1, max: number, links?: DiffLinks): string[] {
  const patch = report.signals.coverage?.patch;
  const files = patch?.files;
  if (!patch || !files || files.length === 0 || max <= 0) return [];
  const out = [
    '### Impacted files',
    '',
    '| File | Patch coverage | Changed lines not covered | Line coverage | Change |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const f of files.slice(0, max)) {
    const name = links
      ? `[${cell(f.path)}](${links.repoUrl}/pull/${links.pullNumber}/files#${diffAnchor(f.path)})`
      : code(f.path, true);
    const missed = f.uncovered.length === 0 ? '' : cell(formatRanges(f.uncovered, RANGES_SHOWN));
    const more = f.uncovered_omitted ? ` … (${f.uncovered_omitted} more ranges)` : '';
    const lines = f.unreported ? 'not in the coverage report' : f.lines ? fmtCoverage(f.lines) : '–';
    out.push(`| ${name} | ${fmtCoverage(f)} | ${missed}${more} | ${lines} | ${change(f.lines, f.base_lines)} |`);
  }
  const more = files.length - Math.min(max, files.length) + (patch.files_omitted ?? 0);
  if (more > 0) out.push(`| … and ${more} more in the JSON report | | | | |`);
  return [...out, ''];
}

/** The file's line coverage against the base, in points; `–` when the base does not list it. */
function change(now: Counter | undefined, base: Counter | undefined): string {
  const [nowPercent, basePercent] = [now && coveredPercent(now), base && coveredPercent(base)];
  if (nowPercent === undefined || basePercent === undefined) return '–';
  const delta = round(nowPercent - basePercent);
  return delta === 0 ? '±0' : delta > 0 ? `+${delta}` : `−${-delta}`;
}
