/**
 * Changed code a report's patch leaves uncounted: what a publisher checks before the patch gate
 * can pass on a report it did not write (a fork's artifact). A change that adds lines only to files
 * holding no code (docs) honestly gives a patch of 0 of 0; the same 0 of 0 on a change to code is
 * how an edited artifact would pass the gate. Which changed files hold code is read from the
 * report's own lists, never guessed from a file name:
 *  - `coverage.by_file` lists the file with coverable lines;
 *  - or the file is unlisted, not a test file, and has the extension of listed code files: patch
 *    coverage counts it as uncovered (measurePatch), unless the policy says `unreported: ignore`.
 * With per-line data (`patch.line_data`) the publisher measures the patch again from it, and what
 * is refused is a changed code file that data could not have measured, whatever the counter says:
 * one `by_file` lists but the line data leaves out (readygate writes the line data of every changed
 * file it has lines for, and no patch at all when one has totals only), or, with no extension
 * having per-line data, an unlisted file of a listed code extension (readygate would have found it
 * unmeasurable and written no patch). Without `by_file` and without an extension having per-line
 * data, nothing tells code from docs: the patch is refused when the change adds lines to anything
 * but test files and files the policy excludes (the message says how to exclude a docs path).
 */
import picomatch from 'picomatch';
import type { AddedLines } from './diff.js';
import { extensionOf, isTestFile, type PatchOptions } from './patch.js';
import type { ReportV1 } from './report-schema.js';

type ReportCoverage = NonNullable<ReportV1['signals']['coverage']>;

/**
 * Why the report's patch cannot be taken for this change (a sentence to follow "the report"), or
 * undefined when nothing in the report contradicts it. `options` are the judging policy's.
 */
export function uncountedChangedCode(
  coverage: ReportCoverage,
  added: AddedLines,
  options: PatchOptions,
): string | undefined {
  const patch = coverage.patch;
  if (!patch) return undefined;
  const data = patch.line_data;
  // A bare counter that counts something is checked against the diff's size (checkPatchCounter).
  if (!data && patch.total > 0) return undefined;
  const excluded = options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const listed = new Map((coverage.by_file ?? []).map(([path, , total]) => [path, total]));
  const codeExtensions = new Map<string, string>(); // extension -> a listed code file that has it
  for (const [path, total] of listed) {
    const ext = extensionOf(path);
    if (ext && total > 0 && !codeExtensions.has(ext)) codeExtensions.set(ext, path);
  }
  const measured = new Set(data?.files.map((f) => f.path));
  const withLines = new Set(data?.extensions);
  const countsUnlisted = (path: string) => options.unreported === 'count' && !isTestFile(path);
  const state = data
    ? 'its per-line data leaves it out, so it cannot be measured again'
    : `its patch counter is ${patch.covered} of ${patch.total} and it carries no per-line data to measure it again`;

  for (const [path, lines] of added) {
    if (lines.length === 0 || excluded(path)) continue;
    const ext = extensionOf(path);
    if (data) {
      // Measured again from the line data: from its own lines, or as an unlisted file counted uncovered.
      if (measured.has(path) || (countsUnlisted(path) && ext !== undefined && withLines.has(ext))) continue;
    }
    const adds = `the pull request adds ${lines.length} line(s) to ${path}`;
    const total = listed.get(path);
    if (total !== undefined) {
      if (total > 0) return `lists ${path} with ${total} coverable line(s) and ${adds}, but ${state}`;
      continue; // listed with no coverable line at all: 0 of 0 is what it holds
    }
    if (!countsUnlisted(path)) continue;
    const sibling = ext === undefined ? undefined : codeExtensions.get(ext);
    if (sibling && (!data || withLines.size === 0))
      return `lists code files ending in ${ext} (${sibling}) and ${adds}, which it does not list, but ${state}${data ? ' (with no per-line data for any file, readygate writes no patch counter for such a change)' : ''}`;
    if (!coverage.by_file && withLines.size === 0)
      return `has no per-line data${data ? ' for any file' : ''} and no file list (coverage.by_file), and ${adds}: nothing in it tells whether that file holds code, so its patch of ${patch.covered} of ${patch.total} cannot be told from one that leaves code out (a file that holds no code can be left out of patch coverage with patch.exclude in the policy)`;
  }
  return undefined;
}
