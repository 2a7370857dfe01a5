/**
 * Who this token acts as, as the author login its comments carry: how the sticky comment tells
 * its own comment from one a person pasted the marker into. The check run readygate just created
 * names its app (`github-actions` for GITHUB_TOKEN, the App's slug for an installation token),
 * whose comments are authored by `<slug>[bot]`: no extra request. Without it, GitHub is asked
 * (viewer.ts); if it names no account, the identity is unknown and the caller must not edit any
 * existing comment.
 */
import type { AppRef } from './checks.js';
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import { viewerLogin } from './viewer.js';

export function botLogin(app: AppRef): string {
  return `${app.slug}[bot]`;
}

export async function tokenLogin(octokit: GitHubClient, app?: AppRef): Promise<string | undefined> {
  if (app) return botLogin(app);
  return (await apiStep('finding which account the token acts as', () => viewerLogin(octokit))).login;
}
