// The committed bundle runs: `node dist/index.js` as the runner starts it (a separate process, real
// @actions/core file commands), against a stand-in GitHub API on loopback. This catches what the
// in-process runner tests cannot: bundling, ESM/CJS interop and the real environment handling.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_APP, BASE_SHA, SHA } from '../github/helpers.js';
import { EXAMPLES, EXAMPLE_POLICY, base64 } from './harness.js';

const DIST = new URL('../../dist/index.js', import.meta.url).pathname;

interface Seen {
  method: string;
  path: string;
  body: unknown;
  auth?: string;
  status?: number;
}

const seen: Seen[] = [];
let api = '';
const server = createServer((req, res) => void answer(req, res));

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  const path = req.url ?? '';
  const entry: Seen = {
    method: req.method ?? '',
    path,
    body: text ? JSON.parse(text) : undefined,
    auth: req.headers.authorization,
  };
  seen.push(entry);
  const reply = (status: number, body: unknown) => {
    entry.status = status;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const route = `${req.method} ${path.split('?')[0]}`;
  if (route === 'POST /repos/acme/widgets/check-runs')
    return reply(201, { id: 7, html_url: 'https://github.com/acme/widgets/runs/7', app: ACTIONS_APP });
  if (route === 'GET /repos/acme/widgets/pulls/5/files')
    return reply(200, [
      { filename: 'src/math.js', status: 'modified', additions: 1, patch: '@@ -1,1 +1,2 @@\n a\n+b' },
    ]);
  if (route === 'GET /repos/acme/widgets/contents/.github%2Freadygate.yml')
    return reply(200, { type: 'file', encoding: 'base64', content: base64(EXAMPLE_POLICY) });
  if (route === `GET /repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
    return reply(200, { total_count: 0, check_runs: [] });
  if (route === 'PATCH /repos/acme/widgets/check-runs/7') return reply(200, {});
  if (route === 'GET /repos/acme/widgets/issues/5/comments') return reply(200, []);
  if (route === 'POST /repos/acme/widgets/issues/5/comments')
    return reply(201, { id: 9, html_url: 'https://github.com/acme/widgets/pull/5#issuecomment-9' });
  return reply(404, { message: `Not Found: ${route}` });
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function runDist(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DIST], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: EXAMPLES });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('dist/index.js as the runner starts it', () => {
  it('on a pull request: completes the check run, comments, writes outputs and the job summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readygate-dist-run-'));
    const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'summary.md') };
    writeFileSync(
      files.event,
      JSON.stringify({
        pull_request: {
          number: 5,
          head: { sha: SHA, repo: { full_name: 'acme/widgets' } },
          base: { sha: BASE_SHA, ref: 'main' },
        },
        repository: { full_name: 'acme/widgets', default_branch: 'main' },
      }),
    );
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const r = await runDist({
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: api,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_SHA: SHA,
      GITHUB_RUN_ID: '1001',
      GITHUB_WORKSPACE: EXAMPLES,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: dir,
      INPUT_TOKEN: 'ghs_distSmokeToken0123456789',
      'INPUT_CHECK-NAME': 'readygate',
      INPUT_COMMENT: 'always',
      'INPUT_FAIL-ON': 'required-level',
      'INPUT_UPLOAD-REPORT': 'true',
    });
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const routes = seen.map((s) => `${s.method} ${s.path.split('?')[0]}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /repos/acme/widgets/check-runs',
        'PATCH /repos/acme/widgets/check-runs/7',
        'POST /repos/acme/widgets/issues/5/comments',
      ]),
    );
    expect(seen.filter((s) => s.auth !== 'token ghs_distSmokeToken0123456789')).toEqual([]);
    expect(seen.filter((s) => s.status === 404)).toEqual([]); // every request was one the stand-in expects
    const completed = seen.find((s) => s.method === 'PATCH')!.body as {
      status: string;
      conclusion: string;
      output: { summary: string };
    };
    expect(completed).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(completed.output.summary).toContain('readygate');
    const outputs = readFileSync(files.output, 'utf8');
    expect(outputs).toMatch(/verdict<<.*\npass\n/);
    expect(outputs).toMatch(/check-run-url<<.*\nhttps:\/\/github\.com\/acme\/widgets\/runs\/7\n/);
    expect(readFileSync(files.summary, 'utf8')).toContain('readygate');
    expect(r.stdout + r.stderr).not.toContain('ghs_distSmokeToken0123456789');
  });
});
