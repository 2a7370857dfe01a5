/**
 * Every gate readygate evaluates, with the unit of its numbers and how its threshold holds: the one
 * place that knows `coverage.lines` is a percent that must be at least its threshold. Gates are
 * created through `result` (common.ts), which takes an id from this table and stamps the unit and
 * direction on the result, so a new gate cannot be evaluated without saying how it reads; the
 * renderers read them from the result.
 *
 * @example GATE_KINDS['audit.high'] // { unit: 'count', direction: 'at_most' }
 */
import type { GateDirection, GateUnit } from '../model.js';

export interface GateMeasure {
  unit: GateUnit;
  direction?: GateDirection;
}

const atLeast = (unit: GateUnit) => ({ unit, direction: 'at_least' }) as const;
const atMost = (unit: GateUnit) => ({ unit, direction: 'at_most' }) as const;

export const GATE_KINDS = {
  'coverage.lines': atLeast('percent'),
  'coverage.branches': atLeast('percent'),
  'coverage.functions': atLeast('percent'),
  'coverage.patch': atLeast('percent'),
  'coverage.max_drop': atMost('points'),
  'tests.pass_rate': atLeast('percent'),
  'tests.max_failed': atMost('count'),
  'tests.min_total': atLeast('count'),
  'tests.max_skipped': atMost('count'),
  'tests.max_flaky': atMost('count'),
  'audit.critical': atMost('count'),
  'audit.high': atMost('count'),
  'audit.moderate': atMost('count'),
  'audit.low': atMost('count'),
  'lint.errors': atMost('count'),
  'lint.warnings': atMost('count'),
  // Its threshold is `true` (the setting is on) and its value the count of new findings: no limit.
  'lint.new_only': { unit: 'count' },
  'roadmap.done': atLeast('percent'),
} as const satisfies Record<string, GateMeasure>;

export type GateKind = keyof typeof GATE_KINDS;
/** A gate's id: its kind, with an index when a level has several of that kind (`roadmap.done[1]`). */
export type GateId = GateKind | `${GateKind}[${number}]`;

/**
 * The unit and direction of the gate `id` names, for results written before they carried them
 * (reports and digests of earlier versions); undefined for an id readygate does not evaluate.
 */
export function gateMeasure(id: string): GateMeasure | undefined {
  const kind = id.replace(/\[\d+\]$/, '');
  return isGateKind(kind) ? GATE_KINDS[kind] : undefined;
}

function isGateKind(kind: string): kind is GateKind {
  return Object.hasOwn(GATE_KINDS, kind);
}

/**
 * `gate` with its kind's unit and direction filled in when it carries no unit: a gate read from a
 * report or digest written before results carried them renders as it did then.
 */
export function withMeasure<G extends { id: string; unit?: GateUnit; direction?: GateDirection }>(gate: G): G {
  if (gate.unit !== undefined) return gate;
  const measure = gateMeasure(gate.id);
  return measure ? { ...gate, ...measure } : gate;
}
