import nock from 'nock';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { API, BASE_SHA, SHA, sampleReport } from '../github/helpers.js';
import { base64, runWith } from './harness.js';

const payload = {
  workflow_run: { id: 42, event: 'pull_request', head_sha: SHA, head_branch: 'feature', head_repository: { full_name: 'forker/widgets' }, html_url: 'https://github.com/acme/widgets/actions/runs/42', pull_requests: [] },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
};
const STRICT = 'levels:\n  ready:\n    tests: { max_failed: 0 }\n    coverage: { lines: 70 }\n';
const zipOf = (entries: Record<string, Uint8Array>) => Buffer.from(zipSync(entries));

function upToArtifact(zip: Buffer) {
  return nock(API)
    .get('/repos/acme/widgets/pulls')
    .query({ state: 'open', head: 'forker:feature', per_page: '100' })
    .reply(200, [{ number: 5, head: { sha: SHA, repo: { full_name: 'forker/widgets' } }, base: { sha: BASE_SHA, ref: 'main' } }])
    .get('/repos/acme/widgets/actions/runs/42/artifacts')
    .query(true)
    .reply(200, { total_count: 1, artifacts: [{ id: 9, name: 'readygate-report', expired: false, size_in_bytes: zip.length }] })
    .get('/repos/acme/widgets/actions/artifacts/9/zip')
    .reply(200, zip, { 'content-type': 'application/zip' });
}

describe('runner in publish mode (workflow_run)', () => {
  it('re-evaluates the artifact with the default branch policy, never trusting its verdict', async () => {
    // The artifact claims a pass, but its one failed test fails the default branch's max_failed: 0.
    const zip = zipOf({ 'readygate-report.json': strToU8(JSON.stringify(sampleReport({ verdict: 'pass' }))) });
    const bodies: { check?: unknown; patch?: { conclusion: string; output: { title: string; summary: string } }; comment?: string } = {};
    const scope = upToArtifact(zip)
      .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
      .query({ ref: 'main' })
      .reply(200, { type: 'file', encoding: 'base64', content: base64(STRICT) })
      .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .post('/repos/acme/widgets/check-runs', (b: unknown) => ((bodies.check = b), true))
      .reply(201, { id: 11, html_url: 'https://github.com/acme/widgets/runs/11' })
      .patch('/repos/acme/widgets/check-runs/11', (b: NonNullable<typeof bodies.patch>) => ((bodies.patch = b), true))
      .reply(200, {})
      .get('/repos/acme/widgets/issues/5/comments')
      .query(true)
      .reply(200, [])
      .post('/repos/acme/widgets/issues/5/comments', (b: { body: string }) => ((bodies.comment = b.body), true))
      .reply(201, { id: 1, html_url: 'c' });
    const { code, rec } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(bodies.check).toEqual({ name: 'readygate', head_sha: SHA, status: 'in_progress', details_url: 'https://github.com/acme/widgets/actions/runs/42' });
    expect(bodies.patch).toMatchObject({ conclusion: 'failure', output: { title: 'Not ready for ready: no level reached' } });
    expect(bodies.patch!.output.summary).toContain("re-evaluated with the default branch's policy");
    expect(bodies.comment).toContain('1 failed tests, more than the 0 allowed');
    expect(rec.info).toContain('re-evaluated the artifact: fail (the artifact said pass)');
    expect(code).toBe(1);
    expect(rec.failed).toEqual(['readygate: not ready for ready (reached no level); see the job summary']);
  });

  it.each([
    ['a "../" entry', zipOf({ 'readygate-report.json': strToU8('{}'), '../evil.sh': strToU8('rm -rf /') }), 'the readygate-report artifact was rejected: entry "../evil.sh" climbs out of the archive ("..")'],
    ['a report failing the schema', zipOf({ 'readygate-report.json': strToU8(JSON.stringify({ ...sampleReport(), schema: 'other@9' })) }), 'is not a readygate report (readygate/report@1)'],
  ])('rejects %s with a clear message and publishes nothing', async (_, zip, message) => {
    const scope = upToArtifact(zip);
    const { code, rec } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed).toHaveLength(1);
    expect(rec.failed[0]).toContain(message);
  });

  it('rejects an entry declaring 1 GB', async () => {
    const zip = Buffer.from(zipSync({ 'readygate-report.json': strToU8(JSON.stringify(sampleReport())) }));
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (zip.readUInt32LE(i) === 0x04034b50) zip.writeUInt32LE(1024 ** 3, i + 22);
      if (zip.readUInt32LE(i) === 0x02014b50) zip.writeUInt32LE(1024 ** 3, i + 24);
    }
    const scope = upToArtifact(zip);
    const { rec } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(rec.failed[0]).toMatch(/declares 1073741824 bytes uncompressed, over the 104857600-byte limit/);
  });

  it('refuses to publish on other events', async () => {
    const { code, rec } = await runWith({ eventName: 'push', payload: {}, inputs: { mode: 'publish' } });
    expect(code).toBe(1);
    expect(rec.failed[0]).toMatch(/mode: publish runs on workflow_run events \(this is push\)/);
  });
});
