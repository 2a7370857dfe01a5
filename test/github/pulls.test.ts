import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { findPullRequest } from '../../src/github/pulls.js';
import { API, BASE_SHA, REPO, SHA, testOctokit } from './helpers.js';

const pull = (number: number, repo: string, sha: string) => ({
  number,
  head: { sha, repo: { full_name: repo } },
  base: { sha: BASE_SHA, ref: 'main' },
});

describe('findPullRequest', () => {
  it('matches head repository and head SHA, not just the branch name', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/pulls')
      .query({ state: 'open', head: 'forker:feature', per_page: '100' })
      .reply(200, [
        pull(3, 'forker/other-fork-name', SHA),
        pull(4, 'forker/widgets', 'c'.repeat(40)),
        pull(5, 'forker/widgets', SHA),
      ]);
    expect(
      await findPullRequest(testOctokit(), REPO, { headRepo: 'forker/widgets', headBranch: 'feature', headSha: SHA }),
    ).toEqual({
      number: 5,
      baseSha: BASE_SHA,
      baseRef: 'main',
      headSha: SHA,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('finds none when the pull request has moved on to another head', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/pulls')
      .query(true)
      .reply(200, [pull(5, 'forker/widgets', 'c'.repeat(40))]);
    expect(
      await findPullRequest(testOctokit(), REPO, { headRepo: 'forker/widgets', headBranch: 'feature', headSha: SHA }),
    ).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });
});
