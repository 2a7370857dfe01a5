/**
 * One sticky pull-request comment per check name, found by a hidden marker and updated in place,
 * so a PR never collects a comment per push. Only comments that carry the marker are touched.
 */
import { GITHUB_LIMITS } from '../core/render/limits.js';
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export function commentMarker(checkName: string): string {
  return `<!-- readygate:comment ${checkName.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`;
}

export interface UpsertResult {
  action: 'created' | 'updated';
  id: number;
  url: string;
}

/** `body` must leave room for the marker (it is appended). */
export async function upsertStickyComment(octokit: GitHubClient, repo: RepoRef, issueNumber: number, checkName: string, body: string): Promise<UpsertResult> {
  const marker = commentMarker(checkName);
  const full = `${body.slice(0, GITHUB_LIMITS.summaryChars - marker.length - 1)}\n${marker}`;
  const comments = await apiStep(`listing the comments of #${issueNumber}`, () =>
    octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 }),
  );
  const existing = comments.find((c) => c.body?.includes(marker));
  if (existing) {
    const { data } = await apiStep(`updating the readygate comment on #${issueNumber}`, () =>
      octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body: full }),
    );
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await apiStep(`commenting on #${issueNumber}`, () => octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: full }));
  return { action: 'created', id: data.id, url: data.html_url };
}
