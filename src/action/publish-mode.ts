/**
 * `mode: publish`, for a `workflow_run` workflow that publishes what a fork's pull request
 * workflow could not. The artifact is untrusted input: it is read in memory with size caps and
 * schema validation (github/zip.ts), its verdict and audit ignores are discarded, and the gates are
 * evaluated again with the default branch's policy. The PR and head SHA come from the event
 * payload, never from the artifact.
 *  1. find the pull request by head repository + head SHA (workflow_run.pull_requests is empty for forks)
 *  2. download and validate the readygate-report artifact of the triggering run
 *  3. read the policy from the default branch
 *  4. find the base digest on the PR's base commit
 *  5. re-evaluate the report's signals with that policy
 *  6. deliver: check run on the head SHA, comment, job summary, outputs
 */
import { evaluateReport } from '../check/evaluate-report.js';
import { ConfigError } from '../core/errors.js';
import type { BaseSnapshot } from '../core/gates/common.js';
import type { ReportV1 } from '../core/report-schema.js';
import { downloadReportArtifact } from '../github/artifact.js';
import { findBaseSnapshot } from '../github/base.js';
import { createCheckRun } from '../github/checks.js';
import { findPullRequest } from '../github/pulls.js';
import { VERSION } from '../version.js';
import { deliver } from './deliver.js';
import { loadPolicy } from './policy.js';
import type { StageEnv } from './stage-env.js';

export async function publishMode(env: StageEnv): Promise<ReportV1> {
  const { context, inputs, octokit, io } = env;
  const event = context.event;
  if (event.kind !== 'workflow_run') {
    throw new ConfigError(`mode: publish runs on workflow_run events (this is ${event.kind === 'other' ? event.name : event.kind}); use mode: check here`);
  }
  const notices = [`published from workflow run ${event.runId}'s readygate-report artifact, re-evaluated with the default branch's policy`];

  // 1. Pull request.
  const pr =
    event.headRepo && event.headBranch
      ? await findPullRequest(octokit, context.repo, { headRepo: event.headRepo, headBranch: event.headBranch, headSha: event.headSha })
      : undefined;
  if (!pr) notices.push(`no open pull request has head ${event.headRepo ?? '?'}@${event.headSha.slice(0, 7)}: publishing the check run only`);

  // 2. Untrusted artifact.
  const artifact = await downloadReportArtifact(octokit, context.repo, event.runId);

  // 3. Policy (default branch only: nothing of the pull request is trusted here).
  const policy = await loadPolicy({
    octokit,
    repo: context.repo,
    path: inputs.config,
    defaultBranch: context.defaultBranch,
    fromDefaultBranch: true,
    root: context.workspace,
    reports: {},
  });
  notices.push(...policy.notices);

  // 4. Base.
  let base: BaseSnapshot | undefined;
  if (pr) {
    const lookup = await findBaseSnapshot(octokit, context.repo, pr.baseSha, inputs['check-name']);
    if (lookup.notice) notices.push(lookup.notice);
    base = lookup.base;
  }

  // 5. Re-evaluate.
  const report = evaluateReport(artifact, { config: policy.config, version: VERSION, today: env.today, branch: pr?.baseRef, base, notices });
  io.info(`re-evaluated the artifact: ${report.verdict} (the artifact said ${artifact.verdict})`);

  // 6. Deliver.
  const checkRun = await createCheckRun(octokit, context.repo, inputs['check-name'], event.headSha, event.runUrl);
  await deliver(env, { report, headSha: event.headSha, pullNumber: pr?.number, checkRun, readOnly: false, badge: false });
  return report;
}
