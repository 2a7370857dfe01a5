// A GitHub without the relation APIs (GitHub Enterprise Server versions without sub-issues or issue
// dependencies answer 404): the sync still completes, warns once, and body lines stand in.
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { sync } from './helpers.js';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const PLAN =
  '# Plan\n\n- [ ] 1. Build the parser\n  - [x] 1.1 Lexer\n  - [ ] 1.2 Tree\n- [ ] 2. Ship\n  **Dependency:** 1\n  - [ ] 2.1 Docs\n';

describe('without the sub-issues API', () => {
  it('lists the sub-issues as a task list in each parent, warns once, and the next sync writes nothing', async () => {
    const gh = new FakeGitHub();
    gh.refuseSubIssues = true;
    const { result } = await sync(PLAN);
    expect(result!.warnings).toEqual([
      "the sub-issues API refused (404): sub-issues are listed as a task list in their parent's body instead",
    ]);
    const parser = gh.issue('1')!;
    expect(parser.body).toContain(' subs=body -->');
    expect(parser.body).toContain(
      `**Sub-issues:**\n- [x] #${gh.issue('1.1')!.number}\n- [ ] #${gh.issue('1.2')!.number}`,
    );
    expect(gh.issue('2')!.body).toContain(`- [ ] #${gh.issue('2.1')!.number}`);
    // One refused request: after the first 404 no more sub-issue requests are made.
    expect(gh.requests.filter((r) => r.path.endsWith('/sub_issues'))).toHaveLength(1);
    expect(gh.issues.every((i) => i.parent_issue_url === null)).toBe(true);
    const before = gh.requests.length;
    const again = await sync(PLAN);
    expect(again.plan.ops).toEqual([]);
    expect(gh.readOnlySince(before)).toBe(true);
  });

  it('keeps both stand-ins in one body when the dependencies API is missing too', async () => {
    const gh = new FakeGitHub();
    gh.refuseSubIssues = true;
    gh.refuseDependencies = true;
    const { result } = await sync(PLAN);
    expect(result!.warnings).toHaveLength(2);
    const ship = gh.issue('2')!;
    expect(ship.body).toContain(' deps=body subs=body -->');
    expect(ship.body).toContain(`Blocked by #${gh.issue('1')!.number}`);
    expect(ship.body).toContain(`- [ ] #${gh.issue('2.1')!.number}`);
    const before = gh.requests.length;
    expect((await sync(PLAN)).plan.ops).toEqual([]);
    expect(gh.readOnlySince(before)).toBe(true);
  });
});

describe('the plan as Markdown for the App', () => {
  it('reads GitHub, writes nothing, and says what merging would do', async () => {
    const { roadmapPlanMarkdown } = await import('../../../src/github/roadmap/sync.js');
    const { client, roadmapOf, OPTIONS } = await import('./helpers.js');
    const gh = new FakeGitHub();
    await sync('- [ ] A-1 Build\n- [ ] A-2 Ship\n');
    const before = gh.requests.length;
    const { markdown } = await roadmapPlanMarkdown(client(), {
      ref: { owner: 'acme', repo: 'app' },
      roadmap: roadmapOf('- [ ] A-1 Build\n- [ ] A-3 Docs\n- [ ] A-4 Demo\n'),
      options: OPTIONS,
    });
    expect(markdown.split('\n')[0]).toBe('This change will create 2 issues and close 1.');
    expect(markdown).toContain(`- Close #${gh.issue('A-2')!.number} (A-2): &quot;A-2&quot; is no longer in ROADMAP.md`);
    expect(gh.readOnlySince(before)).toBe(true);
  });
});
