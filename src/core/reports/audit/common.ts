/**
 * Shared audit helpers: one severity scale for every tool, the documented default for findings whose
 * tool gives no severity, and one finding per advisory and package. See docs/severity-mapping.md.
 */
import { ReportParseError } from '../../errors.js';
import { SEVERITIES, type AuditFinding, type Severity } from '../../model.js';
import type { ParseContext } from '../types.js';

const SEVERITY_WORDS: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  error: 'high',
  moderate: 'moderate',
  medium: 'moderate',
  warning: 'moderate',
  low: 'low',
  minor: 'low',
  note: 'low',
  info: 'info',
  informational: 'info',
  negligible: 'info',
  none: 'info',
};

/** A tool's severity word on critical, high, moderate, low, info; undefined for "unknown" and unrecognised words. */
export function rateSeverity(word: string | undefined): Severity | undefined {
  return word ? SEVERITY_WORDS[word.trim().toLowerCase()] : undefined;
}

/**
 * Maps a tool's severity word onto critical, high, moderate, low, info. A word that says nothing
 * ("UNKNOWN", a typo, a new level) counts as high, like an unrated finding: never waved through as info.
 */
export function normalizeSeverity(word: string | undefined): Severity {
  return rateSeverity(word) ?? DEFAULT_UNKNOWN_SEVERITY;
}

/** CVSS-style score: >= 9 critical, >= 7 high, >= 4 moderate, > 0 low, else info. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'moderate';
  if (score > 0) return 'low';
  return 'info';
}

/**
 * Severity given to a finding whose tool reports none (pip-audit always; osv-scanner and SARIF when the
 * advisory carries no rating). Default `high`, so that a policy of `high: 0` fails on an unrated
 * vulnerability instead of passing it; a report entry may set `options: { unknown_severity: moderate }`.
 */
export const DEFAULT_UNKNOWN_SEVERITY: Severity = 'high';

export function unknownSeverity(ctx: ParseContext): Severity {
  const raw = ctx.options?.['unknown_severity'];
  if (raw === undefined) return DEFAULT_UNKNOWN_SEVERITY;
  const known = SEVERITIES.find((s) => s === raw);
  if (known) return known;
  throw new ReportParseError(ctx.source.path, `options.unknown_severity must be one of ${SEVERITIES.join(', ')} (got ${JSON.stringify(raw)})`);
}

/** The title of an unrated finding says so, so that the default is never silent. */
export function unratedTitle(title: string, tool: string, severity: Severity): string {
  return `${title} (${tool} gives no severity: counted as ${severity})`;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/**
 * Advisory ids as their databases write them: `GHSA-` then lower case (GHSA-gxpj-cx7g-858c),
 * `CVE-2021-1234`, other ids unchanged. Tools disagree on case; links and ignores need one form.
 */
export function canonicalAdvisoryId(id: string): string {
  const trimmed = id.trim();
  if (/^ghsa-/i.test(trimmed)) return `GHSA-${trimmed.slice(5).toLowerCase()}`;
  if (/^cve-\d{4}-\d+$/i.test(trimmed)) return trimmed.toUpperCase();
  return trimmed;
}

/**
 * One finding per advisory id, package and place (the lockfile or manifest it was found in): the
 * most severe wins, aliases are unioned. The same vulnerable package in two lockfiles is two
 * findings, two things to fix.
 */
export function dedupeFindings(input: readonly AuditFinding[]): AuditFinding[] {
  const byKey = new Map<string, AuditFinding>();
  const findings = input.map((f) => ({ ...f, id: canonicalAdvisoryId(f.id), aliases: f.aliases.map(canonicalAdvisoryId) }));
  for (const f of findings) {
    const key = `${f.id.toUpperCase()}\u0000${f.package}\u0000${f.path ?? ''}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { ...f, aliases: [...new Set(f.aliases)] });
      continue;
    }
    const keep = severityRank(f.severity) < severityRank(prev.severity) ? { ...f } : prev;
    keep.aliases = [...new Set([...prev.aliases, ...f.aliases])].filter((a) => a !== keep.id);
    if (prev.version && f.version && prev.version !== f.version) {
      keep.version = [...new Set([...prev.version.split(', '), ...f.version.split(', ')])].join(', ');
    }
    byKey.set(key, keep);
  }
  return [...byKey.values()];
}
