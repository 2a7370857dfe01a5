// mode: report, for repositories where the readygate App publishes: the Action computes, writes
// the job summary and uploads the artifact, and posts nothing, so there is one readygate check run.
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, BASE_SHA, SHA } from '../github/helpers.js';
import { artifactEnv, checkUpload, uploadScopes, type UploadSeen } from '../github/artifact-helpers.js';
import { EXAMPLE_POLICY, base64, runWith } from './harness.js';

const payload = {
  pull_request: {
    number: 5,
    head: { sha: SHA, repo: { full_name: 'acme/widgets' } },
    base: { sha: BASE_SHA, ref: 'main' },
  },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
};

/** Only reads: the changed files, the default branch's policy, the base commit's runs. */
function readsOnly() {
  return nock(API)
    .get('/repos/acme/widgets/pulls/5/files')
    .query(true)
    .reply(200, [{ filename: 'src/math.js', status: 'modified', additions: 1, patch: '@@ -1,1 +1,2 @@\n a\n+b' }])
    .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
    .query({ ref: 'main' })
    .reply(200, { type: 'file', encoding: 'base64', content: base64(EXAMPLE_POLICY) })
    .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] });
}

describe('runner in report mode (the App publishes)', () => {
  it('computes, writes the summary and uploads the artifact, and makes no check run or comment', async () => {
    // disableNetConnect: any POST or PATCH (check run, comment) would have no interceptor and fail the run.
    const scope = readsOnly();
    const seen: UploadSeen = {};
    const upload = uploadScopes(seen);
    const { code, rec } = await runWith({
      eventName: 'pull_request',
      payload,
      inputs: { mode: 'report' },
      env: artifactEnv(),
    });
    expect(scope.isDone()).toBe(true);
    expect(upload.results.isDone() && upload.blob.isDone()).toBe(true);
    expect(checkUpload(seen)).toEqual({ 'readygate-report.json': readFileSync(rec.outputs['report-path']!, 'utf8') });
    expect(code).toBe(0);
    expect(rec.failed).toEqual([]);
    expect(rec.warnings).toEqual([]);
    expect(rec.summary).toHaveLength(1);
    expect(rec.summary[0]).toContain('beta');
    expect(rec.annotations).toEqual([]); // the App's check run carries the annotations
    expect(rec.outputs.verdict).toBe('pass');
    expect(rec.outputs['check-run-url']).toBe('');
    expect(rec.info).toContain(
      'readygate: mode report posted no check run, comment or badge: the readygate App publishes them from the uploaded readygate-report artifact',
    );
    expect(rec.info.some((l) => l.includes('cannot create check runs'))).toBe(false);
  });

  it('on a push to the default branch commits no badge, even with badge-branch', async () => {
    const push = { after: SHA, before: BASE_SHA, repository: payload.repository };
    const scope = nock(API)
      .get(`/repos/acme/widgets/compare/${BASE_SHA}...${SHA}`)
      .reply(200, { files: [] })
      .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] });
    const { code, rec } = await runWith({
      eventName: 'push',
      payload: push,
      inputs: { mode: 'report', config: 'readygate.yml', 'badge-branch': 'readygate-badges' },
      env: { GITHUB_REF: 'refs/heads/main' },
    });
    expect(rec.failed).toEqual([]);
    expect(scope.isDone()).toBe(true); // no git/refs or git/trees request: no badge commit
    expect(code).toBe(0);
    expect(rec.info.some((l) => l.startsWith('badge '))).toBe(false);
    expect(rec.info).toContain(
      'readygate: mode report posted no check run, comment or badge: the readygate App publishes them from the readygate-report artifact',
    );
  });
});
