/**
 * pull_request opened, synchronize, reopened, ready_for_review: the head commit's waiting run (the
 * run of a head it replaced finished: supersede.ts), and,
 * when the pull request changes a roadmap file, a preview of the roadmap sync merging it would run.
 */
import type { Context } from 'probot';
import { pullRequestChanges } from '../../github/pr-files.js';
import { repoScope, type HandlerDeps } from './deps.js';
import { claimHead } from './supersede.js';
import { roadmapOf, runRoadmap, touchesRoadmap } from './roadmap.js';
import { defaultBranchPolicy, openWaitingRun } from './waiting.js';

export async function onPullRequest(context: Context<'pull_request'>, deps: HandlerDeps): Promise<void> {
  const pr = context.payload.pull_request;
  const scope = repoScope(context);
  const current = await claimHead(scope, deps, context.log, {
    number: pr.number,
    sha: pr.head.sha,
    updatedAt: pr.updated_at,
  });
  if (!current) return;
  const policy = await defaultBranchPolicy(scope, deps);
  await openWaitingRun(scope, deps, context.log, { sha: pr.head.sha, branch: pr.base.ref }, policy);
  const settings = roadmapOf(policy);
  if (!settings || pr.base.ref !== scope.defaultBranch) return;
  const changes = await pullRequestChanges(scope.octokit, scope.repo, pr.number);
  if (!touchesRoadmap(settings, deps.policyPath, changes.paths)) return;
  await runRoadmap(scope, deps, context.log, { sha: pr.head.sha, settings, mode: 'preview', pullNumber: pr.number });
}
