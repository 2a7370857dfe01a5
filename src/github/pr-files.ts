/**
 * What a pull request changes, from the API (paginated files list, up to GitHub's 3,000 files):
 * the added lines per file (for patch coverage and new-line gates) and the changed paths.
 * Each file's `patch` is a unified hunk list; GitHub omits it for binary and very large diffs,
 * and those files are named in a notice rather than silently counted as untouched.
 */
import { addedLinesFromDiff, type AddedLines } from '../core/diff.js';
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export interface PullRequestChanges {
  added: AddedLines;
  /** Every path the PR touches (new names and previous names of renames). */
  paths: Set<string>;
  notices: string[];
}

export async function pullRequestChanges(octokit: GitHubClient, repo: RepoRef, pullNumber: number): Promise<PullRequestChanges> {
  const files = await apiStep(`listing the files of pull request #${pullNumber}`, () =>
    octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 }),
  );
  const added: AddedLines = new Map();
  const paths = new Set<string>();
  const noPatch: string[] = [];
  for (const file of files) {
    paths.add(file.filename);
    if (file.previous_filename) paths.add(file.previous_filename);
    if (file.status === 'removed') continue;
    if (file.patch === undefined) {
      if (file.additions > 0) noPatch.push(file.filename);
      continue;
    }
    const diff = `--- a/${file.filename}\n+++ b/${file.filename}\n${file.patch}\n`;
    for (const [path, lines] of addedLinesFromDiff(diff, `the diff of ${file.filename}`)) added.set(path, lines);
  }
  const notices: string[] = [];
  if (noPatch.length > 0) {
    notices.push(`GitHub sent no diff for ${noPatch.length} changed file(s) (binary or too large), so patch coverage leaves them out: ${noPatch.slice(0, 5).join(', ')}${noPatch.length > 5 ? ', …' : ''}`);
  }
  if (files.length >= 3000) notices.push('the pull request changes 3,000 files or more: GitHub lists only the first 3,000, so patch coverage is partial');
  return { added, paths, notices };
}
