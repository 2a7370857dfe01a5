/**
 * Per-file totals for formats that carry no per-line data (coverage-summary.json, JaCoCo counters
 * without lines), and the counter arithmetic the coverage table shares.
 */
import type { Counter } from '../model.js';

export interface CoverageSummary {
  lines?: Counter;
  branches?: Counter;
  functions?: Counter;
}

/** Two summaries of one file (from two reports): each counter keeps the larger covered and total. */
export function mergeSummary(a: CoverageSummary | undefined, b: CoverageSummary): CoverageSummary {
  if (!a) return { ...b };
  const pick = (x?: Counter, y?: Counter): Counter | undefined =>
    !x ? y : !y ? x : { covered: Math.max(x.covered, y.covered), total: Math.max(x.total, y.total) };
  return { lines: pick(a.lines, b.lines), branches: pick(a.branches, b.branches), functions: pick(a.functions, b.functions) };
}

/** Adds `c` to sums[at] (covered) and sums[at + 1] (total); 1 when there was one, else 0. */
export function addCounter(sums: Float64Array, at: number, c: Counter | undefined): number {
  if (!c) return 0;
  sums[at]! += c.covered;
  sums[at + 1]! += c.total;
  return 1;
}
