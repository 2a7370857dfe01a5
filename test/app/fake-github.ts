/**
 * A fake GitHub REST API on 127.0.0.1 (a real HTTP server, as GitHub Enterprise Server's /api/v3
 * is reached): just the routes the App calls for one pull request, with the state they change
 * (check runs, comments) kept for the test to read.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Loose } from './harness.js';

export interface FakeState {
  checkRuns: Loose[];
  comments: { id: number; body: string; user: { login: string; type: string } }[];
  requests: string[];
}

export interface FakeGitHub {
  host: string;
  state: FakeState;
  close(): Promise<void>;
}

export interface FakeData {
  app: { id: number; slug: string };
  installation: number;
  repo: string;
  headSha: string;
  baseSha: string;
  policy: string;
  zip: Buffer;
  files: object[];
}

async function body(req: IncomingMessage): Promise<Loose> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Loose) : {};
}

export async function startFakeGitHub(data: FakeData): Promise<FakeGitHub> {
  const state: FakeState = { checkRuns: [], comments: [], requests: [] };
  const r = `/api/v3/repos/${data.repo}`;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const route = `${req.method} ${url.pathname}`;
      state.requests.push(route);
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const input = await body(req);
      if (route === `POST /api/v3/app/installations/${data.installation}/access_tokens`)
        return json(201, { token: 'ghs_fake', expires_at: '2099-01-01T00:00:00Z' });
      const commitRuns = new RegExp(`^GET ${r}/commits/([0-9a-f]{40})/check-runs$`).exec(route);
      if (commitRuns) {
        const sha = commitRuns[1];
        const runs = state.checkRuns.filter((c) => c.head_sha === sha && c.name === url.searchParams.get('check_name'));
        return json(200, { total_count: runs.length, check_runs: runs });
      }
      if (route === `GET ${r}/contents/.github%2Freadygate.yml`)
        return json(200, { type: 'file', encoding: 'base64', content: Buffer.from(data.policy).toString('base64') });
      if (route === `POST ${r}/check-runs`) {
        const run = {
          ...input,
          id: 100 + state.checkRuns.length,
          html_url: `https://github.example/runs/${100 + state.checkRuns.length}`,
          app: data.app,
          started_at: new Date().toISOString(),
          output: { ...input.output, annotations_count: 0 },
        };
        state.checkRuns.push(run);
        return json(201, run);
      }
      const patch = /^PATCH .*\/check-runs\/(\d+)$/.exec(route);
      if (patch) {
        const run = state.checkRuns.find((c) => c.id === Number(patch[1]));
        if (!run) return json(404, { message: 'Not Found' });
        const added = (input.output?.annotations as unknown[] | undefined)?.length ?? 0;
        Object.assign(run, input, {
          output: { ...input.output, annotations_count: run.output.annotations_count + added },
        });
        return json(200, run);
      }
      if (route === `GET ${r}/actions/runs/42/artifacts`)
        return json(200, {
          total_count: 1,
          artifacts: [{ id: 9, name: 'readygate-report', expired: false, size_in_bytes: data.zip.length }],
        });
      if (route === `GET ${r}/actions/artifacts/9/zip`) {
        res.writeHead(200, { 'content-type': 'application/zip' });
        return res.end(data.zip);
      }
      if (route === `GET ${r}/pulls`)
        return json(200, [
          {
            number: 5,
            head: { sha: data.headSha, repo: { full_name: data.repo } },
            base: { sha: data.baseSha, ref: 'main' },
          },
        ]);
      if (route === `GET ${r}/pulls/5/files`) return json(200, data.files);
      if (route === `GET ${r}/issues/5/comments`) return json(200, state.comments);
      if (route === `POST ${r}/issues/5/comments`) {
        const comment = {
          id: 500 + state.comments.length,
          body: String(input.body),
          user: { login: `${data.app.slug}[bot]`, type: 'Bot' },
        };
        state.comments.push(comment);
        return json(201, { ...comment, html_url: 'https://github.example/c' });
      }
      return json(404, { message: `fake GitHub has no ${route}` });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    state,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
