/**
 * istanbul `coverage-final.json` (reporter `json` of nyc, jest, vitest with either provider): an
 * object keyed by file path, each value an istanbul FileCoverage (`statementMap`/`s`, `fnMap`/`f`,
 * `branchMap`/`b`; older writers wrap it in `{ "data": … }`). Read whole (size-capped), shape-checked.
 *
 * Counting follows istanbul-lib-coverage, so totals equal what istanbul prints:
 * lines: a line is coverable when a statement starts on it, covered when the highest count of those
 * statements is > 0 (`getLineCoverage`); istanbul's separate "statements" metric is not reported.
 * Branches: every entry of every `b` array, on the branch's line. Functions: `f`, on the declaration line.
 */
import { z } from 'zod';
import { CoverageTable, MAX_LINE, type FileCoverage } from '../../coverage/table.js';
import { ReportParseError } from '../../errors.js';
import { checkShape, readJson } from '../../stream/json.js';
import type { ReportParser } from '../types.js';

const lineNo = z.number().int().min(0).max(MAX_LINE);
const location = z.object({ start: z.object({ line: lineNo }) });
/** Branch locations may be empty (`{ start: {}, end: {} }`: an implicit else). */
const branchLocation = z.object({ start: z.object({ line: lineNo.optional() }) });
const count = z.number().min(0);
const fileCoverage = z.object({
  path: z.string().optional(),
  statementMap: z.record(z.string(), location),
  s: z.record(z.string(), count),
  fnMap: z.record(z.string(), z.object({ decl: location.optional(), loc: location.optional(), line: lineNo.optional() })),
  f: z.record(z.string(), count),
  branchMap: z.record(z.string(), z.object({ loc: location.optional(), line: lineNo.optional(), locations: z.array(branchLocation).optional() })),
  b: z.record(z.string(), z.array(count)),
});
type RawFile = z.infer<typeof fileCoverage>;
const unwrapData = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'data' in value && !('statementMap' in value) ? value.data : value;
const report = z.record(z.string(), z.preprocess(unwrapData, fileCoverage));

/** First key of the root object, then an istanbul FileCoverage key (or a `data` wrapper) as the first key of its value. */
const HEAD = /^\s*\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*(?:"data"\s*:\s*\{\s*)?"(?:path|statementMap|fnMap|branchMap|s|f|b|all|hash|_coverageSchema|inputSourceMap)"\s*:/;

export const istanbulJson: ReportParser<'coverage'> = {
  id: 'istanbul-json',
  signal: 'coverage',
  title: 'istanbul coverage-final.json',
  detectedBy: 'JSON object whose first value is an istanbul FileCoverage (path, statementMap, fnMap, …)',
  metrics: ['lines', 'branches', 'functions', 'per-line (patch)'],
  detect: (head) => HEAD.test(head) && head.includes('"statementMap"'),
  async parse(ctx) {
    const { source, paths } = ctx;
    const raw = checkShape(source.path, report, await readJson(ctx), 'istanbul coverage-final.json');
    const table = new CoverageTable();
    for (const [key, value] of Object.entries(raw)) {
      const path = value.path ?? key;
      if (path.trim() === '') throw new ReportParseError(source.path, 'a file entry has an empty path');
      addFile(table.file(paths.toRepo(path)), value);
    }
    return { table };
  },
};

function addFile(file: FileCoverage, data: RawFile): void {
  const lineHits = new Map<number, number>();
  for (const [id, loc] of Object.entries(data.statementMap)) {
    const hits = data.s[id];
    if (hits === undefined) continue; // istanbul skips statements without a count too
    const line = loc.start.line;
    if (line < 1) continue;
    lineHits.set(line, Math.max(lineHits.get(line) ?? 0, hits));
  }
  for (const [line, hits] of lineHits) file.addLine(line, hits);

  const branches = new Map<number, [total: number, taken: number]>();
  for (const [id, branch] of Object.entries(data.branchMap)) {
    const hits = data.b[id];
    if (!hits) continue;
    const line = branch.line ?? branch.loc?.start.line ?? branch.locations?.[0]?.start.line ?? 0;
    const entry = branches.get(line) ?? [0, 0];
    entry[0] += hits.length;
    entry[1] += hits.filter((h) => h > 0).length;
    branches.set(line, entry);
  }
  for (const [line, [total, taken]] of branches) file.addBranches(line, total, taken);

  const perLine = new Map<number, number>();
  for (const [id, fn] of Object.entries(data.fnMap)) {
    const hits = data.f[id];
    if (hits === undefined) continue;
    const line = fn.decl?.start.line ?? fn.loc?.start.line ?? fn.line;
    const ordinal = line === undefined ? 0 : (perLine.get(line) ?? 0);
    if (line !== undefined) perLine.set(line, ordinal + 1);
    file.addFunction(line || undefined, hits > 0, ordinal);
  }
}
