import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { roadmapCommand } from '../../src/cli/roadmap.js';
import type { CliIO } from '../../src/cli/io.js';
import { API, FakeGitHub } from '../github/roadmap/fake-github.js';

const ROADMAP = '# Plan\n\n## Launch (2026-03-01)\n\n- [x] SHIP-1 Pick a name\n- [ ] SHIP-2 Write the docs\n';
const TOKEN = 'ghp_secret-token-value';
let dir: string;
let cache: string;
let err: string[];

function io(): CliIO {
  return {
    cwd: dir,
    env: { GITHUB_TOKEN: TOKEN, XDG_CACHE_HOME: cache },
    stdout: () => {},
    stderr: (t) => void err.push(t),
    isTTY: false,
    readStdin: async () => '',
    today: () => '2026-01-01',
  };
}
const run = (sub: string, ...extra: string[]) =>
  main(['roadmap', sub, '--file', 'ROADMAP.md', '--repo', 'acme/app', '--api-url', API, ...extra], io());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readygate-roadmap-'));
  cache = join(dir, 'xdg-cache');
  writeFileSync(join(dir, 'ROADMAP.md'), ROADMAP);
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readygate roadmap keeps its ETag cache between runs', () => {
  it('a second run on an unchanged repository sends If-None-Match and is answered 304', async () => {
    const gh = new FakeGitHub();
    const fast = { pacing: { writeGapMs: 0, createGapMs: 0, retryAfterUnitMs: 1, sleep: async () => {} } };
    expect(await roadmapCommand(['sync'], { file: ['ROADMAP.md'], repo: 'acme/app', 'api-url': API }, io(), fast)).toBe(
      0,
    );
    expect(readdirSync(join(cache, 'readygate'))).toEqual([expect.stringMatching(/^roadmap-[0-9a-f]{16}\.json$/)]);
    let before = gh.requests.length;
    // The sync listed again right after creating (to reconcile with another sync), so its cache is current.
    expect(await run('plan')).toBe(0);
    expect(gh.requests.slice(before).map((r) => [r.path.split('?')[0], r.ifNoneMatch !== undefined, r.status])).toEqual(
      [
        ['/graphql', false, undefined],
        ['/repos/acme/app/issues', true, 304],
        ['/repos/acme/app/milestones', true, 304],
        ['/repos/acme/app/labels', true, 304],
      ],
    );
    before = gh.requests.length;
    expect(await run('plan')).toBe(0);
    // The identity query (GraphQL, not conditional) and three conditional listings, all 304.
    const reads = gh.requests.slice(before);
    expect(reads.map((r) => r.path.split('?')[0])).toEqual([
      '/graphql',
      '/repos/acme/app/issues',
      '/repos/acme/app/milestones',
      '/repos/acme/app/labels',
    ]);
    expect(reads.slice(1).every((r) => r.method === 'GET' && r.ifNoneMatch !== undefined && r.status === 304)).toBe(
      true,
    );
    expect(err).toEqual([]);
  });

  it('never stores the token, and keys the file by API base and repository', async () => {
    new FakeGitHub();
    await run('plan');
    await run('plan', '--repo', 'acme/other');
    const files = readdirSync(join(cache, 'readygate'));
    expect(files).toHaveLength(2);
    for (const f of files) {
      const text = readFileSync(join(cache, 'readygate', f), 'utf8');
      expect(text).not.toContain(TOKEN);
      expect(JSON.parse(text)).toMatchObject({ schema: 'readygate/etag-cache@1', api: API });
    }
  });

  it('--cache-dir chooses the directory; --no-cache and cache_dir: false keep none', async () => {
    const gh = new FakeGitHub();
    await run('plan', '--cache-dir', 'here');
    expect(readdirSync(join(dir, 'here'))).toHaveLength(1);
    await run('plan', '--no-cache');
    expect(existsSync(cache)).toBe(false);
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github/readygate.yml'),
      'roadmap:\n  files: [ROADMAP.md]\n  cache_dir: false\nlevels:\n  x: {}\n',
    );
    const before = gh.requests.length;
    await run('plan');
    await run('plan');
    expect(existsSync(cache)).toBe(false);
    expect(gh.requests.slice(before).every((r) => r.ifNoneMatch === undefined)).toBe(true);
  });

  it('a damaged cache file is ignored with a warning and replaced', async () => {
    const gh = new FakeGitHub();
    await run('plan');
    const file = join(cache, 'readygate', readdirSync(join(cache, 'readygate'))[0]!);
    writeFileSync(file, '{"schema": "readygate/etag-cache@1", "entries": ');
    const before = gh.requests.length;
    expect(await run('plan')).toBe(0);
    expect(err.join('')).toMatch(/^warning: the ETag cache .* is not valid JSON; reading everything afresh\n$/);
    expect(
      gh.requests
        .slice(before)
        .filter((r) => r.path !== '/graphql')
        .every((r) => r.status === 200),
    ).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).schema).toBe('readygate/etag-cache@1');
  });
});
