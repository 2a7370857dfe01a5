/**
 * check_run rerequested or requested_action ("Check again"), check_suite rerequested: judge the
 * commit again from its newest report artifact, into the App's existing run when it can take the
 * result (see github/own-check-run.ts) and the same sticky comment.
 */
import type { Context } from 'probot';
import { repoScope, type HandlerDeps } from './deps.js';
import { judgeCommit } from './judge-commit.js';

export async function onCheckRunAgain(context: Context<'check_run'>, deps: HandlerDeps): Promise<void> {
  const run = context.payload.check_run;
  if (run.app?.id !== deps.appId || run.name !== deps.checkName) return;
  await judgeCommit(repoScope(context), deps, context.log, run.head_sha);
}

export async function onCheckSuiteAgain(context: Context<'check_suite'>, deps: HandlerDeps): Promise<void> {
  const suite = context.payload.check_suite;
  if (suite.app?.id !== deps.appId) return;
  await judgeCommit(repoScope(context), deps, context.log, suite.head_sha);
}
