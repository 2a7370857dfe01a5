import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, BASE_SHA, SHA } from '../github/helpers.js';
import { EXAMPLE_POLICY, base64, runWith } from './harness.js';

const payload = {
  pull_request: { number: 5, head: { sha: SHA, repo: { full_name: 'forker/widgets' } }, base: { sha: BASE_SHA, ref: 'main' } },
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
    const uploads: [string, string][] = [];
    const { code, rec } = await runWith({ eventName: 'pull_request', payload, uploadArtifact: async (name, file) => void uploads.push([name, file]) });
    expect(scope.isDone()).toBe(true); // no comment, no check-run update was attempted
    expect(code).toBe(0);
    expect(rec.failed).toEqual([]);
    expect(rec.warnings[0]).toMatch(/cannot create check runs with this token \(Resource not accessible by integration/);
    expect(rec.summary).toHaveLength(1);
    expect(rec.summary[0]).toContain('no base to compare against');
    expect(rec.annotations).toHaveLength(5);
    expect(rec.annotations.every((a) => a.level === 'warning' && a.file && !a.file.startsWith('/'))).toBe(true);
    expect(uploads).toEqual([['readygate-report', rec.outputs['report-path']]]);
    const help = rec.info.find((l) => l.includes('cannot create check runs or comments'));
    expect(help).toContain('The report was uploaded as the artifact "readygate-report".');
    expect(help).toContain('mode: publish');
    expect(rec.outputs['check-run-url']).toBe('');
    expect(rec.outputs.verdict).toBe('pass');
  });

  it('without an uploader, prints the upload step to add, naming the report path', async () => {
    const scope = forkScope({ path: 'readygate.yml', query: true, status: 404, body: { message: 'Not Found' } });
    // The default branch has no policy: the PR's own file (examples/readygate.yml via `config`) is used.
    const { code, rec } = await runWith({ eventName: 'pull_request', payload, inputs: { config: 'readygate.yml' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(0);
    expect(rec.summary[0]).toContain("main has no readygate.yml: using the pull request's own policy");
    const help = rec.info.find((l) => l.includes('cannot create check runs or comments'))!;
    expect(help).toContain(`name: readygate-report\n      path: ${rec.outputs['report-path']}`);
  });
});

describe('command annotations cap', () => {
  it('emits at most 10 per level', async () => {
    const { emitCommandAnnotations } = await import('../../src/action/fallback.js');
    const { fakeIO } = await import('./harness.js');
    const { io, rec } = fakeIO();
    const make = (level: 'failure' | 'warning' | 'notice', n: number) =>
      Array.from({ length: n }, (_, i) => ({ path: 'a.ts', start_line: i + 1, end_line: i + 1, annotation_level: level, title: 't', message: 'm' }));
    expect(emitCommandAnnotations(io, [...make('failure', 15), ...make('warning', 3), ...make('notice', 12)])).toBe(23);
    expect(rec.annotations.filter((a) => a.level === 'failure')).toHaveLength(10);
    expect(rec.annotations.filter((a) => a.level === 'notice')).toHaveLength(10);
  });
});
