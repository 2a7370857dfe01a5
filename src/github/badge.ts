/**
 * The readiness badges: SVGs (badge-maker) and shields.io endpoint JSON for the level reached and
 * for each signal, committed to a dedicated branch through the git data API. The branch is created as an
 * orphan if missing; only that branch's ref moves, and nothing is committed when the files are
 * already up to date.
 */
import { badgeEndpointJson, badgeSvg, levelBadge, signalBadge } from '../core/render/badge.js';
import type { ReportV1 } from '../core/report-schema.js';
import { apiStep, httpStatus } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export const BADGE_FILES = { svg: 'readygate.svg', json: 'readygate.json' } as const;

/** The signals that get a badge of their own, `readygate-<signal>.svg` and `.json`. */
export const SIGNAL_BADGES = ['coverage', 'tests', 'audit', 'lint', 'roadmap'] as const;

/** Path on the badge branch → file content. */
export type BadgeFiles = Record<string, string>;

/**
 * The level badge (see core/render/badge.ts) and one badge per signal, as the files the Action
 * commits. Every signal's files are always written (a grey "unknown" without data), so a signal
 * that goes away cannot leave a stale badge on the branch.
 */
export function renderBadge(report: ReportV1, label = 'readygate'): BadgeFiles {
  const level = levelBadge(report, label);
  const files: BadgeFiles = { [BADGE_FILES.svg]: badgeSvg(level), [BADGE_FILES.json]: badgeEndpointJson(level) };
  for (const signal of SIGNAL_BADGES) {
    const spec = signalBadge(report, signal);
    files[`readygate-${signal}.svg`] = badgeSvg(spec);
    files[`readygate-${signal}.json`] = badgeEndpointJson(spec);
  }
  return files;
}

export interface BadgeCommit {
  action: 'created' | 'updated' | 'unchanged';
  sha: string;
}

export async function commitBadge(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
  files: BadgeFiles,
  message: string,
): Promise<BadgeCommit> {
  const ref = `heads/${branch}`;
  let parent: { sha: string; tree: string } | undefined;
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref });
    const { data: commit } = await apiStep(`reading the tip of ${branch}`, () =>
      octokit.rest.git.getCommit({ ...repo, commit_sha: data.object.sha }),
    );
    parent = { sha: commit.sha, tree: commit.tree.sha };
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
  const { data: tree } = await apiStep(`writing the badge tree for ${branch}`, () =>
    octokit.rest.git.createTree({
      ...repo,
      ...(parent && { base_tree: parent.tree }),
      tree: Object.entries(files).map(([path, content]) => ({
        path,
        mode: '100644' as const,
        type: 'blob' as const,
        content,
      })),
    }),
  );
  if (parent && tree.sha === parent.tree) return { action: 'unchanged', sha: parent.sha };
  const { data: commit } = await apiStep(`committing the badge to ${branch}`, () =>
    octokit.rest.git.createCommit({ ...repo, message, tree: tree.sha, parents: parent ? [parent.sha] : [] }),
  );
  if (parent) {
    await apiStep(`moving ${branch} to the badge commit`, () =>
      octokit.rest.git.updateRef({ ...repo, ref, sha: commit.sha, force: false }),
    );
    return { action: 'updated', sha: commit.sha };
  }
  await apiStep(`creating branch ${branch}`, () =>
    octokit.rest.git.createRef({ ...repo, ref: `refs/${ref}`, sha: commit.sha }),
  );
  return { action: 'created', sha: commit.sha };
}
