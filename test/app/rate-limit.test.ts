// Secondary rate limits are waited out (retry-after) and retried, a bounded number of times, with
// the App's own Octokit class (src/app/octokit.ts); waits are scaled to milliseconds here.
import Bottleneck from 'bottleneck';
import { describe, expect, it } from 'vitest';
import { appOctokit } from '../../src/app/octokit.js';
import { APP, REPO_PATH, SHA, STRICT, example, ownRuns, policyReply, testProbot, tokenScope } from './harness.js';

const SECONDARY = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
};
const unspaced = () => new Bottleneck.Group({ minTime: 0, maxConcurrent: 10 });
const Octokit = (maxRetries: number) =>
  appOctokit({ maxRetries, retryAfterBaseValue: 1, groups: { write: unspaced(), notifications: unspaced() } });

function opened() {
  const payload = example('pull_request', 'opened');
  payload.pull_request.head.sha = SHA;
  payload.pull_request.base.ref = 'main';
  return payload;
}

const upToCreate = () =>
  ownRuns(tokenScope())
    .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
    .query(true)
    .reply(200, policyReply(STRICT));

describe('secondary rate limits', () => {
  it('a 403 secondary limit with retry-after is waited out and the request retried', async () => {
    let posts = 0;
    const scope = upToCreate()
      .post(`${REPO_PATH}/check-runs`, () => (posts++, true))
      .reply(403, SECONDARY, { 'retry-after': '2' })
      .post(`${REPO_PATH}/check-runs`, () => (posts++, true))
      .reply(201, { id: 11, html_url: 'u', app: APP });
    const probot = await testProbot(Octokit(3));
    await probot.receive({ id: 'secondary-once', name: 'pull_request', payload: opened() } as never);
    expect(scope.isDone()).toBe(true);
    expect(posts).toBe(2);
  });

  it('gives up after the configured retries and the delivery fails with the reason', async () => {
    const scope = upToCreate().post(`${REPO_PATH}/check-runs`).times(2).reply(403, SECONDARY, { 'retry-after': '1' });
    const probot = await testProbot(Octokit(1));
    await expect(
      probot.receive({ id: 'secondary-always', name: 'pull_request', payload: opened() } as never),
    ).rejects.toThrow(/secondary rate limit/);
    expect(scope.isDone()).toBe(true);
  });
});
