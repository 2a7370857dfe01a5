/**
 * push to the default branch: the commit's waiting run (its verdict, and the base digest later
 * pull requests compare against, come with the commit's artifact: workflow-run.ts), and a roadmap
 * sync when the push changed a roadmap file or the policy (roadmap.ts).
 */
import type { Context } from 'probot';
import { repoScope, type HandlerDeps } from './deps.js';
import { roadmapOf, runRoadmap, touchesRoadmap } from './roadmap.js';
import { defaultBranchPolicy, openWaitingRun } from './waiting.js';

/** GitHub lists at most this many commits in a push payload; a longer push may hide a change. */
const PAYLOAD_COMMITS_CAP = 20;

export async function onPush(context: Context<'push'>, deps: HandlerDeps): Promise<void> {
  const { payload } = context;
  const scope = repoScope(context);
  if (payload.deleted || payload.ref !== `refs/heads/${scope.defaultBranch}`) return;
  const policy = await defaultBranchPolicy(scope, deps);
  await openWaitingRun(scope, deps, context.log, { sha: payload.after, branch: scope.defaultBranch }, policy);
  const settings = roadmapOf(policy);
  if (!settings) return;
  const changed = payload.commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]);
  const capped = payload.commits.length >= PAYLOAD_COMMITS_CAP || payload.forced || payload.created;
  if (!capped && !touchesRoadmap(settings, deps.policyPath, changed)) return;
  await runRoadmap(scope, deps, context.log, { sha: payload.after, settings, mode: 'sync' });
}
