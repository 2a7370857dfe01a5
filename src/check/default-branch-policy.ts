/**
 * Whether the default branch holds a readygate policy under some name: the guard that keeps a
 * pull request from bringing the policy that judges it. When the `config` input names a file the
 * default branch lacks, the pull request's own copy may judge it only if the default branch has no
 * readygate policy at all; otherwise a PR could add `.github/lenient.yml`, point `config` at it
 * (the workflow file is the PR's too) and be judged by it.
 */
import { ConfigError } from '../core/errors.js';
import { listRepoDir } from '../github/contents.js';
import type { GitHubClient } from '../github/octokit.js';
import type { RepoRef } from '../github/repo.js';

/** File names in `.github/` that are readygate policies (`readygate.yml`, `readygate-strict.yaml`, ...). */
const POLICY_NAME = /^readygate[^/]*\.ya?ml$/i;

/** The default branch's readygate policies in `.github/`, repository-relative. */
export async function defaultBranchPolicies(
  octokit: GitHubClient,
  repo: RepoRef,
  ref: string | undefined,
): Promise<string[]> {
  const names = (await listRepoDir(octokit, repo, '.github', ref)) ?? [];
  return names
    .filter((name) => POLICY_NAME.test(name))
    .sort()
    .map((name) => `.github/${name}`);
}

/** Refuses the pull request's own policy when the default branch has one under another name. */
export function refuseNewPolicyName(path: string, branch: string, others: readonly string[]): never {
  throw new ConfigError(
    `${branch} has no ${path}, but it has a readygate policy (${others.join(', ')}): a pull request cannot be judged by a policy file it brings under a new name`,
    [
      `point the \`config\` input at ${others[0]}, or land ${path} on ${branch} first (a policy judges pull requests once it is on the default branch)`,
    ],
  );
}
