/**
 * The App's badge and page routes on a local HTTP server, reading a GitHub that nock plays:
 * `fakeRepo` sets up exactly the calls a scenario should make (each answered once, so a second
 * read that the cache should have saved fails the test), and `serve` starts the routes the way
 * start.ts loads them (readinessPages on a Probot instance whose requests nock sees).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import { Probot } from 'probot';
import { readinessPages, type PagesDeps } from '../../../src/app/pages/routes.js';
import type { ReportV1 } from '../../../src/core/report-schema.js';
import { encodeDigest } from '../../../src/github/digest.js';
import { pageReport } from '../../core/render/page-fixtures.js';
import { API, APP, APP_ID, INSTALLATION, PRIVATE_KEY, TestOctokit, type Loose } from '../harness.js';

export { API, APP, APP_ID, INSTALLATION };
export const SECRET = 'a-badge-secret-of-at-least-32-characters!';
export const REPO_PATH = '/repos/acme/widgets';

/** Commit n's SHA: n in every position, so `sha(1).slice(0, 7)` is "1111111". */
export const sha = (n: number) => String(n).repeat(40).slice(0, 40);

export interface Served {
  url: string;
  clock: { now: number };
  close(): Promise<void>;
}

/** The routes on 127.0.0.1; a request no route takes gets 404 "not handled". */
export async function serve(deps: Partial<PagesDeps> = {}): Promise<Served> {
  const clock = { now: Date.parse('2026-12-04T12:00:00Z') };
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: 'test-secret',
    Octokit: TestOctokit,
    request: { fetch: globalThis.fetch },
    logLevel: 'fatal',
  });
  await probot.ready();
  let handler: ((req: never, res: never) => unknown) | undefined;
  await readinessPages({
    appId: APP_ID,
    checkName: 'readygate',
    secret: SECRET,
    now: () => new Date(clock.now),
    ...deps,
  })(probot, { cwd: process.cwd(), addHandler: (h) => (handler = h) });
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (await handler!(req as never, res as never)) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not handled');
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`the handler threw: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clock,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** A commit on the branch: its report (a completed run with its digest), a run still going, or no run. */
export interface FakeCommit {
  n: number;
  date?: string;
  report?: ReportV1;
  running?: boolean;
  /** Extra runs on the commit (another app's, another name's). */
  others?: Loose[];
}

export interface FakeRepo {
  installed?: boolean;
  private?: boolean;
  fullName?: string;
  branch?: string;
  /** Newest first. */
  commits?: FakeCommit[];
  /** The commits list answers this status instead (404: no such branch, 409: empty, 500: GitHub failing). */
  commitsStatus?: number;
  /** The installation token is already in Probot's cache (a later request of the same test). */
  tokenCached?: boolean;
  /** How many commits the route asks for (20 for the page, which reads them all). */
  perPage?: number;
  /** Which commits' runs are read (default: all). */
  runsOf?: number[];
  pulls?: { number: number; title: string; head: number; conclusion?: string; report?: ReportV1 }[];
  milestones?: Loose[];
}

export function run(n: number, extra: Loose = {}, report?: ReportV1): Loose {
  return {
    id: 1000 + n,
    name: 'readygate',
    head_sha: sha(n),
    status: 'completed',
    conclusion: report?.verdict === 'pass' ? 'success' : 'failure',
    started_at: '2026-12-01T10:00:00Z',
    completed_at: '2026-12-01T10:05:00Z',
    app: APP,
    output: { summary: report ? `## readygate\n${encodeDigest(report, sha(n))}` : 'no digest', annotations_count: 0 },
    ...extra,
  };
}

