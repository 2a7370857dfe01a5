// The App's badges when there is nothing to show, or nothing to ask GitHub: a grey "unknown" with
// 200 (never a broken image), the same for a private repository as for one the App is not on;
// tokens; 400s and 404s that reach no GitHub; ETag and 304; HEAD; the cache and its lifetime.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { badgeSvg, unknownBadge } from '../../../src/core/render/badge.js';
import { signRepoToken } from '../../../src/app/pages/token.js';
import { pageReport } from '../../core/render/page-fixtures.js';
import { API, REPO_PATH, SECRET, fakeRepo, get, rawGet, servedEachTest, published, serve } from './pages-harness.js';

const UNKNOWN_SVG = badgeSvg(unknownBadge());
const TOKEN = signRepoToken(SECRET, { owner: 'acme', repo: 'widgets' });

const app = servedEachTest();

describe('nothing to show: a grey "unknown" with 200', () => {
  it.each([
    ['the App is not installed (or the repository does not exist)', () => fakeRepo({ installed: false })],
    ['the repository is private and the URL has no token', () => fakeRepo({ private: true })],
    [
      'no run with a digest on the last 5 commits',
      () => fakeRepo({ commits: [1, 2, 3, 4, 5, 6].map((n) => ({ n })), runsOf: [1, 2, 3, 4, 5] }),
    ],
    ['the branch does not exist', () => fakeRepo({ commitsStatus: 404 })],
    ['the repository is empty', () => fakeRepo({ commitsStatus: 409 })],
  ])('when %s', async (_, setup) => {
    const scope = setup();
    const res = await get(`${app.url}/badges/acme/widgets.svg`);
    expect(scope.isDone()).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.body).toBe(UNKNOWN_SVG);
    expect(res.body).toContain('aria-label="readygate: unknown"');
  });

  it('a signal badge without data is grey and keeps its label', async () => {
    fakeRepo({ installed: false });
    const res = await get(`${app.url}/badges/acme/widgets.json?signal=coverage`);
    expect(JSON.parse(res.body)).toStrictEqual({
      schemaVersion: 1,
      label: 'coverage',
      message: 'unknown',
      color: 'lightgrey',
    });
  });

  it('when GitHub fails: grey, cached for a minute only, and GitHub is asked again next time', async () => {
    fakeRepo({ commitsStatus: 500 });
    const res = await get(`${app.url}/badges/acme/widgets.svg`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(UNKNOWN_SVG);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const scope = nock(API).get(`${REPO_PATH}/commits`).query(true).reply(200, []);
    await get(`${app.url}/badges/acme/widgets.svg`);
    expect(scope.isDone()).toBe(true);
  });
});

describe('private repositories and tokens', () => {
  it('a token signed for the repository shows its badge, cached privately', async () => {
    const scope = published({ private: true });
    const res = await get(`${app.url}/badges/acme/widgets.json?token=${TOKEN}`);
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(res.body).message).toBe('beta');
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
  });

  it('is signed for the lowercased owner/name (GitHub names are case-insensitive)', () => {
    expect(signRepoToken(SECRET, { owner: 'ACME', repo: 'Widgets' })).toBe(TOKEN);
    // What docs/app.md tells an operator to run, written by OpenSSL 3.0.19:
    // printf %s acme/widgets | openssl dgst -sha256 -hmac 'a-badge-secret-of-at-least-32-characters!'
    expect(TOKEN).toBe('8fbe9a01196efffc57e4aab36f1af76ea36daa071f2e1b02e0566161108cbf8f');
  });

  it.each([
    ['for another repository', signRepoToken(SECRET, { owner: 'acme', repo: 'gadgets' })],
    [
      'with another secret (rotated)',
      signRepoToken('another-secret-of-at-least-32-characters', { owner: 'acme', repo: 'widgets' }),
    ],
    ['truncated', TOKEN.slice(0, 63)],
    ['not hex', 'z'.repeat(64)],
  ])('a token %s is no token: the same grey badge as for a repository the App is not on', async (_, token) => {
    const scope = fakeRepo({ private: true });
    const res = await get(`${app.url}/badges/acme/widgets.svg?token=${token}`);
    expect(scope.isDone()).toBe(true);
    const notInstalled = await serve();
    fakeRepo({ installed: false });
    const other = await get(`${notInstalled.url}/badges/acme/widgets.svg`);
    await notInstalled.close();
    expect(res.body).toBe(other.body);
    expect(res.headers.get('etag')).toBe(other.headers.get('etag'));
    expect(res.headers.get('cache-control')).toBe(other.headers.get('cache-control'));
  });

  it('without BADGE_SECRET no token opens a private repository', async () => {
    const open = await serve({ secret: undefined });
    const scope = fakeRepo({ private: true });
    const res = await get(`${open.url}/badges/acme/widgets.json?token=${TOKEN}`);
    await open.close();
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(res.body).message).toBe('unknown');
  });
});

