// The App's badges over HTTP against a nock GitHub: every variant (level and each signal, SVG and
// shields.io JSON, every style, ?branch=) and every way there is nothing to show.
import { describe, expect, it } from 'vitest';
import { BADGE_STYLES, badgeSvg, levelBadge } from '../../../src/core/render/badge.js';
import { pageReport } from '../../core/render/page-fixtures.js';
import { fakeRepo, get, run, sha, servedEachTest, published, serve } from './pages-harness.js';

const SVG = 'image/svg+xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const PUBLIC = 'public, max-age=300';

const app = servedEachTest();

describe('the level badge', () => {
  it('is the level reached on the default branch, coloured by level, as SVG with cache headers and an ETag', async () => {
    const scope = published();
    const res = await get(`${app.url}/badges/acme/widgets.svg`);
    expect(scope.isDone()).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(SVG);
    expect(res.headers.get('cache-control')).toBe(PUBLIC);
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.body).toBe(badgeSvg({ label: 'readygate', message: 'beta', color: 'orange' }));
    expect(res.body).toContain('<title>readygate: beta</title>');
    expect(levelBadge(pageReport()).color).toBe('orange'); // beta reached, production required
  });

  it('as shields.io endpoint JSON has exactly schemaVersion, label, message and color', async () => {
    const scope = published();
    const res = await get(`${app.url}/badges/acme/widgets.json`);
    expect(scope.isDone()).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    expect(res.headers.get('cache-control')).toBe(PUBLIC);
    expect(JSON.parse(res.body)).toStrictEqual({
      schemaVersion: 1,
      label: 'readygate',
      message: 'beta',
      color: 'orange',
    });
    expect(Object.keys(JSON.parse(res.body))).toEqual(['schemaVersion', 'label', 'message', 'color']);
  });

  it('is green at the required level and red when no level is reached', async () => {
    fakeRepo({ commits: [{ n: 1, report: { ...pageReport(), verdict: 'pass', required: 'beta' } }], runsOf: [1] });
    expect(JSON.parse((await get(`${app.url}/badges/acme/widgets.json`)).body)).toMatchObject({ color: 'green' });
    const other = await serve();
    fakeRepo({ commits: [{ n: 1, report: { ...pageReport(), level: null } }], runsOf: [1] });
    expect(JSON.parse((await get(`${other.url}/badges/acme/widgets.json`)).body)).toMatchObject({
      message: 'not ready',
      color: 'red',
    });
    await other.close();
  });
});

describe('signal badges', () => {
  it.each([
    ['coverage', '84.2%', 'red'],
    ['tests', '732/732', 'blue'],
    ['audit', '0 critical, 1 moderate', 'red'],
    ['lint', '0 errors, 4 warnings', 'brightgreen'],
    ['roadmap', 'Milestone 1: 3/7', 'red'],
  ])('?signal=%s says "%s" (%s), in SVG and JSON', async (signal, message, color) => {
    const scope = published();
    const json = await get(`${app.url}/badges/acme/widgets.json?signal=${signal}`);
    const svg = await get(`${app.url}/badges/acme/widgets.svg?signal=${signal}`); // from the cache
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(json.body)).toStrictEqual({ schemaVersion: 1, label: signal, message, color });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe(SVG);
    expect(svg.body).toBe(badgeSvg({ label: signal, message, color }));
  });

  it('?signal=level is the level badge', async () => {
    published();
    expect(JSON.parse((await get(`${app.url}/badges/acme/widgets.json?signal=level`)).body).message).toBe('beta');
  });
});

describe('styles and branches', () => {
  it.each(BADGE_STYLES)('?style=%s draws that badge-maker style', async (style) => {
    published();
    const res = await get(`${app.url}/badges/acme/widgets.svg?style=${style}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(badgeSvg({ label: 'readygate', message: 'beta', color: 'orange' }, style));
  });

  it('?branch= reads that branch', async () => {
    const scope = published({ branch: 'release/1.x' });
    const res = await get(`${app.url}/badges/acme/widgets.json?branch=release/1.x`);
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(res.body).message).toBe('beta');
  });

  it('a commit whose run is still going shows the newest earlier commit that has a digest', async () => {
    const scope = fakeRepo({
      commits: [{ n: 1, running: true }, { n: 2 }, { n: 3, report: { ...pageReport(), level: 'mvp' } }, { n: 4 }],
      runsOf: [1, 2, 3],
    });
    const res = await get(`${app.url}/badges/acme/widgets.json`);
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(res.body).message).toBe('mvp');
  });

  it("counts only the App's own runs on exactly that commit", async () => {
    const impostor = { ...pageReport(), level: 'production' };
    const scope = fakeRepo({
      commits: [
        {
          n: 1,
          others: [
            run(1, { app: { id: 666, slug: 'impostor' } }, impostor),
            run(1, { head_sha: sha(9) }, impostor),
            run(1, { name: 'readygate-other' }, impostor),
            run(1, { output: { summary: 'readygate could not finish' } }),
          ],
        },
      ],
    });
    const res = await get(`${app.url}/badges/acme/widgets.json`);
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(res.body)).toMatchObject({ message: 'unknown', color: 'lightgrey' });
  });
});