/** The GitHub calls of one badge or page request, each expected once, in a nock scope. */
export function fakeRepo(repo: FakeRepo): nock.Scope {
  const scope = nock(API);
  const install = scope
    .get(`${REPO_PATH}/installation`)
    .matchHeader('authorization', /^bearer /i)
    .reply(
      repo.installed === false ? 404 : 200,
      repo.installed === false ? { message: 'Not Found' } : { id: INSTALLATION },
    );
  if (repo.installed === false) return install;
  if (!repo.tokenCached)
    scope
      .post(`/app/installations/${INSTALLATION}/access_tokens`)
      .reply(201, { token: 'ghs_pages', expires_at: '2099-01-01T00:00:00Z', permissions: {} });
  scope
    .get(REPO_PATH)
    .matchHeader('authorization', 'token ghs_pages')
    .reply(200, {
      full_name: repo.fullName ?? 'acme/widgets',
      private: repo.private ?? false,
      visibility: repo.private ? 'private' : 'public',
      default_branch: 'main',
    });
  if (repo.commitsStatus)
    return scope.get(`${REPO_PATH}/commits`).query(true).reply(repo.commitsStatus, { message: 'no' });
  if (!repo.commits) return scope;
  scope
    .get(`${REPO_PATH}/commits`)
    .query({ sha: repo.branch ?? 'main', per_page: String(repo.perPage ?? 20) })
    .reply(
      200,
      repo.commits.map((c) => ({
        sha: sha(c.n),
        commit: { committer: { date: `${c.date ?? '2026-12-01'}T09:00:00Z` } },
      })),
    );
  for (const c of repo.commits) {
    if (repo.runsOf && !repo.runsOf.includes(c.n)) continue;
    const runs = [
      ...(c.running ? [run(c.n, { status: 'in_progress', conclusion: null, completed_at: null })] : []),
      ...(c.report ? [run(c.n, {}, c.report)] : []),
      ...(c.others ?? []),
    ];
    checkRuns(scope, c.n, runs);
  }
  if (repo.pulls) {
    scope
      .get(`${REPO_PATH}/pulls`)
      .query({ state: 'open', sort: 'updated', direction: 'desc', per_page: '20' })
      .reply(
        200,
        repo.pulls.map((p) => ({
          number: p.number,
          title: p.title,
          html_url: `https://github.com/acme/widgets/pull/${p.number}`,
          head: { sha: sha(p.head) },
        })),
      );
    for (const p of repo.pulls)
      checkRuns(scope, p.head, p.conclusion ? [run(p.head, { conclusion: p.conclusion }, p.report)] : []);
  }
  if (repo.milestones)
    scope
      .get(`${REPO_PATH}/milestones`)
      .query({ state: 'all', sort: 'due_on', direction: 'desc', per_page: '30' })
      .reply(200, repo.milestones);
  return scope;
}

function checkRuns(scope: nock.Scope, n: number, runs: Loose[]): void {
  scope
    .get(`${REPO_PATH}/commits/${sha(n)}/check-runs`)
    .query({ check_name: 'readygate', app_id: String(APP_ID), filter: 'all', per_page: '100' })
    .reply(200, { total_count: runs.length, check_runs: runs });
}

/** A GET with the path sent exactly as written (fetch would resolve `..` and encode `<`). */
export function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path.startsWith('/') ? '' : '/'}`, { path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await fetch(url, { headers, method });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/**
 * The routes served afresh for each test of the file (or `describe`) that calls it, with loopback
 * connections allowed while they run: `app.url` and `app.clock` are the current test's.
 */
export function servedEachTest(deps: Partial<PagesDeps> = {}): Served {
  let current: Served | undefined;
  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    current = await serve(deps);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
    nock.disableNetConnect();
  });
  return {
    get url() {
      return current!.url;
    },
    get clock() {
      return current!.clock;
    },
    close: () => current!.close(),
  };
}

/** A public repository whose head commit has a completed run with pageReport's digest. */
export const published = (extra: Partial<FakeRepo> = {}) =>
  fakeRepo({ commits: [{ n: 1, report: pageReport() }, { n: 2 }], runsOf: [1], ...extra });
