/**
 * Finds the pull request a `workflow_run` belongs to. `workflow_run.pull_requests` is empty for
 * pull requests from forks, so the PR is matched by head repository + head SHA among the open
 * pull requests whose head is `owner:branch` (taken from the event payload, never the artifact).
 */
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export interface PullRef {
  number: number;
  baseSha: string;
  baseRef: string;
  headSha: string;
}

export interface HeadCoordinates {
  /** owner/name of the repository the PR comes from. */
  headRepo: string;
  headBranch: string;
  headSha: string;
}

export async function findPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  head: HeadCoordinates,
): Promise<PullRef | undefined> {
  const owner = head.headRepo.split('/')[0]!;
  const pulls = await apiStep(`finding the pull request for ${head.headRepo}@${head.headSha.slice(0, 7)}`, () =>
    octokit.paginate(octokit.rest.pulls.list, {
      ...repo,
      state: 'open',
      head: `${owner}:${head.headBranch}`,
      per_page: 100,
    }),
  );
  const match = pulls.find((p) => p.head.sha === head.headSha && p.head.repo?.full_name === head.headRepo);
  return match && { number: match.number, baseSha: match.base.sha, baseRef: match.base.ref, headSha: match.head.sha };
}
