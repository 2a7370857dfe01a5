// Asked again (check_run rerequested or "Check again", check_suite rerequested): judged from the
// commit's newest report artifact into the App's own run and the same comment. A commit whose runs
// all finished without a report gets action_required with the step to add.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  APP,
  APP_ID,
  BASE_SHA,
  BOT,
  FILES,
  REPO_PATH,
  SHA,
  STRICT,
  artifactDownload,
  artifactList,
  example,
  marked,
  ownRun,
  ownRuns,
  policyReply,
  reportZip,
  runUpdates,
  testProbot,
  tokenScope,
  withPatch,
  workflowRunPayload,
  type Loose,
} from './harness.js';

const runs = (...list: { id: number; status: string; event?: string }[]) => ({
  total_count: list.length,
  workflow_runs: list.map((r, i) => ({
    id: r.id,
    head_sha: SHA,
    head_branch: 'feature',
    head_repository: { full_name: 'acme/widgets' },
    event: r.event ?? 'pull_request',
    status: r.status,
    html_url: `https://github.com/acme/widgets/actions/runs/${r.id}`,
    created_at: `2026-12-01T1${i}:00:00Z`,
  })),
});

function checkRunPayload(action: 'rerequested' | 'requested_action') {
  const payload = example('check_run', action);
  payload.check_run = {
    ...payload.check_run,
    name: 'readygate',
    head_sha: SHA,
    app: { ...payload.check_run.app, id: APP_ID },
  };
  return payload;
}

describe('judging again', () => {
  it.each(['rerequested', 'requested_action'] as const)(
    'check_run %s: the newest artifact, into the existing run and comment (no duplicates)',
    async (action) => {
      const zip = reportZip(withPatch());
      const updates: Loose[] = [];
      let edited: string | undefined;
      let scope = tokenScope()
        .get(`${REPO_PATH}/actions/runs`)
        .query({ head_sha: SHA, per_page: '100' })
        .reply(200, runs({ id: 41, status: 'completed' }, { id: 42, status: 'completed' }));
      scope = artifactList(scope, 42, zip); // the newest run has the report: 41 is never asked
      scope = ownRuns(scope, [ownRun(11, 'completed', 0)])
        .get(`${REPO_PATH}/pulls`)
        .query({ state: 'open', head: 'acme:feature', per_page: '100' })
        .reply(200, [
          { number: 5, head: { sha: SHA, repo: { full_name: 'acme/widgets' } }, base: { sha: BASE_SHA, ref: 'main' } },
        ]);
      scope = artifactDownload(artifactList(scope, 42, zip), zip)
        .get(`${REPO_PATH}/pulls/5/files`)
        .query(true)
        .reply(200, FILES)
        .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
        .query({ ref: 'main' })
        .reply(200, policyReply(STRICT))
        .get(`${REPO_PATH}/commits/${BASE_SHA}/check-runs`)
        .query(true)
        .reply(200, { total_count: 0, check_runs: [] })
        .get(`${REPO_PATH}/issues/5/comments`)
        .query(true)
        .reply(200, [marked(3, BOT)])
        .patch(`${REPO_PATH}/issues/comments/3`, (b) => ((edited = b.body), true))
        .reply(200, { id: 3, html_url: 'c' });
      runUpdates(11, updates);
      const probot = await testProbot();
      await probot.receive({ id: `again-${action}`, name: 'check_run', payload: checkRunPayload(action) } as never);
      expect(scope.isDone()).toBe(true);
      expect(updates.at(-1)).toMatchObject({ conclusion: 'failure' });
      expect(edited).toContain('1 failed tests');
    },
  );

  it('a run that already carries annotations gets a fresh run (the API would append them twice)', async () => {
    const zip = reportZip(withPatch());
    let created: Loose | undefined;
    let scope = tokenScope()
      .get(`${REPO_PATH}/actions/runs`)
      .query(true)
      .reply(200, runs({ id: 42, status: 'completed' }));
    scope = artifactList(scope, 42, zip);
    scope = ownRuns(scope, [ownRun(11, 'completed', 4)])
      .post(`${REPO_PATH}/check-runs`, (b) => ((created = b), true))
      .reply(201, { id: 12, html_url: 'u', app: APP })
      .get(`${REPO_PATH}/pulls`)
      .query(true)
      .reply(200, []);
    scope = artifactDownload(artifactList(scope, 42, zip), zip)
      .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
      .query(true)
      .reply(200, policyReply(STRICT));
    const updates: Loose[] = [];
    runUpdates(12, updates);
    const probot = await testProbot();
    await probot.receive({
      id: 'again-annotated',
      name: 'check_run',
      payload: checkRunPayload('rerequested'),
    } as never);
    expect(scope.isDone()).toBe(true);
    expect(created).toMatchObject({ head_sha: SHA, status: 'in_progress' });
    expect(updates.at(-1)!.conclusion).toBe('failure');
  });

  it('check_suite rerequested while a workflow run is still going decides nothing yet', async () => {
    const payload = example('check_suite', 'rerequested');
    payload.check_suite = { ...payload.check_suite, head_sha: SHA, app: { ...payload.check_suite.app, id: APP_ID } };
    const scope = tokenScope()
      .get(`${REPO_PATH}/actions/runs`)
      .query(true)
      .reply(200, runs({ id: 41, status: 'completed' }, { id: 42, status: 'in_progress' }));
    artifactList(scope, 41);
    const probot = await testProbot();
    await probot.receive({ id: 'suite-again', name: 'check_suite', payload } as never);
    expect(scope.isDone()).toBe(true);
  });

  it("ignores another app's check runs", async () => {
    const payload = checkRunPayload('rerequested');
    payload.check_run.app.id = 99;
    const probot = await testProbot();
    await probot.receive({ id: 'other-app', name: 'check_run', payload } as never);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('a commit whose workflow runs all finished without a readygate-report', () => {
  it('concludes action_required with the YAML step to add', async () => {
    const updates: Loose[] = [];
    let scope = artifactList(tokenScope(), 42); // this run uploaded nothing
    scope = ownRuns(scope, [ownRun(11, 'in_progress')])
      .get(`${REPO_PATH}/actions/runs`)
      .query({ head_sha: SHA, per_page: '100' })
      .reply(200, runs({ id: 41, status: 'completed' }, { id: 42, status: 'completed' }));
    scope = artifactList(artifactList(scope, 42), 41);
    runUpdates(11, updates);
    const probot = await testProbot();
    await probot.receive({ id: 'missing', name: 'workflow_run', payload: workflowRunPayload() } as never);
    expect(scope.isDone()).toBe(true);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      conclusion: 'action_required',
      details_url: 'https://github.com/acme/widgets/actions',
      output: { title: 'No readygate report: add the readygate step to your CI' },
    });
    const summary = updates[0]!.output.summary as string;
    expect(summary).toContain(
      '```yaml\n      - uses: readygate/readygate@v1\n        if: always()\n        with:\n          mode: report',
    );
    expect(summary).toContain('[run 41](https://github.com/acme/widgets/actions/runs/41)');
  });

  it('a run without a report on a commit nobody waits on decides nothing', async () => {
    const scope = ownRuns(artifactList(tokenScope(), 42), [ownRun(11, 'completed', 2)]);
    const probot = await testProbot();
    await probot.receive({ id: 'not-waiting', name: 'workflow_run', payload: workflowRunPayload() } as never);
    expect(scope.isDone()).toBe(true);
  });
});
