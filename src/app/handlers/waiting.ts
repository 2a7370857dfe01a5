/**
 * The in-progress `readygate` run a new head commit gets at once ("waiting for the CI report"),
 * its title naming the level the default branch's policy requires. A commit that already has the
 * App's run (the CI finished first, or a redelivered event) is left alone.
 */
import type { Logger } from 'probot';
import { waitingSummary, waitingTitle } from '../../check/app-texts.js';
import { loadPolicy, type Policy } from '../../check/policy.js';
import { requiredLevel } from '../../core/gates/evaluate.js';
import { createCheckRun } from '../../github/checks.js';
import { findOwnCheckRun } from '../../github/own-check-run.js';
import type { HandlerDeps, RepoScope } from './deps.js';

/** The default branch's policy (org defaults and `_extends` resolved), as every handler reads it. */
export function defaultBranchPolicy(scope: RepoScope, deps: HandlerDeps): Promise<Policy> {
  return loadPolicy({
    octokit: scope.octokit,
    repo: scope.repo,
    path: deps.policyPath,
    defaultBranch: scope.defaultBranch,
    fromDefaultBranch: true,
    root: '.',
    reports: {},
  });
}

export async function openWaitingRun(
  scope: RepoScope,
  deps: HandlerDeps,
  log: Logger,
  change: { sha: string; branch: string },
  policy: Policy,
): Promise<void> {
  const { octokit, repo } = scope;
  const existing = await findOwnCheckRun(octokit, repo, {
    sha: change.sha,
    checkName: deps.checkName,
    appId: deps.appId,
  });
  if (existing) {
    log.info(`${change.sha.slice(0, 7)} already has readygate run ${existing.id} (${existing.status}): left alone`);
    return;
  }
  const required = requiredLevel(policy.config, change.branch);
  const run = await createCheckRun(octokit, repo, deps.checkName, change.sha, undefined, {
    title: waitingTitle(required),
    summary: waitingSummary(),
  });
  log.info(`readygate run ${run.id} waits for the CI report of ${change.sha.slice(0, 7)} (required: ${required})`);
}
