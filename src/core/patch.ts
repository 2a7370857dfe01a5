/**
 * Patch coverage: of the code lines a change adds, how many the coverage report marks covered.
 *
 * A changed file the coverage report does not list at all is the case that fools most tools: a new
 * file no test loads never appears in the report, so it would be left out and the patch would look
 * fully covered. Here such a file counts as uncovered when it looks like the files the report
 * does cover (same extension), is not a test file by the usual naming conventions, and is not
 * excluded by the policy. Its added code lines (blank and comment-only lines are already dropped
 * by the diff reader) all count as uncovered, and the result names those files.
 */
import picomatch from 'picomatch';
import type { CoverageTable } from './coverage/table.js';
import type { AddedLines } from './diff.js';
import type { FileCoverage } from './coverage/file.js';
import { toRanges, type LineRange } from './line-ranges.js';
import type { Counter } from './model.js';

export interface PatchOptions {
  /** `count`: unreported source files count as uncovered (default); `ignore`: they are left out. */
  unreported: 'count' | 'ignore';
  /** Globs of changed files never counted in patch coverage. */
  exclude: readonly string[];
}

export interface UnreportedFile {
  path: string;
  /** Added code lines, all counted as uncovered. */
  lines: number;
}

/** One changed file's share of patch coverage. */
export interface PatchFile {
  path: string;
  /** Coverable lines the change adds to this file. */
  total: number;
  covered: number;
  /** The added coverable lines no test ran, as ranges. */
  uncovered: LineRange[];
  /** The coverage report does not list the file: all its added code lines count as uncovered. */
  unreported?: true;
  /** The whole file's line coverage (absent for unreported files). */
  lines?: Counter;
}

export interface PatchMeasure {
  /** undefined when no changed file could be measured at all. */
  counter?: Counter;
  /** Changed files the coverage report does not list that were counted as uncovered, largest first. */
  unreported: UnreportedFile[];
  /**
   * Changed files whose lines cannot be measured: the report lists them with totals only (a summary
   * format), or it has no per-line data at all and they look like the files it lists, or it lists no
   * file at all. Non-empty means the patch figure cannot be trusted, and the gate says so instead of
   * passing.
   */
  unmeasurable: string[];
  /** Every measured changed file with coverable added lines, worst patch coverage first. */
  files: PatchFile[];
}

/**
 * Test files by the conventions of the ecosystems readygate reads: they are normally left out of
 * coverage on purpose, so their absence from the report says nothing.
 */
const TEST_FILE_GLOB = picomatch(
  [
    '**/{test,tests,__tests__,__mocks__,spec,specs,testdata,fixtures,__fixtures__,e2e}/**',
    '**/*.{test,spec,e2e,bench}.*',
    '**/*_{test,spec}.*',
    '**/test_*.py',
    '**/conftest.py',
    '**/*.d.ts',
  ],
  { dot: true },
);

/** Is `path` a test file by the usual naming conventions (so an unlisted one says nothing)? */
export const isTestFile = (path: string): boolean => TEST_FILE_GLOB(path);

export const extensionOf = (path: string): string | undefined => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : undefined;
};

export function measurePatch(
  table: CoverageTable,
  added: AddedLines,
  options: PatchOptions,
  /** Extensions of the files with per-line data (default: read from the table). */
  extensionsWithLines?: ReadonlySet<string>,
): PatchMeasure {
  const excluded = options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const unreported: UnreportedFile[] = [];
  const unmeasurable: string[] = [];
  const files: PatchFile[] = [];
  let measured: Counter | undefined;
  let extensions: { withLines: ReadonlySet<string>; all: ReadonlySet<string> } | undefined;
  for (const [path, lines] of added) {
    if (excluded(path) || lines.length === 0) continue;
    const file = table.files.get(path);
    if (file) {
      if (!file.hasLines) {
        unmeasurable.push(path);
        continue;
      }
      const measuredFile = measureFile(file, lines);
      measured = {
        covered: (measured?.covered ?? 0) + measuredFile.covered,
        total: (measured?.total ?? 0) + measuredFile.total,
      };
      if (measuredFile.total > 0) files.push(measuredFile);
      continue;
    }
    if (options.unreported === 'ignore' || isTestFile(path)) continue;
    // A report that lists no file at all (an lcov file of only `TN:`) says nothing about which
    // changed files hold code: reading its silence as "no coverable line" passed the patch gate.
    if (!extensionsWithLines && table.files.size === 0) {
      unmeasurable.push(path);
      continue;
    }
    extensions ??= extensionsWithLines
      ? { withLines: extensionsWithLines, all: extensionsWithLines }
      : reportedExtensions(table);
    const ext = extensionOf(path);
    if (ext === undefined) continue;
    if (extensions.withLines.has(ext)) {
      unreported.push({ path, lines: lines.length });
      files.push({ path, total: lines.length, covered: 0, uncovered: toRanges(lines), unreported: true });
    } else if (extensions.withLines.size === 0 && extensions.all.has(ext)) unmeasurable.push(path);
  }
  unreported.sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path));
  unmeasurable.sort();
  files.sort(worstFirst);
  if (unreported.length === 0) return { counter: measured, unreported, unmeasurable, files };
  const uncovered = unreported.reduce((n, f) => n + f.lines, 0);
  return {
    counter: { covered: measured?.covered ?? 0, total: (measured?.total ?? 0) + uncovered },
    unreported,
    unmeasurable,
    files,
  };
}

/** The added lines of one file the report lists with per-line data. */
function measureFile(file: FileCoverage, lines: readonly number[]): PatchFile {
  let covered = 0;
  let total = 0;
  const missed: number[] = [];
  for (const line of [...lines].sort((a, b) => a - b)) {
    if (!file.isCoverable(line)) continue;
    total++;
    if (file.isCovered(line)) covered++;
    else missed.push(line);
  }
  const out: PatchFile = { path: file.path, total, covered, uncovered: toRanges(missed) };
  const whole = file.lines();
  if (whole) out.lines = whole;
  return out;
}

/** Lowest patch coverage first, then most uncovered lines, then path. */
function worstFirst(a: PatchFile, b: PatchFile): number {
  return (
    a.covered / a.total - b.covered / b.total ||
    b.total - b.covered - (a.total - a.covered) ||
    a.path.localeCompare(b.path)
  );
}

/** Extensions of the files with per-line data in the table (for a report's line data). */
export function extensionsWithLines(table: CoverageTable): Set<string> {
  return reportedExtensions(table).withLines;
}

/** Extensions of the files the report lists: those with per-line data, and all of them. */
function reportedExtensions(table: CoverageTable): { withLines: Set<string>; all: Set<string> } {
  const withLines = new Set<string>();
  const all = new Set<string>();
  for (const [path, file] of table.files) {
    const ext = extensionOf(path);
    if (!ext) continue;
    all.add(ext);
    if (file.hasLines) withLines.add(ext);
  }
  return { withLines, all };
}
