// A repository without its own policy is judged by the owner's .github default, whose _extends
// chain is followed from default branches (src/check/policy-chain.ts, shared with the Action).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REPO_PATH,
  artifactDownload,
  artifactList,
  ownRun,
  ownRuns,
  policyReply,
  reportZip,
  runUpdates,
  sampleReport,
  testProbot,
  tokenScope,
  workflowRunPayload,
  type Loose,
} from './harness.js';

const STRICT = readFileSync(resolve(import.meta.dirname, '../fixtures/policies/shared-strict.yml'), 'utf8');

describe("the owner's .github policy with _extends", () => {
  it('judges the default branch commit with the org default and the policy it extends', async () => {
    const zip = reportZip(sampleReport());
    const updates: Loose[] = [];
    let scope = ownRuns(artifactList(tokenScope(), 42, zip), [ownRun(12, 'in_progress')]);
    scope = artifactDownload(artifactList(scope, 42, zip), zip)
      .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
      .query({ ref: 'main' })
      .reply(404, { message: 'Not Found' })
      .get(`${REPO_PATH}/contents/.github`)
      .query({ ref: 'main' })
      .reply(200, [{ name: 'workflows', type: 'dir' }])
      .get('/repos/acme/.github/contents/.github%2Freadygate.yml')
      .reply(200, policyReply('_extends: platform/policies:readygate/strict.yml\nmode: warn\n'))
      .get('/repos/platform/policies/contents/readygate%2Fstrict.yml')
      .reply(200, policyReply(STRICT));
    runUpdates(12, updates);
    const probot = await testProbot();
    const payload = workflowRunPayload({ event: 'push', branch: 'main' });
    await probot.receive({ id: 'org-policy', name: 'workflow_run', payload } as never);
    expect(scope.isDone()).toBe(true);
    // strict (from platform/policies) fails on the failed test; mode: warn (the org's) makes it neutral.
    expect(updates.at(-1)).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'Not ready for strict: no level reached (warn mode)' },
    });
    expect(updates.at(-1)!.output.summary).toContain("using the owner's default, acme/.github");
  });
});
