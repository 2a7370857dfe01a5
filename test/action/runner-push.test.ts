import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, BASE_SHA, SHA } from '../github/helpers.js';
import { artifactEnv } from '../github/artifact-helpers.js';
import { EXAMPLE_POLICY, EXAMPLES, base64, runWith } from './harness.js';

const payload = { before: BASE_SHA, after: SHA, repository: { full_name: 'acme/widgets', default_branch: 'main' } };

type CheckPatch = { output: { summary: string } };

/** A push to a branch other than main: the policy is read from main, nothing is compared or found. */
function otherBranchScope(patches: CheckPatch[]): nock.Scope {
  return nock(API)
    .post('/repos/acme/widgets/check-runs')
    .reply(201, { id: 8, html_url: 'u' })
    .get('/repos/acme/widgets/contents/readygate.yml')
    .query({ ref: 'main' })
    .reply(200, { type: 'file', encoding: 'base64', size: EXAMPLE_POLICY.length, content: base64(EXAMPLE_POLICY) })
    .get(`/repos/acme/widgets/compare/${BASE_SHA}...${SHA}`)
    .reply(200, { files: [] })
    .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .patch('/repos/acme/widgets/check-runs/8', (b: CheckPatch) => patches.push(b) > 0)
    .reply(200, {});
}

describe('runner on a push to the default branch', () => {
  it('records the digest in the check run and creates the badge branch', async () => {
    const patches: { output: { summary: string } }[] = [];
    const trees: unknown[] = [];
    const scope = nock(API)
      .post('/repos/acme/widgets/check-runs', (b: { head_sha: string }) => b.head_sha === SHA)
      .reply(201, { id: 8, html_url: 'https://github.com/acme/widgets/runs/8' })
      .get(`/repos/acme/widgets/compare/${BASE_SHA}...${SHA}`)
      .reply(404, { message: 'No common ancestor between these commits' })
      .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .patch('/repos/acme/widgets/check-runs/8', (b: (typeof patches)[number]) => patches.push(b) > 0)
      .reply(200, {})
      .get('/repos/acme/widgets/git/ref/heads%2Freadygate-badges')
      .reply(404, { message: 'Not Found' })
      .post('/repos/acme/widgets/git/trees', (b: unknown) => trees.push(b) > 0)
      .reply(201, { sha: 't1' })
      .post('/repos/acme/widgets/git/commits', {
        message: `readygate badge for ${SHA.slice(0, 7)}: beta`,
        tree: 't1',
        parents: [],
      })
      .reply(201, { sha: 'c1' })
      .post('/repos/acme/widgets/git/refs', { ref: 'refs/heads/readygate-badges', sha: 'c1' })
      .reply(201, {});
    // On a push the checked-out policy is used (here examples/readygate.yml).
    const { code, rec } = await runWith({
      eventName: 'push',
      payload,
      inputs: { config: 'readygate.yml', 'badge-branch': 'readygate-badges' },
      env: { GITHUB_REF: 'refs/heads/main' },
    });
    expect(rec.failed).toEqual([]);
    expect(code).toBe(0);
    expect(scope.isDone()).toBe(true);
    expect(patches.at(-1)!.output.summary).toMatch(/<!-- readygate:digest:v1 /);
    expect(JSON.stringify(trees[0])).toContain('"path":"readygate.json"');
    expect(rec.info).toContain('badge created on branch readygate-badges');
    // `before` could not be compared (a force-push rewrote it): no patch coverage, and the report says why.
    const report = JSON.parse(readFileSync(rec.outputs['report-path']!, 'utf8'));
    expect(report.signals.coverage.patch).toBeUndefined();
    expect(report.notices).toContainEqual(
      expect.stringMatching(
        /^GitHub cannot compare [0-9a-f]{7}\.\.\.[0-9a-f]{7}, so this run measures no patch coverage/,
      ),
    );
  });

  it('fails the step on a failed verdict unless fail-on is never', async () => {
    const mock = () => otherBranchScope([]);
    // release/* requires production, which the sample does not reach. Not the default branch: no badge
    // commit even with badge-branch set (nock refuses any git request, which would fail the run).
    const env = { GITHUB_REF: 'refs/heads/release/1.0' };
    let scope = mock();
    const failed = await runWith({
      eventName: 'push',
      payload,
      inputs: { config: 'readygate.yml', 'badge-branch': 'readygate-badges' },
      env,
    });
    expect(scope.isDone()).toBe(true);
    expect(failed.code).toBe(1);
    expect(failed.rec.failed).toEqual(['readygate: not ready for production (reached beta); see the job summary']);
    scope = mock();
    const lenient = await runWith({
      eventName: 'push',
      payload,
      inputs: { config: 'readygate.yml', 'fail-on': 'never' },
      env,
    });
    expect(scope.isDone()).toBe(true);
    expect(lenient.code).toBe(0);
    expect(lenient.rec.outputs.verdict).toBe('fail');
  });

  it("on a push to another branch, judges by the default branch's policy, not the one the branch carries", async () => {
    // The branch relaxes release/* from production to mvp in its own readygate.yml.
    const workspace = mkdtempSync(join(tmpdir(), 'readygate-push-'));
    cpSync(EXAMPLES, workspace, { recursive: true });
    writeFileSync(
      join(workspace, 'readygate.yml'),
      EXAMPLE_POLICY.replace('"release/*": production', '"release/*": mvp'),
    );
    const patches: CheckPatch[] = [];
    const scope = otherBranchScope(patches);
    const { code, rec } = await runWith({
      eventName: 'push',
      payload,
      workspace,
      inputs: { config: 'readygate.yml' },
      env: { GITHUB_REF: 'refs/heads/release/1.0' },
    });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed).toEqual(['readygate: not ready for production (reached beta); see the job summary']);
    expect(patches.at(-1)!.output.summary).toContain(
      "this change modifies readygate.yml: it is judged by the default branch's policy (main)",
    );
  });

  it('on GitHub Enterprise Server, sends every call to GITHUB_API_URL and skips the artifact upload (v4 is not there)', async () => {
    const ghes = 'https://ghe.example.com';
    const scope = nock(ghes)
      .post('/api/v3/repos/acme/widgets/check-runs', (b: { head_sha: string }) => b.head_sha === SHA)
      .reply(201, { id: 8, html_url: `${ghes}/acme/widgets/runs/8` })
      .get(`/api/v3/repos/acme/widgets/compare/${BASE_SHA}...${SHA}`)
      .reply(200, { files: [] })
      .get(`/api/v3/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .patch('/api/v3/repos/acme/widgets/check-runs/8')
      .reply(200, {});
    const { code, rec } = await runWith({
      eventName: 'push',
      payload,
      inputs: { config: 'readygate.yml' },
      env: {
        GITHUB_REF: 'refs/heads/main',
        GITHUB_API_URL: `${ghes}/api/v3`,
        GITHUB_SERVER_URL: ghes,
        ...artifactEnv(),
      },
    });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(0);
    expect(rec.outputs['check-run-url']).toBe(`${ghes}/acme/widgets/runs/8`);
    expect(rec.info).toContainEqual(
      expect.stringMatching(
        /^readygate: not uploading the readygate-report artifact: artifact upload v4 is not available on GitHub Enterprise Server\./,
      ),
    );
  });
});
