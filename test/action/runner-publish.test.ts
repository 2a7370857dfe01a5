import nock from 'nock';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ACTIONS_APP, ACTIONS_BOT, API, BASE_SHA, SHA, sampleReport } from '../github/helpers.js';
import { commentMarker } from '../../src/github/comment.js';
import { base64, runWith } from './harness.js';

const payload = {
  workflow_run: {
    id: 42,
    event: 'pull_request',
    head_sha: SHA,
    head_branch: 'feature',
    head_repository: { full_name: 'forker/widgets' },
    html_url: 'https://github.com/acme/widgets/actions/runs/42',
    pull_requests: [],
  },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
};
const STRICT = 'levels:\n  ready:\n    tests: { max_failed: 0 }\n    coverage: { lines: 70, patch: 80 }\n';
const zipOf = (entries: Record<string, Uint8Array>) => Buffer.from(zipSync(entries));
const reportZip = (report: object) => zipOf({ 'readygate-report.json': strToU8(JSON.stringify(report)) });
/** A sample report whose coverage carries the given patch counter (or none). */
const withPatch = (patch?: { covered: number; total: number }) => {
  const r = sampleReport({ verdict: 'pass' });
  return { ...r, signals: { ...r.signals, coverage: { ...r.signals.coverage!, ...(patch && { patch }) } } };
};
/** The PR's files from the API: 3 added lines in src/math.js. */
const FILES = [{ filename: 'src/math.js', status: 'modified', additions: 3, patch: '@@ -1,1 +1,4 @@\n a\n+b\n+c\n+d' }];
const policyReply = (text: string) => ({ type: 'file', encoding: 'base64', content: base64(text) });

function upToArtifact(zip: Buffer) {
  return nock(API)
    .get('/repos/acme/widgets/pulls')
    .query({ state: 'open', head: 'forker:feature', per_page: '100' })
    .reply(200, [
      { number: 5, head: { sha: SHA, repo: { full_name: 'forker/widgets' } }, base: { sha: BASE_SHA, ref: 'main' } },
    ])
    .get('/repos/acme/widgets/actions/runs/42/artifacts')
    .query(true)
    .reply(200, {
      total_count: 1,
      artifacts: [{ id: 9, name: 'readygate-report', expired: false, size_in_bytes: zip.length }],
    })
    .get('/repos/acme/widgets/actions/artifacts/9/zip')
    .reply(200, zip, { 'content-type': 'application/zip' });
}

