/**
 * Finds the base for delta gates: the digest hidden in readygate's own check run on the base
 * commit. Any app with `checks: write` can create a run of any name on any commit, so a run only
 * counts if it has the right name, sits on exactly the base commit, was made by the same app as
 * this run (when that is known), and is completed; the newest such run whose digest decodes and
 * names the base commit itself wins. Anything else is no base, with a notice that says why (it
 * reaches the summary, and max_drop and new_only then say they had nothing to compare against).
 */
import type { BaseSnapshot } from '../core/gates/common.js';
import type { AppRef } from './checks.js';
import { decodeDigest } from './digest.js';
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export interface BaseLookup {
  base?: BaseSnapshot;
  notice?: string;
}

export interface BaseQuery {
  sha: string;
  checkName: string;
  /** The app that makes readygate's runs; undefined when this token could not create a run (read-only). */
  app?: AppRef;
}

export async function findBaseSnapshot(octokit: GitHubClient, repo: RepoRef, query: BaseQuery): Promise<BaseLookup> {
  const { sha, checkName, app } = query;
  const short = sha.slice(0, 7);
  const { data } = await apiStep(`reading the ${checkName} check runs of base commit ${short}`, () =>
    octokit.rest.checks.listForRef({
      ...repo,
      ref: sha,
      check_name: checkName,
      filter: 'all',
      per_page: 100,
      ...(app && { app_id: app.id }),
    }),
  );
  const runs = data.check_runs
    .filter(
      (r) => r.name === checkName && r.head_sha === sha && r.status === 'completed' && (!app || r.app?.id === app.id),
    )
    .sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? ''));
  const by = app ? ` made by ${app.slug}` : '';
  if (runs.length === 0) {
    return {
      notice: `no base to compare against: base commit ${short} has no completed "${checkName}" check run${by} (readygate runs on pushes to the default branch make one)`,
    };
  }
  let problem: string | undefined;
  for (const run of runs) {
    const source = `the ${checkName} check run on ${short}`;
    const result = decodeDigest(run.output.summary, source);
    if ('problem' in result) problem ??= result.problem;
    else if (result.sha !== sha) {
      problem ??= result.sha
        ? `${source} has a digest for commit ${result.sha.slice(0, 7)}, not ${short}`
        : `${source} has a digest that names no commit`;
    } else return { base: result.snapshot };
  }
  return { notice: `no base to compare against: ${problem}` };
}
