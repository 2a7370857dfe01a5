// pull_request and push: the waiting check run on the head commit, named after the required level.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  API,
  APP,
  REPO_PATH,
  SHA,
  STRICT,
  example,
  ownRun,
  ownRuns,
  policyReply,
  testProbot,
  tokenScope,
  type Loose,
} from './harness.js';

describe('pull_request events', () => {
  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])(
    '%s: an in-progress readygate run on the head SHA, titled with the required level',
    async (action) => {
      const payload = example('pull_request', action);
      payload.pull_request.head.sha = SHA;
      payload.pull_request.base.ref = 'main';
      let created: Loose | undefined;
      const scope = ownRuns(tokenScope())
        .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
        .query({ ref: 'main' })
        .reply(200, policyReply(`${STRICT}  beta:\n    tests: { max_failed: 5 }\nrequire: ready\n`))
        .post(`${REPO_PATH}/check-runs`, (b) => ((created = b), true))
        .reply(201, { id: 11, html_url: 'https://github.com/acme/widgets/runs/11', app: APP });
      const probot = await testProbot();
      await probot.receive({ id: `pr-${action}`, name: 'pull_request', payload } as never);
      expect(scope.isDone()).toBe(true);
      expect(created).toMatchObject({
        name: 'readygate',
        head_sha: SHA,
        status: 'in_progress',
        output: { title: 'Waiting for the CI report (required level: ready)' },
      });
      expect(created!.output.summary).toContain('readygate-report');
    },
  );

  it("leaves a commit alone that already has the App's run (the CI finished first)", async () => {
    const payload = example('pull_request', 'synchronize');
    payload.pull_request.head.sha = SHA;
    // The policy is read (it says whether the roadmap is synced); no run is created.
    const scope = ownRuns(tokenScope(), [ownRun(11, 'completed', 3)])
      .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
      .query({ ref: 'main' })
      .reply(200, policyReply(STRICT));
    const probot = await testProbot();
    await probot.receive({ id: 'pr-again', name: 'pull_request', payload } as never);
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('ignores actions that do not change what is judged (labeled)', async () => {
    const probot = await testProbot();
    await probot.receive({
      id: 'pr-label',
      name: 'pull_request',
      payload: example('pull_request', 'labeled'),
    } as never);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('per pull request, the newest head wins', () => {
  const OLD = '1'.repeat(40);
  const NEW = '2'.repeat(40);
  const synchronize = (sha: string, updatedAt: string) => {
    const payload = example('pull_request', 'synchronize');
    Object.assign(payload.pull_request, { number: 7, updated_at: updatedAt });
    payload.pull_request.head.sha = sha;
    payload.pull_request.base.ref = 'main';
    return payload;
  };
  const policy = (scope: nock.Scope) =>
    scope.get(`${REPO_PATH}/contents/.github%2Freadygate.yml`).query({ ref: 'main' }).reply(200, policyReply(STRICT));

  it("a new head finishes the old head's waiting run as superseded; a late event for the old head does nothing", async () => {
    const probot = await testProbot();
    let scope = policy(ownRuns(tokenScope(), [], OLD))
      .post(`${REPO_PATH}/check-runs`)
      .reply(201, { id: 31, html_url: 'u', app: APP });
    await probot.receive({
      id: 'sync-old',
      name: 'pull_request',
      payload: synchronize(OLD, '2026-12-01T10:00:00Z'),
    } as never);
    expect(scope.isDone()).toBe(true);

    let superseded: Loose | undefined;
    scope = ownRuns(nock(API), [ownRun(31, 'in_progress', 0, OLD)], OLD)
      .patch(`${REPO_PATH}/check-runs/31`, (b) => ((superseded = b), true))
      .reply(200, {});
    scope = policy(ownRuns(scope, [], NEW))
      .post(`${REPO_PATH}/check-runs`)
      .reply(201, { id: 32, html_url: 'u', app: APP });
    await probot.receive({
      id: 'sync-new',
      name: 'pull_request',
      payload: synchronize(NEW, '2026-12-01T10:05:00Z'),
    } as never);
    expect(scope.isDone()).toBe(true);
    expect(superseded).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
      output: { title: `Superseded by ${NEW.slice(0, 7)}` },
    });

    // The old head's event delivered again, late: no request at all (nock would refuse one).
    await probot.receive({
      id: 'sync-old-late',
      name: 'pull_request',
      payload: synchronize(OLD, '2026-12-01T10:00:00Z'),
    } as never);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("leaves the old head's run alone when it already has its verdict", async () => {
    const probot = await testProbot();
    policy(ownRuns(tokenScope(), [], OLD))
      .post(`${REPO_PATH}/check-runs`)
      .reply(201, { id: 31, html_url: 'u', app: APP });
    await probot.receive({ id: 'a', name: 'pull_request', payload: synchronize(OLD, '2026-12-01T10:00:00Z') } as never);
    const scope = policy(ownRuns(ownRuns(nock(API), [ownRun(31, 'completed', 2, OLD)], OLD), [], NEW))
      .post(`${REPO_PATH}/check-runs`)
      .reply(201, { id: 32, html_url: 'u', app: APP });
    await probot.receive({ id: 'b', name: 'pull_request', payload: synchronize(NEW, '2026-12-01T10:05:00Z') } as never);
    expect(scope.isDone()).toBe(true);
  });
});

describe('push events', () => {
  it('a push to the default branch gets a waiting run on its commit', async () => {
    const payload = example('push');
    Object.assign(payload, { ref: 'refs/heads/main', after: SHA, deleted: false });
    let created: Loose | undefined;
    const scope = ownRuns(tokenScope())
      .get(`${REPO_PATH}/contents/.github%2Freadygate.yml`)
      .query({ ref: 'main' })
      .reply(404, { message: 'Not Found' })
      .get(`${REPO_PATH}/contents/.github`)
      .query({ ref: 'main' })
      .reply(404, { message: 'Not Found' })
      .get('/repos/acme/.github/contents/.github%2Freadygate.yml')
      .reply(404, { message: 'Not Found' })
      .post(`${REPO_PATH}/check-runs`, (b) => ((created = b), true))
      .reply(201, { id: 12, html_url: 'u', app: APP });
    const probot = await testProbot();
    await probot.receive({ id: 'push-main', name: 'push', payload } as never);
    expect(scope.isDone()).toBe(true);
    expect(created).toMatchObject({ head_sha: SHA, status: 'in_progress' });
    expect(created!.output.title).toMatch(/^Waiting for the CI report \(required level: \w+\)$/);
  });

  it.each([
    ['a tag', { ref: 'refs/tags/v1' }],
    ['another branch', { ref: 'refs/heads/feature' }],
    ['a deleted default branch', { ref: 'refs/heads/main', deleted: true }],
  ])('a push of %s does nothing', async (_, fields) => {
    const payload = { ...example('push'), deleted: false, ...fields };
    const probot = await testProbot();
    await probot.receive({ id: `push-${fields.ref}`, name: 'push', payload } as never);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
