/** How the readiness page writes a gate's numbers: units, the comparison, the change since the base. */
import { round } from '../numbers.js';
import type { ReportV1 } from '../report-schema.js';

type Gate = ReportV1['gates'][number];

const PERCENT_GATE = /coverage\.(lines|branches|functions|patch)|pass_rate|roadmap/;
const AT_MOST_GATE = /max|errors|warnings|critical|high|moderate|low|failed|skipped|flaky|new_only/;

/** "84.2%", "3", "yes", or "–" when the gate has no value. */
export function gateValue(value: Gate['actual'], id: string): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return PERCENT_GATE.test(id) ? `${value}%` : String(value);
  return value;
}

/** The threshold with its comparison ("≥ 85%", "≤ 0"), or "–". */
export function gateThreshold(gate: Gate): string {
  if (gate.threshold === null || typeof gate.threshold === 'boolean') return gateValue(gate.threshold, gate.id);
  return `${AT_MOST_GATE.test(gate.id) ? '≤' : '≥'} ${gateValue(gate.threshold, gate.id)}`;
}

/** "+1.5", "−3.17" (a real minus sign), or "" when there is no change or no base. */
export function gateDelta(delta: number | undefined): string {
  if (delta === undefined || delta === 0) return '';
  const size = round(Math.abs(delta));
  return `${delta > 0 ? '+' : '−'}${size}`;
}

export const STATUS_WORD = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: 'skipped' } as const;
export const STATUS_MARK = { pass: '✓', fail: '✗', warn: '!', skip: '–' } as const;
