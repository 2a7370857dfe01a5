// The App keeps the roadmap in step: a push to the default branch that changes a roadmap file
// syncs it (issues and milestones made to match, reported in a `readygate roadmap` run); a pull
// request that changes one gets a preview of that sync and writes nothing; other pushes sync nothing.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { FakeGitHub } from '../github/roadmap/fake-github.js';
import {
  API,
  APP,
  REPO_PATH,
  SHA,
  STRICT,
  base64,
  example,
  ownRuns,
  policyReply,
  testProbot,
  tokenScope,
  type Loose,
} from './harness.js';

const POLICY = `${STRICT}roadmap:\n  files: ['ROADMAP.md', 'docs/plans/*.md']\n`;
const ROADMAP = `# Roadmap

## Milestone 1: Launch (due 2026-12-31)

- [ ] Build the parser
- [x] Write the docs
`;

interface Runs {
  created: Loose[];
  completed: Loose[];
}

/** The routes before the sync's own: the policy, the waiting run, the roadmap run, the tree and file. */
function commitScope(runs: Runs, options: { roadmap?: boolean; files?: Record<string, string> } = {}): nock.Scope {
  let scope = ownRuns(tokenScope())
    .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
    .query({ ref: 'main' })
    .reply(200, policyReply(POLICY));
  let id = 20;
  scope = scope
    .post(`${REPO_PATH}/check-runs`, (b) => (runs.created.push(b), true))
    .times(options.roadmap === false ? 1 : 2)
    .reply(201, () => ({ id: ++id, html_url: `u${id}`, app: APP }));
  if (options.roadmap === false) return scope;
  const files = options.files ?? { 'ROADMAP.md': ROADMAP };
  scope = scope
    .get(`${REPO_PATH}/git/trees/${SHA}`)
    .query({ recursive: 'true' })
    .reply(200, {
      sha: SHA,
      truncated: false,
      tree: [
        { path: 'README.md', type: 'blob' },
        { path: 'docs', type: 'tree' },
        ...Object.keys(files).map((path) => ({ path, type: 'blob' })),
      ],
    })
    .patch(/\/repos\/acme\/widgets\/check-runs\/2\d$/, (b) => (runs.completed.push(b), true))
    .reply(200, {});
  for (const [path, text] of Object.entries(files))
    scope = scope
      .get(`${REPO_PATH}/contents/${encodeURIComponent(path)}`)
      .query({ ref: SHA })
      .reply(200, { type: 'file', encoding: 'base64', content: base64(text), size: text.length });
  return scope;
}

function pushOf(paths: string[]) {
  const payload = example('push');
  Object.assign(payload, {
    ref: 'refs/heads/main',
    after: SHA,
    deleted: false,
    created: false,
    forced: false,
    commits: [{ id: SHA, message: 'plan', added: [], removed: [], modified: paths }],
  });
  return payload;
}

describe('roadmap sync on a push to the default branch', () => {
  it('creates the milestone and issues when ROADMAP.md changed, and reports it in its own run', async () => {
    const runs: Runs = { created: [], completed: [] };
    const scope = commitScope(runs);
    const github = new FakeGitHub({ api: API, repo: REPO_PATH });
    github.appToken = true;
    const probot = await testProbot();
    await probot.receive({ id: 'push-roadmap', name: 'push', payload: pushOf(['ROADMAP.md']) } as never);
    expect(scope.isDone()).toBe(true);
    expect(runs.created.map((r) => r.name)).toEqual(['readygate', 'readygate roadmap']);
    expect(github.milestones.map((m) => [m.title, m.due_on?.slice(0, 10)])).toEqual([
      ['Milestone 1: Launch', '2026-12-31'],
    ]);
    expect(github.issues.map((i) => [i.title, i.state, i.milestone?.title])).toEqual([
      ['Build the parser', 'open', 'Milestone 1: Launch'],
      ['Write the docs', 'closed', 'Milestone 1: Launch'],
    ]);
    const done = runs.completed.at(-1)!;
    expect(done).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(done.output.title).toMatch(/^Roadmap synced: \d+ change\(s\)$/);
    expect(done.output.summary).toContain('Synced 2 roadmap item(s) from 1 file(s)');
  });

  it('a second push of the same roadmap changes nothing on GitHub', async () => {
    const github = new FakeGitHub({ api: API, repo: REPO_PATH });
    github.appToken = true;
    const first: Runs = { created: [], completed: [] };
    commitScope(first);
    await (await testProbot()).receive({ id: 'push-1', name: 'push', payload: pushOf(['ROADMAP.md']) } as never);
    const writes = github.writesMade.length;
    expect(writes).toBeGreaterThan(2);
    const second: Runs = { created: [], completed: [] };
    const scope = commitScope(second);
    await (await testProbot()).receive({ id: 'push-2', name: 'push', payload: pushOf(['ROADMAP.md']) } as never);
    expect(scope.isDone()).toBe(true);
    expect(github.writesMade.length).toBe(writes);
    expect(second.completed.at(-1)!.output.title).toBe('The roadmap and GitHub already agree');
  });

  it('a push that changes no roadmap file syncs nothing', async () => {
    const runs: Runs = { created: [], completed: [] };
    const scope = commitScope(runs, { roadmap: false });
    const probot = await testProbot();
    await probot.receive({ id: 'push-code', name: 'push', payload: pushOf(['src/index.ts']) } as never);
    expect(scope.isDone()).toBe(true);
    expect(runs.created.map((r) => r.name)).toEqual(['readygate']);
  });

  it('a push whose files match no roadmap glob fails the roadmap run and says why', async () => {
    const runs: Runs = { created: [], completed: [] };
    const scope = commitScope(runs, { files: {} });
    const probot = await testProbot();
    await probot.receive({ id: 'push-gone', name: 'push', payload: pushOf(['ROADMAP.md']) } as never);
    expect(scope.isDone()).toBe(true);
    expect(runs.completed.at(-1)).toMatchObject({
      conclusion: 'failure',
      output: { title: 'The roadmap sync failed' },
    });
    expect(runs.completed.at(-1)!.output.summary).toContain('matches roadmap.files (ROADMAP.md, docs/plans/\\*.md)');
  });
});

describe('roadmap preview on a pull request', () => {
  it('says what merging would do, from the head commit, and writes nothing to issues', async () => {
    const payload = example('pull_request', 'synchronize');
    payload.pull_request.head.sha = SHA;
    payload.pull_request.base.ref = 'main';
    payload.pull_request.number = 8;
    const runs: Runs = { created: [], completed: [] };
    const scope = commitScope(runs, { files: { 'docs/plans/q1.md': ROADMAP } })
      .get(`${REPO_PATH}/pulls/8/files`)
      .query(true)
      .reply(200, [{ filename: 'docs/plans/q1.md', status: 'added', additions: 6, patch: '@@ -0,0 +1,1 @@\n+x' }]);
    const github = new FakeGitHub({ api: API, repo: REPO_PATH });
    github.appToken = true;
    const probot = await testProbot();
    await probot.receive({ id: 'pr-roadmap', name: 'pull_request', payload } as never);
    expect(scope.isDone()).toBe(true);
    expect(github.writesMade).toEqual([]);
    const done = runs.completed.at(-1)!;
    expect(done.output.title).toBe('This change will create 2 issues and create or date 1 milestone.');
    expect(done.output.summary).toContain('What merging #8 would do');
    expect(done.output.summary).toContain('Build the parser');
  });
});
