/**
 * Lint finding identity that survives line shifts: path, rule and message (digits that look like
 * positions are kept, since messages rarely carry them), plus the finding's rank among identical
 * ones in the same file. Adding a line above a finding keeps its fingerprint; a second copy of the
 * same finding in the same file is new.
 */
import { createHash } from 'node:crypto';
import type { LintFinding } from './model.js';

function baseKey(f: LintFinding): string {
  const message = f.message.replace(/\s+/g, ' ').trim();
  return `${f.tool ?? ''}\u0000${f.path}\u0000${f.rule ?? ''}\u0000${message}`;
}

export function assignFingerprints(findings: readonly LintFinding[]): LintFinding[] {
  const ordered = [...findings].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const rank = new Map<string, number>();
  const byFinding = new Map<LintFinding, string>();
  for (const f of ordered) {
    const key = baseKey(f);
    const n = rank.get(key) ?? 0;
    rank.set(key, n + 1);
    byFinding.set(f, createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 20));
  }
  return findings.map((f) => ({ ...f, fingerprint: byFinding.get(f)! }));
}
