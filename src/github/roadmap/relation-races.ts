/**
 * Relations another sync added first. Two syncs that run at once (two CI jobs) both add the same
 * sub-issues and "blocked by" relations; GitHub answers the second add with 422 (a child may have
 * one parent; a dependency exists once). Such a 422 is checked, not trusted by its wording: the
 * relation is read back, and when it is there the add is done.
 */
import type { GitHubClient } from '../octokit.js';
import { asHttpError } from './http-error.js';
import type { RepoRef } from './read-state.js';

export function isUnprocessable(error: unknown): boolean {
  return asHttpError(error)?.status === 422;
}

/** A read-back GitHub refused confirms nothing (the 422 is then handled as before); other errors are thrown. */
export function unconfirmed(error: unknown): undefined {
  if (asHttpError(error)) return undefined;
  throw error;
}

/** The number of the issue `child` is a sub-issue of now, read back from GitHub (undefined: none). */
export async function parentNow(octokit: GitHubClient, ref: RepoRef, child: number): Promise<number | undefined> {
  const res = await octokit.rest.issues.get({ ...ref, issue_number: child });
  const url = (res.data as { parent_issue_url?: string | null }).parent_issue_url;
  const number = url ? Number(/\/issues\/(\d+)$/.exec(url)?.[1]) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** The database ids of the issues `number` is blocked by now, read back from GitHub. */
export async function blockersNow(octokit: GitHubClient, ref: RepoRef, number: number): Promise<Set<number>> {
  const res = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by', {
    ...ref,
    issue_number: number,
    per_page: 100,
  });
  return new Set((res.data as { id: number }[]).map((i) => i.id));
}
