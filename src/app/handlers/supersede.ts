/**
 * Per pull request, the latest head wins. Each pull_request event records the PR's head SHA by
 * compare-and-set, ordered by the PR's `updated_at` (queue/pr-lock.ts: in Redis with several
 * replicas). An event older than the recorded head decides nothing; a newer one finishes the
 * App's waiting run on the head it replaced, so no superseded commit keeps a run in progress.
 * A verdict that arrives later for that commit still lands on its run (it is that commit's truth).
 */
import type { Logger } from 'probot';
import { completeCheckRun } from '../../github/checks.js';
import { findOwnCheckRun } from '../../github/own-check-run.js';
import type { HandlerDeps, RepoScope } from './deps.js';

export interface PullHead {
  number: number;
  sha: string;
  updatedAt: string;
}

/** Records the PR's head; false when a newer head is already recorded (this event is stale). */
export async function claimHead(scope: RepoScope, deps: HandlerDeps, log: Logger, pull: PullHead): Promise<boolean> {
  const order = Date.parse(pull.updatedAt);
  const head = await deps.prs.advanceHead(
    { repo: scope.fullName, number: pull.number },
    pull.sha,
    Number.isFinite(order) ? order : deps.now().getTime(),
  );
  if (head.current !== pull.sha) {
    log.info(
      `#${pull.number}: ${pull.sha.slice(0, 7)} is older than the recorded head ${head.current.slice(0, 7)}: nothing to do`,
    );
    return false;
  }
  if (head.previous) await finishSuperseded(scope, deps, log, head.previous, pull);
  return true;
}

async function finishSuperseded(
  scope: RepoScope,
  deps: HandlerDeps,
  log: Logger,
  previous: string,
  pull: PullHead,
): Promise<void> {
  const run = await findOwnCheckRun(scope.octokit, scope.repo, {
    sha: previous,
    checkName: deps.checkName,
    appId: deps.appId,
  });
  if (!run || run.status === 'completed') return;
  await completeCheckRun(scope.octokit, scope.repo, run, {
    title: `Superseded by ${pull.sha.slice(0, 7)}`,
    summary: `Pull request #${pull.number} moved on to \`${pull.sha.slice(0, 7)}\` before this commit's CI report arrived; readygate judges the newest head. A report for this commit that arrives later is still shown here.`,
    conclusion: 'neutral',
    annotations: [],
  });
  log.info(`#${pull.number}: finished the waiting run ${run.id} of superseded ${previous.slice(0, 7)}`);
}
