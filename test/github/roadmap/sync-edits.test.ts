import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldHash, readMarker } from '../../../src/core/roadmap/marker.js';
import { applyDrift } from '../../../src/core/roadmap/pull.js';
import { renderPlanText } from '../../../src/core/roadmap/render-plan.js';
import { FakeGitHub } from './fake-github.js';
import { roadmapOf, sync } from './helpers.js';

const ROADMAP = `# Plan

## Milestone 1: Core (2026-03-01)

- [ ] AUTH-1 Login with GitHub
  **Assignee:** @octocat
- [ ] AUTH-2 Session refresh

## Milestone 2: Launch (2026-04-01)

- [ ] AUTH-3 Load test the login flow
`;

const updatesOf = (gh: FakeGitHub, number: number) =>
  gh.writesMade.filter((w) => w.method === 'PATCH' && w.path.endsWith(`/issues/${number}`));

describe('title, milestone and assignee edits made on GitHub are kept (three-way, against the marker)', () => {
  let gh: FakeGitHub;
  afterEach(() => {
    expect(gh.scope.isDone()).toBe(true);
    nock.cleanAll();
  });

  it('a title edited on GitHub is kept, reported as drift, and roadmap pull writes it into the file', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('AUTH-2')!;
    issue.title = 'AUTH-2: Session refresh and rotation';
    const before = gh.writesMade.length;
    const { plan } = await sync(ROADMAP);
    expect(gh.writesMade.slice(before)).toEqual([]);
    expect(plan.drift).toMatchObject([
      {
        key: 'AUTH-2',
        field: 'title',
        fileValue: 'Session refresh',
        githubValue: 'Session refresh and rotation',
        line: 7,
      },
    ]);
    expect(renderPlanText(plan)).toContain(
      `  #${issue.number} AUTH-2: title on GitHub is "Session refresh and rotation", ROADMAP.md:7 says "Session refresh" (GitHub's is kept)\n`,
    );
    const patched = applyDrift(roadmapOf(ROADMAP).files[0]!, plan.drift);
    expect(patched.diff).toBe(
      '--- a/ROADMAP.md\n+++ b/ROADMAP.md\n@@ -7 +7 @@\n-- [ ] AUTH-2 Session refresh\n+- [ ] AUTH-2 Session refresh and rotation\n',
    );
    const after = await sync(patched.text);
    expect(after.plan.drift).toEqual([]);
    expect(after.plan.ops).toMatchObject([{ op: 'update_issue', key: 'AUTH-2', why: ['roadmap text changed'] }]);
    expect(after.plan.ops[0]).not.toHaveProperty('title');
    expect((await sync(patched.text)).plan.ops).toEqual([]);
  });

  it('a milestone changed on GitHub is kept and reported; pull has no place to write it', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('AUTH-1')!;
    const launch = gh.milestones.find((m) => m.title === 'Milestone 2: Launch')!;
    issue.milestone = { number: launch.number, title: launch.title };
    const before = gh.writesMade.length;
    const { plan } = await sync(ROADMAP);
    expect(gh.writesMade.slice(before)).toEqual([]);
    expect(plan.drift).toMatchObject([
      { key: 'AUTH-1', field: 'milestone', fileValue: 'Milestone 1: Core', githubValue: 'Milestone 2: Launch' },
    ]);
    expect(applyDrift(roadmapOf(ROADMAP).files[0]!, plan.drift)).toMatchObject({
      diff: '',
      skipped: [{ field: 'milestone' }],
    });
  });

  it('an assignee replaced on GitHub is kept, and pull rewrites the @handle; people added beside ours are no drift', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('AUTH-1')!;
    expect(issue.assignees).toEqual([{ login: 'octocat' }]);
    issue.assignees.push({ login: 'hubot' });
    expect((await sync(ROADMAP)).plan).toMatchObject({ ops: [], drift: [] });
    issue.assignees = [{ login: 'mona' }];
    const before = gh.writesMade.length;
    const { plan } = await sync(ROADMAP);
    expect(gh.writesMade.slice(before)).toEqual([]);
    expect(plan.drift).toMatchObject([
      { key: 'AUTH-1', field: 'assignee', fileValue: '@octocat', githubValue: '@mona', replacement: '@mona' },
    ]);
    expect(applyDrift(roadmapOf(ROADMAP).files[0]!, plan.drift).diff).toBe(
      '--- a/ROADMAP.md\n+++ b/ROADMAP.md\n@@ -6 +6 @@\n-  **Assignee:** @octocat\n+  **Assignee:** @mona\n',
    );
  });

  it('changed in the file only: the file is written, and readygate unassigns only the assignee it set', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('AUTH-1')!;
    issue.assignees.push({ login: 'hubot' });
    const { plan } = await sync(
      ROADMAP.replace('@octocat', '@mona').replace('AUTH-1 Login with GitHub', 'AUTH-1 Login with GitHub or GitLab'),
    );
    expect(plan.drift).toEqual([]);
    expect(plan.ops).toMatchObject([
      {
        key: 'AUTH-1',
        title: 'AUTH-1: Login with GitHub or GitLab',
        assignees: ['hubot', 'mona'],
        why: ['title changed', 'assign @mona, unassign @octocat', 'roadmap text changed'],
      },
    ]);
    expect(readMarker(issue.body)).toMatchObject({ assignees: ['mona'] });
  });

  it('changed on both sides: the roadmap wins and the plan says so; the same change on both sides is no conflict', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('AUTH-2')!;
    issue.title = 'AUTH-2: Sessions';
    const launch = gh.milestones.find((m) => m.title === 'Milestone 2: Launch')!;
    issue.milestone = { number: launch.number, title: launch.title };
    const edited = ROADMAP.replace('- [ ] AUTH-2 Session refresh\n', '').replace(
      '- [ ] AUTH-3',
      '- [ ] AUTH-2 Session refresh tokens\n- [ ] AUTH-3',
    );
    const { plan } = await sync(edited);
    expect(plan.drift).toEqual([]);
    const op = plan.ops.find((o) => o.op === 'update_issue' && o.key === 'AUTH-2')!;
    expect(op).toMatchObject({ title: 'AUTH-2: Session refresh tokens' });
    expect(op).not.toHaveProperty('milestone'); // moved to Launch in the file and on GitHub alike
    expect(op.op === 'update_issue' && op.why).toEqual([
      'title changed in the roadmap and on GitHub (there: "AUTH-2: Sessions"): the roadmap wins',
      'roadmap text changed',
    ]);
    expect(issue.title).toBe('AUTH-2: Session refresh tokens');
    expect(readMarker(issue.body)).toMatchObject({
      milestone: fieldHash('Milestone 2: Launch'),
      title: fieldHash('AUTH-2: Session refresh tokens'),
    });
    expect((await sync(edited)).plan).toMatchObject({ ops: [], drift: [] });
  });

  it('two_way: false: the file always wins', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('AUTH-2')!;
    issue.title = 'AUTH-2: Sessions';
    const { plan } = await sync(ROADMAP, { twoWay: false });
    expect(plan.drift).toEqual([]);
    expect(plan.ops).toMatchObject([{ key: 'AUTH-2', title: 'AUTH-2: Session refresh', why: ['title changed'] }]);
    expect(updatesOf(gh, issue.number)).toHaveLength(1);
  });
});
