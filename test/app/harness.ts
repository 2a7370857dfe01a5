/**
 * Drives the App through Probot: real payloads from @octokit/webhooks-examples moved onto one
 * repository (acme/widgets) and one installation, a Probot instance whose Octokit does not retry
 * or throttle (unless a test passes its own) and whose requests nock sees, and nock scopes for the
 * GitHub API calls the handlers make.
 */
import { generateKeyPairSync } from 'node:crypto';
import examples from '@octokit/webhooks-examples';
import { strToU8, zipSync } from 'fflate';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { readygateApp } from '../../src/app/readygate-app.js';
import type { HandlerDeps } from '../../src/app/handlers/deps.js';
import { MemoryPrGate, type PrGate } from '../../src/app/queue/pr-lock.js';
import { commentMarker } from '../../src/github/comment.js';
import { API, BASE_SHA, SHA, sampleReport } from '../github/helpers.js';

export { API, BASE_SHA, SHA, sampleReport };
/** A payload or request body, read field by field in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test data, checked by the assertions that read it
export type Loose = Record<string, any>;
export const APP_ID = 4242;
export const APP = { id: APP_ID, slug: 'readygate-test' };
export const BOT = { login: 'readygate-test[bot]', type: 'Bot' };
export const INSTALLATION = 77;
export const REPO_PATH = '/repos/acme/widgets';
export const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();

export const TestOctokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

export const DEPS: Omit<HandlerDeps, 'prs'> = {
  appId: APP_ID,
  checkName: 'readygate',
  policyPath: '.github/readygate.yml',
  version: '0.1.0',
  now: () => new Date('2026-12-01T12:00:00Z'),
  roadmapPacing: { writeGapMs: 0, sleep: async () => undefined },
};

/** A Probot with the App loaded; its record of PR heads is fresh unless one is passed (as a new process's). */
export async function testProbot(
  Octokit: typeof ProbotOctokit = TestOctokit,
  prs: PrGate = new MemoryPrGate(),
): Promise<Probot> {
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: 'test-secret',
    Octokit,
    request: { fetch: globalThis.fetch },
    logLevel: 'fatal',
  });
  await probot.load(readygateApp({ ...DEPS, prs }));
  return probot;
}

type Example = Record<string, unknown> & { action?: string };
const byName = new Map(
  (examples as unknown as { name: string; examples: Example[] }[]).map((e) => [e.name, e.examples]),
);

/** A real example payload of `name`/`action`, moved to acme/widgets and this installation. */
export function example(name: string, action?: string): Loose {
  const found = byName.get(name)?.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no ${name}.${action} example`);
  const payload = structuredClone(found) as Loose;
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc=' };
  payload.repository = {
    ...payload.repository,
    name: 'widgets',
    full_name: 'acme/widgets',
    owner: { ...payload.repository.owner, login: 'acme' },
    default_branch: 'main',
    html_url: 'https://github.com/acme/widgets',
  };
  return payload;
}

/** workflow_run.completed for a pull request's run; `fork` makes it come from forker/widgets with no pull_requests. */
export function workflowRunPayload(opts: { fork?: boolean; runId?: number; event?: string; branch?: string } = {}) {
  const payload = example('workflow_run', 'completed');
  const headRepo = opts.fork ? 'forker/widgets' : 'acme/widgets';
  payload.workflow_run = {
    ...payload.workflow_run,
    id: opts.runId ?? 42,
    event: opts.event ?? 'pull_request',
    status: 'completed',
    conclusion: 'success',
    head_sha: SHA,
    head_branch: opts.branch ?? 'feature',
    html_url: `https://github.com/acme/widgets/actions/runs/${opts.runId ?? 42}`,
    head_repository: { ...payload.workflow_run.head_repository, full_name: headRepo },
    pull_requests: opts.fork
      ? []
      : [{ number: 5, head: { sha: SHA, ref: 'feature' }, base: { sha: BASE_SHA, ref: 'main' } }],
  };
  return payload;
}

export const STRICT = 'levels:\n  ready:\n    tests: { max_failed: 0 }\n    coverage: { lines: 70, patch: 80 }\n';
export const FILES = [
  { filename: 'src/math.js', status: 'modified', additions: 3, patch: '@@ -1,1 +1,4 @@\n a\n+b\n+c\n+d' },
];
export const zipOf = (entries: Record<string, Uint8Array>) => Buffer.from(zipSync(entries));
export const reportZip = (report: object) => zipOf({ 'readygate-report.json': strToU8(JSON.stringify(report)) });
export const base64 = (text: string) => Buffer.from(text).toString('base64');
export const policyReply = (text: string) => ({ type: 'file', encoding: 'base64', content: base64(text) });
/** A sample report whose coverage carries a patch counter that fits FILES. */
export function withPatch(patch: { covered: number; total: number } | undefined = { covered: 1, total: 2 }) {
  const r = sampleReport({ verdict: 'pass' });
  return { ...r, signals: { ...r.signals, coverage: { ...r.signals.coverage!, ...(patch && { patch }) } } };
}

/** The installation token; every handler's first API call asks for it. */
export function tokenScope(): nock.Scope {
  return nock(API)
    .post(`/app/installations/${INSTALLATION}/access_tokens`)
    .reply(201, { token: 'ghs_installation_token', expires_at: '2099-01-01T00:00:00Z', permissions: {} });
}

/** The App's runs on SHA (none by default). */
export function ownRuns(scope: nock.Scope, runs: object[] = [], sha = SHA): nock.Scope {
  return scope
    .get(`${REPO_PATH}/commits/${sha}/check-runs`)
    .query({ check_name: 'readygate', app_id: String(APP_ID), filter: 'all', per_page: '100' })
    .reply(200, { total_count: runs.length, check_runs: runs });
}

export function ownRun(id: number, status: string, annotations = 0, sha = SHA) {
  return {
    id,
    name: 'readygate',
    head_sha: sha,
    status,
    html_url: `https://github.com/acme/widgets/runs/${id}`,
    url: `${API}${REPO_PATH}/check-runs/${id}`,
    started_at: '2026-12-01T11:00:00Z',
    app: APP,
    output: { annotations_count: annotations },
  };
}

export function artifactList(scope: nock.Scope, runId: number, zip?: Buffer): nock.Scope {
  return scope
    .get(`${REPO_PATH}/actions/runs/${runId}/artifacts`)
    .query(true)
    .reply(200, {
      total_count: zip ? 1 : 0,
      artifacts: zip ? [{ id: 9, name: 'readygate-report', expired: false, size_in_bytes: zip.length }] : [],
    });
}

export function artifactDownload(scope: nock.Scope, zip: Buffer): nock.Scope {
  return scope.get(`${REPO_PATH}/actions/artifacts/9/zip`).reply(200, zip, { 'content-type': 'application/zip' });
}

export const marked = (id: number, user: object, text = 'old') => ({
  id,
  body: `${text}\n${commentMarker('readygate')}`,
  user,
});

/** Records every update of check run `id` (as many as the handler makes). */
export function runUpdates(id: number, into: Loose[]): nock.Scope {
  return nock(API)
    .persist()
    .patch(`${REPO_PATH}/check-runs/${id}`, (b) => (into.push(b), true))
    .reply(200, {});
}
