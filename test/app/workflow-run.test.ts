// workflow_run completed: the run's readygate-report artifact judged again with the default
// branch's policy, published as the App's check run and the sticky comment.
import { describe, expect, it } from 'vitest';
import {
  APP,
  BASE_SHA,
  BOT,
  FILES,
  REPO_PATH,
  SHA,
  STRICT,
  artifactDownload,
  artifactList,
  marked,
  ownRun,
  ownRuns,
  runUpdates,
  policyReply,
  reportZip,
  sampleReport,
  testProbot,
  tokenScope,
  withPatch,
  workflowRunPayload,
  type Loose,
} from './harness.js';

interface Seen {
  created?: Loose;
  patches: Loose[];
  comment?: string;
}

/** Everything after the artifact is found: PR, download, files, policy, run, base, completion, comment. */
function publishScopes(zip: Buffer, seen: Seen, opts: { fork?: boolean; files?: object[]; policy?: string } = {}) {
  const head = opts.fork ? 'forker:feature' : 'acme:feature';
  let scope = artifactList(tokenScope(), 42, zip);
  scope = ownRuns(scope)
    .post(`${REPO_PATH}/check-runs`, (b) => ((seen.created = b), true))
    .reply(201, { id: 11, html_url: 'https://github.com/acme/widgets/runs/11', app: APP })
    .get(`${REPO_PATH}/pulls`)
    .query({ state: 'open', head, per_page: '100' })
    .reply(200, [
      {
        number: 5,
        head: { sha: SHA, repo: { full_name: opts.fork ? 'forker/widgets' : 'acme/widgets' } },
        base: { sha: BASE_SHA, ref: 'main' },
      },
    ]);
  scope = artifactDownload(artifactList(scope, 42, zip), zip)
    .get(`${REPO_PATH}/pulls/5/files`)
    .query({ per_page: '100' })
    .reply(200, opts.files ?? FILES)
    .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
    .query({ ref: 'main' })
    .reply(200, policyReply(opts.policy ?? STRICT))
    .get(`${REPO_PATH}/commits/${BASE_SHA}/check-runs`)
    .query({ check_name: 'readygate', filter: 'all', per_page: '100', app_id: String(APP.id) })
    .reply(200, { total_count: 0, check_runs: [] });
  runUpdates(11, seen.patches);
  return scope;
}

