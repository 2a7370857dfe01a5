/**
 * `mode: publish`, for a `workflow_run` workflow that publishes what a fork's pull request
 * workflow could not. The artifact is untrusted input: it is read in memory with size caps and
 * schema validation (github/zip.ts), its verdict and audit ignores are discarded, and the gates are
 * evaluated again with the default branch's policy. The PR, head SHA and changed lines come from
 * the event payload and the API, never from the artifact. This re-checks numbers the fork's
 * workflow computed; it cannot make them true (see docs/action.md, "What publish mode trusts").
 *  1. find the pull request by head repository + head SHA (workflow_run.pull_requests is empty for forks)
 *  2. download and validate the readygate-report artifact of the triggering run
 *  3. read the PR's changed lines from the API; the artifact's patch counter must fit them
 *  4. read the policy from the default branch
 *  5. create the check run on the head SHA; find the base digest on the PR's base commit
 *  6. re-evaluate the report's signals with that policy
 *  7. deliver: check run, comment, job summary, outputs
 */
import { evaluateReport } from '../check/evaluate-report.js';
import type { AddedLines } from '../core/diff.js';
import { ConfigError } from '../core/errors.js';
import type { BaseSnapshot } from '../core/gates/common.js';
import type { ReportV1 } from '../core/report-schema.js';
import { downloadReportArtifact } from '../github/artifact.js';
import { findBaseSnapshot } from '../github/base.js';
import { createCheckRun } from '../github/checks.js';
import { pullRequestChanges } from '../github/pr-files.js';
import { findPullRequest } from '../github/pulls.js';
import { ArtifactError } from '../github/zip.js';
import { VERSION } from '../version.js';
import { deliver } from './deliver.js';
import { failCheckRun } from './fail-check-run.js';
import { loadPolicy } from '../check/policy.js';
import type { StageEnv } from './stage-env.js';

export async function publishMode(env: StageEnv): Promise<ReportV1> {
  const { context, inputs, octokit, io } = env;
  const event = context.event;
  if (event.kind !== 'workflow_run') {
    throw new ConfigError(
      `mode: publish runs on workflow_run events (this is ${event.kind === 'other' ? event.name : event.kind}); use mode: check here`,
    );
  }
  const notices = [
    `published from workflow run ${event.runId}'s readygate-report artifact, re-evaluated with the default branch's policy`,
  ];

  // 1. Pull request.
  const pr =
    event.headRepo && event.headBranch
      ? await findPullRequest(octokit, context.repo, {
          headRepo: event.headRepo,
          headBranch: event.headBranch,
          headSha: event.headSha,
        })
      : undefined;
  if (!pr)
    notices.push(
      `no open pull request has head ${event.headRepo ?? '?'}@${event.headSha.slice(0, 7)}: publishing the check run only`,
    );

  // 2. Untrusted artifact.
  const artifact = await downloadReportArtifact(octokit, context.repo, event.runId);

  // 3. Changed lines, from the API.
  let changedPaths: Set<string> | undefined;
  if (pr) {
    const changes = await pullRequestChanges(octokit, context.repo, pr.number);
    changedPaths = changes.paths;
    notices.push(...changes.notices);
    checkPatchCounter(artifact, changes.added);
  }

  // 4. Policy (default branch only: nothing of the pull request is trusted here).
  const policy = await loadPolicy({
    octokit,
    repo: context.repo,
    path: inputs.config,
    defaultBranch: context.defaultBranch,
    fromDefaultBranch: true,
    changedPaths,
    root: context.workspace,
    reports: {},
  });
  notices.push(...policy.notices);

  // 5. Check run, then the base from runs made by the same app.
  const checkRun = await createCheckRun(octokit, context.repo, inputs['check-name'], event.headSha, event.runUrl);
  try {
    let base: BaseSnapshot | undefined;
    if (pr) {
      const lookup = await findBaseSnapshot(octokit, context.repo, {
        sha: pr.baseSha,
        checkName: inputs['check-name'],
        app: checkRun.app,
      });
      if (lookup.notice) notices.push(lookup.notice);
      base = lookup.base;
    }

    // 6. Re-evaluate. With a pull request the diff is known from the API, so the patch gate always runs.
    const report = evaluateReport(artifact, {
      config: policy.config,
      version: VERSION,
      today: env.today,
      branch: pr?.baseRef,
      base,
      notices,
      diffGiven: pr !== undefined,
    });
    io.info(`re-evaluated the artifact: ${report.verdict} (the artifact said ${artifact.verdict})`);

    // 7. Deliver.
    await deliver(env, {
      report,
      headSha: event.headSha,
      pullNumber: pr?.number,
      checkRun,
      readOnly: false,
      badge: false,
    });
    return report;
  } catch (error) {
    await failCheckRun(env, checkRun, error);
    throw error;
  }
}

/**
 * The artifact's patch counter is the fork's arithmetic over lines it cannot show. What can be
 * checked is refused when wrong: more changed coverable lines than the pull request adds, more
 * covered than counted, or coverage without a patch counter on a pull request that adds lines
 * (readygate's check mode always writes one on a pull request).
 */
export function checkPatchCounter(artifact: ReportV1, added: AddedLines): void {
  const coverage = artifact.signals.coverage;
  if (!coverage) return;
  let addedLines = 0;
  for (const lines of added.values()) addedLines += lines.length;
  const patch = coverage.patch;
  const where = 'the readygate-report artifact';
  if (!patch) {
    if (addedLines > 0)
      throw new ArtifactError(
        `${where} has coverage but no patch coverage, though the pull request adds ${addedLines} line(s): it was not written by readygate on this pull request`,
      );
    return;
  }
  if (patch.covered > patch.total)
    throw new ArtifactError(`${where} claims ${patch.covered} covered of ${patch.total} changed lines`);
  if (patch.total > addedLines) {
    throw new ArtifactError(
      `${where} counts ${patch.total} changed coverable line(s), but the pull request adds only ${addedLines} (from the GitHub API): refusing a forged report`,
    );
  }
}
