/**
 * Judges a `readygate-report` artifact from a workflow run, the same way for the Action's publish
 * mode and the App. The artifact is untrusted input: it is read in memory with size caps and schema
 * validation (github/zip.ts), its verdict and audit ignores are discarded, and the gates are
 * evaluated again with the default branch's policy. The PR, head SHA and changed lines come from the
 * event and the API, never from the artifact. This re-checks numbers the CI computed; it cannot make
 * them true (see docs/action.md, "What publish mode trusts").
 *  1. find the pull request by head repository + head SHA (workflow_run.pull_requests is empty for forks)
 *  2. download and validate the readygate-report artifact of the run
 *  3. read the PR's changed lines from the API; the artifact's patch counter must fit them
 *  4. read the policy from the default branch; with a patch gate in it, refuse a patch that leaves
 *     changed code uncounted (core/patch-uncounted.ts)
 *  5. open the check run (the caller's: created, or one it already has); find the base digest
 *  6. re-evaluate the report's signals with that policy
 * Publishing the result (publish-report.ts) is the caller's next step.
 */
import { evaluateReport } from './evaluate-report.js';
import { loadPolicy } from './policy.js';
import type { Config } from '../config/schema.js';
import type { AddedLines } from '../core/diff.js';
import type { BaseSnapshot } from '../core/gates/common.js';
import { uncountedChangedCode } from '../core/patch-uncounted.js';
import type { ReportV1 } from '../core/report-schema.js';
import { downloadReportArtifact } from '../github/artifact.js';
import { findBaseSnapshot } from '../github/base.js';
import type { CheckRunRef } from '../github/checks.js';
import type { GitHubClient } from '../github/octokit.js';
import { pullRequestChanges } from '../github/pr-files.js';
import { findPullRequest, type PullRef } from '../github/pulls.js';
import type { RepoRef } from '../github/repo.js';
import { ArtifactError, type ZipLimits } from '../github/zip.js';

/** The workflow run whose artifact is judged, as the event or the API describes it. */
export interface ArtifactRun {
  id: number;
  headSha: string;
  /** owner/name of the repository the head commit comes from. */
  headRepo?: string;
  headBranch?: string;
}

export interface JudgeRequest {
  octokit: GitHubClient;
  repo: RepoRef;
  defaultBranch?: string;
  run: ArtifactRun;
  /** Repository-relative path of the policy file. */
  policyPath: string;
  checkName: string;
  version: string;
  /** YYYY-MM-DD, for audit_ignore expiry. */
  today: string;
  /** Called once the artifact and the policy are read: the check run the result goes to. */
  openCheckRun(): Promise<CheckRunRef>;
  /** The pull request, when the caller knows it already; otherwise found from the head coordinates. */
  pull?: PullRef;
  notices?: readonly string[];
  limits?: ZipLimits;
}

export interface Judgement {
  report: ReportV1;
  /** What the artifact claimed (never used, only reported). */
  claimed: ReportV1['verdict'];
  pull?: PullRef;
  checkRun: CheckRunRef;
  /** The policy's `patch.annotations`, for the check run's notices on uncovered changed lines. */
  patchAnnotations: 'auto' | 'on' | 'off';
}

export async function judgeArtifact(req: JudgeRequest): Promise<Judgement> {
  const { octokit, repo, run } = req;
  const notices = [...(req.notices ?? [])];

  // 1. Pull request.
  const pull =
    req.pull ??
    (run.headRepo && run.headBranch
      ? await findPullRequest(octokit, repo, {
          headRepo: run.headRepo,
          headBranch: run.headBranch,
          headSha: run.headSha,
        })
      : undefined);
  if (!pull)
    notices.push(
      `no open pull request has head ${run.headRepo ?? '?'}@${run.headSha.slice(0, 7)}: publishing the check run only`,
    );

  // 2. Untrusted artifact.
  const artifact = await downloadReportArtifact(octokit, repo, run.id, req.limits);

  // 3. Changed lines, from the API.
  let changedPaths: Set<string> | undefined;
  let added: AddedLines | undefined;
  if (pull) {
    const changes = await pullRequestChanges(octokit, repo, pull.number);
    changedPaths = changes.paths;
    added = changes.added;
    notices.push(...changes.notices);
    // With per-line data the patch is measured again from it (evaluateReport); without, the
    // counter is all there is, and it is checked against the changed lines.
    if (!artifact.signals.coverage?.patch?.line_data) checkPatchCounter(artifact, changes.added);
  }

  // 4. Policy (default branch only: nothing of the pull request is trusted here).
  const policy = await loadPolicy({
    octokit,
    repo,
    path: req.policyPath,
    defaultBranch: req.defaultBranch,
    fromDefaultBranch: true,
    changedPaths,
    root: '.',
    reports: {},
  });
  notices.push(...policy.notices);
  // A patch that leaves changed code uncounted (0 of 0 on a change to code) is refused where a
  // patch gate could pass on it: the report's own file lists say which changed files hold code.
  if (added && artifact.signals.coverage && hasPatchGate(policy.config)) {
    const why = uncountedChangedCode(artifact.signals.coverage, added, policy.config.patch);
    if (why) throw new ArtifactError(`the readygate-report artifact ${why}: refusing it`);
  }

  // 5. Check run, then the base from runs made by the same app.
  const checkRun = await req.openCheckRun();
  let base: BaseSnapshot | undefined;
  if (pull) {
    const lookup = await findBaseSnapshot(octokit, repo, {
      sha: pull.baseSha,
      checkName: req.checkName,
      app: checkRun.app,
    });
    if (lookup.notice) notices.push(lookup.notice);
    base = lookup.base;
  }

  // 6. Re-evaluate. With a pull request the diff is known from the API, so the patch gate always runs.
  const report = evaluateReport(artifact, {
    config: policy.config,
    version: req.version,
    today: req.today,
    branch: pull?.baseRef,
    base,
    notices,
    diffGiven: pull !== undefined,
    ...(added && { added }),
  });
  return {
    report,
    claimed: artifact.verdict,
    ...(pull && { pull }),
    checkRun,
    patchAnnotations: policy.config.patch.annotations,
  };
}

/**
 * For an artifact without per-line data, the patch counter is the CI's arithmetic over lines it
 * cannot show. What can be checked is refused when wrong: more changed coverable lines than the
 * pull request adds, or coverage without a patch counter on a pull request that adds lines
 * (readygate's check mode always writes one on a pull request). More covered than counted is
 * refused by the report's schema.
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
  if (patch.total > addedLines) {
    throw new ArtifactError(
      `${where} counts ${patch.total} changed coverable line(s), but the pull request adds only ${addedLines} (from the GitHub API): refusing a forged report`,
    );
  }
}

/** Does any level of the policy gate on patch coverage? */
function hasPatchGate(config: Config): boolean {
  return Object.values(config.levels).some((level) => level.coverage?.patch !== undefined);
}
