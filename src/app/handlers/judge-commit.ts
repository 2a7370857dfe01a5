/**
 * Judging a commit for the App: from one workflow run's artifact (`publishFrom`), or from the
 * newest artifact any run of the commit uploaded (`judgeCommit`, for rerequests and for a run
 * that uploaded none). While runs are still going nothing is decided; once all are done without a
 * report, the App's run concludes `action_required` with the workflow step to add.
 */
import type { Logger } from 'probot';
import { missingReportOutput } from '../../check/app-texts.js';
import { publishRun } from '../../check/publish-run.js';
import { completeCheckRun } from '../../github/checks.js';
import { openOwnCheckRun, type OwnRun } from '../../github/own-check-run.js';
import { findReportRun, type WorkflowRunRef } from '../../github/workflow-runs.js';
import { today, type HandlerDeps, type RepoScope } from './deps.js';

export async function publishFrom(
  scope: RepoScope,
  deps: HandlerDeps,
  log: Logger,
  run: WorkflowRunRef,
): Promise<void> {
  const isDefaultBranchPush =
    run.event === 'push' &&
    run.headBranch === scope.defaultBranch &&
    (run.headRepo === undefined || run.headRepo.toLowerCase() === scope.fullName.toLowerCase());
  const outcome = await publishRun({
    octokit: scope.octokit,
    repo: scope.repo,
    defaultBranch: scope.defaultBranch,
    run,
    checkName: deps.checkName,
    appId: deps.appId,
    policyPath: deps.policyPath,
    version: deps.version,
    today: today(deps),
    isDefaultBranchPush,
    repoUrl: scope.htmlUrl,
    ...(deps.limits && { limits: deps.limits }),
  });
  const where = `${run.headSha.slice(0, 7)} (workflow run ${run.id})`;
  if (outcome.kind === 'refused') {
    log.warn(`refused the readygate-report of ${where}: ${outcome.reason}`);
    return;
  }
  const pr = outcome.pull ? ` on #${outcome.pull.number}` : '';
  log.info(
    `judged ${where}${pr}: ${outcome.report.verdict} (the artifact said ${outcome.claimed}); run ${outcome.checkRun.id}${outcome.comment ? `, comment ${outcome.comment.action}` : ''}`,
  );
}

export async function judgeCommit(
  scope: RepoScope,
  deps: HandlerDeps,
  log: Logger,
  sha: string,
  own?: OwnRun | null,
): Promise<void> {
  const search = await findReportRun(scope.octokit, scope.repo, sha);
  if (search.kind === 'found') return publishFrom(scope, deps, log, search.run);
  if (search.kind === 'pending') {
    log.info(`${sha.slice(0, 7)}: ${search.running} workflow run(s) still going; waiting for a readygate-report`);
    return;
  }
  const run = await openOwnCheckRun(scope.octokit, scope.repo, {
    sha,
    checkName: deps.checkName,
    appId: deps.appId,
    ...(own !== undefined && { existing: own }),
  });
  await completeCheckRun(scope.octokit, scope.repo, run, {
    ...missingReportOutput(search.runs, sha),
    conclusion: 'action_required',
    detailsUrl: `${scope.htmlUrl}/actions`,
  });
  log.warn(`${sha.slice(0, 7)}: every workflow run finished without a readygate-report: action required`);
}
