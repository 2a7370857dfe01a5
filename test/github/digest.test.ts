import nock from 'nock';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findBaseSnapshot } from '../../src/github/base.js';
import { MAX_DIGEST_CHARS, decodeDigest, encodeDigest } from '../../src/github/digest.js';
import { ACTIONS_APP, API, BASE_SHA, REPO, SHA, sampleReport, testOctokit } from './helpers.js';

const marker = (json: string) =>
  `<!-- readygate:digest:v1 ${Buffer.from(deflateSync(new TextEncoder().encode(json))).toString('base64')} -->`;

describe('base digest', () => {
  it('round-trips coverage totals, lint fingerprints and the commit through a summary', () => {
    const summary = `## readygate\n\nsome table\n${encodeDigest(sampleReport(), BASE_SHA)}`;
    const result = decodeDigest(summary, 'the readygate check run on bbbbbbb');
    if (!('snapshot' in result)) throw new Error(result.problem);
    expect(result.sha).toBe(BASE_SHA);
    expect(result.snapshot.coverage?.lines).toEqual({ covered: 80, total: 100 });
    expect([...(result.snapshot.lintFingerprints ?? [])]).toEqual(['0123456789abcdef0123']);
    expect(result.snapshot.source).toBe('the readygate check run on bbbbbbb');
  });

  it('drops lint fingerprints rather than overflow the summary budget', () => {
    const base = sampleReport();
    const findings = Array.from({ length: 5000 }, (_, i) => ({
      ...base.signals.lint!.findings[0]!,
      fingerprint: (i * 7919).toString(16).padStart(20, 'f'),
    }));
    const digest = encodeDigest(
      sampleReport({ signals: { ...base.signals, lint: { ...base.signals.lint!, findings } } }),
      BASE_SHA,
    );
    expect(digest.length).toBeLessThanOrEqual(MAX_DIGEST_CHARS);
    const result = decodeDigest(digest, 's');
    expect('snapshot' in result && result.snapshot.lintFingerprints).toBeUndefined();
    expect('snapshot' in result && result.snapshot.coverage?.lines).toEqual({ covered: 80, total: 100 });
  });

  it.each([
    ['no marker', 'just a summary', /carries no readygate digest/],
    [
      'a marker that does not end the summary',
      `${encodeDigest(sampleReport(), BASE_SHA)}\nmore text after it`,
      /carries no readygate digest at the end/,
    ],
    ['bad base64 deflate', '<!-- readygate:digest:v1 AAAAAAAA -->', /corrupt readygate digest/],
    ['not JSON', marker('{nope'), /corrupt readygate digest/],
    ['unknown shape', marker('{"coverage":{"lines":{"covered":-1,"total":2}}}'), /unknown shape/],
    ['extra keys', marker('{"evil":true}'), /unknown shape/],
  ])('reports a problem for %s', (_, summary, problem) => {
    const result = decodeDigest(summary, 's');
    expect('problem' in result && result.problem).toMatch(problem);
  });
});

describe('findBaseSnapshot', () => {
  const path = `/repos/acme/widgets/commits/${BASE_SHA}/check-runs`;
  const query = { check_name: 'readygate', filter: 'all', per_page: '100', app_id: String(ACTIONS_APP.id) };
  const lookup = { sha: BASE_SHA, checkName: 'readygate', app: ACTIONS_APP };
  const digestOf = (lines: number, sha = BASE_SHA) =>
    encodeDigest(sampleReport({ signals: { coverage: { lines: { covered: lines, total: 100 }, files: 1 } } }), sha);
  const run = (completedAt: string, summary: string, extra: object = {}) => ({
    name: 'readygate',
    head_sha: BASE_SHA,
    status: 'completed',
    completed_at: completedAt,
    app: ACTIONS_APP,
    output: { summary },
    ...extra,
  });

  it('takes the newest completed run of the name, on exactly the base commit, by the same app', async () => {
    const scope = nock(API)
      .get(path)
      .query(query)
      .reply(200, {
        total_count: 6,
        check_runs: [
          run('2026-01-01T00:00:00Z', `x\n${digestOf(10)}`),
          run('2026-01-02T00:00:00Z', `x\n${digestOf(80)}`),
          run('2026-01-03T00:00:00Z', `x\n${digestOf(11)}`, { name: 'readygate-api' }),
          run('2026-01-04T00:00:00Z', `x\n${digestOf(12)}`, { head_sha: SHA }),
          run('2026-01-05T00:00:00Z', `x\n${digestOf(13)}`, { app: { id: 666, slug: 'impostor' } }),
          run('2026-01-06T00:00:00Z', 'x', { status: 'in_progress', completed_at: null, output: { summary: null } }),
        ],
      });
    const found = await findBaseSnapshot(testOctokit(), REPO, lookup);
    expect(scope.isDone()).toBe(true);
    expect(found.notice).toBeUndefined();
    expect(found.base?.coverage?.lines).toEqual({ covered: 80, total: 100 });
    expect(found.base?.source).toBe('the readygate check run on bbbbbbb');
  });

  it('falls back to an older run when the newest has no usable digest', async () => {
    const scope = nock(API)
      .get(path)
      .query(query)
      .reply(200, {
        total_count: 2,
        check_runs: [
          run('2026-01-02T00:00:00Z', 'readygate could not finish'),
          run('2026-01-01T00:00:00Z', `x\n${digestOf(42)}`),
        ],
      });
    expect((await findBaseSnapshot(testOctokit(), REPO, lookup)).base?.coverage?.lines).toEqual({
      covered: 42,
      total: 100,
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['another commit', digestOf(80, SHA), /has a digest for commit aaaaaaa, not bbbbbbb/],
    [
      'no commit (an older digest)',
      marker('{"coverage":{"lines":{"covered":1,"total":4}}}'),
      /has a digest that names no commit/,
    ],
    ['a corrupt digest', '<!-- readygate:digest:v1 Zm9v -->', /corrupt readygate digest/],
  ])('treats a digest naming %s as absent, and says so', async (_, digest, notice) => {
    const scope = nock(API)
      .get(path)
      .query(query)
      .reply(200, { total_count: 1, check_runs: [run('2026-01-01T00:00:00Z', `x\n${digest}`)] });
    const found = await findBaseSnapshot(testOctokit(), REPO, lookup);
    expect(scope.isDone()).toBe(true);
    expect(found.base).toBeUndefined();
    expect(found.notice).toMatch(/^no base to compare against: the readygate check run on bbbbbbb /);
    expect(found.notice).toMatch(notice);
  });

  it('says so when the base commit has no run by the same app', async () => {
    const scope = nock(API).get(path).query(query).reply(200, { total_count: 0, check_runs: [] });
    const found = await findBaseSnapshot(testOctokit(), REPO, lookup);
    expect(scope.isDone()).toBe(true);
    expect(found.base).toBeUndefined();
    expect(found.notice).toMatch(/base commit bbbbbbb has no completed "readygate" check run made by github-actions/);
  });

  it("without a known app (a read-only token), any app's run counts", async () => {
    const scope = nock(API)
      .get(path)
      .query({ check_name: 'readygate', filter: 'all', per_page: '100' })
      .reply(200, {
        total_count: 1,
        check_runs: [run('2026-01-01T00:00:00Z', `x\n${digestOf(80)}`, { app: { id: 9, slug: 'readygate' } })],
      });
    const found = await findBaseSnapshot(testOctokit(), REPO, { sha: BASE_SHA, checkName: 'readygate' });
    expect(scope.isDone()).toBe(true);
    expect(found.base?.coverage?.lines).toEqual({ covered: 80, total: 100 });
  });
});
