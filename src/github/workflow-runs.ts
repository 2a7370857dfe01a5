/**
 * The workflow runs of a commit and which of them uploaded a `readygate-report` artifact: how the
 * App finds the report to judge when it is asked again (rerequest), and how it tells "the CI has
 * not finished" from "the CI finished and never uploaded a report".
 */
import { REPORT_ARTIFACT } from './artifact.js';
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export interface WorkflowRunRef {
  id: number;
  headSha: string;
  /** owner/name of the repository the head commit comes from (a fork's, for fork pull requests). */
  headRepo?: string;
  headBranch?: string;
  /** The event that started the run (pull_request, push, …). */
  event: string;
  status: string;
  url: string;
}

/** The fields readygate reads of a workflow run, as webhooks and the REST API both send them. */
export interface RawWorkflowRun {
  id: number;
  head_sha: string;
  head_branch?: string | null;
  head_repository?: { full_name?: string } | null;
  event: string;
  status?: string | null;
  html_url: string;
}

export function workflowRunRef(raw: RawWorkflowRun): WorkflowRunRef {
  const headRepo = raw.head_repository?.full_name;
  return {
    id: raw.id,
    headSha: raw.head_sha,
    ...(headRepo && { headRepo }),
    ...(raw.head_branch && { headBranch: raw.head_branch }),
    event: raw.event,
    status: raw.status ?? 'unknown',
    url: raw.html_url,
  };
}

export async function hasReportArtifact(octokit: GitHubClient, repo: RepoRef, runId: number): Promise<boolean> {
  const { data } = await apiStep(`listing the artifacts of workflow run ${runId}`, () =>
    octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runId, name: REPORT_ARTIFACT, per_page: 100 }),
  );
  return data.artifacts.some((a) => a.name === REPORT_ARTIFACT && !a.expired);
}

export type ReportRunSearch =
  | { kind: 'found'; run: WorkflowRunRef }
  | { kind: 'pending'; running: number }
  | { kind: 'missing'; runs: WorkflowRunRef[] };

/**
 * The newest completed run of the commit with a report artifact; else `pending` while a run is
 * still going; else `missing` (every run finished, none uploaded a report, or there are no runs).
 */
export async function findReportRun(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<ReportRunSearch> {
  const { data } = await apiStep(`listing the workflow runs of ${sha.slice(0, 7)}`, () =>
    octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, head_sha: sha, per_page: 100 }),
  );
  const runs = data.workflow_runs
    .filter((r) => r.head_sha === sha)
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
    .map(workflowRunRef);
  for (const run of runs) {
    if (run.status === 'completed' && (await hasReportArtifact(octokit, repo, run.id))) return { kind: 'found', run };
  }
  const running = runs.filter((r) => r.status !== 'completed').length;
  return running > 0 ? { kind: 'pending', running } : { kind: 'missing', runs };
}
