import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { pullRequestChanges } from '../../src/github/pr-files.js';
import { API, REPO, testOctokit } from './helpers.js';

describe('pullRequestChanges', () => {
  it('reads added lines from every page of the files list', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/pulls/5/files')
      .query({ per_page: '100' })
      .reply(200, [{ filename: 'src/a.ts', status: 'modified', additions: 2, patch: '@@ -1,2 +1,3 @@\n line1\n+added2\n+added3\n line4' }], {
        link: `<${API}/repos/acme/widgets/pulls/5/files?per_page=100&page=2>; rel="next"`,
      })
      .get('/repos/acme/widgets/pulls/5/files')
      .query({ per_page: '100', page: '2' })
      .reply(200, [
        { filename: 'src/new.ts', previous_filename: 'src/old.ts', status: 'renamed', additions: 1, patch: '@@ -0,0 +1 @@\n+x' },
        { filename: 'img.png', status: 'added', additions: 0 },
        { filename: 'big.json', status: 'modified', additions: 9000 },
        { filename: 'gone.ts', status: 'removed', additions: 0 },
      ]);
    const changes = await pullRequestChanges(testOctokit(), REPO, 5);
    expect(scope.isDone()).toBe(true);
    expect(Object.fromEntries(changes.added)).toEqual({ 'src/a.ts': [2, 3], 'src/new.ts': [1] });
    expect([...changes.paths].sort()).toEqual(['big.json', 'gone.ts', 'img.png', 'src/a.ts', 'src/new.ts', 'src/old.ts']);
    expect(changes.notices).toEqual(['GitHub sent no diff for 1 changed file(s) (binary or too large), so patch coverage leaves them out: big.json']);
  });
});
