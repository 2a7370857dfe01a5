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
import { FileCoverage } from './file.js';
import type { CoverageSummary } from './summary.js';

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
    // One pass adding numbers, no objects per file: a large report has tens of thousands of files.
    const sums = new Float64Array(6);
    let seen = 0;
    for (const file of this.files.values()) seen |= file.addTotalsTo(sums);
    const counter = (i: number): Counter => ({ covered: sums[i]!, total: sums[i + 1]! });
    return { lines: seen & 1 ? counter(0) : undefined, branches: seen & 2 ? counter(2) : undefined, functions: seen & 4 ? counter(4) : undefined };
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
