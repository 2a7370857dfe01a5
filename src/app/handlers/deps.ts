/** What every event handler receives besides the Probot context: the App's identity and settings. */
import type { Context } from 'probot';
import type { GitHubClient } from '../../github/octokit.js';
import type { PacingOptions } from '../../github/roadmap/pacing.js';
import type { PrGate } from '../queue/pr-lock.js';
import type { RepoRef } from '../../github/repo.js';
import type { ZipLimits } from '../../github/zip.js';

export interface HandlerDeps {
  /** The App's id: only runs made by it count as readygate's. */
  appId: number;
  checkName: string;
  /** Repository-relative path of the policy, read from the default branch. */
  policyPath: string;
  version: string;
  now: () => Date;
  limits?: ZipLimits;
  /** Each pull request's newest head, shared by the replicas (Redis) or this process (memory). */
  prs: PrGate;
  /** How a roadmap sync spaces its writes (default: GitHub's documented pace; tests shorten it). */
  roadmapPacing?: Partial<PacingOptions>;
}

export interface RepoScope {
  octokit: GitHubClient;
  repo: RepoRef;
  fullName: string;
  defaultBranch: string;
  /** https://github.com/owner/name (or the GHES equivalent). */
  htmlUrl: string;
}

interface RepositoryPayload {
  repository: { name: string; full_name: string; default_branch: string; html_url: string; owner: { login: string } };
}

/** The installation client and repository of an event that has one. */
export function repoScope(context: Context): RepoScope {
  const { repository } = context.payload as unknown as RepositoryPayload;
  return {
    octokit: context.octokit,
    repo: { owner: repository.owner.login, repo: repository.name },
    fullName: repository.full_name,
    defaultBranch: repository.default_branch,
    htmlUrl: repository.html_url,
  };
}

export function today(deps: HandlerDeps): string {
  return deps.now().toISOString().slice(0, 10);
}
