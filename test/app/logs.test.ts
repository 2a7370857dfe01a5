// What `npm start` logs, at the most verbose level, while it handles signed webhooks against a
// fake GitHub over HTTP and then stops on SIGTERM: each delivery's id, and never the private key,
// the webhook secret, the App's JWT or an installation token.
import { spawn } from 'node:child_process';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from './fake-github.js';
import { postWebhook, startWidgetsGitHub } from './over-http.js';
import { APP, INSTALLATION, PRIVATE_KEY, SHA, example } from './harness.js';
import { waitFor } from '../helpers/poll.js';

const SECRET = 'log-test-webhook-secret-5f2a';

describe('the App’s logs', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    github = await startWidgetsGitHub();
  });
  afterEach(async () => {
    await github.close();
    nock.disableNetConnect();
  });

  it('carry delivery ids and no secret, at LOG_LEVEL=trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/server.ts'], {
      env: {
        PATH: process.env.PATH,
        APP_ID: String(APP.id),
        PRIVATE_KEY,
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: github.host,
        GHE_PROTOCOL: 'http',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'trace',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await waitFor('the App to listen', () => /listening on (http:\/\/\S+)/.exec(output)?.[1], {
        timeoutMs: 30_000,
      });
      const payload = example('pull_request', 'opened');
      payload.pull_request.head.sha = SHA;
      payload.pull_request.base.ref = 'main';
      const post = (id: string, secret: string) => postWebhook(url, secret, { id, name: 'pull_request', payload });
      expect((await post('log-delivery-1', SECRET)).status).toBe(200);
      expect((await post('log-delivery-forged', 'not-the-secret')).status).toBe(400);
      await waitFor('the waiting run', () => github.state.checkRuns.length === 1, { timeoutMs: 30_000 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);

    expect(output).toContain('log-delivery-1');
    expect(github.state.requests).toContain(`POST /api/v3/app/installations/${INSTALLATION}/access_tokens`);
    const secrets = {
      'the webhook secret': SECRET,
      'the installation token': 'ghs_fake',
      'a line of the private key': PRIVATE_KEY.split('\n')[5]!,
      'the key header': 'PRIVATE KEY-----',
    };
    for (const [what, text] of Object.entries(secrets)) expect(output.includes(text), what).toBe(false);
    // A JWT (the App's own credential) is base64url JSON: its header always starts "eyJ".
    expect(output).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  });
});
