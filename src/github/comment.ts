/**
 * One sticky pull-request comment per check name, found by a hidden marker and updated in place,
 * so a PR never collects a comment per push. Anyone can paste the marker into a comment, so only
 * a marked comment written by this token's own account (`author`, see identity.ts) is edited;
 * when the account is unknown, no existing comment is touched and a new one is created.
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
  /** Marked comments by other accounts that were left alone. */
  ignored: number;
}

export interface StickyComment {
  issueNumber: number;
  checkName: string;
  /** Must leave room for the marker (it is appended). */
  body: string;
  /** Login of the token's account; undefined when unknown (then nothing is edited). */
  author: string | undefined;
}

export async function upsertStickyComment(
  octokit: GitHubClient,
  repo: RepoRef,
  comment: StickyComment,
): Promise<UpsertResult> {
  const { issueNumber, author } = comment;
  const marker = commentMarker(comment.checkName);
  const full = `${comment.body.slice(0, GITHUB_LIMITS.summaryChars - marker.length - 1)}\n${marker}`;
  const comments = await apiStep(`listing the comments of #${issueNumber}`, () =>
    octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 }),
  );
  // The marker ends readygate's comment; the same text elsewhere (quoted in a test's output that a
  // comment shows, say) does not make a comment the sticky one.
  const marked = comments.filter((c) => c.body?.trimEnd().endsWith(marker));
  const ours =
    author === undefined ? undefined : marked.find((c) => c.user?.login.toLowerCase() === author.toLowerCase());
  const ignored = marked.length - (ours ? 1 : 0);
  if (ours) {
    const { data } = await apiStep(`updating the readygate comment on #${issueNumber}`, () =>
      octokit.rest.issues.updateComment({ ...repo, comment_id: ours.id, body: full }),
    );
    return { action: 'updated', id: data.id, url: data.html_url, ignored };
  }
  const { data } = await apiStep(`commenting on #${issueNumber}`, () =>
    octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: full }),
  );
  return { action: 'created', id: data.id, url: data.html_url, ignored };
}
