/**
 * The roadmap files of a commit, read through the API (the App has no checkout): the commit's
 * tree, listed once, matched against the policy's `roadmap.files` globs, and each match read.
 * Bounded: a commit whose tree GitHub truncates is read only for the globs that name one file, and
 * at most MAX_FILES files are read; both are said in the result, never silently dropped.
 */
import picomatch from 'picomatch';
import { ReadygateError } from '../../core/errors.js';
import { readRepoFile } from '../contents.js';
import { apiStep } from '../errors.js';
import type { GitHubClient } from '../octokit.js';
import type { RepoRef } from '../repo.js';

export const MAX_FILES = 100;

export interface RemoteRoadmapFiles {
  sources: { file: string; text: string }[];
  warnings: string[];
}

const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** A matcher for the policy's globs, as `readygate roadmap` expands them on disk. */
export function roadmapMatcher(globs: readonly string[]): (path: string) => boolean {
  return picomatch([...globs], { ignore: IGNORED });
}

export async function readRoadmapFiles(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  globs: readonly string[],
): Promise<RemoteRoadmapFiles> {
  const warnings: string[] = [];
  const { data } = await apiStep(`listing the files of ${sha.slice(0, 7)}`, () =>
    octokit.rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' }),
  );
  const matches = roadmapMatcher(globs);
  let paths = data.tree.flatMap((entry) =>
    entry.type === 'blob' && typeof entry.path === 'string' && matches(entry.path) ? [entry.path] : [],
  );
  if (data.truncated) {
    const literal = globs.filter((g) => !picomatch.scan(g).isGlob);
    warnings.push(
      `the tree of ${sha.slice(0, 7)} is too large for GitHub to list whole: only the roadmap files named without wildcards were read (${literal.join(', ') || 'none'})`,
    );
    paths = [...new Set([...paths, ...literal])];
  }
  paths.sort();
  if (paths.length > MAX_FILES) {
    warnings.push(`${paths.length} files match roadmap.files: only the first ${MAX_FILES} were read`);
    paths = paths.slice(0, MAX_FILES);
  }
  const sources: { file: string; text: string }[] = [];
  for (const file of paths) {
    const text = await readRepoFile(octokit, repo, file, sha);
    if (text === undefined) {
      if (data.truncated) continue; // a literal name the commit does not have
      throw new ReadygateError(`roadmap file ${file} is listed in ${sha.slice(0, 7)} but could not be read`);
    }
    sources.push({ file, text });
  }
  return { sources, warnings };
}
