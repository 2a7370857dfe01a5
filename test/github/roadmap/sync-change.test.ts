import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import { applyDrift } from '../../../src/core/roadmap/pull.js';
import { syncRoadmap } from '../../../src/github/roadmap/sync.js';
import { API, FakeGitHub } from './fake-github.js';
import { client, OPTIONS, sleeps, sync } from './helpers.js';

const ROADMAP = `# Plan

## Now

- [ ] Write the onboarding guide for new contributors
- [ ] Set up nightly builds
- [x] Pick a license
`;

describe('roadmap sync: renames, drift, rate limits, scale', () => {
  let gh: FakeGitHub | undefined;
  afterEach(() => {
    if (gh) expect(gh.scope.isDone()).toBe(true);
    gh = undefined;
  });

  it('a renamed item without an ID keeps its issue, and the plan says so', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('now/write-the-onboarding-guide-for-new-contributors')!;
    const before = gh.issues.length;
    const { plan } = await sync(
      ROADMAP.replace('Write the onboarding guide for new contributors', 'Write the onboarding guide for contributors'),
    );
    expect(plan.ops).toHaveLength(1);
    expect(plan.ops[0]).toMatchObject({
      op: 'update_issue',
      number: issue.number,
      key: 'now/write-the-onboarding-guide-for-contributors',
      renamed_from: { key: 'now/write-the-onboarding-guide-for-new-contributors', similarity: 0.92 },
    });
    expect(gh.issues).toHaveLength(before);
    expect(issue.title).toBe('Write the onboarding guide for contributors');
    expect(issue.body).toContain('key=now%2Fwrite-the-onboarding-guide-for-contributors ');
  });

  it('an unrelated new title is a new issue and the old one is closed as not planned', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const old = gh.issue('now/set-up-nightly-builds')!;
    const { plan } = await sync(ROADMAP.replace('Set up nightly builds', 'Publish a docker image'));
    expect(plan.ops.map((o) => o.op)).toEqual(['create_issue', 'update_issue']);
    expect(plan.ops[1]).toMatchObject({ number: old.number, state: 'closed', state_reason: 'not_planned' });
    expect(old.state).toBe('closed');
  });

  it('waits out a secondary rate limit 403 with retry-after, then succeeds', async () => {
    sleeps.length = 0;
    const scope = nock(API)
      .post('/graphql')
      .reply(200, { data: { viewer: { login: 'readygate-bot' } } })
      .get('/repos/acme/app/issues')
      .query(true)
      .reply(200, [])
      .get('/repos/acme/app/milestones')
      .query(true)
      .reply(200, [])
      .get('/repos/acme/app/labels')
      .query(true)
      .reply(200, [])
      .post('/repos/acme/app/issues')
      .reply(
        403,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
        { 'retry-after': '42' },
      )
      .post('/repos/acme/app/issues', (body) => body.title === 'Ship it' && String(body.body).includes('key=ship-it '))
      .reply(201, { number: 7, id: 70 })
      // Listed again right after creating: no other sync created the same key.
      .get('/repos/acme/app/issues')
      .query(true)
      .reply(200, [])
      .get('/repos/acme/app/milestones')
      .query(true)
      .reply(200, [])
      .get('/repos/acme/app/labels')
      .query(true)
      .reply(200, []);
    const roadmap = collectRoadmap([{ file: 'ROADMAP.md', text: '- [ ] Ship it\n' }]);
    const { result } = await syncRoadmap(client(), {
      ref: { owner: 'acme', repo: 'app' },
      roadmap,
      options: OPTIONS,
      dryRun: false,
    });
    expect(result!.created).toEqual([{ key: 'ship-it', number: 7 }]);
    expect(sleeps).toContain(42);
    expect(scope.isDone()).toBe(true);
  });

  it('reports drift when an issue is closed on GitHub, and pull writes it into the file', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('now/set-up-nightly-builds')!;
    issue.state = 'closed';
    issue.state_reason = 'completed';
    const reopened = gh.issue('now/pick-a-license')!;
    reopened.state = 'open';
    const { plan } = await sync(ROADMAP);
    expect(plan.ops).toEqual([]);
    expect(
      plan.drift.map((d) => ({
        key: d.key,
        number: d.number,
        fileStatus: d.field === 'status' && d.fileStatus,
        githubStatus: d.field === 'status' && d.githubStatus,
        line: d.line,
      })),
    ).toEqual([
      { key: 'now/set-up-nightly-builds', number: issue.number, fileStatus: 'todo', githubStatus: 'done', line: 6 },
      { key: 'now/pick-a-license', number: reopened.number, fileStatus: 'done', githubStatus: 'todo', line: 7 },
    ]);
    const parsed = collectRoadmap([{ file: 'ROADMAP.md', text: ROADMAP }]).files[0]!;
    const patched = applyDrift(parsed, plan.drift);
    expect(patched.diff).toBe(
      '--- a/ROADMAP.md\n+++ b/ROADMAP.md\n@@ -6 +6 @@\n-- [ ] Set up nightly builds\n+- [x] Set up nightly builds\n@@ -7 +7 @@\n-- [x] Pick a license\n+- [ ] Pick a license\n',
    );
    const after = await sync(patched.text);
    expect(after.plan.drift).toEqual([]);
    expect(after.plan.ops.map((o) => o.op)).toEqual(['update_issue', 'update_issue']);
    expect(after.plan.ops.every((o) => o.op === 'update_issue' && o.state === undefined && o.body !== undefined)).toBe(
      true,
    );
  });

  it.each([
    ['a user token', false],
    ['an installation token (GITHUB_TOKEN)', true],
  ])('a sync of 300 unchanged items makes 0 writes and at most 6 reads, with %s', async (_name, appToken) => {
    gh = new FakeGitHub();
    gh.appToken = appToken;
    const text = `## Backlog\n\n${Array.from({ length: 300 }, (_, i) => `- [ ] TASK-${i + 1} Task number ${i + 1}`).join('\n')}\n`;
    const first = await sync(text);
    expect(first.result!.created).toHaveLength(300);
    const before = gh.requests.length;
    const { plan } = await sync(text);
    const second = gh.requests.slice(before);
    expect(plan.unchanged).toBe(300);
    // Reads: GETs and the one GraphQL query naming the token's account (a POST that writes nothing).
    expect(gh.readOnlySince(before)).toBe(true);
    expect(second.length).toBeLessThanOrEqual(6);
  });

  it('reads the example roadmap and plans 30 issues for it in a dry run without writing', async () => {
    gh = new FakeGitHub();
    const text = readFileSync(new URL('../../fixtures/roadmaps/team-task-tables.md', import.meta.url), 'utf8');
    const { plan } = await sync(text, {}, true);
    expect(plan.ops.filter((o) => o.op === 'create_issue')).toHaveLength(30);
    expect(gh.writesMade).toEqual([]);
    expect(gh.requests.map((r) => r.path)).toEqual([
      '/graphql',
      '/repos/acme/app/issues?state=all&per_page=100',
      '/repos/acme/app/milestones?state=all&per_page=100',
      '/repos/acme/app/labels?per_page=100',
    ]);
  });
});
