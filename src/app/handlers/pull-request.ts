/** pull_request opened, synchronize, reopened, ready_for_review: the head commit's waiting run. */
import type { Context } from 'probot';
import { repoScope, type HandlerDeps } from './deps.js';
import { openWaitingRun } from './waiting.js';

export async function onPullRequest(context: Context<'pull_request'>, deps: HandlerDeps): Promise<void> {
  const pr = context.payload.pull_request;
  await openWaitingRun(repoScope(context), deps, context.log, { sha: pr.head.sha, branch: pr.base.ref });
}
