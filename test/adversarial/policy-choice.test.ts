// Escape class: "a PR can choose the policy that judges it". The `config` input (the workflow is the
// pull request's own file too) names a policy the default branch lacks; the PR's copy may judge it
// only when the default branch has no readygate policy at all, and the check then says so plainly.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, BASE_SHA, SHA } from '../github/helpers.js';
import { runWith } from '../action/harness.js';

const payload = {
  pull_request: {
    number: 5,
    head: { sha: SHA, repo: { full_name: 'acme/widgets' } },
    base: { sha: BASE_SHA, ref: 'main' },
  },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
};

type Patch = { conclusion?: string; output: { summary: string } };

/** The requests up to the policy: the check run, the PR's files, the missing `readygate.yml` on main. */
function upToPolicy(patches: Patch[], githubFolder: { status: number; body: object[] }) {
  return nock(API)
    .post('/repos/acme/widgets/check-runs')
    .reply(201, { id: 7, html_url: 'u' })
    .get('/repos/acme/widgets/pulls/5/files')
    .query(true)
    .reply(200, [{ filename: 'readygate.yml', status: 'added', additions: 1, patch: '@@ -0,0 +1 @@\n+x' }])
    .get('/repos/acme/widgets/contents/readygate.yml')
    .query({ ref: 'main' })
    .reply(404, { message: 'Not Found' })
    .get('/repos/acme/widgets/contents/.github')
    .query({ ref: 'main' })
    .reply(githubFolder.status, githubFolder.body)
    .patch('/repos/acme/widgets/check-runs/7', (b: Patch) => patches.push(b) > 0)
    .reply(200, {});
}

describe('a pull request cannot bring the policy that judges it', () => {
  it('refuses a config name the default branch lacks when main has a readygate policy under another name', async () => {
    const patches: Patch[] = [];
    const scope = upToPolicy(patches, {
      status: 200,
      body: [
        { name: 'workflows', type: 'dir' },
        { name: 'readygate.yml', type: 'file' },
        { name: 'CODEOWNERS', type: 'file' },
      ],
    });
    // examples/readygate.yml is in the checkout: today it judges the PR that brought it.
    const { code, rec } = await runWith({ eventName: 'pull_request', payload, inputs: { config: 'readygate.yml' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed).toHaveLength(1);
    expect(rec.failed[0]).toContain(
      'main has no readygate.yml, but it has a readygate policy (.github/readygate.yml): a pull request cannot be judged by a policy file it brings under a new name',
    );
    expect(rec.outputs.verdict).toBeUndefined();
    expect(patches.at(-1)).toMatchObject({ conclusion: 'failure' });
  });

  it('counts any .github/readygate*.yaml on main as a policy', async () => {
    const patches: Patch[] = [];
    const scope = upToPolicy(patches, { status: 200, body: [{ name: 'readygate-strict.YAML', type: 'file' }] });
    const { code, rec } = await runWith({ eventName: 'pull_request', payload, inputs: { config: 'readygate.yml' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed[0]).toContain('(.github/readygate-strict.YAML)');
  });
});
