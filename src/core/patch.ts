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

export interface PatchMeasure {
  /** undefined when no changed file could be measured at all. */
  counter?: Counter;
  /** Changed files the coverage report does not list that were counted as uncovered, largest first. */
  unreported: UnreportedFile[];
}

/**
 * Test files by the conventions of the ecosystems readygate reads: they are normally left out of
 * coverage on purpose, so their absence from the report says nothing.
 */
const TEST_FILE = picomatch(
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

const extensionOf = (path: string): string | undefined => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : undefined;
};

export function measurePatch(table: CoverageTable, added: AddedLines, options: PatchOptions): PatchMeasure {
  const excluded = options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const reported = new Map<string, readonly number[]>();
  const unreported: UnreportedFile[] = [];
  let extensions: Set<string> | undefined;
  for (const [path, lines] of added) {
    if (excluded(path)) continue;
    if (table.files.has(path)) {
      reported.set(path, lines);
      continue;
    }
    if (options.unreported === 'ignore' || lines.length === 0 || TEST_FILE(path)) continue;
    extensions ??= reportedExtensions(table);
    const ext = extensionOf(path);
    if (ext !== undefined && extensions.has(ext)) unreported.push({ path, lines: lines.length });
  }
  const measured = table.patch(reported);
  unreported.sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path));
  if (unreported.length === 0) return { counter: measured, unreported };
  const uncovered = unreported.reduce((n, f) => n + f.lines, 0);
  return { counter: { covered: measured?.covered ?? 0, total: (measured?.total ?? 0) + uncovered }, unreported };
}

function reportedExtensions(table: CoverageTable): Set<string> {
  const out = new Set<string>();
  for (const [path, file] of table.files) {
    if (!file.hasLines) continue;
    const ext = extensionOf(path);
    if (ext) out.add(ext);
  }
  return out;
}
