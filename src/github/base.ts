/**
 * Finds the base for delta gates: the newest readygate check run on the base commit, and the
 * digest hidden in its summary. No run, no digest or a corrupt one: no base, and a notice that
 * says why (max_drop and new_only then say they had nothing to compare against).
 */
import type { BaseSnapshot } from '../core/gates/common.js';
import { decodeDigest } from './digest.js';
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export interface BaseLookup {
  base?: BaseSnapshot;
  notice?: string;
}

export async function findBaseSnapshot(octokit: GitHubClient, repo: RepoRef, sha: string, checkName: string): Promise<BaseLookup> {
  const short = sha.slice(0, 7);
  const { data } = await apiStep(`reading the ${checkName} check run of base commit ${short}`, () =>
    octokit.rest.checks.listForRef({ ...repo, ref: sha, check_name: checkName, filter: 'latest', per_page: 20 }),
  );
  const runs = data.check_runs
    .filter((r) => r.status === 'completed')
    .sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? ''));
  if (runs.length === 0) return { notice: `no base to compare against: base commit ${short} has no completed "${checkName}" check run (readygate runs on pushes to the default branch make one)` };
  const source = `the ${checkName} check run on ${short}`;
  const result = decodeDigest(runs[0]!.output.summary, source);
  if ('problem' in result) return { notice: `no base to compare against: ${result.problem}` };
  return { base: result.snapshot };
}
