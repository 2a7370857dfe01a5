import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { loadPolicy, type PolicyRequest } from '../../src/check/policy.js';
import { tempRepo } from '../helpers/cli.js';
import { API, REPO, testOctokit } from '../github/helpers.js';
import { fileReply, policyFile } from './policy-helpers.js';

const PATH = '.github/readygate.yml';
const POLICY = '.github%2Freadygate.yml';

function request(over: Partial<PolicyRequest>): PolicyRequest {
  return {
    octokit: testOctokit(),
    repo: REPO,
    path: PATH,
    defaultBranch: 'main',
    fromDefaultBranch: true,
    root: '/nonexistent',
    reports: {},
    ...over,
  };
}

describe('loadPolicy with org defaults and _extends', () => {
  it("judges a pull request that adds a policy by the owner's default, and says so", async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query({ ref: 'main' })
      .reply(404, {})
      .get('/repos/acme/widgets/contents/.github')
      .query({ ref: 'main' })
      .reply(200, [{ name: 'workflows', type: 'dir' }])
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(200, fileReply(policyFile('org-default.yml')));
    // The PR's own file would relax everything: it must not be read.
    const workspace = tempRepo({ [PATH]: 'levels:\n  anything: {}\n' });
    const policy = await loadPolicy(request({ changedPaths: new Set([PATH]), workspace, root: workspace }));
    expect(scope.isDone()).toBe(true);
    expect(Object.keys(policy.config.levels)).toEqual(['mvp', 'production']);
    expect(policy.notices).toEqual([
      "main has no .github/readygate.yml: using the owner's default, acme/.github:.github/readygate.yml",
      "this change adds .github/readygate.yml: it is judged by the owner's default policy; the change applies once merged",
    ]);
  });

  it("a pull request that edits _extends is judged by the default branch's chain, not its own", async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query({ ref: 'main' })
      .reply(200, fileReply(policyFile('repo-extends-org.yml')))
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(200, fileReply(policyFile('org-default.yml')));
    const workspace = tempRepo({ [PATH]: '_extends: evil/lenient\nlevels: { any: {} }\n' });
    const policy = await loadPolicy(request({ workspace, root: workspace }));
    expect(scope.isDone()).toBe(true); // evil/lenient is never read
    expect(policy.config.levels.production!.coverage).toEqual({ lines: 70, patch: 80 });
    expect(policy.notices).toContain(
      "this change modifies .github/readygate.yml: it is judged by the default branch's policy (main); the change applies once merged",
    );
  });

  it("on a push to the default branch, resolves the checkout's _extends through the API", async () => {
    const scope = nock(API)
      .get('/repos/platform/policies/contents/readygate%2Fstrict.yml')
      .reply(200, fileReply(policyFile('shared-strict.yml')));
    const workspace = tempRepo({ [PATH]: policyFile('repo-extends-shared.yml') });
    const policy = await loadPolicy(
      request({ fromDefaultBranch: false, workspace, root: workspace, reports: { tests: ['junit.xml'] } }),
    );
    expect(scope.isDone()).toBe(true);
    expect(policy.config.require).toBe('strict');
    expect(policy.config.mode).toBe('warn');
    expect(policy.config.reports.tests).toEqual(['junit.xml']);
    expect(policy.notices).toEqual(['policy: .github/readygate.yml extends platform/policies:readygate/strict.yml']);
  });

  it("on a push to the default branch without a policy, uses the owner's default as pull requests do", async () => {
    const scope = nock(API)
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(200, fileReply(policyFile('org-default.yml')));
    const workspace = tempRepo({});
    const policy = await loadPolicy(request({ fromDefaultBranch: false, workspace, root: workspace }));
    expect(scope.isDone()).toBe(true);
    expect(policy.config.require).toBe('production');
    expect(policy.notices).toEqual([
      "this commit has no .github/readygate.yml: using the owner's default, acme/.github:.github/readygate.yml",
    ]);
  });
});
