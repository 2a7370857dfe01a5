import nock from 'nock';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findBaseSnapshot } from '../../src/github/base.js';
import { MAX_DIGEST_CHARS, decodeDigest, encodeDigest } from '../../src/github/digest.js';
import { API, BASE_SHA, REPO, sampleReport, testOctokit } from './helpers.js';

const marker = (json: string) => `<!-- readygate:digest:v1 ${Buffer.from(deflateSync(new TextEncoder().encode(json))).toString('base64')} -->`;

describe('base digest', () => {
  it('round-trips coverage totals and lint fingerprints through a summary', () => {
    const summary = `## readygate\n\nsome table\n${encodeDigest(sampleReport(), BASE_SHA)}`;
    const result = decodeDigest(summary, 'the readygate check run on bbbbbbb');
    if (!('snapshot' in result)) throw new Error(result.problem);
    expect(result.snapshot.coverage?.lines).toEqual({ covered: 80, total: 100 });
    expect([...(result.snapshot.lintFingerprints ?? [])]).toEqual(['0123456789abcdef0123']);
    expect(result.snapshot.source).toBe('the readygate check run on bbbbbbb');
  });

  it('drops lint fingerprints rather than overflow the summary budget', () => {
    const base = sampleReport();
    const findings = Array.from({ length: 5000 }, (_, i) => ({ ...base.signals.lint!.findings[0]!, fingerprint: (i * 7919).toString(16).padStart(20, 'f') }));
    const digest = encodeDigest(sampleReport({ signals: { ...base.signals, lint: { ...base.signals.lint!, findings } } }));
    expect(digest.length).toBeLessThanOrEqual(MAX_DIGEST_CHARS);
    const result = decodeDigest(digest, 's');
    expect('snapshot' in result && result.snapshot.lintFingerprints).toBeUndefined();
    expect('snapshot' in result && result.snapshot.coverage?.lines).toEqual({ covered: 80, total: 100 });
  });

  it.each([
    ['no marker', 'just a summary', /carries no readygate digest/],
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
  const query = { check_name: 'readygate', filter: 'latest', per_page: '20' };

  it('finds the digest in the newest completed run on the base commit', async () => {
    const scope = nock(API)
      .get(path)
      .query(query)
      .reply(200, {
        total_count: 3,
        check_runs: [
          { status: 'completed', completed_at: '2026-01-01T00:00:00Z', output: { summary: marker('{"coverage":{"lines":{"covered":1,"total":4}}}') } },
          { status: 'completed', completed_at: '2026-01-02T00:00:00Z', output: { summary: `x\n${encodeDigest(sampleReport())}` } },
          { status: 'in_progress', completed_at: null, output: { summary: null } },
        ],
      });
    const found = await findBaseSnapshot(testOctokit(), REPO, BASE_SHA, 'readygate');
    expect(scope.isDone()).toBe(true);
    expect(found.notice).toBeUndefined();
    expect(found.base?.coverage?.lines).toEqual({ covered: 80, total: 100 });
    expect(found.base?.source).toBe('the readygate check run on bbbbbbb');
  });

  it('says so when the base commit has no run', async () => {
    const scope = nock(API).get(path).query(query).reply(200, { total_count: 0, check_runs: [] });
    const found = await findBaseSnapshot(testOctokit(), REPO, BASE_SHA, 'readygate');
    expect(scope.isDone()).toBe(true);
    expect(found.base).toBeUndefined();
    expect(found.notice).toMatch(/base commit bbbbbbb has no completed "readygate" check run/);
  });

  it('ignores a corrupt digest with a notice, never a crash', async () => {
    const scope = nock(API)
      .get(path)
      .query(query)
      .reply(200, { total_count: 1, check_runs: [{ status: 'completed', completed_at: '2026-01-01T00:00:00Z', output: { summary: '<!-- readygate:digest:v1 Zm9v -->' } }] });
    const found = await findBaseSnapshot(testOctokit(), REPO, BASE_SHA, 'readygate');
    expect(scope.isDone()).toBe(true);
    expect(found.base).toBeUndefined();
    expect(found.notice).toMatch(/corrupt readygate digest/);
  });
});
