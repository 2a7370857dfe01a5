import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { commentMarker, upsertStickyComment } from '../../src/github/comment.js';
import { API, REPO, testOctokit } from './helpers.js';

const MARKER = commentMarker('readygate');

describe('upsertStickyComment', () => {
  it('creates the comment once, then updates it in place', async () => {
    const octokit = testOctokit();
    const created = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 1, body: 'LGTM' }])
      .post('/repos/acme/widgets/issues/5/comments', { body: `first\n${MARKER}` })
      .reply(201, { id: 99, html_url: 'https://github.com/c/99' });
    expect(await upsertStickyComment(octokit, REPO, 5, 'readygate', 'first')).toEqual({ action: 'created', id: 99, url: 'https://github.com/c/99' });
    expect(created.isDone()).toBe(true);

    const updated = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 1, body: 'LGTM' }], { link: `<${API}/repos/acme/widgets/issues/5/comments?per_page=100&page=2>; rel="next"` })
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100', page: '2' })
      .reply(200, [{ id: 99, body: `first\n${MARKER}` }])
      .patch('/repos/acme/widgets/issues/comments/99', { body: `second\n${MARKER}` })
      .reply(200, { id: 99, html_url: 'https://github.com/c/99' });
    expect((await upsertStickyComment(octokit, REPO, 5, 'readygate', 'second')).action).toBe('updated');
    expect(updated.isDone()).toBe(true);
  });

  it('does not touch another check name\'s comment', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 3, body: `x\n${commentMarker('readygate-api')}` }])
      .post('/repos/acme/widgets/issues/5/comments')
      .reply(201, { id: 4, html_url: 'u' });
    expect((await upsertStickyComment(testOctokit(), REPO, 5, 'readygate', 'body')).action).toBe('created');
    expect(scope.isDone()).toBe(true);
  });
});
