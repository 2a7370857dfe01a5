/**
 * Readiness badges: what each badge says (label, message, colour) from a JSON report, as an SVG
 * (badge-maker, any of its styles) and as shields.io endpoint JSON. The level badge is coloured by
 * the level reached against the one required; a signal badge by that signal's gates at the
 * required level. No data is a grey "unknown", never a made-up number.
 *
 * @example badgeSvg(signalBadge(report, 'coverage'), 'flat-square') // "coverage | 84.2%"
 */
import { makeBadge } from 'badge-maker';
import { coveredPercent, fmtPct } from '../numbers.js';
import type { ReportV1 } from '../report-schema.js';
import { plainText } from './escape.js';
import { levelNames } from './page-model.js';

export const BADGE_SIGNALS = ['level', 'coverage', 'tests', 'audit', 'lint', 'roadmap'] as const;
export type BadgeSignal = (typeof BADGE_SIGNALS)[number];
export const BADGE_STYLES = ['flat', 'flat-square', 'plastic', 'for-the-badge', 'social'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

export interface BadgeSpec {
  label: string;
  message: string;
  color: string;
}

const MAX_TEXT = 64;

export function unknownBadge(label = 'readygate'): BadgeSpec {
  return { label, message: 'unknown', color: 'lightgrey' };
}

/** The level reached: red for none, orange below the required level, green at it, bright green above. */
export function levelBadge(report: ReportV1, label = 'readygate'): BadgeSpec {
  if (report.level === null) return { label, message: 'not ready', color: 'red' };
  const names = levelNames(report);
  const reached = names.indexOf(report.level);
  const required = names.indexOf(report.required);
  const color = reached < required ? 'orange' : reached === required ? 'green' : 'brightgreen';
  return { label, message: report.level, color };
}

/** One signal's badge: "coverage 84.2%", "tests 732/735", "audit 0 critical", "roadmap Milestone 1: 3/7". */
export function signalBadge(report: ReportV1, signal: BadgeSignal, label?: string): BadgeSpec {
  if (signal === 'level') return levelBadge(report, label);
  const name = label ?? signal;
  const message = signalMessage(report, signal);
  if (message === undefined) {
    const broken = report.gates.some((g) => g.id === `${signal}.report` && g.status !== 'pass');
    return broken ? { label: name, message: 'report unreadable', color: 'red' } : unknownBadge(name);
  }
  return { label: name, message, color: signalColor(report, signal) };
}

function signalMessage(report: ReportV1, signal: Exclude<BadgeSignal, 'level'>): string | undefined {
  const s = report.signals;
  switch (signal) {
    case 'coverage': {
      const lines = s.coverage?.lines && coveredPercent(s.coverage.lines);
      return lines === undefined ? undefined : fmtPct(lines, 1);
    }
    case 'tests':
      return s.tests && s.tests.passed + s.tests.failed > 0
        ? `${s.tests.passed}/${s.tests.passed + s.tests.failed}`
        : undefined;
    case 'audit': {
      if (!s.audit) return undefined;
      const a = s.audit;
      const rest = (['high', 'moderate', 'low'] as const).filter((k) => a[k] > 0).map((k) => `${a[k]} ${k}`);
      return [`${a.critical} critical`, ...rest].join(', ');
    }
    case 'lint':
      if (!s.lint) return undefined;
      return `${s.lint.errors} error${s.lint.errors === 1 ? '' : 's'}${s.lint.warnings > 0 ? `, ${s.lint.warnings} warning${s.lint.warnings === 1 ? '' : 's'}` : ''}`;
    case 'roadmap': {
      const r = s.roadmap;
      if (!r) return undefined;
      const open = r.milestones.find((m) => m.done < m.total) ?? r.milestones[r.milestones.length - 1];
      return open ? `${clip(open.title, 32)}: ${open.done}/${open.total}` : `${r.done}/${r.total} done`;
    }
  }
}

/** Red when a gate of the signal fails at the required level, yellow when one warns, green when they pass, blue when none applies. */
function signalColor(report: ReportV1, signal: string): string {
  const gates = report.gates.filter((g) => g.level === report.required && g.id.startsWith(`${signal}.`));
  if (gates.length === 0) return 'blue';
  if (gates.some((g) => g.status === 'fail')) return 'red';
  if (gates.some((g) => g.status === 'warn')) return 'yellow';
  return 'brightgreen';
}

/** The badge as SVG; badge-maker escapes its text. */
export function badgeSvg(spec: BadgeSpec, style: BadgeStyle = 'flat'): string {
  return makeBadge({ label: text(spec.label), message: text(spec.message) || 'unknown', color: spec.color, style });
}

/**
 * shields.io endpoint JSON: exactly `schemaVersion`, `label`, `message` and `color`, with a
 * message that is never empty (shields rejects an empty one and any key it does not know).
 */
export function badgeEndpointJson(spec: BadgeSpec): string {
  const body = {
    schemaVersion: 1,
    label: text(spec.label),
    message: text(spec.message) || 'unknown',
    color: spec.color,
  };
  return `${JSON.stringify(body)}\n`;
}

export function parseBadgeStyle(value: string | undefined): BadgeStyle | undefined {
  return BADGE_STYLES.find((s) => s === value);
}

export function parseBadgeSignal(value: string | undefined): BadgeSignal | undefined {
  return BADGE_SIGNALS.find((s) => s === value);
}

function text(value: string): string {
  return clip(plainText(value).replace(/\s+/g, ' ').trim(), MAX_TEXT);
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