describe('requests that never reach GitHub', () => {
  it.each([
    ['?signal=speed', 400, /signal must be one of level, coverage, tests, audit, lint, roadmap/],
    ['?style=round', 400, /style must be one of flat, flat-square, plastic, for-the-badge, social/],
    ['?branch=../main', 400, /branch is not a branch name/],
    ['?branch=a//b', 400, /branch is not a branch name/],
    ['?branch=main.lock', 400, /branch is not a branch name/],
  ])('%s is %i', async (query, status, body) => {
    const res = await get(`${app.url}/badges/acme/widgets.svg${query}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatch(body);
  });

  it.each([
    '/badges/acme/..%2F..%2Fetc.svg',
    '/badges/%2e%2e/widgets.svg',
    '/badges/acme/wid%20gets.svg',
    '/badges/-acme/widgets.svg',
    '/badges/acme/...svg',
    '/badges/acme/<img>.json',
    `/badges/${'a'.repeat(40)}/widgets.svg`,
  ])('bad names (%s) are 404', async (path) => {
    const res = await rawGet(app.url, path);
    expect(res.status).toBe(404);
    expect(res.body).toBe('Not Found\n');
  });

  it.each(['/badges/../../etc/passwd.svg', '/badges/acme/widgets/x.svg', '/badges/acme/widgets.png'])(
    '%s is not a route',
    async (path) => {
      const res = await rawGet(app.url, path);
      expect(res.status).toBe(404);
      expect(res.body).toBe('not handled');
    },
  );

  it('POST is not a route', async () => {
    expect((await get(`${app.url}/badges/acme/widgets.svg`, {}, 'POST')).body).toBe('not handled');
  });
});

describe('caching', () => {
  it('answers 304 to If-None-Match with the ETag, from the cache, and HEAD with headers only', async () => {
    const scope = published();
    const first = await get(`${app.url}/badges/acme/widgets.svg`);
    const etag = first.headers.get('etag')!;
    const again = await get(`${app.url}/badges/acme/widgets.svg`, { 'if-none-match': `W/"x", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
    const head = await get(`${app.url}/badges/acme/widgets.svg`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(first.body)));
    const changed = await get(`${app.url}/badges/acme/widgets.svg`, { 'if-none-match': '"stale"' });
    expect(changed.status).toBe(200);
    expect(changed.body).toBe(first.body);
    expect(scope.isDone()).toBe(true); // one set of GitHub reads for four requests
  });

  it('asks GitHub again once five minutes have passed', async () => {
    published();
    expect(JSON.parse((await get(`${app.url}/badges/acme/widgets.json`)).body).message).toBe('beta');
    app.clock.now += 5 * 60_000 + 1;
    const scope = fakeRepo({
      commits: [{ n: 3, report: { ...pageReport(), level: 'production' } }],
      tokenCached: true,
    });
    expect(JSON.parse((await get(`${app.url}/badges/acme/widgets.json`)).body).message).toBe('production');
    expect(scope.isDone()).toBe(true);
  });
});
