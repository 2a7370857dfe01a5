/**
 * Which policy judges the change. On pull requests and in publish mode it is the default
 * branch's `.github/readygate.yml`, read through the API: a pull request must not be able to
 * relax the rules it is judged by. If the PR edits the policy the check says so; if the default
 * branch has no readygate policy at all (under any name), the PR's own file (or readygate's default
 * policy) is used, and that is said too; if it has one under another name, the check fails. On pushes the checked-out commit's file is the policy. Report inputs replace the policy's
 * globs per signal, as the CLI's flags do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH, resolveConfig } from './config-source.js';
import { defaultBranchPolicies, refuseNewPolicyName } from './default-branch-policy.js';
import { DEFAULT_POLICY } from '../config/defaults.js';
import { parseConfig, validateConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { SIGNALS, type Signal } from '../core/model.js';
import { readRepoFile } from '../github/contents.js';
import type { GitHubClient } from '../github/octokit.js';
import type { RepoRef } from '../github/repo.js';

export interface PolicyRequest {
  octokit: GitHubClient;
  repo: RepoRef;
  /** Repository-relative path of the policy file. */
  path: string;
  defaultBranch?: string;
  /** Read the default branch's file through the API (pull requests, publish mode). */
  fromDefaultBranch: boolean;
  /** Paths the pull request changes, to say when it edits the policy. */
  changedPaths?: ReadonlySet<string>;
  /** Repository checkout, for the fallback; absent in publish mode (nothing of the PR is checked out). */
  workspace?: string;
  /** Directory report globs are relative to. */
  root: string;
  reports: Partial<Record<Signal, string[]>>;
}

export interface Policy {
  config: Config;
  notices: string[];
}

export async function loadPolicy(req: PolicyRequest): Promise<Policy> {
  const notices: string[] = [];
  if (req.fromDefaultBranch) {
    const branch = req.defaultBranch ?? 'the default branch';
    const text = await readRepoFile(req.octokit, req.repo, req.path, req.defaultBranch);
    if (text !== undefined) {
      if (req.changedPaths?.has(req.path) || differsLocally(req, text)) {
        notices.push(
          `this change modifies ${req.path}: it is judged by the default branch's policy (${branch}); the change applies once merged`,
        );
      }
      return { config: withReports(parseConfig(text, `${req.path} (${branch})`), req.reports), notices };
    }
    const others = await defaultBranchPolicies(req.octokit, req.repo, req.defaultBranch);
    if (others.length > 0) refuseNewPolicyName(req.path, branch, others);
    const own = req.workspace && ownPolicy(req.workspace, req.root, req.path);
    notices.push(
      own
        ? `${branch} has no readygate policy: this check used the pull request's own ${own}, which the pull request itself can change`
        : `${branch} has no readygate policy: using readygate's default policy`,
    );
  }
  if (!req.workspace) return { config: validateConfig(DEFAULT_POLICY, 'default policy'), notices };
  const local = existsSync(resolve(req.workspace, req.path)) ? resolve(req.workspace, req.path) : undefined;
  const resolved = await resolveConfig(req.root, req.root, local, req.reports);
  return { config: resolved.config, notices: [...notices, ...resolved.notices] };
}

/** The checkout's policy file the fallback reads (as resolveConfig finds it), if any. */
function ownPolicy(workspace: string, root: string, path: string): string | undefined {
  if (existsSync(resolve(workspace, path))) return path;
  return existsSync(resolve(root, DEFAULT_CONFIG_PATH)) ? DEFAULT_CONFIG_PATH : undefined;
}

/** Whether the checkout holds a policy file other than the default branch's (when no changed-file list says so). */
function differsLocally(req: PolicyRequest, text: string): boolean {
  if (req.changedPaths || !req.workspace) return false;
  const local = resolve(req.workspace, req.path);
  try {
    return existsSync(local) && readFileSync(local, 'utf8') !== text;
  } catch {
    return false; // unreadable: the default branch's policy is used all the same
  }
}

function withReports(config: Config, reports: Partial<Record<Signal, string[]>>): Config {
  const merged = { ...config.reports };
  for (const signal of SIGNALS) if (reports[signal]?.length) merged[signal] = reports[signal];
  return { ...config, reports: merged };
}
