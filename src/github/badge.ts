/**
 * The readiness badge: an SVG (badge-maker) and a shields.io endpoint JSON showing the level
 * reached, committed to a dedicated branch through the git data API. The branch is created as an
 * orphan if missing; only that branch's ref moves, and nothing is committed when the files are
 * already up to date.
 */
import { badgeEndpointJson, badgeSvg, levelBadge } from '../core/render/badge.js';
import type { ReportV1 } from '../core/report-schema.js';
import { apiStep, httpStatus } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export const BADGE_FILES = { svg: 'readygate.svg', json: 'readygate.json' } as const;

export interface BadgeFiles {
  svg: string;
  json: string;
}

/** The level badge (see core/render/badge.ts), as the files the Action commits. */
export function renderBadge(report: ReportV1, label = 'readygate'): BadgeFiles {
  const spec = levelBadge(report, label);
  return { svg: badgeSvg(spec), json: badgeEndpointJson(spec) };
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
      tree: [
        { path: BADGE_FILES.svg, mode: '100644', type: 'blob', content: files.svg },
        { path: BADGE_FILES.json, mode: '100644', type: 'blob', content: files.json },
      ],
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
