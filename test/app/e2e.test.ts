// End to end: the App started as `npm start` starts it (config from an environment, startApp), on
// 127.0.0.1, receiving signed webhooks over HTTP and talking to a fake GitHub API over HTTP.
import Bottleneck from 'bottleneck';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAppConfig } from '../../src/app/config.js';
import { startApp, type RunningApp } from '../../src/app/start.js';
import type { FakeGitHub } from './fake-github.js';
import { postWebhook, startWidgetsGitHub } from './over-http.js';
import { APP, PRIVATE_KEY, SHA, example, workflowRunPayload } from './harness.js';

const SECRET = 'e2e-webhook-secret';

const post = (app: RunningApp, id: string, name: string, payload: object, secret = SECRET) =>
  postWebhook(app.url, secret, { id, name, payload });

describe('the App over HTTP', () => {
  let github: FakeGitHub;
  let app: RunningApp | undefined;

  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    github = await startWidgetsGitHub();
  });

  afterEach(async () => {
    await app?.stop();
    await github.close();
    nock.disableNetConnect();
  });

  it('verifies, queues and handles signed webhooks; refuses a bad signature; a redelivery runs once', async () => {
    const config = readAppConfig({
      APP_ID: String(APP.id),
      PRIVATE_KEY,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    const unspaced = () => new Bottleneck.Group({ minTime: 0, maxConcurrent: 10 });
    app = await startApp(config, {
      tuning: { groups: { write: unspaced(), notifications: unspaced() } },
      now: () => new Date('2026-12-01T12:00:00Z'),
    });
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // PORT=0 is any free port (the OS's ephemeral range), not Probot's default 3000.
    expect(app.port).toBeGreaterThan(0);
    expect(app.port).not.toBe(3000);

    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ alive: true });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, ok: true, working: true });

    const opened = example('pull_request', 'opened');
    opened.pull_request.head.sha = SHA;
    opened.pull_request.base.ref = 'main';
    expect((await post(app, 'd-1', 'pull_request', opened)).status).toBe(200);

    const bad = await post(app, 'd-bad', 'workflow_run', workflowRunPayload(), 'not-the-secret');
    expect(bad.status).toBe(400);

    const run = workflowRunPayload();
    expect((await post(app, 'd-2', 'workflow_run', run)).status).toBe(200);
    expect((await post(app, 'd-2', 'workflow_run', run)).status).toBe(200); // redelivered

    await app.stop(); // as on SIGTERM: stop listening, finish what was accepted
    app = undefined;

    // One run: created waiting by pull_request, completed by the artifact's verdict.
    expect(github.state.checkRuns).toHaveLength(1);
    const [checkRun] = github.state.checkRuns;
    expect(checkRun).toMatchObject({ name: 'readygate', head_sha: SHA, status: 'completed', conclusion: 'failure' });
    expect(checkRun!.output.title).toBe('Not ready for ready: no level reached');
    expect(github.state.comments).toHaveLength(1);
    expect(github.state.comments[0]!.body).toContain('1 failed tests, more than the 0 allowed');
    // The bad signature and the redelivery did nothing: the artifact was downloaded once.
    expect(github.state.requests.filter((r) => r.endsWith('/actions/artifacts/9/zip'))).toHaveLength(1);
  });
});
