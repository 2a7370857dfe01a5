import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { commitRangeChanges, pullRequestChanges } from '../../src/github/pr-files.js';
import { API, REPO, testOctokit } from './helpers.js';

describe('pullRequestChanges', () => {
  it('reads added lines from every page of the files list', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/pulls/5/files')
      .query({ per_page: '100' })
      .reply(
        200,
        [
          {
            filename: 'src/a.ts',
            status: 'modified',
            additions: 2,
            patch: '@@ -1,2 +1,3 @@\n line1\n+added2\n+added3\n line4',
          },
        ],
        {
          link: `<${API}/repos/acme/widgets/pulls/5/files?per_page=100&page=2>; rel="next"`,
        },
      )
      .get('/repos/acme/widgets/pulls/5/files')
      .query({ per_page: '100', page: '2' })
      .reply(200, [
        {
          filename: 'src/new.ts',
          previous_filename: 'src/old.ts',
          status: 'renamed',
          additions: 1,
          patch: '@@ -0,0 +1 @@\n+x',
        },
        { filename: 'img.png', status: 'added', additions: 0 },
        { filename: 'big.json', status: 'modified', additions: 9000 },
        { filename: 'gone.ts', status: 'removed', additions: 0 },
      ]);
    const changes = await pullRequestChanges(testOctokit(), REPO, 5);
    expect(scope.isDone()).toBe(true);
    expect(Object.fromEntries(changes.added)).toEqual({ 'src/a.ts': [2, 3], 'src/new.ts': [1] });
    expect([...changes.paths].sort()).toEqual([
      'big.json',
      'gone.ts',
      'img.png',
      'src/a.ts',
      'src/new.ts',
      'src/old.ts',
    ]);
    expect(changes.notices).toEqual([
      'GitHub sent no diff for 1 changed file(s) (binary or too large), so patch coverage leaves them out: big.json',
    ]);
  });
});

describe('commitRangeChanges', () => {
  const BASE = 'a'.repeat(40);
  const HEAD = 'b'.repeat(40);

  it('reads added lines from the compare API and says when GitHub cut the list at 300 files', async () => {
    const files = Array.from({ length: 300 }, (_, i) => ({
      filename: `src/f${i}.ts`,
      status: 'modified',
      additions: 1,
      patch: '@@ -1 +1,2 @@\n x\n+y',
    }));
    const scope = nock(API).get(`/repos/acme/widgets/compare/${BASE}...${HEAD}`).reply(200, { files });
    const changes = await commitRangeChanges(testOctokit(), REPO, BASE, HEAD);
    expect(scope.isDone()).toBe(true);
    if ('notice' in changes) throw new Error(changes.notice);
    expect(changes.added.size).toBe(300);
    expect(changes.added.get('src/f0.ts')).toEqual([2]);
    expect(changes.notices).toEqual([
      'the change touches 300 files or more: GitHub compares only the first 300, so patch coverage is partial',
    ]);
  });

  it('a range GitHub cannot compare gives a notice; other failures name the step', async () => {
    nock(API).get(`/repos/acme/widgets/compare/${BASE}...${HEAD}`).reply(404, { message: 'Not Found' });
    expect(await commitRangeChanges(testOctokit(), REPO, BASE, HEAD)).toEqual({
      notice: expect.stringMatching(
        /^GitHub cannot compare aaaaaaa\.\.\.bbbbbbb, so this run measures no patch coverage/,
      ),
    });
    nock(API).get(`/repos/acme/widgets/compare/${BASE}...${HEAD}`).reply(400, { message: 'Bad request' });
    await expect(commitRangeChanges(testOctokit(), REPO, BASE, HEAD)).rejects.toThrow(
      /GitHub API error while comparing aaaaaaa\.\.\.bbbbbbb \(HTTP 400\)/,
    );
  });
});
