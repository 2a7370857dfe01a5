import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, BASE_SHA, SHA } from '../github/helpers.js';
import { readFileSync } from 'node:fs';
import {
  RESULTS,
  TOKEN,
  TWIRP,
  artifactEnv,
  checkUpload,
  uploadScopes,
  type UploadSeen,
} from '../github/artifact-helpers.js';
import { EXAMPLE_POLICY, base64, everythingLogged, runWith } from './harness.js';

const payload = {
  pull_request: {
    number: 5,
    head: { sha: SHA, repo: { full_name: 'forker/widgets' } },
    base: { sha: BASE_SHA, ref: 'main' },
  },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
};
const denied = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' };

/** The requests every fork run makes: a refused check run, the PR's files, the policy, the base run. */
function forkScope(policy: { path: string; query: Record<string, string> | true; status: number; body: object }) {
  return nock(API)
    .post('/repos/acme/widgets/check-runs')
    .reply(403, denied)
    .get('/repos/acme/widgets/pulls/5/files')
    .query(true)
    .reply(200, [])
    .get(`/repos/acme/widgets/contents/${policy.path}`)
    .query(policy.query)
    .reply(policy.status, policy.body)
    .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] });
}

describe('runner on a fork pull request (read-only token)', () => {
  it('falls back to the job summary, capped command annotations and publish instructions', async () => {
    const scope = forkScope({
      path: '.github%2Freadygate.yml',
      query: { ref: 'main' },
      status: 200,
      body: { type: 'file', encoding: 'base64', content: base64(EXAMPLE_POLICY) },
    });
    const seen: UploadSeen = {};
    const upload = uploadScopes(seen);
    const env = { ...artifactEnv(), GITHUB_ACTION_REPOSITORY: 'readygate/readygate', GITHUB_ACTION_REF: 'v1' };
    const { code, rec } = await runWith({ eventName: 'pull_request', payload, env });
    expect(scope.isDone()).toBe(true); // no comment, no check-run update was attempted
    expect(upload.results.isDone() && upload.blob.isDone()).toBe(true);
    // The artifact holds exactly the report written to report-path, under the name publish mode reads.
    expect(checkUpload(seen)).toEqual({ 'readygate-report.json': readFileSync(rec.outputs['report-path']!, 'utf8') });
    expect(rec.info).toContainEqual(
      expect.stringMatching(
        /^uploaded the report as artifact readygate-report \(id 4242, \d+ bytes, sha256:[0-9a-f]{64}\)$/,
      ),
    );
    const logged = everythingLogged(rec);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain('TopSecretSignature');
    expect(code).toBe(0);
    expect(rec.failed).toEqual([]);
    expect(rec.warnings[0]).toMatch(
      /cannot create check runs with this token \(Resource not accessible by integration/,
    );
    expect(rec.summary).toHaveLength(1);
    expect(rec.summary[0]).toContain('no base to compare against');
    expect(rec.annotations).toHaveLength(5);
    expect(rec.annotations.every((a) => a.level === 'warning' && a.file && !a.file.startsWith('/'))).toBe(true);
    const help = rec.info.find((l) => l.includes('cannot create check runs or comments'));
    expect(help).toContain('The report was uploaded as the artifact "readygate-report".');
    // The exact step to paste: this Action as the workflow named it.
    expect(help).toContain('  - uses: readygate/readygate@v1\n    with:\n      mode: publish');
    expect(rec.outputs['check-run-url']).toBe('');
    expect(rec.outputs.verdict).toBe('pass');
  });

  it("without the runner's artifact credentials, says why and prints the upload step to add, naming the report path", async () => {
    const scope = forkScope({ path: 'readygate.yml', query: true, status: 404, body: { message: 'Not Found' } });
    const github = nock(API)
      .get('/repos/acme/widgets/contents/.github')
      .query(true)
      .reply(404, { message: 'Not Found' })
      .get('/repos/acme/.github/contents/readygate.yml')
      .reply(404, { message: 'Not Found' });
    // Neither the default branch nor the owner's .github has a policy: the PR's own file
    // (examples/readygate.yml via `config`) is used.
    const { code, rec } = await runWith({ eventName: 'pull_request', payload, inputs: { config: 'readygate.yml' } });
    expect(scope.isDone() && github.isDone()).toBe(true);
    expect(code).toBe(0);
    expect(rec.info).toContain(
      `readygate: not uploading the readygate-report artifact: ACTIONS_RUNTIME_TOKEN is not set (not running as a GitHub Actions step). The report is at ${rec.outputs['report-path']} (output report-path).`,
    );
    expect(rec.summary[0]).toContain(
      "main has no readygate policy (nor has acme/.github): this check used the pull request's own readygate.yml, which the pull request itself can change",
    );
    const help = rec.info.find((l) => l.includes('cannot create check runs or comments'))!;
    expect(help).toContain(`name: readygate-report\n      path: ${rec.outputs['report-path']}`);
    // A local `uses: ./` has no action repository: the instructions say to use the checkout's copy.
    expect(help).toContain('  - uses: ./   # the Action from a checkout of the default branch');
  });

  it('a failed upload is a warning: the verdict, outputs and instructions stand', async () => {
    const scope = forkScope({
      path: '.github%2Freadygate.yml',
      query: { ref: 'main' },
      status: 200,
      body: { type: 'file', encoding: 'base64', content: base64(EXAMPLE_POLICY) },
    });
    const results = nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .times(3)
      .reply(500, { code: 'internal', msg: 'boom' });
    const { code, rec } = await runWith({ eventName: 'pull_request', payload, env: artifactEnv() });
    expect(scope.isDone() && results.isDone()).toBe(true);
    expect(code).toBe(0);
    expect(rec.failed).toEqual([]);
    expect(rec.outputs.verdict).toBe('pass');
    expect(rec.warnings).toContainEqual(
      expect.stringMatching(
        /^could not upload the readygate-report artifact \(the verdict is not affected; .*CreateArtifact failed after 3 attempts: HTTP 500: boom$/,
      ),
    );
    expect(rec.info.find((l) => l.includes('cannot create check runs or comments'))).toContain(
      'uses: actions/upload-artifact@v4',
    );
    expect(everythingLogged(rec)).not.toContain(TOKEN);
  });

  it('upload-report: false uploads nothing', async () => {
    const scope = forkScope({
      path: '.github%2Freadygate.yml',
      query: { ref: 'main' },
      status: 200,
      body: { type: 'file', encoding: 'base64', content: base64(EXAMPLE_POLICY) },
    });
    // No results-service scope: any upload request would fail the run on nock's "no match".
    const { code, rec } = await runWith({
      eventName: 'pull_request',
      payload,
      env: artifactEnv(),
      inputs: { 'upload-report': 'false' },
    });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(0);
    expect(rec.warnings.filter((w) => w.includes('upload'))).toEqual([]);
    expect(rec.info.some((l) => l.includes('uploaded the report'))).toBe(false);
  });
});

describe('command annotations cap', () => {
  it('emits at most 10 per level', async () => {
    const { emitCommandAnnotations } = await import('../../src/action/fallback.js');
    const { fakeIO } = await import('./harness.js');
    const { io, rec } = fakeIO();
    const make = (level: 'failure' | 'warning' | 'notice', n: number) =>
      Array.from({ length: n }, (_, i) => ({
        path: 'a.ts',
        start_line: i + 1,
        end_line: i + 1,
        annotation_level: level,
        title: 't',
        message: 'm',
      }));
    expect(emitCommandAnnotations(io, [...make('failure', 15), ...make('warning', 3), ...make('notice', 12)])).toBe(23);
    expect(rec.annotations.filter((a) => a.level === 'failure')).toHaveLength(10);
    expect(rec.annotations.filter((a) => a.level === 'notice')).toHaveLength(10);
  });
});
