/**
 * What a change touches, from the API: the added lines per file (for patch coverage) and the
 * changed paths. A pull request's files come from its paginated files list (up to GitHub's 3,000
 * files); a commit range (a merge-queue commit or a push against its base) from the compare API
 * (up to 300 files). Each file's `patch` is a unified hunk list; GitHub omits it for binary and
 * very large diffs, and those files are named in a notice rather than silently counted as untouched.
 */
import { addedLinesFromDiff, type AddedLines } from '../core/diff.js';
import { describeError } from '../core/errors.js';
import { GitHubApiError, apiStep, httpStatus } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export interface PullRequestChanges {
  added: AddedLines;
  /** Every path the change touches (new names and previous names of renames). */
  paths: Set<string>;
  notices: string[];
}

interface ChangedFile {
  filename: string;
  previous_filename?: string;
  status: string;
  additions: number;
  patch?: string;
}

const PR_FILES_CAP = 3000;
const COMPARE_FILES_CAP = 300;

export async function pullRequestChanges(
  octokit: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<PullRequestChanges> {
  const files = await apiStep(`listing the files of pull request #${pullNumber}`, () =>
    octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 }),
  );
  const changes = changesOf(files);
  if (files.length >= PR_FILES_CAP)
    changes.notices.push(
      'the pull request changes 3,000 files or more: GitHub lists only the first 3,000, so patch coverage is partial',
    );
  return changes;
}

/**
 * The changes from `base` to `head` (three-dot: since their merge base). undefined, with the reason
 * in `notice`, when GitHub cannot compare them (a base rewritten by a force-push, say): the caller
 * then measures no patch coverage rather than failing the run.
 */
export async function commitRangeChanges(
  octokit: GitHubClient,
  repo: RepoRef,
  base: string,
  head: string,
): Promise<PullRequestChanges | { notice: string }> {
  const range = `${base.slice(0, 7)}...${head.slice(0, 7)}`;
  let files: ChangedFile[];
  try {
    // No paging parameters: the files list (at most 300) is not paged, and paging only splits commits.
    files = await apiStep(
      `comparing ${range}`,
      async () =>
        (await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}` })).data.files ??
        [],
    );
  } catch (error) {
    const status = error instanceof GitHubApiError ? error.status : httpStatus(error);
    if (status === 404 || status === 422)
      return {
        notice: `GitHub cannot compare ${range}, so this run measures no patch coverage (${describeError(error)})`,
      };
    throw error;
  }
  const changes = changesOf(files);
  if (files.length >= COMPARE_FILES_CAP)
    changes.notices.push(
      'the change touches 300 files or more: GitHub compares only the first 300, so patch coverage is partial',
    );
  return changes;
}

function changesOf(files: readonly ChangedFile[]): PullRequestChanges {
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
    notices.push(
      `GitHub sent no diff for ${noPatch.length} changed file(s) (binary or too large), so patch coverage leaves them out: ${noPatch.slice(0, 5).join(', ')}${noPatch.length > 5 ? ', …' : ''}`,
    );
  }
  return { added, paths, notices };
}
