/**
 * The coverage of all files of one signal, keyed by repo-relative path, each a compact
 * FileCoverage (file.ts) whose bulk data shares the table's blocks (arena.ts).
 *
 * Formats that only carry totals (coverage-summary.json, JaCoCo counters without lines) record a
 * per-file summary instead; such files count in totals but cannot serve patch coverage.
 */
import type { Counter } from '../model.js';
import { detach } from '../stream/text.js';
import { Arena } from './arena.js';
import { FileCoverage, type CoverageSummary } from './file.js';

export { FileCoverage, type CoverageSummary };

/** Largest line number accepted: larger ones are corrupt input, and would cost memory. */
export const MAX_LINE = 10_000_000;

/** All files of one coverage signal, keyed by repo-relative path. */
export class CoverageTable {
  readonly files = new Map<string, FileCoverage>();
  private readonly arena = new Arena();

  file(path: string): FileCoverage {
    let entry = this.files.get(path);
    if (!entry) {
      // Parsers hand over paths cut from a decoded chunk: keep a copy, not the chunk behind it.
      const own = detach(path);
      entry = new FileCoverage(own, this.arena);
      this.files.set(own, entry);
    }
    return entry;
  }

  mergeFrom(other: CoverageTable): void {
    for (const [path, file] of other.files) this.file(path).mergeFrom(file);
  }

  totals(): CoverageSummary {
    // One pass, adding numbers: a large report has tens of thousands of files.
    const lines = { covered: 0, total: 0 };
    const branches = { covered: 0, total: 0 };
    const functions = { covered: 0, total: 0 };
    let seen = 0;
    for (const file of this.files.values()) seen |= add(lines, file.lines()) | (add(branches, file.branches()) << 1) | (add(functions, file.functions()) << 2);
    return { lines: seen & 1 ? lines : undefined, branches: seen & 2 ? branches : undefined, functions: seen & 4 ? functions : undefined };
  }

  /** Coverage of the given added lines; undefined when no file in the diff has per-line data. */
  patch(added: ReadonlyMap<string, readonly number[]>): Counter | undefined {
    let covered = 0;
    let total = 0;
    let any = false;
    for (const [path, lines] of added) {
      const file = this.files.get(path);
      if (!file) continue;
      if (!file.hasLines) continue;
      any = true;
      for (const line of lines) {
        if (!file.isCoverable(line)) continue;
        total++;
        if (file.isCovered(line)) covered++;
      }
    }
    return any ? { covered, total } : undefined;
  }
}

/** Adds `c` to `sum`; 1 when there was one to add. */
function add(sum: Counter, c: Counter | undefined): number {
  if (!c) return 0;
  sum.covered += c.covered;
  sum.total += c.total;
  return 1;
}
