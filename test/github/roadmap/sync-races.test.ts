// Two syncs at once add the same sub-issues and "blocked by" relations; GitHub answers the second
// add 422. The sync reads the relation back: there, the add is done (no stand-in, no warning).
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { sync } from './helpers.js';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const PLAN = '# Plan\n\n- [ ] 1. Build the parser\n  - [ ] 1.1 Lexer\n- [ ] 2. Ship\n  **Dependency:** 1\n';

/** Makes every relation write find its relation already made, as when another sync won the race. */
function otherSyncFirst(gh: FakeGitHub, parentFor?: () => number) {
  gh.beforeWrite = (method, path, body) => {
    const m = /\/issues\/(\d+)\/(sub_issues|dependencies\/blocked_by)$/.exec(path);
    if (method !== 'POST' || !m) return;
    const issue = gh.issues.find((i) => i.number === Number(m[1]))!;
    if (m[2] === 'sub_issues') {
      const child = gh.issues.find((i) => i.id === body.sub_issue_id)!;
      child.parent_issue_url = `${gh.api}${gh.repo}/issues/${parentFor?.() ?? issue.number}`;
    } else if (!issue.blocked_by.includes(Number(body.issue_id))) {
      issue.blocked_by.push(Number(body.issue_id));
      issue.issue_dependencies_summary.total_blocked_by = issue.blocked_by.length;
    }
  };
}

describe('relations another sync added first (422)', () => {
  it('are done: read back once each, no body stand-in, no warning, and the next sync writes nothing', async () => {
    const gh = new FakeGitHub();
    otherSyncFirst(gh);
    const { result } = await sync(PLAN);
    expect(result!.warnings).toEqual([]);
    const [parser, lexer, ship] = [gh.issue('1')!, gh.issue('1.1')!, gh.issue('2')!];
    expect(lexer.parent_issue_url).toBe(`${gh.api}${gh.repo}/issues/${parser.number}`);
    expect(ship.blocked_by).toEqual([parser.id]);
    expect(gh.issues.every((i) => !/subs=body|deps=body/.test(i.body))).toBe(true);
    const relations = gh.requests.filter((r) => /\/(sub_issues|blocked_by|issues\/\d+)(\?|$)/.test(r.path));
    expect(relations.map((r) => [r.method, r.path, r.status ?? null])).toEqual([
      ['POST', `${gh.repo}/issues/${parser.number}/sub_issues`, null],
      ['GET', `${gh.repo}/issues/${lexer.number}`, 200],
      ['POST', `${gh.repo}/issues/${ship.number}/dependencies/blocked_by`, null],
      ['GET', `${gh.repo}/issues/${ship.number}/dependencies/blocked_by?per_page=100`, 200],
    ]);
    gh.beforeWrite = undefined;
    const before = gh.requests.length;
    expect((await sync(PLAN)).plan.ops).toEqual([]);
    expect(gh.readOnlySince(before)).toBe(true);
  });

  it('a sub-issue the other sync put under another parent is left there, with a warning', async () => {
    const gh = new FakeGitHub();
    otherSyncFirst(gh, () => gh.issue('2')!.number);
    const { result } = await sync(PLAN);
    const [lexer, ship] = [gh.issue('1.1')!, gh.issue('2')!];
    expect(result!.warnings).toEqual([
      `#${lexer.number} (1.1) is a sub-issue of #${ship.number} on GitHub, not of 1: left as it is`,
    ]);
  });

  it('a 422 whose relation is not there afterwards is no race: the dependency falls back to body lines as before', async () => {
    const gh = new FakeGitHub();
    gh.unprocessableDependencies = true;
    const { result } = await sync(PLAN);
    const ship = gh.issue('2')!;
    expect(result!.warnings).toEqual([
      `the dependencies API refused #${ship.number} (422): "Blocked by" lines in its body stand in`,
    ]);
    expect(ship.body).toContain(`Blocked by #${gh.issue('1')!.number}`);
  });
});
