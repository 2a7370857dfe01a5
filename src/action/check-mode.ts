/**
 * `mode: check`, the main job on pull_request, merge_group and push, in numbered stages (and
 * `mode: report`, the same without the check run, comment and badge: for repositories where the
 * readygate App publishes, so that there is never a second `readygate` check run):
 *  1. create the check run in progress (a 403 means a read-only token: fall back, do not fail)
 *  2. on pull requests, read the changed lines (and paths) from the API
 *  3. read the policy (the default branch's on pull requests and merge groups; says so if the PR edits it)
 *  4. find the base digest on the base commit (PR or merge group base, or the commit before a push)
 *  5. run the check on the workspace's reports, with the base branch's `branches:` requirement
 *  6. deliver: check run, comment, badge, job summary, outputs
 * If a stage throws after the check run exists, the run is completed as failed with the reason,
 * never left in progress.
 */
import { resolve } from 'node:path';
import { runCheck } from '../check/run-check.js';
import type { AddedLines } from '../core/diff.js';
import { ConfigError, describeError } from '../core/errors.js';
import type { ReportV1 } from '../core/report-schema.js';
import { findBaseSnapshot, type BaseLookup } from '../github/base.js';
import { createCheckRun, type CheckRunRef } from '../github/checks.js';
import { isPermissionDenied } from '../github/errors.js';
import { commitRangeChanges, pullRequestChanges } from '../github/pr-files.js';
import { VERSION } from '../version.js';
import { deliver } from './deliver.js';
import { failCheckRun } from './fail-check-run.js';
import { loadPolicy } from '../check/policy.js';
import type { ActionContext } from './context.js';
import type { StageEnv } from './stage-env.js';

/** What is judged: the commit, its base and the branch whose `branches:` requirement applies. */
export interface JudgedChange {
  headSha: string;
  baseSha?: string;
  branch?: string;
  pullNumber?: number;
  /** Read the policy from the default branch through the API (the change must not relax it). */
  policyFromDefaultBranch: boolean;
  /** A push to the default branch: commit the badge. */
  badge: boolean;
}

export function judgedChange(context: ActionContext): JudgedChange {
  const event = context.event;
  switch (event.kind) {
    case 'pull_request':
      return {
        headSha: event.headSha,
        baseSha: event.baseSha,
        branch: event.baseRef,
        pullNumber: event.number,
        policyFromDefaultBranch: true,
        badge: false,
      };
    case 'merge_group':
      return {
        headSha: event.headSha,
        baseSha: event.baseSha,
        branch: event.baseRef,
        policyFromDefaultBranch: true,
        badge: false,
      };
    case 'push': {
      // Only the default branch's own checkout is its policy: any other branch could relax it, and
      // its runs land on the same commits a pull request's check shows.
      const toDefault = event.branch !== undefined && event.branch === context.defaultBranch;
      return {
        headSha: event.sha,
        baseSha: event.before,
        branch: event.branch,
        policyFromDefaultBranch: !toDefault,
        badge: toDefault,
      };
    }
    case 'other':
      return { headSha: event.sha, policyFromDefaultBranch: true, badge: false };
    case 'workflow_run':
      throw new ConfigError(
        'on workflow_run, set `mode: publish` (mode check evaluates reports of the current checkout)',
      );
  }
}

export async function checkMode(env: StageEnv): Promise<ReportV1> {
  const { context, inputs, octokit, io } = env;
  const change = judgedChange(context);
  const runUrl = context.runId
    ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`
    : undefined;

  // 1. Check run, in progress (not in report mode: there the readygate App makes the one check run).
  let checkRun: CheckRunRef | undefined;
  let readOnly = false;
  const reportOnly = inputs.mode === 'report';
  try {
    if (!reportOnly)
      checkRun = await createCheckRun(octokit, context.repo, inputs['check-name'], change.headSha, runUrl);
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    readOnly = true;
    io.warning(
      `readygate cannot create check runs with this token (${describeError(error)}): writing the job summary and annotations instead`,
    );
  }

  try {
    const root = resolve(context.workspace, inputs['working-directory']);
    const reports = { coverage: inputs.coverage, tests: inputs.tests, audit: inputs.audit, lint: inputs.lint };
    const notices: string[] = [];

    // 2. Changed lines.
    let added: AddedLines | undefined;
    let changedPaths: Set<string> | undefined;
    if (change.pullNumber !== undefined) {
      const changes = await pullRequestChanges(octokit, context.repo, change.pullNumber);
      added = changes.added;
      changedPaths = changes.paths;
      notices.push(...changes.notices);
    } else if (change.baseSha && context.event.kind !== 'other') {
      // A merge-queue commit or a push: the same patch gate as a pull request, from the compare API.
      const changes = await commitRangeChanges(octokit, context.repo, change.baseSha, change.headSha);
      if ('notice' in changes) notices.push(changes.notice);
      else {
        added = changes.added;
        notices.push(...changes.notices);
      }
    }

    // 3. Policy.
    const policy = await loadPolicy({
      octokit,
      repo: context.repo,
      path: inputs.config,
      defaultBranch: context.defaultBranch,
      fromDefaultBranch: change.policyFromDefaultBranch,
      changedPaths,
      workspace: context.workspace,
      root,
      reports,
    });
    notices.push(...policy.notices);

    // 4. Base digest (from runs made by the same app as this one, when this token can make runs).
    const lookup: BaseLookup = change.baseSha
      ? await findBaseSnapshot(octokit, context.repo, {
          sha: change.baseSha,
          checkName: inputs['check-name'],
          app: checkRun?.app,
        })
      : { notice: 'no base commit to compare against' };
    if (lookup.notice) notices.push(lookup.notice);

    // 5. Check.
    const report = await runCheck({
      root,
      config: policy.config,
      version: VERSION,
      today: env.today,
      branch: change.branch,
      added,
      base: lookup.base,
      notices,
    });

    // 6. Deliver.
    await deliver(env, {
      report,
      headSha: change.headSha,
      pullNumber: change.pullNumber,
      checkRun,
      readOnly,
      badge: change.badge,
      reportOnly,
      patchAnnotations: policy.config.patch.annotations,
    });
    return report;
  } catch (error) {
    if (checkRun) await failCheckRun(env, checkRun, error);
    throw error;
  }
}
