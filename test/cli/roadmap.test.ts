import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { roadmapCommand } from '../../src/cli/roadmap.js';
import type { CliIO } from '../../src/cli/io.js';
import { API, FakeGitHub } from '../github/roadmap/fake-github.js';

const ROADMAP = '# Plan\n\n## Launch (2026-03-01)\n\n- [x] SHIP-1 Pick a name\n- [ ] SHIP-2 Write the docs\n';
let dir: string;
let out: string[];
let err: string[];

function io(env: Record<string, string> = {}): CliIO {
  return {
    cwd: dir,
    env,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    isTTY: false,
    readStdin: async () => '',
    today: () => '2026-01-01',
  };
}
const FLAGS = ['--repo', 'acme/app', '--token', 't', '--api-url', API];
const fast = { pacing: { writeGapMs: 0, createGapMs: 0, retryAfterUnitMs: 1, sleep: async () => {} } };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readygate-roadmap-'));
  writeFileSync(join(dir, 'ROADMAP.md'), ROADMAP);
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readygate roadmap', () => {
  it('plan prints the changes as text and as JSON, and writes nothing', async () => {
    const gh = new FakeGitHub();
    expect(await main(['roadmap', 'plan', '--file', 'ROADMAP.md', ...FLAGS], io())).toBe(0);
    expect(out.join('')).toBe(
      'roadmap plan: 2 to create, 0 to update, 0 to close, 0 to reopen, 0 label(s), 1 milestone(s), 0 relation(s); 0 unchanged\n' +
        '  + milestone "Launch" due 2026-03-01\n  + issue SHIP-1: Pick a name in "Launch" (then close: completed)\n  + issue SHIP-2: Write the docs in "Launch"\n',
    );
    out = [];
    expect(await main(['roadmap', 'plan', '--file', 'ROADMAP.md', '--format', 'json', ...FLAGS], io())).toBe(0);
    expect(JSON.parse(out.join('')).summary).toMatchObject({ create: 2, milestones: 1 });
    expect(gh.writesMade).toEqual([]);
    expect(gh.scope.isDone()).toBe(true);
  });

  it('sync applies, a second sync plans nothing, and the token can come from GITHUB_TOKEN', async () => {
    const gh = new FakeGitHub();
    const flags = { file: ['ROADMAP.md'], repo: 'acme/app', 'api-url': API };
    expect(await roadmapCommand(['sync'], flags, io({ GITHUB_TOKEN: 't' }), fast)).toBe(0);
    expect(out.join('')).toContain('applied: 4 write(s), 2 issue(s) created\n');
    expect(gh.issues.map((i) => [i.title, i.state])).toEqual([
      ['SHIP-1: Pick a name', 'closed'],
      ['SHIP-2: Write the docs', 'open'],
    ]);
    out = [];
    expect(await roadmapCommand(['sync'], flags, io({ GITHUB_TOKEN: 't' }), fast)).toBe(0);
    expect(out.join('')).toMatch(/^roadmap plan: 0 to create.*; 2 unchanged\n$/);
  });

  it('pull writes drift from GitHub into the file; --dry-run only prints the patch', async () => {
    const gh = new FakeGitHub();
    await roadmapCommand(
      ['sync'],
      { file: ['ROADMAP.md'], ...{ repo: 'acme/app', token: 't', 'api-url': API } },
      io(),
      fast,
    );
    gh.issue('SHIP-2')!.state = 'closed';
    out = [];
    await main(['roadmap', 'pull', '--dry-run', '--file', 'ROADMAP.md', ...FLAGS], io());
    expect(out.join('')).toBe(
      '--- a/ROADMAP.md\n+++ b/ROADMAP.md\n@@ -6 +6 @@\n-- [ ] SHIP-2 Write the docs\n+- [x] SHIP-2 Write the docs\n',
    );
    expect(readFileSync(join(dir, 'ROADMAP.md'), 'utf8')).toBe(ROADMAP);
    expect(await main(['roadmap', 'pull', '--file', 'ROADMAP.md', ...FLAGS], io())).toBe(0);
    expect(readFileSync(join(dir, 'ROADMAP.md'), 'utf8')).toBe(ROADMAP.replace('- [ ] SHIP-2', '- [x] SHIP-2'));
  });

  it('pull writes a title edited on GitHub into the file; a milestone moved on GitHub is only reported', async () => {
    const gh = new FakeGitHub();
    await roadmapCommand(['sync'], { file: ['ROADMAP.md'], repo: 'acme/app', token: 't', 'api-url': API }, io(), fast);
    gh.issue('SHIP-2')!.title = 'SHIP-2: Write the user docs';
    gh.issue('SHIP-1')!.milestone = null;
    out = [];
    expect(await main(['roadmap', 'pull', '--file', 'ROADMAP.md', ...FLAGS], io())).toBe(0);
    expect(out.join('')).toBe(
      '--- a/ROADMAP.md\n+++ b/ROADMAP.md\n@@ -6 +6 @@\n-- [ ] SHIP-2 Write the docs\n+- [ ] SHIP-2 Write the user docs\n',
    );
    expect(readFileSync(join(dir, 'ROADMAP.md'), 'utf8')).toBe(
      ROADMAP.replace('Write the docs', 'Write the user docs'),
    );
    expect(err.join('')).toBe(
      'warning: ROADMAP.md:5: SHIP-1 the milestone changed on GitHub (none) has no one place in the file to write; change the file by hand to keep it\n',
    );
  });

  it('says what is missing: subcommand, token, files', async () => {
    expect(await main(['roadmap', 'push'], io())).toBe(2);
    expect(err.join('')).toMatch(/roadmap needs show, plan, sync or pull, not "push"/);
    err = [];
    expect(await main(['roadmap', 'plan', '--file', 'ROADMAP.md', '--repo', 'acme/app'], io())).toBe(2);
    expect(err.join('')).toBe('readygate: no GitHub token: set GITHUB_TOKEN or pass --token\n');
    err = [];
    expect(await main(['roadmap', 'plan', ...FLAGS], io())).toBe(2);
    expect(err.join('')).toMatch(/no roadmap files: add `roadmap: \{ files: \[ROADMAP.md\] \}`/);
  });

  it('a second sync while one holds the lock is refused', async () => {
    writeFileSync(join(dir, '.readygate-lock'), `${process.pid}\n`);
    expect(await main(['roadmap', 'sync', '--file', 'ROADMAP.md', ...FLAGS], io())).toBe(2);
    expect(err.join('')).toMatch(/another roadmap sync \(pid \d+\) is running/);
  });
});

