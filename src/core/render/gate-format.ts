/**
 * A gate's numbers as every renderer writes them, read from the unit and direction the gate result
 * carries (set where gates are evaluated: gates/gate-kinds.ts), never guessed from its id.
 *
 * @example `${comparison('at_least')} ${gateNumber(85, 'percent')}` // "≥ 85%"
 */
import type { ReportV1 } from '../report-schema.js';

type Gate = ReportV1['gates'][number];

/** 84.2 -> "84.2%" for a percent, "3" for a count or points: the number as the gate stored it. */
export function gateNumber(value: number, unit: Gate['unit']): string {
  return unit === 'percent' ? `${value}%` : String(value);
}

/** "≥" for a minimum, "≤" for a maximum; undefined when the threshold is not a limit. */
export function comparison(direction: Gate['direction']): '≥' | '≤' | undefined {
  return direction === 'at_least' ? '≥' : direction === 'at_most' ? '≤' : undefined;
}
