// The badge and page routes as `npm start` serves them: loaded by startApp into Probot's server
// (after the webhook, health and ops routes, which they do not shadow), on web replicas only.
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAppConfig } from '../../../src/app/config.js';
import { startApp, type RunningApp } from '../../../src/app/start.js';
import { signRepoToken } from '../../../src/app/pages/token.js';
import { pageReport } from '../../core/render/page-fixtures.js';
import { APP_ID, SECRET, fakeRepo, get } from './pages-harness.js';
import { PRIVATE_KEY, TestOctokit } from '../harness.js';

const config = readAppConfig({
  APP_ID: String(APP_ID),
  PRIVATE_KEY,
  WEBHOOK_SECRET: 'start-test-secret',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'silent',
  BADGE_SECRET: SECRET,
});

describe('startApp serves the readiness routes', () => {
  let app: RunningApp | undefined;
  beforeEach(() => {
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    nock.disableNetConnect();
  });

  it('on the web side, with BADGE_SECRET from the environment', async () => {
    app = await startApp(config, { Octokit: TestOctokit, fetch: globalThis.fetch });
    const scope = fakeRepo({ private: true, commits: [{ n: 1, report: pageReport() }], runsOf: [1] });
    const token = signRepoToken(SECRET, { owner: 'acme', repo: 'widgets' });
    const res = await get(`${app.url}/badges/acme/widgets.json?token=${token}`);
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(res.body)).toMatchObject({ label: 'readygate', message: 'beta' });
    expect((await get(`${app.url}/healthz`)).status).toBe(200);
  });

  it('not on a worker-only replica', async () => {
    app = await startApp(config, { Octokit: TestOctokit, fetch: globalThis.fetch, web: false });
    const res = await get(`${app.url}/badges/acme/widgets.svg`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type') ?? '').not.toContain('image/svg');
  });
});
