/**
 * push to the default branch: the commit's waiting run. Its verdict (and the base digest later
 * pull requests compare against) comes with the commit's artifact (workflow-run.ts).
 */
import type { Context } from 'probot';
import { repoScope, type HandlerDeps } from './deps.js';
import { openWaitingRun } from './waiting.js';

export async function onPush(context: Context<'push'>, deps: HandlerDeps): Promise<void> {
  const { payload } = context;
  const scope = repoScope(context);
  if (payload.deleted || payload.ref !== `refs/heads/${scope.defaultBranch}`) return;
  await openWaitingRun(scope, deps, context.log, { sha: payload.after, branch: scope.defaultBranch });
}
