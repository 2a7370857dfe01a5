/**
 * One roadmap sync: find the account the token is, read GitHub's state by listing (believing only
 * that account's markers), plan against the roadmap, and (unless dry-run) apply. The caller passes the GitHubClient, repository and roadmap; nothing here reads env or globals.
 */
import type { GitHubClient } from '../octokit.js';
import type { Roadmap } from '../../core/roadmap/collect.js';
import { desiredIssue, type SyncOptions } from '../../core/roadmap/desired.js';
import { planSync } from '../../core/roadmap/plan.js';
import { renderPlanMarkdown } from '../../core/roadmap/plan-markdown.js';
import type { Plan } from '../../core/roadmap/plan-types.js';
import type { CurrentState } from '../../core/roadmap/state.js';
import { ReadygateError, describeError } from '../../core/errors.js';
import { applyPlan, type ApplyResult } from './apply.js';
import { asHttpError } from './http-error.js';
import { markerTrust } from './identity.js';
import { readState, type RepoRef } from './read-state.js';

export interface SyncRun {
  ref: RepoRef;
  roadmap: Roadmap;
  options: SyncOptions;
  dryRun: boolean;
  /** Logins besides the token's own whose markers are believed (roadmap.trusted_authors). */
  trustedAuthors?: string[];
  onProgress?: (done: number, total: number, what: string) => void;
}

export interface SyncOutcome {
  plan: Plan;
  current: CurrentState;
  result?: ApplyResult;
}

export async function syncRoadmap(octokit: GitHubClient, run: SyncRun): Promise<SyncOutcome> {
  let current: CurrentState;
  let reread: (() => Promise<CurrentState>) | undefined;
  try {
    const { trust, warning } = await markerTrust(octokit, run.trustedAuthors);
    reread = () => readState(octokit, run.ref, trust);
    current = await reread();
    if (warning) current.warnings = [warning, ...(current.warnings ?? [])];
  } catch (error) {
    const status = asHttpError(error)?.status;
    const hint =
      status === 401 ? ' (check the token)' : status === 404 ? ' (check --repo and that the token can see it)' : '';
    throw new ReadygateError(
      `cannot list the issues, milestones and labels of ${run.ref.owner}/${run.ref.repo}: ${describeError(error)}${hint}`,
      { cause: error },
    );
  }
  const plan = planSync(run.roadmap, current, run.options);
  if (run.dryRun || plan.ops.length === 0) return { plan, current };
  const desired = new Map(run.roadmap.items.map((item) => [item.key, desiredIssue(item, run.options)]));
  const result = await applyPlan(octokit, plan, {
    ref: run.ref,
    current,
    desired,
    options: run.options,
    reread,
    ...(run.onProgress && { onProgress: run.onProgress }),
  });
  return { plan, current, result };
}

/**
 * What a sync would do, as Markdown for a pull request's check run ("This change will create 3
 * issues and close 1.", then each change). Reads GitHub, writes nothing. The App calls it for a PR
 * that edits a roadmap file, with the roadmap as the PR's head has it.
 */
export async function roadmapPlanMarkdown(
  octokit: GitHubClient,
  run: Omit<SyncRun, 'dryRun' | 'onProgress'>,
): Promise<{ markdown: string; plan: Plan }> {
  const { plan } = await syncRoadmap(octokit, { ...run, dryRun: true });
  return { markdown: renderPlanMarkdown(plan), plan };
}
