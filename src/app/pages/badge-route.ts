/**
 * `GET /badges/{owner}/{repo}.svg` and `.json`: the level reached on the default branch (or
 * `?branch=`), or one signal's badge (`?signal=coverage|tests|audit|lint|roadmap`), as an SVG in
 * any badge-maker style (`?style=`) or as shields.io endpoint JSON. What the badge says and its
 * colour are core/render/badge.ts's, from the newest commit's digest. Not installed, private
 * without a token, no data yet, or GitHub not answering: a grey "unknown" with 200, so a README
 * never shows a broken image. An unknown signal or style, or a malformed branch, is a 400 naming
 * the values allowed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BADGE_SIGNALS,
  BADGE_STYLES,
  badgeEndpointJson,
  badgeSvg,
  parseBadgeSignal,
  parseBadgeStyle,
  signalBadge,
  unknownBadge,
  type BadgeSpec,
} from '../../core/render/badge.js';
import { describeError } from '../../core/errors.js';
import { readinessReport } from '../../github/digest-readiness.js';
import type { RepoName } from './names.js';
import { cacheFor, openRepo } from './open-repo.js';
import type { ReadinessData } from './readiness-data.js';
import { send } from './respond.js';

export interface RouteContext {
  data: ReadinessData;
  secret: string | undefined;
  log: { warn(details: object, message: string): void };
}

const SVG_HEADERS = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" };

export async function serveBadge(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  name: RepoName,
  format: 'svg' | 'json',
  params: URLSearchParams,
): Promise<true> {
  const signal = parseBadgeSignal(params.get('signal') ?? 'level');
  const style = parseBadgeStyle(params.get('style') ?? 'flat');
  if (!signal) return badRequest(req, res, `signal must be one of ${BADGE_SIGNALS.join(', ')}`);
  if (!style) return badRequest(req, res, `style must be one of ${BADGE_STYLES.join(', ')}`);
  const label = signal === 'level' ? 'readygate' : signal;
  const reply = (spec: BadgeSpec, cache: string) =>
    format === 'svg'
      ? send(req, res, {
          status: 200,
          type: 'image/svg+xml; charset=utf-8',
          body: badgeSvg(spec, style),
          cache,
          headers: SVG_HEADERS,
        })
      : send(req, res, { status: 200, type: 'application/json; charset=utf-8', body: badgeEndpointJson(spec), cache });
  try {
    const opened = await openRepo(ctx.data, ctx.secret, name, params);
    if (opened.kind === 'bad-branch') return badRequest(req, res, 'branch is not a branch name');
    if (opened.kind === 'unknown') return reply(unknownBadge(label), cacheFor(undefined));
    const latest = await ctx.data.latest(opened.access, name, opened.branch);
    const cache = cacheFor(opened.access);
    if (!latest) return reply(unknownBadge(label), cache);
    const report = readinessReport(latest.digest.readiness, latest.digest.coverage);
    return reply(signalBadge(report, signal, label), cache);
  } catch (error) {
    ctx.log.warn({ repo: `${name.owner}/${name.repo}`, err: describeError(error) }, 'badge: GitHub did not answer');
    return reply(unknownBadge(label), 'public, max-age=60');
  }
}

function badRequest(req: IncomingMessage, res: ServerResponse, message: string): true {
  return send(req, res, { status: 400, type: 'text/plain; charset=utf-8', body: `${message}\n`, cache: 'no-store' });
}
