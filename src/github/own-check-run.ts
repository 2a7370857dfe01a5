/**
 * The App's own check run on a commit, so that a pull request's in-progress run, the artifact's
 * verdict and a rerequest all land on one run instead of piling up. A run counts as the App's when
 * it has the check name, sits on exactly that commit and was made by the App's id (any app with
 * `checks: write` can make a run of any name).
 *
 * The Checks API appends annotations on every update, so a completed run that already carries
 * annotations is not filled in again (its annotations would show twice): a new run is made, and
 * GitHub shows the newest run of a name.
 */
import { createCheckRun, type CheckRunRef } from './checks.js';
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export interface OwnRunQuery {
  sha: string;
  checkName: string;
  appId: number;
}

export interface OwnRun extends CheckRunRef {
  status: string;
  annotations: number;
}

/** The App's newest run of that name on that commit, if any. */
export async function findOwnCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  query: OwnRunQuery,
): Promise<OwnRun | undefined> {
  const { data } = await apiStep(`reading the ${query.checkName} check runs of ${query.sha.slice(0, 7)}`, () =>
    octokit.rest.checks.listForRef({
      ...repo,
      ref: query.sha,
      check_name: query.checkName,
      app_id: query.appId,
      filter: 'all',
      per_page: 100,
    }),
  );
  const run = data.check_runs
    .filter((r) => r.name === query.checkName && r.head_sha === query.sha && r.app?.id === query.appId)
    .sort((a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? '') || b.id - a.id)[0];
  if (!run) return undefined;
  const app = run.app?.slug ? { id: run.app.id, slug: run.app.slug } : undefined;
  return {
    id: run.id,
    url: run.html_url ?? run.url,
    status: run.status,
    annotations: run.output.annotations_count,
    ...(app && { app }),
  };
}

/**
 * The run to publish into: the App's existing run when it can take a result (not completed, or
 * completed without annotations: completing it again replaces its conclusion and output), else a new one.
 */
export async function openOwnCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  query: OwnRunQuery & { detailsUrl?: string; existing?: OwnRun | null },
): Promise<CheckRunRef> {
  const existing = query.existing === undefined ? await findOwnCheckRun(octokit, repo, query) : query.existing;
  if (existing && (existing.status !== 'completed' || existing.annotations === 0)) {
    return { id: existing.id, url: existing.url, ...(existing.app && { app: existing.app }) };
  }
  return createCheckRun(octokit, repo, query.checkName, query.sha, query.detailsUrl);
}
