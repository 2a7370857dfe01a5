/**
 * Puts a report where reviewers see it, the same way for the Action and the App: the check run
 * completed with the rendered summary, the hidden base digest and every annotation (50 per
 * request, see github/checks.ts), and the sticky pull-request comment, edited only when this
 * token's own account wrote it.
 */
import { buildAnnotations, type AnnotationOptions } from '../core/render/annotations.js';
import { plainLine } from '../core/render/escape.js';
import { GITHUB_LIMITS } from '../core/render/limits.js';
import type { DiffLinks } from '../core/render/impacted-files.js';
import { renderMarkdown } from '../core/render/markdown.js';
import type { ReportV1 } from '../core/report-schema.js';
import { completeCheckRun, type CheckAction, type CheckRunRef, type Conclusion } from '../github/checks.js';
import { upsertStickyComment, type UpsertResult } from '../github/comment.js';
import { encodeDigest } from '../github/digest.js';
import { tokenLogin } from '../github/identity.js';
import type { GitHubClient } from '../github/octokit.js';
import type { RepoRef } from '../github/repo.js';

export function checkTitle(r: ReportV1): string {
  const reached = r.level ? `reached ${r.level}` : 'no level reached';
  if (r.verdict === 'pass') return plainLine(`Ready: ${reached} (required ${r.required})`, 255);
  return plainLine(`Not ready for ${r.required}: ${reached}${r.verdict === 'warn' ? ' (warn mode)' : ''}`, 255);
}

export function conclusionOf(report: ReportV1): Conclusion {
  return report.verdict === 'pass' ? 'success' : report.verdict === 'warn' ? 'neutral' : 'failure';
}

export interface CompleteOptions {
  /** Most annotations to send (default: every one). */
  maxAnnotations?: number;
  /** Notices on changed lines no test ran (the policy's `patch.annotations`; default auto). */
  patchLines?: AnnotationOptions['patchLines'];
  /** The pull request, to link each impacted file to its diff. */
  diffLinks?: DiffLinks;
  /** Buttons on the completed run (the App's "Check again" and "Require this check"). */
  actions?: readonly CheckAction[];
}

/** Completes the run with the report; resolves to the number of annotations sent. */
export async function completeWithReport(
  octokit: GitHubClient,
  repo: RepoRef,
  run: CheckRunRef,
  report: ReportV1,
  headSha: string,
  options: CompleteOptions = {},
): Promise<number> {
  const annotations = buildAnnotations(report, { patchLines: options.patchLines }).slice(
    0,
    options.maxAnnotations ?? Infinity,
  );
  const digest = encodeDigest(report, headSha);
  const summary = `${renderMarkdown(report, {
    maxChars: GITHUB_LIMITS.summaryChars - digest.length - 1,
    diffLinks: options.diffLinks,
  })}\n${digest}`;
  await completeCheckRun(octokit, repo, run, {
    title: checkTitle(report),
    summary,
    conclusion: conclusionOf(report),
    annotations,
    ...(options.actions && { actions: options.actions }),
  });
  return annotations.length;
}

export interface ReportComment {
  pullNumber: number;
  checkName: string;
  report: ReportV1;
  /** The check run the comment links to; its app names the account that writes the comment. */
  checkRun?: CheckRunRef;
  /** The pull request, to link each impacted file to its diff. */
  diffLinks?: DiffLinks;
}

export interface CommentOutcome extends UpsertResult {
  /** The account whose marked comment may be edited; undefined when GitHub named none. */
  author: string | undefined;
}

export async function commentReport(
  octokit: GitHubClient,
  repo: RepoRef,
  comment: ReportComment,
): Promise<CommentOutcome> {
  const body = renderMarkdown(comment.report, {
    maxChars: GITHUB_LIMITS.summaryChars - 200,
    diffLinks: comment.diffLinks,
    ...(comment.checkRun && { detailsUrl: comment.checkRun.url }),
  });
  const author = await tokenLogin(octokit, comment.checkRun?.app);
  const result = await upsertStickyComment(octokit, repo, {
    issueNumber: comment.pullNumber,
    checkName: comment.checkName,
    body,
    author,
  });
  return { ...result, author };
}
