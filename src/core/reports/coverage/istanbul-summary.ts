/**
 * istanbul `coverage-summary.json` (reporter `json-summary` of nyc, jest, vitest): `total` plus one
 * entry per file path, each with `lines`, `statements`, `functions`, `branches` as
 * `{ total, covered, skipped, pct }`. Summary only: each file gets a per-file summary (lines, branches,
 * functions; statements are not a readygate metric) and no per-line data, so these files count in
 * the totals but cannot serve patch coverage. The `total` entry is ignored: the table sums the files,
 * which is how istanbul computed it.
 */
import { z } from 'zod';
import { CoverageTable } from '../../coverage/table.js';
import { ReportParseError } from '../../errors.js';
import type { Counter } from '../../model.js';
import { checkShape, readJson } from '../../stream/json.js';
import type { ReportParser } from '../types.js';

const metric = z
  .object({ total: z.number().int().min(0), covered: z.number().int().min(0) })
  .refine((m) => m.covered <= m.total, { message: 'covered is larger than total' });
const fileSummary = z.object({ lines: metric, functions: metric, branches: metric, statements: metric.optional() });
const report = z.record(z.string(), fileSummary);

const HEAD = /^\s*\{\s*"total"\s*:\s*\{\s*"(?:lines|statements|functions|branches)"\s*:\s*\{\s*"total"\s*:/;

export const istanbulSummary: ReportParser<'coverage'> = {
  id: 'istanbul-summary',
  signal: 'coverage',
  title: 'istanbul coverage-summary.json',
  detectedBy: 'JSON object starting with a "total" entry of lines/statements/functions/branches counters',
  metrics: ['lines', 'branches', 'functions', 'no per-line data'],
  detect: (head) => HEAD.test(head),
  async parse(ctx) {
    const { source, paths } = ctx;
    const raw = checkShape(source.path, report, await readJson(ctx), 'istanbul coverage-summary.json');
    const table = new CoverageTable();
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'total') continue;
      if (key.trim() === '') throw new ReportParseError(source.path, 'a file entry has an empty path');
      const counter = (m: { total: number; covered: number }): Counter => ({ covered: m.covered, total: m.total });
      table.file(paths.toRepo(key)).summary = { lines: counter(value.lines), branches: counter(value.branches), functions: counter(value.functions) };
    }
    return { table };
  },
};
