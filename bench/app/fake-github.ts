/**
 * A local stand-in for the GitHub REST API with a fixed latency per request (50 ms by default,
 * about what api.github.com answers in from a nearby region). It answers the calls the App makes
 * for a pull request's waiting check run, and counts every request by route, so the benchmark can
 * say how many requests one delivery costs. Anything else gets a 404 and is counted as unexpected.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const POLICY = 'levels:\n  ready:\n    tests: { max_failed: 0 }\n    coverage: { lines: 70 }\n';

interface Route {
  method: string;
  pattern: RegExp;
  name: string;
  reply: (match: RegExpMatchArray, body: string) => [number, unknown];
}

let nextId = 1000;
const ROUTES: Route[] = [
  {
    method: 'POST',
    pattern: /^\/app\/installations\/(\d+)\/access_tokens$/,
    name: 'POST /app/installations/{id}/access_tokens',
    reply: () => [
      201,
      { token: 'ghs_bench', expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {} },
    ],
  },
  {
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/check-runs$/,
    name: 'GET /repos/{o}/{r}/commits/{sha}/check-runs',
    reply: () => [200, { total_count: 0, check_runs: [] }],
  },
  {
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/contents\/.+$/,
    name: 'GET /repos/{o}/{r}/contents/{path}',
    reply: () => [200, { type: 'file', encoding: 'base64', content: Buffer.from(POLICY).toString('base64') }],
  },
  {
    method: 'POST',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/,
    name: 'POST /repos/{o}/{r}/check-runs',
    reply: (m, body) => {
      const id = nextId++;
      const sent = JSON.parse(body) as { name: string; head_sha: string; status?: string };
      const url = `https://github.com/${m[1]}/${m[2]}/runs/${id}`;
      return [
        201,
        { id, html_url: url, url, name: sent.name, head_sha: sent.head_sha, status: sent.status ?? 'queued' },
      ];
    },
  },
];

export interface FakeGitHub {
  url: string;
  /** Requests by route name since the last reset; unanswered ones under `unexpected …`. */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeGitHub(latencyMs = 50): Promise<FakeGitHub> {
  let counts: Record<string, number> = {};
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
    const name = route?.name ?? `unexpected ${req.method} ${path}`;
    counts[name] = (counts[name] ?? 0) + 1;
    const [status, reply] = route ? route.reply(path.match(route.pattern)!, body) : [404, { message: 'Not Found' }];
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999' });
      res.end(JSON.stringify(reply));
    }, latencyMs);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    reset: () => void (counts = {}),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
