/** How the readiness page writes a gate's numbers: units, the comparison, the change since the base. */
import { round } from '../numbers.js';
import type { ReportV1 } from '../report-schema.js';
import { comparison, gateNumber } from './gate-format.js';

type Gate = ReportV1['gates'][number];

/** "84.2%", "3", "yes", or "–" when the gate has no value. */
export function gateValue(value: Gate['actual'], unit: Gate['unit']): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return gateNumber(value, unit);
  return value;
}

/** The threshold with its comparison ("≥ 85%", "≤ 0"), or "–". */
export function gateThreshold(gate: Gate): string {
  const value = gateValue(gate.threshold, gate.unit);
  const op = comparison(gate.direction);
  if (gate.threshold === null || typeof gate.threshold === 'boolean' || op === undefined) return value;
  return `${op} ${value}`;
}

/** "+1.5", "−3.17" (a real minus sign), or "" when there is no change or no base. */
export function gateDelta(delta: number | undefined): string {
  if (delta === undefined || delta === 0) return '';
  const size = round(Math.abs(delta));
  return `${delta > 0 ? '+' : '−'}${size}`;
}

export const STATUS_WORD = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: 'skipped' } as const;
export const STATUS_MARK = { pass: '✓', fail: '✗', warn: '!', skip: '–' } as const;
