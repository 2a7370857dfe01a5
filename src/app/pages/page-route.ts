/**
 * `GET /{owner}/{repo}`: the readiness page (core/render/page-html.ts, the page `readygate
 * report` writes) from what GitHub holds: the newest digest on the default branch (or
 * `?branch=`) is the report, the digests of the branch's earlier commits are the trend (one point
 * per commit with a digest), the open pull requests' runs their verdicts, and the repository's
 * milestones the roadmap (the digest's milestones when it has none). No readiness to show is a
 * 404 page that says why without telling whether a private repository exists.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../../core/errors.js';
import { esc } from '../../core/render/html.js';
import { renderPageHtml } from '../../core/render/page-html.js';
import { readinessReport } from '../../github/digest-readiness.js';
import type { RouteContext } from './badge-route.js';
import type { RepoName } from './names.js';
import { cacheFor, openRepo } from './open-repo.js';
import { send } from './respond.js';

const HTML = 'text/html; charset=utf-8';

export async function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext & { today: () => string },
  name: RepoName,
  params: URLSearchParams,
): Promise<true> {
  const shown = `${name.owner}/${name.repo}`;
  try {
    const opened = await openRepo(ctx.data, ctx.secret, name, params);
    if (opened.kind === 'bad-branch') return message(req, res, 400, 'Bad request', 'branch is not a branch name.');
    if (opened.kind === 'unknown')
      return message(
        req,
        res,
        404,
        `No readiness for ${shown}`,
        `readygate has no readiness to show for ${shown}: the App is not installed there, or the repository is private and the link carries no valid token.`,
      );
    const { access, branch } = opened;
    const [trend, pulls, milestones] = await Promise.all([
      ctx.data.trend(access, name, branch),
      ctx.data.pulls(access, name),
      ctx.data.milestones(access, name),
    ]);
    const [current, ...older] = trend;
    if (!current)
      return message(
        req,
        res,
        404,
        `No readiness for ${access.fullName} yet`,
        `None of the last ${ctx.data.settings.trendCommits} commits on ${branch} has a completed readygate check run with a digest yet.`,
      );
    const short = (sha: string) => sha.slice(0, 7);
    const reportOf = (d: (typeof trend)[number]) => ({
      ...readinessReport(d.digest.readiness, d.digest.coverage),
      branch,
    });
    const html = renderPageHtml({
      repo: access.fullName,
      report: reportOf(current),
      commit: short(current.commit.sha),
      history: older.reverse().map((d) => ({
        commit: short(d.commit.sha),
        ...(d.commit.date && { date: d.commit.date }),
        report: reportOf(d),
      })),
      pulls,
      ...(milestones.length > 0 && { milestones }),
      today: ctx.today(),
      trendLimit: ctx.data.settings.trendCommits,
    });
    return send(req, res, { status: 200, type: HTML, body: html, cache: cacheFor(access) });
  } catch (error) {
    ctx.log.warn({ repo: shown, err: describeError(error) }, 'readiness page: GitHub did not answer');
    return message(
      req,
      res,
      502,
      'GitHub did not answer',
      'readygate could not read this repository from GitHub just now; try again in a minute.',
      'no-store',
    );
  }
}

/** A short page for every answer but the readiness page itself. */
function message(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  title: string,
  text: string,
  cache = 'public, max-age=60',
): true {
  const body = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    '</head>',
    `<body><main><h1>${esc(title)}</h1><p>${esc(text)}</p></main></body>`,
    '</html>',
    '',
  ].join('\n');
  return send(req, res, { status, type: HTML, body, cache });
}