describe('workflow_run completed with a readygate-report', () => {
  it.each([
    ['a same-repo pull request', false],
    ['a fork pull request (workflow_run.pull_requests is empty)', true],
  ])('%s: judged again with the default branch policy, check run and comment', async (_, fork) => {
    const seen: Seen = { patches: [] };
    const scope = publishScopes(reportZip(withPatch()), seen, { fork })
      .get(`${REPO_PATH}/issues/5/comments`)
      .query(true)
      .reply(200, [marked(3, { login: 'forker', type: 'User' })])
      .post(`${REPO_PATH}/issues/5/comments`, (b) => ((seen.comment = b.body), true))
      .reply(201, { id: 4, html_url: 'c' });
    const probot = await testProbot();
    await probot.receive({ id: `wr-${fork}`, name: 'workflow_run', payload: workflowRunPayload({ fork }) } as never);
    expect(scope.isDone()).toBe(true);
    expect(seen.created).toEqual({
      name: 'readygate',
      head_sha: SHA,
      status: 'in_progress',
      details_url: 'https://github.com/acme/widgets/actions/runs/42',
    });
    // The artifact says pass; its one failed test fails the default branch's max_failed: 0.
    const done = seen.patches.at(-1)!;
    expect(done).toMatchObject({ conclusion: 'failure', output: { title: 'Not ready for ready: no level reached' } });
    expect(done.output.summary).toContain("judged from workflow run 42's readygate-report artifact");
    expect(done.output.summary).toMatch(/<!-- readygate:digest:v1 [A-Za-z0-9+/=]+ -->$/);
    expect(done.output.annotations.length).toBeGreaterThan(0);
    expect(done.actions.map((a: { identifier: string }) => a.identifier)).toEqual(['readygate-recheck', 'protect']);
    expect(seen.comment).toContain('1 failed tests, more than the 0 allowed');
    // A comment with the marker by someone else is never edited: a new one is made.
  });

  it('updates its own sticky comment instead of adding one', async () => {
    const seen: Seen = { patches: [] };
    let edited: string | undefined;
    const scope = publishScopes(reportZip(withPatch()), seen)
      .get(`${REPO_PATH}/issues/5/comments`)
      .query(true)
      .reply(200, [marked(3, BOT)])
      .patch(`${REPO_PATH}/issues/comments/3`, (b) => ((edited = b.body), true))
      .reply(200, { id: 3, html_url: 'c' });
    const probot = await testProbot();
    await probot.receive({ id: 'wr-own-comment', name: 'workflow_run', payload: workflowRunPayload() } as never);
    expect(scope.isDone()).toBe(true);
    expect(edited).toContain('1 failed tests, more than the 0 allowed');
  });

  it("a pull request that edits the policy is judged by the default branch's, and told so", async () => {
    const seen: Seen = { patches: [] };
    const files = [
      ...FILES,
      { filename: '.github/readygate.yml', status: 'modified', additions: 1, patch: '@@ -1 +1 @@\n-a\n+b' },
    ];
    const scope = publishScopes(reportZip(withPatch()), seen, { files })
      .get(`${REPO_PATH}/issues/5/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/5/comments`)
      .reply(201, { id: 4, html_url: 'c' });
    const probot = await testProbot();
    await probot.receive({ id: 'wr-policy-edit', name: 'workflow_run', payload: workflowRunPayload() } as never);
    expect(scope.isDone()).toBe(true);
    const done = seen.patches.at(-1)!;
    expect(done.conclusion).toBe('failure');
    expect(done.output.summary).toContain(
      "this change modifies .github/readygate.yml: it is judged by the default branch's policy (main)",
    );
  });

  it('sends every annotation, 50 per request', async () => {
    const seen: Seen = { patches: [] };
    const r = withPatch();
    const findings = Array.from({ length: 120 }, (_, i) => ({
      path: `src/f${i}.ts`,
      line: i + 1,
      severity: 'warning' as const,
      message: `finding ${i}`,
      rule: 'r',
      tool: 'eslint',
      fingerprint: i.toString(16).padStart(8, '0'),
    }));
    const report = { ...r, signals: { ...r.signals, lint: { errors: 0, warnings: 120, notes: 0, findings } } };
    const scope = publishScopes(reportZip(report), seen)
      .get(`${REPO_PATH}/issues/5/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/5/comments`)
      .reply(201, { id: 4, html_url: 'c' });
    const probot = await testProbot();
    await probot.receive({ id: 'wr-many', name: 'workflow_run', payload: workflowRunPayload() } as never);
    expect(scope.isDone()).toBe(true);
    const sizes = seen.patches.map((p) => p.output.annotations?.length ?? 0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(120);
    expect(Math.max(...sizes)).toBe(50);
    expect(seen.patches.filter((p) => p.conclusion)).toHaveLength(1);
  });

  it('a push to the default branch: the verdict and the digest on that commit, no pull request looked for', async () => {
    const zip = reportZip(sampleReport());
    const patches: Loose[] = [];
    let scope = artifactList(tokenScope(), 42, zip);
    scope = ownRuns(scope, [ownRun(12, 'in_progress')]);
    scope = artifactDownload(artifactList(scope, 42, zip), zip)
      .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
      .query({ ref: 'main' })
      .reply(200, policyReply('levels:\n  ready:\n    coverage: { lines: 70 }\n'));
    runUpdates(12, patches);
    const probot = await testProbot();
    const payload = workflowRunPayload({ event: 'push', branch: 'main' });
    await probot.receive({ id: 'wr-push', name: 'workflow_run', payload } as never);
    expect(scope.isDone()).toBe(true);
    const done = patches.at(-1)!;
    expect(done.conclusion).toBe('success');
    expect(done.output.summary).toMatch(/<!-- readygate:digest:v1 [A-Za-z0-9+/=]+ -->$/);
  });
});
