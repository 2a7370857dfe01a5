/**
 * Whose markers count. Anyone who can open an issue can paste a roadmap marker into it; if readygate
 * believed it, that person could take over a roadmap item (its issue would be edited, closed, or
 * stand in for the real one). A marker is accepted only on an issue opened by the account the sync
 * runs as, or by a login the config trusts (say, the account earlier syncs ran as). When GitHub
 * would not say who the token is, issues opened by any bot account count: only an app installed
 * on the repository by its admins can open those. Every marker ignored is named in the plan.
 */
import type { CurrentIssue } from './state.js';

export interface MarkerTrust {
  /** The sync's own login and the logins the config trusts (compared case-insensitively). */
  logins: string[];
  /** The sync's account is unknown: trust markers on issues opened by bots. */
  anyBot: boolean;
}

export function acceptMarkers(
  issues: readonly CurrentIssue[],
  trust: MarkerTrust,
): { issues: CurrentIssue[]; warnings: string[] } {
  const logins = new Set(trust.logins.map((l) => l.toLowerCase()));
  const warnings: string[] = [];
  const accepted = issues.map((issue) => {
    if (!issue.marker) return issue;
    const author = issue.author;
    if (author && (logins.has(author.login.toLowerCase()) || (trust.anyBot && author.bot))) return issue;
    const by = author ? `@${author.login}` : 'an unknown account';
    const expected = trust.logins.length
      ? trust.logins.map((l) => `@${l}`).join(', ')
      : trust.anyBot
        ? 'an app (bot) account'
        : 'no account';
    warnings.push(
      `#${issue.number} carries a roadmap marker (key "${issue.marker.key}") but was opened by ${by}, not by ${expected}: marker ignored. If ${by} ran earlier syncs, add it to roadmap.trusted_authors`,
    );
    const { marker: _ignored, ...rest } = issue;
    return rest;
  });
  return { issues: accepted, warnings };
}
