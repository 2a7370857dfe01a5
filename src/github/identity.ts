/**
 * Who this token acts as, as the author login its comments carry: how the sticky comment tells
 * its own comment from one a person pasted the marker into. The check run readygate just created
 * names its app (`github-actions` for GITHUB_TOKEN, the App's slug for an installation token),
 * whose comments are authored by `<slug>[bot]`: no extra request. Without it, `GET /user` answers
 * for a personal or user token; an installation token is refused there (403), and the identity is
 * then unknown: the caller must not edit any existing comment.
 */
import type { AppRef } from './checks.js';
import { apiStep, isPermissionDenied } from './errors.js';
import type { GitHubClient } from './octokit.js';

export function botLogin(app: AppRef): string {
  return `${app.slug}[bot]`;
}

export async function tokenLogin(octokit: GitHubClient, app?: AppRef): Promise<string | undefined> {
  if (app) return botLogin(app);
  try {
    const { data } = await apiStep('finding which account the token acts as', () => octokit.rest.users.getAuthenticated());
    return data.login;
  } catch (error) {
    if (isPermissionDenied(error)) return undefined;
    throw error;
  }
}
