/**
 * check_run rerequested or requested_action ("Check again"), check_suite rerequested: judge the
 * commit again from its newest report artifact, into the App's existing run when it can take the
 * result (see github/own-check-run.ts) and the same sticky comment. The "Require this check" button
 * goes to protect.ts.
 */
import type { Context } from 'probot';
import { PROTECT_BUTTON } from '../../github/protection-text.js';
import { repoScope, type HandlerDeps } from './deps.js';
import { judgeCommit } from './judge-commit.js';
import { onProtectClicked } from './protect.js';

export async function onCheckRunAgain(context: Context<'check_run'>, deps: HandlerDeps): Promise<void> {
  const run = context.payload.check_run;
  if (run.app?.id !== deps.appId || run.name !== deps.checkName) return;
  const { payload } = context;
  if (payload.action === 'requested_action' && payload.requested_action?.identifier === PROTECT_BUTTON.identifier)
    return onProtectClicked(context, deps);
  await judgeCommit(repoScope(context), deps, context.log, run.head_sha);
}

export async function onCheckSuiteAgain(context: Context<'check_suite'>, deps: HandlerDeps): Promise<void> {
  const suite = context.payload.check_suite;
  if (suite.app?.id !== deps.appId) return;
  await judgeCommit(repoScope(context), deps, context.log, suite.head_sha);
}
