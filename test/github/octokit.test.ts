import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/octokit.js';
import { isPermissionDenied } from '../../src/github/errors.js';
import { API, testOctokit } from './helpers.js';

describe('createOctokit', () => {
  it('waits out a secondary rate limit (retry-after) and retries the request', async () => {
    const scope = nock(API)
      .post('/repos/acme/widgets/issues/1/comments', { body: 'hi' })
      .reply(
        403,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
        { 'retry-after': '2' },
      )
      .post('/repos/acme/widgets/issues/1/comments', { body: 'hi' })
      .reply(201, { id: 1 });
    const { data } = await testOctokit().rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 1,
      body: 'hi',
    });
    expect(data).toEqual({ id: 1 });
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry a permission 403, and classifies it as read-only', async () => {
    const scope = nock(API)
      .post('/repos/acme/widgets/check-runs')
      .once()
      .reply(403, { message: 'Resource not accessible by integration' });
    const error: unknown = await testOctokit()
      .rest.checks.create({ owner: 'acme', repo: 'widgets', name: 'readygate', head_sha: 'a'.repeat(40) })
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(isPermissionDenied(error)).toBe(true);
  });

  it('retries a server error', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets')
      .reply(502, 'bad gateway')
      .get('/repos/acme/widgets')
      .reply(200, { id: 3 });
    const { data } = await testOctokit().rest.repos.get({ owner: 'acme', repo: 'widgets' });
    expect(data).toEqual({ id: 3 });
    expect(scope.isDone()).toBe(true);
  });

  it('sends every call to GITHUB_API_URL on Enterprise Server', async () => {
    const ghes = 'https://ghe.example.com/api/v3';
    const scope = nock('https://ghe.example.com')
      .get('/api/v3/repos/acme/widgets')
      .matchHeader('authorization', 'token secret')
      .reply(200, { id: 1 });
    const octokit = createOctokit({
      token: 'secret',
      baseUrl: `${ghes}/`,
      fetch: globalThis.fetch,
      tuning: { writeMinTimeMs: 0 },
    });
    await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' });
    expect(scope.isDone()).toBe(true);
  });
});
