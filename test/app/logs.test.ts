// What `npm start` logs, at the most verbose level, while it handles signed webhooks against a
// fake GitHub over HTTP and then stops on SIGTERM: each delivery's id, and never the private key,
// the webhook secret, the App's JWT or an installation token.
import { spawn } from 'node:child_process';
import { sign } from '@octokit/webhooks-methods';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import {
  APP,
  BASE_SHA,
  FILES,
  INSTALLATION,
  PRIVATE_KEY,
  SHA,
  STRICT,
  example,
  reportZip,
  withPatch,
} from './harness.js';
import { waitFor } from '../helpers/poll.js';

const SECRET = 'log-test-webhook-secret-5f2a';

describe('the App’s logs', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    github = await startFakeGitHub({
      app: APP,
      installation: INSTALLATION,
      repo: 'acme/widgets',
      headSha: SHA,
      baseSha: BASE_SHA,
      policy: STRICT,
      zip: reportZip(withPatch()),
      files: FILES,
    });
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
      const body = JSON.stringify(payload);
      const post = async (id: string, secret: string) =>
        fetch(`${url}/api/github/webhooks`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-github-event': 'pull_request',
            'x-github-delivery': id,
            'x-hub-signature-256': await sign(secret, body),
          },
          body,
        });
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
