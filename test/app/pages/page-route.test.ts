// The readiness page the App serves at /{owner}/{repo}, against a nock GitHub: what it shows from
// the digests, pull requests and milestones, that every name and message is text, and every way
// there is nothing to show.
import { describe, expect, it } from 'vitest';
import { signRepoToken } from '../../../src/app/pages/token.js';
import { pageReport } from '../../core/render/page-fixtures.js';
import { SECRET, fakeRepo, get, rawGet, servedEachTest, serve } from './pages-harness.js';
import { TREND, XSS, pageRepo } from './page-scenario.js';

const HTML = 'text/html; charset=utf-8';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

const app = servedEachTest();

const attrs = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]);

describe('the readiness page', () => {
  it('shows the default branch: levels, gates, the trend per commit, pull requests and milestones', async () => {
    const scope = pageRepo();
    const res = await get(`${app.url}/acme/widgets`);
    expect(scope.isDone()).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(HTML);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = res.body;
    expect(html).toContain('<h1>Readiness of acme/widgets</h1>');
    expect(html).toMatch(/Level reached: <strong>beta<\/strong>.*Required: <strong>production<\/strong>/);
    expect(html).toMatch(/<tr class="failing" data-gate="coverage.lines" data-status="fail">/);
    expect(attrs(html, /data-series="coverage"[^>]*data-commit="([0-9a-f]+)"/g)).toEqual(TREND);
    expect(html).toContain('for commit <code>1111111</code> on <code>main</code>');
    expect(html).toMatch(/#12<\/a><\/th><td>[^<]+<\/td><td><span class="status fail">✗ not ready/);
    expect(html).toMatch(
      /#13<\/a><\/th><td>Docs<\/td><td><span class="status pass">✓ ready<\/span><\/td><td>production/,
    );
    expect(html).toMatch(/#14<\/a><\/th><td>WIP<\/td><td><span class="status skip">– pending/);
    expect(html).toMatch(/#15<\/a><\/th><td>No report<\/td><td><span class="status skip">– pending/);
    expect(html).toMatch(/#16<\/a><\/th><td>Warn mode<\/td><td><span class="status warn">! warn<\/span><\/td><td>–/);
    // Milestones from GitHub, in due order; the first is past its due date and not done.
    expect(html).toMatch(/<tr class="failing"><th scope="row">[^<]+<\/th><td>2026-11-30<\/td><td class="num">3\/7/);
    expect(html).toMatch(/Milestone 2<\/th><td>2027-03-01<\/td><td class="num">1\/2/);
  });

  it('writes repository names, gate messages, pull request and milestone titles as text', async () => {
    pageRepo({ fullName: XSS });
    const html = (await get(`${app.url}/acme/widgets`)).body;
    expect(html).not.toContain('<img');
    expect(html).toContain(`<h1>Readiness of ${ESCAPED}</h1>`);
    expect(html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(5); // title, h1, gate, pull request, milestone
  });

  it("shows the digest's milestones when the repository has none on GitHub", async () => {
    pageRepo({ milestones: [] });
    const html = (await get(`${app.url}/acme/widgets`)).body;
    expect(html).toMatch(/Milestone 1<\/th><td>2026-11-30<\/td><td class="num">3\/7/);
  });

  it('answers 304 to its ETag without asking GitHub again, and reads ?branch=', async () => {
    const scope = pageRepo({ branch: 'release/2' });
    const first = await get(`${app.url}/acme/widgets?branch=release/2`);
    expect(first.body).toContain('on <code>release/2</code>');
    const again = await get(`${app.url}/acme/widgets?branch=release/2`, {
      'if-none-match': first.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(scope.isDone()).toBe(true);
  });

  it('a private repository is shown with its token, cached privately', async () => {
    const scope = pageRepo({ private: true });
    const token = signRepoToken(SECRET, { owner: 'acme', repo: 'widgets' });
    const res = await get(`${app.url}/acme/widgets?token=${token}`);
    expect(scope.isDone()).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
  });
});

describe('nothing to show', () => {
  it('not installed, or private without a token: the same 404 page, which says neither which', async () => {
    fakeRepo({ installed: false });
    const missing = await get(`${app.url}/acme/widgets`);
    const other = await serve();
    const scope = fakeRepo({ private: true });
    const hidden = await get(`${other.url}/acme/widgets`);
    await other.close();
    expect(scope.isDone()).toBe(true);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe(HTML);
    expect(missing.headers.get('cache-control')).toBe('public, max-age=60');
    expect(missing.body).toContain('the App is not installed there, or the repository is private');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toBe(missing.body);
  });

  it('no digest on the last 20 commits yet: a 404 page that says so', async () => {
    const scope = fakeRepo({ commits: [{ n: 1, running: true }, { n: 2 }], pulls: [], milestones: [] });
    const res = await get(`${app.url}/acme/widgets`);
    expect(scope.isDone()).toBe(true);
    expect(res.status).toBe(404);
    expect(res.body).toContain('None of the last 20 commits on main has a completed readygate check run');
  });

  it('GitHub failing: 502, not cached', async () => {
    fakeRepo({ commitsStatus: 500 });
    const res = await get(`${app.url}/acme/widgets`);
    expect(res.status).toBe(502);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toContain('could not read this repository from GitHub');
  });

  it('a bad branch is 400, and names that are not GitHub names are not a route, before any GitHub call', async () => {
    const bad = await get(`${app.url}/acme/widgets?branch=-x`);
    expect(bad.status).toBe(400);
    for (const path of ['/acme/wid%20gets', '/%2e%2e/widgets', '/acme/..', '/acme/<script>'])
      expect(await rawGet(app.url, path)).toEqual({ status: 404, body: 'not handled' });
  });

  it('a report whose text is plain stays plain: the page is built from the digest alone', async () => {
    fakeRepo({ commits: [{ n: 1, report: pageReport() }], pulls: [], milestones: [] });
    const html = (await get(`${app.url}/acme/widgets`)).body;
    expect(attrs(html, /data-series="coverage"[^>]*data-commit="([0-9a-f]+)"/g)).toEqual(['1111111']);
    expect(html).not.toContain('id="pulls"');
  });
});
