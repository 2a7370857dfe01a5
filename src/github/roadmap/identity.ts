/**
 * The account the sync writes as, asked once per run (see ../viewer.ts), so that only markers on
 * issues it opened are believed (see core/roadmap/trust.ts). If GitHub names no account, bot
 * accounts are trusted and the plan says so.
 */
import type { GitHubClient } from '../octokit.js';
import type { MarkerTrust } from '../../core/roadmap/trust.js';
import { viewerLogin } from '../viewer.js';

export async function markerTrust(
  octokit: GitHubClient,
  trusted: readonly string[] = [],
): Promise<{ trust: MarkerTrust; warning?: string }> {
  const viewer = await viewerLogin(octokit);
  if (viewer.login !== undefined) return { trust: { logins: [viewer.login, ...trusted], anyBot: false } };
  return {
    trust: { logins: [...trusted], anyBot: true },
    warning: `GitHub would not say which account this token is (${viewer.refused.join('; ')}): roadmap markers are trusted on issues opened by app (bot) accounts${trusted.length ? ` and by ${trusted.map((l) => `@${l}`).join(', ')}` : ''}; name the sync's account in roadmap.trusted_authors to be precise`,
  };
}
