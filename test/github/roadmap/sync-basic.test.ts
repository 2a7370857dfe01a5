import { afterEach, describe, expect, it } from 'vitest';
import { readMarker } from '../../../src/core/roadmap/marker.js';
import { FakeGitHub } from './fake-github.js';
import { sync } from './helpers.js';

const ROADMAP = `# Plan

Start Date: October 24, 2025

## Milestone 1: Core (Oct 31)

- [x] AUTH-1 Login with GitHub
- [ ] AUTH-2 Session refresh
  **Priority:** HIGH
  - [ ] Rotate refresh tokens
- [ ] Write the user guide
  **Dependency:** AUTH-2
`;

describe('roadmap sync against GitHub (nock)', () => {
  let gh: FakeGitHub;
  afterEach(() => expect(gh.scope.isDone()).toBe(true));

  it('first run creates labels, milestone, issues with the marker in the create request, closes done items, adds relations', async () => {
    gh = new FakeGitHub();
    const { plan, result } = await sync(ROADMAP);
    expect(plan.ops.map((o) => o.op)).toEqual([
      'create_label',
      'create_milestone',
      'create_issue',
      'create_issue',
      'create_issue',
      'create_issue',
      'add_sub_issue',
      'add_blocked_by',
    ]);
    const writes = gh.writesMade;
    expect(writes[0]).toEqual({
      method: 'POST',
      path: '/repos/acme/app/labels',
      body: { name: 'priority:high', color: expect.stringMatching(/^[0-9a-f]{6}$/) },
    });
    expect(writes[1]).toEqual({
      method: 'POST',
      path: '/repos/acme/app/milestones',
      body: {
        title: 'Milestone 1: Core',
        description: 'From `ROADMAP.md` (readygate roadmap sync).',
        due_on: '2025-10-31T12:00:00Z',
      },
    });
    const create = writes[2]!;
    expect(create.path).toBe('/repos/acme/app/issues');
    expect(create.body).toMatchObject({ title: 'AUTH-1: Login with GitHub', labels: [], milestone: 900 });
    expect(String(create.body!.body)).toMatch(
      /^<!-- readygate:roadmap key=AUTH-1 source=ROADMAP.md hash=[0-9a-f]{12} status=done state=open labels= title=[0-9a-f]{8} milestone=[0-9a-f]{8} assignees= -->\n/,
    );
    expect(writes[3]).toEqual({
      method: 'PATCH',
      path: `/repos/acme/app/issues/${gh.issue('AUTH-1')!.number}`,
      body: {
        state: 'closed',
        state_reason: 'completed',
        body: String(create.body!.body).replace(' state=open ', ' state=closed '),
      },
    });
    expect(gh.issue('AUTH-2')!.labels).toEqual([{ name: 'priority:high' }]);
    const child = gh.issue('AUTH-2/rotate-refresh-tokens')!;
    expect(child.parent_issue_url).toMatch(new RegExp(`/issues/${gh.issue('AUTH-2')!.number}$`));
    const guide = gh.issue('milestone-1-core/write-the-user-guide')!;
    expect(guide.blocked_by).toEqual([gh.issue('AUTH-2')!.id]);
    expect(result!.created).toHaveLength(4);
    expect(result!.writes).toBe(writes.length);
  });

  it('second run right after makes zero writes', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const before = gh.requests.length;
    const { plan, result } = await sync(ROADMAP);
    expect(plan.ops).toEqual([]);
    expect(plan.unchanged).toBe(4);
    expect(result).toBeUndefined();
    expect(gh.readOnlySince(before)).toBe(true);
  });

  it('a run cut off midway, run again, creates no duplicate', async () => {
    gh = new FakeGitHub();
    gh.failOnWrite = 5; // label, milestone, create AUTH-1, close AUTH-1, then the 2nd create fails
    await expect(sync(ROADMAP)).rejects.toThrow(
      /stopped at "create AUTH-2" after 4 change\(s\).*Run it again to resume/,
    );
    expect(gh.issues).toHaveLength(1);
    gh.failOnWrite = undefined;
    const { plan } = await sync(ROADMAP);
    expect(plan.ops.filter((o) => o.op === 'create_issue').map((o) => (o as { key: string }).key)).toEqual([
      'AUTH-2',
      'AUTH-2/rotate-refresh-tokens',
      'milestone-1-core/write-the-user-guide',
    ]);
    expect(plan.ops.some((o) => o.op === 'create_label' || o.op === 'create_milestone')).toBe(false);
    expect(gh.issues.map((i) => i.title).sort()).toEqual([
      'AUTH-1: Login with GitHub',
      'AUTH-2: Session refresh',
      'Rotate refresh tokens',
      'Write the user guide',
    ]);
  });

  it('a run killed between creating a done item and closing it: the marker says open, and the rerun closes it', async () => {
    gh = new FakeGitHub();
    gh.failOnWrite = 4; // label, milestone, create AUTH-1, then its close fails
    await expect(sync(ROADMAP)).rejects.toThrow(/stopped at "close AUTH-1" after 3 change\(s\)/);
    const issue = gh.issue('AUTH-1')!;
    expect(issue.state).toBe('open');
    expect(readMarker(issue.body)).toMatchObject({ status: 'done', state: 'open' });
    gh.failOnWrite = undefined;
    const { plan } = await sync(ROADMAP);
    expect(plan.drift).toEqual([]);
    expect(plan.ops.find((o) => o.op === 'update_issue')).toMatchObject({
      key: 'AUTH-1',
      state: 'closed',
      state_reason: 'completed',
      why: ['close: the roadmap says done', 'marker changed'],
    });
    expect(issue.state).toBe('closed');
    expect(readMarker(issue.body)).toMatchObject({ status: 'done', state: 'closed' });
    expect(gh.issues).toHaveLength(4);
  });

  it('keeps human text outside the markers and human labels and assignees', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP);
    const issue = gh.issue('AUTH-2')!;
    issue.body = `Notes from triage: needs a design review.\n\n${issue.body}\n\nFollow-up: see #99`;
    issue.labels.push({ name: 'needs-design' });
    issue.assignees.push({ login: 'mona' });
    await sync(ROADMAP.replace('**Priority:** HIGH', '**Priority:** CRITICAL'));
    const update = gh.writesMade.find((w) => w.method === 'PATCH' && w.path.endsWith(`/issues/${issue.number}`))!;
    expect(update.body!.labels).toEqual(['needs-design', 'priority:critical']);
    expect(update.body!.assignees).toBeUndefined();
    expect(
      issue.body.startsWith('Notes from triage: needs a design review.\n\n<!-- readygate:roadmap key=AUTH-2 '),
    ).toBe(true);
    expect(issue.body.endsWith('<!-- /readygate:roadmap -->\n\nFollow-up: see #99')).toBe(true);
    expect(issue.body).toContain('**Priority:** CRITICAL');
    expect(issue.assignees).toEqual([{ login: 'mona' }]);
  });
});
