// An existing milestone's due date and state kept in step by the sync, against the nock fake: the
// requests say what changed, and a milestone closed by hand is left closed.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { sync } from './helpers.js';

const ROADMAP = (v1: string, v2: string, v2due = 'Dec 9') => `# Releases

Planning started 2025-11-03.

| Milestone | Theme | Target | Status |
| --- | --- | --- | --- |
| v0.5 | Importers | 2025-11-20 | ${v1} |
| v0.6 | Sharing | ${v2due} | ${v2} |

## v0.6

- [ ] Share links
`;

describe('milestones kept in step', () => {
  let gh: FakeGitHub;
  afterEach(() => expect(gh.scope.isDone()).toBe(true));

  it('a release marked done closes its milestone; a moved date moves it; a rerun writes nothing', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP('🚧 In Progress', 'Planned'));
    expect(gh.milestones.map((m) => [m.title, m.state, m.due_on])).toEqual([
      ['v0.5', 'open', '2025-11-20T12:00:00Z'],
      ['v0.6', 'open', '2025-12-09T12:00:00Z'],
    ]);
    const before = gh.writesMade.length;
    await sync(ROADMAP('✅ Released', 'Planned', 'Dec 16'));
    expect(gh.writesMade.slice(before).map((w) => [w.method, w.path, w.body])).toEqual([
      [
        'PATCH',
        `/repos/acme/app/milestones/${gh.milestones[0]!.number}`,
        {
          state: 'closed',
          description:
            'Importers\n\nFrom `ROADMAP.md` (readygate roadmap sync).\n\n<!-- readygate:milestone state=closed -->',
        },
      ],
      ['PATCH', `/repos/acme/app/milestones/${gh.milestones[1]!.number}`, { due_on: '2025-12-16T12:00:00Z' }],
    ]);
    expect(gh.milestones.map((m) => [m.title, m.state, m.due_on])).toEqual([
      ['v0.5', 'closed', '2025-11-20T12:00:00Z'],
      ['v0.6', 'open', '2025-12-16T12:00:00Z'],
    ]);
    const settled = gh.writesMade.length;
    expect((await sync(ROADMAP('✅ Released', 'Planned', 'Dec 16'))).plan.ops).toEqual([]);
    expect(gh.writesMade.length).toBe(settled);
  });

  it('a milestone closed by hand while the file did not change stays closed, and the plan says why', async () => {
    gh = new FakeGitHub();
    await sync(ROADMAP('🚧 In Progress', 'Planned'));
    gh.milestones[1]!.state = 'closed';
    const before = gh.writesMade.length;
    const { plan } = await sync(ROADMAP('🚧 In Progress', 'Planned'));
    expect(gh.writesMade.slice(before)).toEqual([]);
    expect(plan.warnings).toContain(
      'milestone "v0.6" was closed on GitHub while the roadmap (ROADMAP.md:8) still says todo: GitHub\'s is kept; update the roadmap to match',
    );
  });
});
