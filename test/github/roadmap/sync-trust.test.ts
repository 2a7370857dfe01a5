import { afterEach, describe, expect, it } from 'vitest';
import { syncRoadmap } from '../../../src/github/roadmap/sync.js';
import { FakeGitHub } from './fake-github.js';
import { client, OPTIONS, roadmapOf, sync } from './helpers.js';

const ROADMAP = '# Plan\n\n- [ ] AUTH-1 Login with GitHub\n- [ ] AUTH-2 Session refresh\n';
const forged = (key: string) =>
  `Please look at this.\n\n<!-- readygate:roadmap key=${key} source=ROADMAP.md hash=000000000000 status=todo state=open labels= -->\nx\n<!-- /readygate:roadmap -->`;

describe('roadmap markers are believed only on issues the sync account opened', () => {
  let gh: FakeGitHub;
  afterEach(() => expect(gh.scope.isDone()).toBe(true));

  it('an issue someone else opened with a marker does not take over the item: ignored, warned, left alone', async () => {
    gh = new FakeGitHub();
    const planted = gh.addIssue({
      title: 'AUTH-1: Login with GitHub',
      body: forged('AUTH-1'),
      user: { login: 'mallory', type: 'User' },
    });
    const { plan } = await sync(ROADMAP);
    expect(plan.ops.filter((o) => o.op === 'create_issue').map((o) => o.op === 'create_issue' && o.key)).toEqual([
      'AUTH-1',
      'AUTH-2',
    ]);
    expect(plan.warnings).toEqual([
      `#${planted.number} carries a roadmap marker (key "AUTH-1") but was opened by @mallory, not by @readygate-bot: marker ignored. If @mallory ran earlier syncs, add it to roadmap.trusted_authors`,
    ]);
    expect(gh.writesMade.some((w) => w.path.endsWith(`/issues/${planted.number}`))).toBe(false);
    const real = gh.issues.filter((i) => i.user.login === 'readygate-bot').map((i) => i.number);
    expect(real).toHaveLength(2);
    const again = await sync(ROADMAP);
    expect(again.plan.ops).toEqual([]);
    expect(again.plan.unchanged).toBe(2);
  });

  it('an installation token: the GraphQL viewer names the bot in one request, and its issues are believed', async () => {
    gh = new FakeGitHub();
    gh.appToken = true;
    await sync(ROADMAP);
    expect(gh.issues.map((i) => i.user)).toEqual([
      { login: 'readygate-bot[bot]', type: 'Bot' },
      { login: 'readygate-bot[bot]', type: 'Bot' },
    ]);
    gh.addIssue({ title: 'AUTH-2: Session refresh', body: forged('AUTH-2'), user: { login: 'mallory', type: 'User' } });
    const before = gh.requests.length;
    const { plan } = await sync(ROADMAP);
    expect(
      gh.requests
        .slice(before)
        .slice(0, 2)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(['POST /graphql', 'GET /repos/acme/app/issues?state=all&per_page=100']);
    expect(plan.ops).toEqual([]);
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /^#3 carries a roadmap marker \(key "AUTH-2"\) but was opened by @mallory, not by @readygate-bot\[bot\]: marker ignored/,
      ),
    ]);
  });

  it('when GitHub names no account, bot-opened issues are believed and the plan says so', async () => {
    gh = new FakeGitHub();
    gh.anonymous = true;
    await sync(ROADMAP);
    gh.addIssue({ title: 'x', body: forged('AUTH-9'), user: { login: 'mallory', type: 'User' } });
    const { plan } = await sync(ROADMAP);
    expect(plan.ops).toEqual([]);
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /^GitHub would not say which account this token is \(GraphQL viewer: .*Resource not accessible by integration.*; GET \/user: 403\): roadmap markers are trusted on issues opened by app \(bot\) accounts; name the sync's account in roadmap.trusted_authors/,
      ),
      expect.stringMatching(
        /^#3 carries a roadmap marker \(key "AUTH-9"\) but was opened by @mallory, not by an app \(bot\) account: marker ignored/,
      ),
    ]);
  });

  it('roadmap.trusted_authors: issues an earlier account synced keep their items', async () => {
    gh = new FakeGitHub();
    gh.viewer = 'old-account';
    await sync(ROADMAP);
    gh.viewer = 'readygate-bot';
    const run = (trustedAuthors?: string[]) =>
      syncRoadmap(client(), {
        ref: { owner: 'acme', repo: 'app' },
        roadmap: roadmapOf(ROADMAP),
        options: OPTIONS,
        dryRun: true,
        ...(trustedAuthors && { trustedAuthors }),
      });
    expect((await run()).plan.ops.map((o) => o.op)).toEqual(['create_issue', 'create_issue']);
    const trusted = await run(['Old-Account']);
    expect(trusted.plan.ops).toEqual([]);
    expect(trusted.plan.warnings).toEqual([]);
  });
});
