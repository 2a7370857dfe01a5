/**
 * Shared audit helpers: one severity scale for every tool, and one finding per advisory and package.
 */
import { SEVERITIES, type AuditFinding, type Severity } from '../../model.js';

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
  unknown: 'info',
};

/** Maps a tool's severity word onto critical, high, moderate, low, info (unknown words: info). */
export function normalizeSeverity(word: string | undefined): Severity {
  if (!word) return 'info';
  return SEVERITY_WORDS[word.trim().toLowerCase()] ?? 'info';
}

/** CVSS-style score: >= 9 critical, >= 7 high, >= 4 moderate, > 0 low, else info. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'moderate';
  if (score > 0) return 'low';
  return 'info';
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** One finding per advisory id and package: the most severe wins, aliases are unioned. */
export function dedupeFindings(findings: readonly AuditFinding[]): AuditFinding[] {
  const byKey = new Map<string, AuditFinding>();
  for (const f of findings) {
    const key = `${f.id.toUpperCase()}\u0000${f.package}`;
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
