/**
 * Check runs: created `in_progress` when the job starts, then completed with the summary and
 * every annotation. The API takes at most 50 annotations per request and appends on each update,
 * so annotations go out in batches of 50 while the run is in progress and the last batch rides on
 * the completing request: N annotations cost max(1, ceil(N / 50)) updates after the create.
 */
import type { Annotation } from '../core/render/annotations.js';
import { GITHUB_LIMITS } from '../core/render/limits.js';
import { plainLine } from '../core/render/escape.js';
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export type Conclusion = 'success' | 'failure' | 'neutral' | 'action_required';

/** The GitHub App a token acts as, as the Checks API reports it (`github-actions` for GITHUB_TOKEN). */
export interface AppRef {
  id: number;
  slug: string;
}

export interface CheckRunRef {
  id: number;
  url: string;
  /** The app that made the run: the token's identity, used to trust the base digest and the comment. */
  app?: AppRef;
}

/** Splits annotations into the batches the API accepts (50 each); none gives no batch. */
export function annotationBatches<T>(
  annotations: readonly T[],
  size: number = GITHUB_LIMITS.annotationsPerRequest,
): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < annotations.length; i += size) batches.push(annotations.slice(i, i + size));
  return batches;
}

export async function createCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  name: string,
  headSha: string,
  detailsUrl?: string,
  /** What the run says while in progress (the App's "waiting for the CI report"). */
  output?: { title: string; summary: string },
): Promise<CheckRunRef> {
  const { data } = await apiStep('creating the check run', () =>
    octokit.rest.checks.create({
      ...repo,
      name,
      head_sha: headSha,
      status: 'in_progress',
      ...(detailsUrl && { details_url: detailsUrl }),
      ...(output && { output: { title: plainLine(output.title, 255), summary: output.summary } }),
    }),
  );
  const app = data.app?.slug ? { id: data.app.id, slug: data.app.slug } : undefined;
  return { id: data.id, url: data.html_url ?? data.url, ...(app && { app }) };
}

export interface CheckOutput {
  title: string;
  /** At most 65,535 characters: the caller renders within the limit. */
  summary: string;
  conclusion: Conclusion;
  annotations: readonly Annotation[];
  /** Buttons (at most 3); a click sends `check_run.requested_action` to the app that made the run. */
  actions?: readonly CheckAction[];
  /** Where `action_required` sends people. */
  detailsUrl?: string;
}

export interface CheckAction {
  /** At most 20 characters. */
  label: string;
  /** At most 40 characters. */
  description: string;
  /** At most 20 characters. */
  identifier: string;
}

export async function completeCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  run: CheckRunRef,
  output: CheckOutput,
): Promise<void> {
  const title = plainLine(output.title, 255);
  const summary = output.summary.slice(0, GITHUB_LIMITS.summaryChars);
  const batches = annotationBatches(output.annotations);
  const last = batches.pop() ?? [];
  for (const [i, batch] of batches.entries()) {
    await apiStep(`adding annotations ${i * 50 + 1}-${i * 50 + batch.length} to the check run`, () =>
      octokit.rest.checks.update({ ...repo, check_run_id: run.id, output: { title, summary, annotations: batch } }),
    );
  }
  await apiStep('completing the check run', () =>
    octokit.rest.checks.update({
      ...repo,
      check_run_id: run.id,
      status: 'completed',
      conclusion: output.conclusion,
      output: { title, summary, ...(last.length > 0 && { annotations: last }) },
      ...(output.actions && { actions: [...output.actions] }),
      ...(output.detailsUrl && { details_url: output.detailsUrl }),
    }),
  );
}
