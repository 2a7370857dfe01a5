/**
 * Which policy judges the change. On pull requests and in publish mode it is the default
 * branch's `.github/readygate.yml`, read through the API: a pull request must not be able to
 * relax the rules it is judged by. Without one, the owner's `.github` repository's file is the
 * policy (org defaults); `_extends` chains are followed from default branches only (see
 * policy-chain.ts). If the PR edits the policy the check says so; if the default branch has a
 * policy only under another name, the check fails (default-branch-policy.ts); if neither repository
 * has one, the PR's own file (or readygate's default policy) is used, and that is said plainly. On pushes to
 * the default branch the checked-out commit's file is the policy (its `_extends` read through the
 * API), else the owner's default. Report inputs replace the policy's globs per signal, as the
 * CLI's flags do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfigFile, resolveConfig } from './config-source.js';
import { readOrgDefault, readRemotePolicy, resolvePolicy } from './policy-chain.js';
import { DEFAULT_POLICY } from '../config/defaults.js';
import { validateConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { SIGNALS, type Signal } from '../core/model.js';
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
  const origin = { ...req.repo, path: req.path };
  const local =
    req.workspace && existsSync(resolve(req.workspace, req.path)) ? resolve(req.workspace, req.path) : undefined;
  if (req.fromDefaultBranch) {
    const branch = req.defaultBranch ?? 'the default branch';
    const remote = await readRemotePolicy(req.octokit, req.repo, req.path, req.defaultBranch);
    if (remote) {
      const edits = req.changedPaths?.has(req.path) || differsLocally(req, remote.ownText);
      if (edits)
        notices.push(
          remote.ownText === undefined
            ? `this change adds ${req.path}: it is judged by the owner's default policy; the change applies once merged`
            : `this change modifies ${req.path}: it is judged by the default branch's policy (${branch}); the change applies once merged`,
        );
      return { config: withReports(remote.config, req.reports), notices: [...remote.notices, ...notices] };
    }
    const own = req.workspace && ownPolicy(req.workspace, req.root, req.path);
    const none = `${branch} has no readygate policy (nor has ${req.repo.owner}/.github)`;
    notices.push(
      own
        ? `${none}: this check used the pull request's own ${own}, which the pull request itself can change`
        : `${none}: using readygate's default policy`,
    );
  } else if (!local) {
    // A push to the default branch without a policy of its own: the owner's default, as pull requests get.
    const org = await readOrgDefault(req.octokit, req.repo, req.path);
    if (org) {
      const resolved = await resolvePolicy(req.octokit, org.first, origin, org.location);
      notices.push(`this commit has no ${req.path}: using the owner's default, ${org.first.file}`);
      return { config: withReports(resolved.config, req.reports), notices: [...notices, ...resolved.notices] };
    }
  }
  if (!req.workspace) return { config: validateConfig(DEFAULT_POLICY, 'default policy'), notices };
  if (local) {
    const remote = async () => ({ octokit: req.octokit, repo: req.repo });
    const file = await loadConfigFile(req.workspace, req.path, remote, req.path);
    return { config: withReports(file.config, req.reports), notices: [...notices, ...file.notices] };
  }
  const resolved = await resolveConfig(req.root, req.root, undefined, req.reports);
  return { config: resolved.config, notices: [...notices, ...resolved.notices] };
}

/** The checkout's policy file the fallback reads (as resolveConfig finds it), if any. */
function ownPolicy(workspace: string, root: string, path: string): string | undefined {
  if (existsSync(resolve(workspace, path))) return path;
  return existsSync(resolve(root, DEFAULT_CONFIG_PATH)) ? DEFAULT_CONFIG_PATH : undefined;
}

/** Whether the checkout holds a policy file other than the default branch's (when no changed-file list says so). */
function differsLocally(req: PolicyRequest, text: string | undefined): boolean {
  if (req.changedPaths || !req.workspace) return false;
  const local = resolve(req.workspace, req.path);
  try {
    return existsSync(local) && (text === undefined || readFileSync(local, 'utf8') !== text);
  } catch {
    return false; // unreadable: the default branch's policy is used all the same
  }
}

function withReports(config: Config, reports: Partial<Record<Signal, string[]>>): Config {
  const merged = { ...config.reports };
  for (const signal of SIGNALS) if (reports[signal]?.length) merged[signal] = reports[signal];
  return { ...config, reports: merged };
}
