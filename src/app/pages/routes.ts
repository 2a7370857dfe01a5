/**
 * The App's public pages, as one Probot `addHandler` handler: `/badges/{owner}/{repo}.svg|.json`
 * (badge-route.ts) and `/{owner}/{repo}` (page-route.ts), GET and HEAD. A badge path whose names
 * are not GitHub names (names.ts) is a 404 before anything reaches GitHub; a page path with such
 * names is not this handler's (Probot answers 404). Reads go through the App's installation on
 * the repository (github-source.ts) and are cached in this process, and in Redis for all the
 * replicas when REDIS_URL is set (readiness-data.ts, ttl-cache.ts).
 *
 * @example server.load(readinessPages({ appId, checkName: 'readygate', secret, now: () => new Date() }))
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationFunction } from 'probot';
import { serveBadge, type RouteContext } from './badge-route.js';
import { githubSource, type ReadinessSource } from './github-source.js';
import { parseRepoName } from './names.js';
import { servePage } from './page-route.js';
import { ReadinessData, type DataSettings } from './readiness-data.js';
import { send } from './respond.js';
import type { SharedStore } from './ttl-cache.js';

const BADGE = /^\/badges\/([^/]+)\/([^/]+)\.(svg|json)$/;
const PAGE = /^\/([^/]+)\/([^/]+)$/;

export interface PagesDeps {
  appId: number;
  checkName: string;
  /** BADGE_SECRET: signs `?token=` for private repositories; unset, only public ones are shown. */
  secret?: string;
  now: () => Date;
  data?: Partial<DataSettings>;
  /** A store the replicas share (Redis with REDIS_URL); unset, each process caches alone. */
  shared?: SharedStore;
}

export function readinessPages(deps: PagesDeps): ApplicationFunction {
  return (app, { addHandler }) => {
    // Probot sets its logger up when it is ready: read it when there is something to log.
    const log = { warn: (details: object, message: string) => app.log.warn(details, message) };
    addHandler(readinessRoutes({ ...deps, source: githubSource(app, deps), log }));
  };
}

export function readinessRoutes(
  deps: Omit<PagesDeps, 'appId' | 'checkName'> & { source: ReadinessSource; log: RouteContext['log'] },
) {
  const shared = deps.shared && {
    store: deps.shared,
    onError: (error: unknown) =>
      deps.log.warn({ err: error }, 'readiness pages: the shared cache failed; reading GitHub instead'),
  };
  const data = new ReadinessData(deps.source, () => deps.now().getTime(), deps.data, shared);
  const ctx = { data, secret: deps.secret, log: deps.log, today: () => deps.now().toISOString().slice(0, 10) };
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const params = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
    const badge = BADGE.exec(path);
    if (badge) {
      const name = parseRepoName(badge[1]!, badge[2]!);
      if (!name)
        return send(req, res, {
          status: 404,
          type: 'text/plain; charset=utf-8',
          body: 'Not Found\n',
          cache: 'no-store',
        });
      return serveBadge(req, res, ctx, name, badge[3] === 'json' ? 'json' : 'svg', params);
    }
    const page = PAGE.exec(path);
    const name = page && parseRepoName(page[1]!, page[2]!);
    return name ? servePage(req, res, ctx, name, params) : false;
  };
}
