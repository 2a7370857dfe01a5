import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { commentMarker, upsertStickyComment } from '../../src/github/comment.js';
import { tokenLogin } from '../../src/github/identity.js';
import { ACTIONS_APP, ACTIONS_BOT, API, REPO, testOctokit } from './helpers.js';

const MARKER = commentMarker('readygate');
const BOT = ACTIONS_BOT.login;
const human = { login: 'mallory', type: 'User' };
const sticky = (body: string, ...author: [string | undefined] | []) => ({
  issueNumber: 5,
  checkName: 'readygate',
  body,
  author: author.length ? author[0] : BOT,
});

describe('upsertStickyComment', () => {
  it('creates the comment once, then updates it in place', async () => {
    const octokit = testOctokit();
    const created = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 1, body: 'LGTM', user: human }])
      .post('/repos/acme/widgets/issues/5/comments', { body: `first\n${MARKER}` })
      .reply(201, { id: 99, html_url: 'https://github.com/c/99' });
    expect(await upsertStickyComment(octokit, REPO, sticky('first'))).toEqual({
      action: 'created',
      id: 99,
      url: 'https://github.com/c/99',
      ignored: 0,
    });
    expect(created.isDone()).toBe(true);

    const updated = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 1, body: 'LGTM', user: human }], {
        link: `<${API}/repos/acme/widgets/issues/5/comments?per_page=100&page=2>; rel="next"`,
      })
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100', page: '2' })
      .reply(200, [{ id: 99, body: `first\n${MARKER}`, user: ACTIONS_BOT }])
      .patch('/repos/acme/widgets/issues/comments/99', { body: `second\n${MARKER}` })
      .reply(200, { id: 99, html_url: 'https://github.com/c/99' });
    expect((await upsertStickyComment(octokit, REPO, sticky('second'))).action).toBe('updated');
    expect(updated.isDone()).toBe(true);
  });

  it('never edits a comment a person pasted the marker into; edits its own one beside it', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query(true)
      .reply(200, [
        { id: 10, body: `pwned\n${MARKER}`, user: human },
        { id: 11, body: `old\n${MARKER}`, user: ACTIONS_BOT },
      ])
      .patch('/repos/acme/widgets/issues/comments/11', { body: `new\n${MARKER}` })
      .reply(200, { id: 11, html_url: 'u' });
    expect(await upsertStickyComment(testOctokit(), REPO, sticky('new'))).toEqual({
      action: 'updated',
      id: 11,
      url: 'u',
      ignored: 1,
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ["only a person's marked comment exists", BOT, [{ id: 10, body: `x\n${MARKER}`, user: human }]],
    [
      'another app wrote the marked comment',
      BOT,
      [{ id: 12, body: `x\n${MARKER}`, user: { login: 'other-app[bot]', type: 'Bot' } }],
    ],
    ["the token's account is unknown", undefined, [{ id: 11, body: `x\n${MARKER}`, user: ACTIONS_BOT }]],
  ])('creates a new comment when %s', async (_, author, comments) => {
    const scope = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query(true)
      .reply(200, comments)
      .post('/repos/acme/widgets/issues/5/comments', { body: `body\n${MARKER}` })
      .reply(201, { id: 100, html_url: 'u' });
    expect(await upsertStickyComment(testOctokit(), REPO, sticky('body', author))).toEqual({
      action: 'created',
      id: 100,
      url: 'u',
      ignored: 1,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('takes a comment for its own only when the marker ends it, not when the marker is quoted inside', async () => {
    // Comment 100 is another readygate check's, quoting this check's marker in a test's output.
    const scope = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [
        { id: 100, body: `failure:\n\`\`\`\n${MARKER}\n\`\`\`\n${commentMarker('readygate-unit')}`, user: ACTIONS_BOT },
        { id: 200, body: `old\n${MARKER}\n`, user: ACTIONS_BOT },
      ])
      .patch('/repos/acme/widgets/issues/comments/200')
      .reply(200, { id: 200, html_url: 'u' });
    expect(await upsertStickyComment(testOctokit(), REPO, sticky('new'))).toEqual({
      action: 'updated',
      id: 200,
      url: 'u',
      ignored: 0,
    });
    expect(scope.isDone()).toBe(true);
  });

  it("does not touch another check name's comment", async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 3, body: `x\n${commentMarker('readygate-api')}`, user: ACTIONS_BOT }])
      .post('/repos/acme/widgets/issues/5/comments')
      .reply(201, { id: 4, html_url: 'u' });
    expect((await upsertStickyComment(testOctokit(), REPO, sticky('body'))).action).toBe('created');
    expect(scope.isDone()).toBe(true);
  });
});

describe('tokenLogin', () => {
  it('is the bot of the app that made the check run, with no request', async () => {
    expect(await tokenLogin(testOctokit(), ACTIONS_APP)).toBe('github-actions[bot]');
    expect(await tokenLogin(testOctokit(), { id: 9, slug: 'readygate' })).toBe('readygate[bot]');
  });

  it('asks the GraphQL viewer when no app is known (any kind of token, one request)', async () => {
    const scope = nock(API)
      .post('/graphql')
      .reply(200, { data: { viewer: { login: 'readygate[bot]' } } });
    expect(await tokenLogin(testOctokit())).toBe('readygate[bot]');
    expect(scope.isDone()).toBe(true);
  });

  it('asks GET /user when GraphQL is refused', async () => {
    const scope = nock(API)
      .post('/graphql')
      .reply(404, { message: 'Not Found' })
      .get('/user')
      .reply(200, { login: 'release-bot-user', type: 'User' });
    expect(await tokenLogin(testOctokit())).toBe('release-bot-user');
    expect(scope.isDone()).toBe(true);
  });

  it('is unknown when GitHub names no account', async () => {
    const scope = nock(API)
      .post('/graphql')
      .reply(200, { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] })
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' });
    expect(await tokenLogin(testOctokit())).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it('says which step failed when the token is refused outright', async () => {
    nock(API).post('/graphql').reply(500, { message: 'boom' });
    await expect(tokenLogin(testOctokit())).rejects.toThrow(/finding which account the token acts as/);
  });
});