describe('readygate check with roadmap.files', () => {
  it('adds signals.roadmap and evaluates roadmap gates', async () => {
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github/readygate.yml'),
      'roadmap:\n  files: [ROADMAP.md]\nlevels:\n  launch:\n    roadmap: { milestone: Launch, done: 100 }\n',
    );
    expect(await main(['check', '--format', 'json'], io())).toBe(1);
    const report = JSON.parse(out.join(''));
    expect(report.signals.roadmap).toEqual({
      total: 2,
      done: 1,
      in_progress: 0,
      blocked: 0,
      todo: 1,
      cancelled: 0,
      milestones: [{ title: 'Launch', due: '2026-03-01', total: 2, done: 1 }],
    });
    expect(report.gates).toContainEqual(
      expect.objectContaining({ id: 'roadmap.done', status: 'fail', actual: 50, threshold: 100 }),
    );
  });

  it('a roadmap-only config (no levels) is valid: roadmap show reads it, validate says so', async () => {
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/readygate.yml'), 'roadmap:\n  files: [ROADMAP.md]\n');
    expect(await main(['roadmap', 'show'], io())).toBe(0);
    expect(out.join('')).toContain('SHIP-2');
    out = [];
    expect(await main(['validate'], io())).toBe(0);
    expect(out.join('')).toBe(
      '.github/readygate.yml is valid: roadmap sync only (no levels: `readygate check` has nothing to gate)\n',
    );
  });

  it('shows progress (done / total, time left) on a terminal only: not in CI, not in a pipe', async () => {
    const { PassThrough } = await import('node:stream');
    const run = async (isTTY: boolean, env: Record<string, string>) => {
      nock.cleanAll(); // a fresh, empty repository each time: every run has changes to show
      const gh = new FakeGitHub();
      const stream = Object.assign(new PassThrough(), { isTTY, columns: 120 });
      let shown = '';
      stream.on('data', (chunk: Buffer) => void (shown += chunk.toString()));
      const flags = { file: ['ROADMAP.md'], repo: 'acme/app', token: 't', 'api-url': API };
      expect(await roadmapCommand(['sync'], flags, io(env), { ...fast, progress: stream })).toBe(0);
      expect(gh.issues).toHaveLength(2);
      return shown;
    };
    expect(await run(true, {})).toMatch(/roadmap sync \[.*\] \d+\/\d+ changes · .* left/);
    expect(await run(true, { CI: 'true' })).toBe('');
    expect(await run(false, {})).toBe('');
  });
});
