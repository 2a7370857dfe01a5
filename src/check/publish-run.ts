/**
 * The App's verdict for one workflow run's artifact: open the App's check run on the head commit
 * first (so a refusal shows on it), judge the artifact (judge-artifact.ts, as the Action's publish
 * mode does), complete the run with every annotation and the base digest, and update the sticky
 * comment. An artifact or policy that cannot be used completes the run as failed with the reason
 * (a verdict, not a crash); anything else (the API failing) fails the run and is thrown.
 */
import { judgeArtifact } from './judge-artifact.js';
import { commentReport, completeWithReport, type CommentOutcome } from './publish-report.js';
import { ConfigError, describeError } from '../core/errors.js';
import { md } from '../core/render/escape.js';
import type { ReportV1 } from '../core/report-schema.js';
import { completeCheckRun, type CheckRunRef } from '../github/checks.js';
import type { GitHubClient } from '../github/octokit.js';
import { openOwnCheckRun } from '../github/own-check-run.js';
import type { PullRef } from '../github/pulls.js';
import type { RepoRef } from '../github/repo.js';
import type { WorkflowRunRef } from '../github/workflow-runs.js';
import { ArtifactError, type ZipLimits } from '../github/zip.js';
import { APP_RUN_ACTIONS, RECHECK_ACTION } from './app-texts.js';

export interface PublishRunRequest {
  octokit: GitHubClient;
  repo: RepoRef;
  defaultBranch?: string;
  run: WorkflowRunRef;
  checkName: string;
  appId: number;
  policyPath: string;
  version: string;
  today: string;
  /** A push to the default branch: no pull request to look for. */
  isDefaultBranchPush: boolean;
  limits?: ZipLimits;
  /** The repository's web address (`repository.html_url`), to link impacted files to the PR's diff. */
  repoUrl?: string;
}

export type PublishOutcome =
  | {
      kind: 'published';
      report: ReportV1;
      claimed: ReportV1['verdict'];
      checkRun: CheckRunRef;
      pull?: PullRef;
      comment?: CommentOutcome;
    }
  | { kind: 'refused'; reason: string; checkRun: CheckRunRef };

export async function publishRun(req: PublishRunRequest): Promise<PublishOutcome> {
  const { octokit, repo, run } = req;
  const checkRun = await openOwnCheckRun(octokit, repo, {
    sha: run.headSha,
    checkName: req.checkName,
    appId: req.appId,
    detailsUrl: run.url,
  });
  try {
    const judged = await judgeArtifact({
      octokit,
      repo,
      defaultBranch: req.defaultBranch,
      run: {
        id: run.id,
        headSha: run.headSha,
        ...(!req.isDefaultBranchPush && run.headRepo && { headRepo: run.headRepo }),
        ...(!req.isDefaultBranchPush && run.headBranch && { headBranch: run.headBranch }),
      },
      policyPath: req.policyPath,
      checkName: req.checkName,
      version: req.version,
      today: req.today,
      notices: [`judged from workflow run ${run.id}'s readygate-report artifact with the default branch's policy`],
      openCheckRun: async () => checkRun,
      ...(req.limits && { limits: req.limits }),
    });
    const diffLinks = judged.pull && req.repoUrl ? { repoUrl: req.repoUrl, pullNumber: judged.pull.number } : undefined;
    await completeWithReport(octokit, repo, checkRun, judged.report, run.headSha, {
      patchLines: judged.patchAnnotations,
      ...(diffLinks && { diffLinks }),
      actions: APP_RUN_ACTIONS,
    });
    const comment = judged.pull
      ? await commentReport(octokit, repo, {
          pullNumber: judged.pull.number,
          checkName: req.checkName,
          report: judged.report,
          checkRun,
          ...(diffLinks && { diffLinks }),
        })
      : undefined;
    return {
      kind: 'published',
      report: judged.report,
      claimed: judged.claimed,
      checkRun,
      ...(judged.pull && { pull: judged.pull }),
      ...(comment && { comment }),
    };
  } catch (error) {
    const refused = error instanceof ArtifactError || error instanceof ConfigError;
    await completeCheckRun(octokit, repo, checkRun, {
      title: refused ? 'readygate refused the CI report' : 'readygate could not finish',
      summary: `## ❌ ${refused ? 'readygate refused the CI report' : 'readygate could not finish'}\n\n${md(describeError(error))}\n`,
      conclusion: 'failure',
      annotations: [],
      actions: [RECHECK_ACTION],
    });
    if (refused) return { kind: 'refused', reason: describeError(error), checkRun };
    throw error;
  }
}
