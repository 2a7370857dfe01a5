/**
 * workflow_run completed: publish the run's `readygate-report` artifact (judged again with the
 * default branch's policy; its own verdict is never used). A run without one decides nothing
 * unless the App is waiting on that commit and every run of it is done (then: action required).
 */
import type { Context } from 'probot';
import { findOwnCheckRun } from '../../github/own-check-run.js';
import { hasReportArtifact, workflowRunRef } from '../../github/workflow-runs.js';
import { repoScope, type HandlerDeps } from './deps.js';
import { judgeCommit, publishFrom } from './judge-commit.js';

export async function onWorkflowRunCompleted(context: Context<'workflow_run'>, deps: HandlerDeps): Promise<void> {
  const scope = repoScope(context);
  const run = workflowRunRef(context.payload.workflow_run);
  if (await hasReportArtifact(scope.octokit, scope.repo, run.id)) return publishFrom(scope, deps, context.log, run);
  const own = await findOwnCheckRun(scope.octokit, scope.repo, {
    sha: run.headSha,
    checkName: deps.checkName,
    appId: deps.appId,
  });
  if (!own || own.status === 'completed') {
    context.log.debug(`workflow run ${run.id} uploaded no readygate-report and no readygate run waits on its commit`);
    return;
  }
  await judgeCommit(scope, deps, context.log, run.headSha, own);
}
