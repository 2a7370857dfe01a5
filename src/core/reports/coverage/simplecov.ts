/**
 * SimpleCov `.resultset.json` (`coverage/.resultset.json`): one entry per command name ("RSpec",
 * "Unit Tests", …), each `{ coverage: { "/abs/file.rb": { lines, branches } }, timestamp }`. SimpleCov
 * before 0.18 wrote `{ "/abs/file.rb": [lines…] }`; both are read. Several command names (merged
 * runs) are unioned, as SimpleCov merges them.
 *
 * Lines: `lines[i]` is the hit count of line i + 1, `null` for lines that are not code.
 * Branches: keys are stringified Ruby arrays, `"[:if, 0, 13, 8, 13, 36]"` (type, id, start line,
 * start column, end line, end column) mapping to `{ "[:then, 1, 13, 18, 13, 23]": hits, … }`; every
 * inner entry is one branch, covered when hits > 0, placed on the line SimpleCov reports it on (its
 * own start line when on the condition's line, else the line before it). Ruby's Coverage has no
 * functions in SimpleCov's output: functions are undefined. `# :nocov:` and filters are applied by
 * SimpleCov when it formats, not in this file: excluded lines here count unless the tool dropped them.
 */
import { z } from 'zod';
import { CoverageTable, MAX_LINE, type FileCoverage } from '../../coverage/table.js';
import { ReportParseError } from '../../errors.js';
import { checkShape, readJson } from '../../stream/json.js';
import type { ReportParser } from '../types.js';

const lines = z.array(z.number().min(0).nullable()).max(MAX_LINE);
const fileEntry = z.union([lines, z.object({ lines, branches: z.record(z.string(), z.record(z.string(), z.number().min(0))).optional() })]);
const report = z.record(z.string(), z.object({ coverage: z.record(z.string(), fileEntry) }));

const HEAD = /^\s*\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"coverage"\s*:\s*\{/;
/** `[:then, 1, 13, 18, 13, 23]` -> the start line (third element). */
const RUBY_TUPLE = /^\[\s*:?\w+\s*,\s*-?\d+\s*,\s*(\d+)\s*,/;

export const simplecov: ReportParser<'coverage'> = {
  id: 'simplecov',
  signal: 'coverage',
  title: 'SimpleCov .resultset.json',
  detectedBy: 'JSON object whose first value has a "coverage" object (a command name entry)',
  metrics: ['lines', 'branches (SimpleCov 0.18+ with enable_coverage :branch)', 'per-line (patch)'],
  detect: (head) => HEAD.test(head),
  async parse(ctx) {
    const { source, paths } = ctx;
    const raw = checkShape(source.path, report, await readJson(ctx), 'SimpleCov .resultset.json');
    const table = new CoverageTable();
    for (const [command, { coverage }] of Object.entries(raw)) {
      for (const [path, entry] of Object.entries(coverage)) {
        if (path.trim() === '') throw new ReportParseError(source.path, `an entry of "${command}" has an empty path`);
        const file = table.file(paths.toRepo(path));
        const lineHits = Array.isArray(entry) ? entry : entry.lines;
        lineHits.forEach((hits, i) => {
          if (hits !== null) file.addLine(i + 1, hits);
        });
        if (!Array.isArray(entry) && entry.branches) addBranches(file, entry.branches, source.path);
      }
    }
    return { table };
  },
};

function addBranches(file: FileCoverage, conditions: Record<string, Record<string, number>>, reportPath: string): void {
  const perLine = new Map<number, [total: number, taken: number]>();
  const startLine = (key: string): number => {
    const line = Number(RUBY_TUPLE.exec(key)?.[1] ?? NaN);
    if (!Number.isInteger(line) || line < 1 || line > MAX_LINE) {
      throw new ReportParseError(reportPath, `branch key "${key.slice(0, 60)}" is not a Ruby [type, id, line, column, line, column] tuple`);
    }
    return line;
  };
  for (const [condition, branches] of Object.entries(conditions)) {
    const conditionLine = startLine(condition);
    for (const [branch, hits] of Object.entries(branches)) {
      const line = startLine(branch);
      const reportLine = line === conditionLine ? line : Math.max(1, line - 1);
      const entry = perLine.get(reportLine) ?? [0, 0];
      entry[0]++;
      if (hits > 0) entry[1]++;
      perLine.set(reportLine, entry);
    }
  }
  // SimpleCov 0.18+ always writes `branches` ({} without branch coverage): only real branches count.
  for (const [line, [total, taken]] of perLine) file.addBranches(line, total, taken);
}
