/**
 * Patch coverage in the JSON report, and back. The report carries, besides the counter, the
 * changed files with their uncovered added lines (for people: the comment, the summary, the
 * annotations) and the per-line coverage of the changed files (for machines: a publisher that
 * reads the diff from the API measures the patch again from it, instead of trusting the counter
 * a fork's workflow computed). Both are bounded (PATCH_BOUNDS) with counts of what was left out.
 */
import { CoverageTable } from './coverage/table.js';
import type { AddedLines } from './diff.js';
import { ReadygateError } from './errors.js';
import { countLines, forEachLine, toRanges } from './line-ranges.js';
import type { Counter } from './model.js';
import { extensionsWithLines, measurePatch, type PatchMeasure, type PatchOptions } from './patch.js';
import { PATCH_BOUNDS } from './report-bounds.js';
import type { ReportV1 } from './report-schema.js';

export type ReportPatch = NonNullable<NonNullable<ReportV1['signals']['coverage']>['patch']>;
type LineData = NonNullable<ReportPatch['line_data']>;

/** Most coverable lines read back from a report's line data (changed files only: far above any real change). */
const MAX_LINE_DATA_LINES = 20_000_000;

/** The report's `coverage.patch` for a measured patch; undefined when nothing could be measured. */
export function patchToReport(
  measure: PatchMeasure,
  table: CoverageTable,
  added: AddedLines,
  notices: string[],
  /** The base report's line coverage per file, for each file's change against the base. */
  baseFileLines?: ReadonlyMap<string, Counter>,
): ReportPatch | undefined {
  // A change that adds no line any coverage could hold (docs only) still writes its counter, 0 of 0,
  // with the line data: a publisher then measures the same nothing instead of refusing a report
  // whose patch counter is missing. Changed files the report cannot measure keep it absent.
  const out =
    reportPatchOf(measure) ?? (measure.unmeasurable.length === 0 ? { covered: 0, total: 0, files: [] } : undefined);
  if (!out) return undefined;
  if (baseFileLines)
    for (const file of out.files ?? []) {
      const base = baseFileLines.get(file.path);
      if (base) file.base_lines = base;
    }
  const lineData = changedLineData(table, added);
  if (lineData) out.line_data = lineData;
  else
    notices.push(
      `the changed files' per-line coverage is larger than a report carries (${PATCH_BOUNDS.lineDataRanges.toLocaleString('en-US')} ranges): a publisher cannot measure this patch again`,
    );
  return out;
}

/** The counter and the bounded file list of a measured patch (no line data). */
export function reportPatchOf(measure: PatchMeasure): ReportPatch | undefined {
  if (!measure.counter) return undefined;
  const shown = measure.files.slice(0, PATCH_BOUNDS.files);
  const out: ReportPatch = {
    ...measure.counter,
    files: shown.map(({ uncovered, ...file }) => ({
      ...file,
      uncovered: uncovered.slice(0, PATCH_BOUNDS.rangesPerFile),
      ...(uncovered.length > PATCH_BOUNDS.rangesPerFile && {
        uncovered_omitted: uncovered.length - PATCH_BOUNDS.rangesPerFile,
      }),
    })),
  };
  if (measure.files.length > shown.length) out.files_omitted = measure.files.length - shown.length;
  return out;
}

/** Whole-file covered and uncovered ranges of the changed files the table has per-line data for. */
function changedLineData(table: CoverageTable, added: AddedLines): LineData | undefined {
  const files: LineData['files'] = [];
  let ranges = 0;
  for (const path of [...added.keys()].sort()) {
    const file = table.files.get(path);
    if (!file?.hasLines) continue;
    const covered: number[] = [];
    const uncovered: number[] = [];
    file.forEachLine((line, hit) => (hit ? covered : uncovered).push(line));
    const entry = { path, covered: toRanges(covered), uncovered: toRanges(uncovered) };
    ranges += entry.covered.length + entry.uncovered.length;
    if (ranges > PATCH_BOUNDS.lineDataRanges || files.length >= PATCH_BOUNDS.lineDataFiles) return undefined;
    files.push(entry);
  }
  return { extensions: [...extensionsWithLines(table)].sort(), files };
}

export interface RemeasuredPatch {
  measure: PatchMeasure;
  /** What the publisher should say: the report's own counter disagreed with its line data. */
  notices: string[];
}

/**
 * Measures a report's patch again from its line data and a diff read elsewhere (the API). The
 * report's counter and file list are discarded; a changed file the line data does not hold is
 * judged as a file the coverage report does not list. undefined when the report has no line data.
 */
export function remeasurePatch(
  patch: ReportPatch | undefined,
  added: AddedLines,
  options: PatchOptions,
): RemeasuredPatch | undefined {
  const data = patch?.line_data;
  if (!patch || !data) return undefined;
  // Untrusted ranges could name billions of lines: count them before reading any.
  let lines = 0;
  for (const file of data.files) lines += countLines(file.covered) + countLines(file.uncovered);
  if (lines > MAX_LINE_DATA_LINES) {
    throw new ReadygateError(
      `the report's patch line data claims ${lines.toLocaleString('en-US')} coverable lines (at most ${MAX_LINE_DATA_LINES.toLocaleString('en-US')} are read)`,
    );
  }
  const table = new CoverageTable();
  for (const file of data.files) {
    const coverage = table.file(file.path);
    forEachLine(file.uncovered, (line) => coverage.addLine(line, 0));
    forEachLine(file.covered, (line) => coverage.addLine(line, 1));
  }
  const measure = measurePatch(table, added, options, new Set(data.extensions));
  const notices: string[] = [];
  const counter = measure.counter ?? { covered: 0, total: 0 };
  if (counter.covered !== patch.covered || counter.total !== patch.total) {
    notices.push(
      `the report's patch counter (${patch.covered}/${patch.total}) disagrees with its own line data measured against the pull request's diff (${counter.covered}/${counter.total}): judged by the line data`,
    );
  }
  return { measure, notices };
}
