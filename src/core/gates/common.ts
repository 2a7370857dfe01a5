/**
 * What every gate module shares: the context gates are evaluated in, and the wording helpers that
 * keep messages consistent ("line coverage 78.4% (…) is below 85%").
 */
import type { Counter, GateResult, GateStatus } from '../model.js';
import { coveredPercent, fmtCount, round } from '../numbers.js';
import { gateMeasure, type GateId } from './gate-kinds.js';

/** Data from an earlier run on the base commit: what delta gates compare against. */
export interface BaseSnapshot {
  /** Where it came from, for messages ("base report examples/base.json", "check run on abc123"). */
  source: string;
  coverage?: { lines?: Counter; branches?: Counter; functions?: Counter };
  /** Line coverage per file, where the base report carries it (a JSON report; digests do not). */
  fileLines?: ReadonlyMap<string, Counter>;
  /** Lint fingerprints present in the base. */
  lintFingerprints?: ReadonlySet<string>;
}

export interface GateContext {
  level: string;
  /** What a gate on data that is missing does. */
  missing: 'fail' | 'warn';
  base?: BaseSnapshot;
}

/** The covered share in percent; nothing to cover counts as fully covered (a gate on it passes). */
export function percent(c: Counter): number {
  return coveredPercent(c) ?? 100;
}

/**
 * A value that missed `limit`, to 2 decimals, kept on its side of it: rounded as usual unless
 * that would reach the limit, so a coverage of 84.997% against 85 shows as 84.99% (not "85% is
 * below 85%"), and a drop of 0.501 points against 0.5 as 0.51.
 */
export function shownBelow(value: number, limit: number): number {
  const rounded = round(value);
  return rounded < limit ? rounded : Math.floor(value * 100 + 1e-9) / 100;
}

/** shownBelow's mirror: a value that went over `limit`, kept above it (a drop of 0.501 against 0.5 shows as 0.51). */
export function shownAbove(value: number, limit: number): number {
  const rounded = round(value);
  return rounded > limit ? rounded : Math.ceil(value * 100 - 1e-9) / 100;
}

/** "1 lint error", "2 lint errors": `many` is used for every count but 1. */
export function plural(n: number, one: string, many: string): string {
  return `${fmtCount(n)} ${n === 1 ? one : many}`;
}

/** A gate's result, carrying the unit and direction its kind has (gate-kinds.ts). */
export function result(
  ctx: GateContext,
  id: GateId,
  status: GateStatus,
  actual: GateResult['actual'],
  threshold: GateResult['threshold'],
  message: string,
  delta?: number,
): GateResult {
  const r: GateResult = { id, level: ctx.level, status, actual, threshold, ...gateMeasure(id), message };
  if (delta !== undefined) r.delta = round(delta);
  return r;
}

/** A gate whose data is not there: failed (or warned), never passed. */
export function missingData(
  ctx: GateContext,
  id: GateId,
  threshold: GateResult['threshold'],
  message: string,
): GateResult {
  return result(ctx, id, ctx.missing === 'fail' ? 'fail' : 'warn', null, threshold, message);
}

export function skipped(ctx: GateContext, id: GateId, threshold: GateResult['threshold'], message: string): GateResult {
  return result(ctx, id, 'skip', null, threshold, `skipped: ${message}`);
}
