/**
 * `mode: check`, the main job on pull_request and push, in numbered stages:
 *  1. create the check run in progress (a 403 means a read-only token: fall back, do not fail)
 *  2. on pull requests, read the changed lines (and paths) from the API
 *  3. read the policy (the default branch's on pull requests; says so if the PR edits it)
 *  4. find the base digest on the base commit (PR base, or the commit before a push)
 *  5. run the check on the workspace's reports
 *  6. deliver: check run, comment, badge, job summary, outputs
 * If a stage throws after the check run exists, the run is completed as failed with the reason,
 * never left in progress.
 */
import { resolve } from 'node:path';
import { runCheck } from '../check/run-check.js';
import type { AddedLines } from '../core/diff.js';
import { describeError } from '../core/errors.js';
import type { ReportV1 } from '../core/report-schema.js';
import { findBaseSnapshot, type BaseLookup } from '../github/base.js';
import { completeCheckRun, createCheckRun, type CheckRunRef } from '../github/checks.js';
import { isPermissionDenied } from '../github/errors.js';
import { pullRequestChanges } from '../github/pr-files.js';
import { VERSION } from '../version.js';
import { deliver } from './deliver.js';
import { loadPolicy } from './policy.js';
import type { StageEnv } from './stage-env.js';

export async function checkMode(env: StageEnv): Promise<ReportV1> {
  const { context, inputs, octokit, io } = env;
  const event = context.event;
  if (event.kind === 'workflow_run') throw new Error('on workflow_run, set `mode: publish` (mode check evaluates reports of the current checkout)');
  const pr = event.kind === 'pull_request' ? event : undefined;
  const headSha = event.kind === 'pull_request' ? event.headSha : event.sha;
  const runUrl = context.runId ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : undefined;

  // 1. Check run, in progress.
  let checkRun: CheckRunRef | undefined;
  let readOnly = false;
  try {
    checkRun = await createCheckRun(octokit, context.repo, inputs['check-name'], headSha, runUrl);
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    readOnly = true;
    io.warning(`readygate cannot create check runs with this token (${describeError(error)}): writing the job summary and annotations instead`);
  }

  try {
    const root = resolve(context.workspace, inputs['working-directory']);
    const reports = { coverage: inputs.coverage, tests: inputs.tests, audit: inputs.audit, lint: inputs.lint };
    const notices: string[] = [];

    // 2. Changed lines.
    let added: AddedLines | undefined;
    let changedPaths: Set<string> | undefined;
    if (pr) {
      const changes = await pullRequestChanges(octokit, context.repo, pr.number);
      added = changes.added;
      changedPaths = changes.paths;
      notices.push(...changes.notices);
    }

    // 3. Policy.
    const policy = await loadPolicy({
      octokit,
      repo: context.repo,
      path: inputs.config,
      defaultBranch: context.defaultBranch,
      fromDefaultBranch: pr !== undefined,
      changedPaths,
      workspace: context.workspace,
      root,
      reports,
    });
    notices.push(...policy.notices);

    // 4. Base digest.
    const baseSha = pr ? pr.baseSha : event.kind === 'push' ? event.before : undefined;
    const lookup: BaseLookup = baseSha ? await findBaseSnapshot(octokit, context.repo, baseSha, inputs['check-name']) : { notice: 'no base commit to compare against' };
    if (lookup.notice) notices.push(lookup.notice);

    // 5. Check.
    const branch = pr ? pr.baseRef : event.kind === 'push' ? event.branch : undefined;
    const report = await runCheck({ root, config: policy.config, version: VERSION, today: env.today, branch, added, base: lookup.base, notices });

    // 6. Deliver.
    const onDefault = event.kind === 'push' && event.branch !== undefined && event.branch === context.defaultBranch;
    await deliver(env, { report, headSha, pullNumber: pr?.number, checkRun, readOnly, badge: onDefault });
    return report;
  } catch (error) {
    if (checkRun) await failCheckRun(env, checkRun, error);
    throw error;
  }
}

async function failCheckRun(env: StageEnv, run: CheckRunRef, error: unknown): Promise<void> {
  const summary = `## ❌ readygate could not finish\n\n${describeError(error).replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}\n`;
  try {
    await completeCheckRun(env.octokit, env.context.repo, run, { title: 'readygate could not finish', summary, conclusion: 'failure', annotations: [] });
  } catch (second) {
    env.io.warning(`could not mark the check run as failed: ${describeError(second)}`);
  }
}