describe('runner in publish mode (workflow_run)', () => {
  it('re-evaluates the artifact with the default branch policy, never trusting its verdict', async () => {
    // The artifact claims a pass, but its one failed test fails the default branch's max_failed: 0.
    const zip = reportZip(withPatch({ covered: 1, total: 2 }));
    const bodies: {
      check?: unknown;
      patch?: { conclusion: string; output: { title: string; summary: string } };
      comment?: string;
    } = {};
    const scope = upToArtifact(zip)
      .get('/repos/acme/widgets/pulls/5/files')
      .query({ per_page: '100' })
      .reply(200, FILES)
      .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
      .query({ ref: 'main' })
      .reply(200, policyReply(STRICT))
      .post('/repos/acme/widgets/check-runs', (b: unknown) => ((bodies.check = b), true))
      .reply(201, { id: 11, html_url: 'https://github.com/acme/widgets/runs/11', app: ACTIONS_APP })
      .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
      .query({ check_name: 'readygate', filter: 'all', per_page: '100', app_id: String(ACTIONS_APP.id) })
      .reply(200, { total_count: 0, check_runs: [] })
      .patch('/repos/acme/widgets/check-runs/11', (b: NonNullable<typeof bodies.patch>) => ((bodies.patch = b), true))
      .reply(200, {})
      .get('/repos/acme/widgets/issues/5/comments')
      .query(true)
      .reply(200, [{ id: 2, body: `x\n${commentMarker('readygate')}`, user: { login: 'forker', type: 'User' } }])
      .post('/repos/acme/widgets/issues/5/comments', (b: { body: string }) => ((bodies.comment = b.body), true))
      .reply(201, { id: 1, html_url: 'c' });
    const { code, rec } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(bodies.check).toEqual({
      name: 'readygate',
      head_sha: SHA,
      status: 'in_progress',
      details_url: 'https://github.com/acme/widgets/actions/runs/42',
    });
    expect(bodies.patch).toMatchObject({
      conclusion: 'failure',
      output: { title: 'Not ready for ready: no level reached' },
    });
    expect(bodies.patch!.output.summary).toContain("re-evaluated with the default branch's policy");
    expect(bodies.comment).toContain('1 failed tests, more than the 0 allowed');
    // The patch gate uses the artifact's counter, which fits the 3 lines the API says the PR adds.
    expect(bodies.comment).toContain('patch coverage 50% of 2 changed coverable lines (1 covered) is below 80%');
    expect(rec.info).toContain('re-evaluated the artifact: fail (the artifact said pass)');
    expect(code).toBe(1);
    expect(rec.failed).toEqual(['readygate: not ready for ready (reached no level); see the job summary']);
  });

  it('judges a fork artifact whose patch counter disagrees with its own line data by the line data', async () => {
    // The counter claims every changed line covered; the artifact's own per-line data says only
    // src/math.js line 2 of the 3 lines the API shows (2-4) ran; its notices and the annotations follow.
    const r = withPatch();
    const lying = {
      ...r,
      signals: {
        ...r.signals,
        coverage: {
          ...r.signals.coverage!,
          patch: {
            covered: 3,
            total: 3,
            line_data: {
              extensions: ['.js'],
              files: [{ path: 'src/math.js', covered: [[1, 2]], uncovered: [[3, 4]] }],
            },
          },
        },
      },
    };
    let done:
      | {
          conclusion: string;
          output: {
            summary: string;
            annotations: { path: string; start_line: number; end_line: number; annotation_level: string }[];
          };
        }
      | undefined;
    const scope = upToArtifact(reportZip(lying))
      .get('/repos/acme/widgets/pulls/5/files')
      .query(true)
      .reply(200, FILES)
      .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
      .query(true)
      .reply(200, policyReply('levels:\n  ready:\n    coverage: { patch: 80 }\n'))
      .post('/repos/acme/widgets/check-runs')
      .reply(201, { id: 11, html_url: 'u', app: ACTIONS_APP })
      .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .patch('/repos/acme/widgets/check-runs/11', (b: NonNullable<typeof done>) => ((done = b), true))
      .reply(200, {})
      .get('/repos/acme/widgets/issues/5/comments')
      .query(true)
      .reply(200, [])
      .post('/repos/acme/widgets/issues/5/comments')
      .reply(201, { id: 3, html_url: 'c' });
    const { code } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(done!.conclusion).toBe('failure');
    expect(done!.output.summary).toContain(
      'patch coverage 33.33% of 3 changed coverable lines (1 covered) is below 80%',
    );
    expect(done!.output.summary).toContain(
      "the report's patch counter (3/3) disagrees with its own line data measured against the pull request's diff (1/3): judged by the line data",
    );
    expect(done!.output.summary).toContain('/pull/5/files#diff-');
    expect(done!.output.annotations.filter((a) => a.annotation_level === 'notice')).toEqual([
      expect.objectContaining({ path: 'src/math.js', start_line: 3, end_line: 4 }),
    ]);
  });

  it.each([
    [
      'a "../" entry',
      zipOf({ 'readygate-report.json': strToU8('{}'), '../evil.sh': strToU8('rm -rf /') }),
      'the readygate-report artifact was rejected: entry "../evil.sh" climbs out of the archive ("..")',
    ],
    [
      'a report failing the schema',
      zipOf({ 'readygate-report.json': strToU8(JSON.stringify({ ...sampleReport(), schema: 'other@9' })) }),
      'is not a readygate report (readygate/report@1)',
    ],
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

  it.each([
    [
      'counts more changed lines than the pull request adds',
      withPatch({ covered: 50, total: 50 }),
      'counts 50 changed coverable line(s), but the pull request adds only 3 (from the GitHub API): refusing a forged report',
    ],
    [
      'has coverage but leaves the patch counter out',
      withPatch(),
      'has coverage but no patch coverage, though the pull request adds 3 line(s)',
    ],
  ])('refuses an artifact that %s, publishing nothing', async (_, report, message) => {
    const scope = upToArtifact(reportZip(report))
      .get('/repos/acme/widgets/pulls/5/files')
      .query(true)
      .reply(200, FILES);
    const { code, rec } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed[0]).toContain(message);
  });

  it('refuses an artifact that claims more covered than counted when reading it, before the diff', async () => {
    const scope = upToArtifact(reportZip(withPatch({ covered: 3, total: 2 })));
    const { code, rec } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed[0]).toContain('impossible numbers: claims 3 covered of 2');
  });

  it('an artifact without coverage cannot skip the patch gate: the diff is known from the API', async () => {
    const { coverage: _dropped, ...signals } = sampleReport().signals;
    let done: { conclusion: string; output: { summary: string } } | undefined;
    const scope = upToArtifact(reportZip({ ...sampleReport(), signals }))
      .get('/repos/acme/widgets/pulls/5/files')
      .query(true)
      .reply(200, FILES)
      .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
      .query(true)
      .reply(200, policyReply('levels:\n  ready:\n    coverage: { patch: 80 }\n'))
      .post('/repos/acme/widgets/check-runs')
      .reply(201, { id: 11, html_url: 'u', app: ACTIONS_APP })
      .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .patch('/repos/acme/widgets/check-runs/11', (b: NonNullable<typeof done>) => ((done = b), true))
      .reply(200, {})
      .get('/repos/acme/widgets/issues/5/comments')
      .query(true)
      .reply(200, [{ id: 2, body: `x\n${commentMarker('readygate')}`, user: ACTIONS_BOT }])
      .patch('/repos/acme/widgets/issues/comments/2')
      .reply(200, { id: 2, html_url: 'c' });
    const { code } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(done!.conclusion).toBe('failure');
    expect(done!.output.summary).toContain('no coverage for the changed lines');
  });

  it('completes the check run as failed when a later step fails', async () => {
    let done: { conclusion: string; output: { summary: string } } | undefined;
    const scope = upToArtifact(reportZip(withPatch({ covered: 1, total: 2 })))
      .get('/repos/acme/widgets/pulls/5/files')
      .query(true)
      .reply(200, FILES)
      .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
      .query(true)
      .reply(200, policyReply(STRICT))
      .post('/repos/acme/widgets/check-runs')
      .reply(201, { id: 11, html_url: 'u', app: ACTIONS_APP })
      .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
      .query(true)
      .reply(422, { message: 'No commit found for SHA' })
      .patch('/repos/acme/widgets/check-runs/11', (b: NonNullable<typeof done>) => ((done = b), true))
      .reply(200, {});
    const { code, rec } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed[0]).toMatch(/reading the readygate check runs of base commit bbbbbbb \(HTTP 422\)/);
    expect(done).toMatchObject({
      conclusion: 'failure',
      output: { summary: expect.stringContaining('readygate could not finish') },
    });
  });

  it('refuses to publish on other events', async () => {
    const { code, rec } = await runWith({ eventName: 'push', payload: {}, inputs: { mode: 'publish' } });
    expect(code).toBe(1);
    expect(rec.failed[0]).toMatch(/mode: publish runs on workflow_run events \(this is push\)/);
  });
});
