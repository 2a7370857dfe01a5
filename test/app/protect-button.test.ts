// The "Require this check" button on the App's run: for an admin it requires the App's check on the
// default branch and writes what changed into the run; for anyone else it changes nothing and says
// why. The App's completed runs carry the button.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { APP_ID, REPO_PATH, SHA, example, testProbot, tokenScope, type Loose } from './harness.js';

const CHECKS = `${REPO_PATH}/branches/main/protection/required_status_checks`;

function clicked(login: string) {
  const payload = example('check_run', 'requested_action');
  payload.check_run = {
    ...payload.check_run,
    id: 11,
    name: 'readygate',
    head_sha: SHA,
    app: { ...payload.check_run.app, id: APP_ID },
  };
  payload.requested_action = { identifier: 'protect' };
  payload.sender = { ...payload.sender, login };
  return payload;
}

const currentRun = {
  id: 11,
  status: 'completed',
  output: { title: '✅ production reached', summary: 'the summary\n<!-- readygate:digest:v1 AAAA -->', text: null },
};

function permission(scope: nock.Scope, login: string, level: string): nock.Scope {
  return scope
    .get(`${REPO_PATH}/collaborators/${login}/permission`)
    .reply(200, { permission: level, role_name: level, user: { login } });
}

describe('the "Require this check" button', () => {
  it('for an admin: pins the check to the App in the branch protection and reports it in the run', async () => {
    let protection: Loose | undefined;
    let update: Loose | undefined;
    const scope = permission(tokenScope(), 'octo-admin', 'admin')
      .get(CHECKS)
      .reply(200, { strict: true, contexts: ['ci/build'], checks: [{ context: 'ci/build', app_id: null }] })
      .patch(CHECKS, (b) => ((protection = b), true))
      .reply(200, {})
      .get(`${REPO_PATH}/check-runs/11`)
      .reply(200, currentRun)
      .patch(`${REPO_PATH}/check-runs/11`, (b) => ((update = b), true))
      .reply(200, {});
    const probot = await testProbot();
    await probot.receive({ id: 'protect-1', name: 'check_run', payload: clicked('octo-admin') } as never);
    expect(scope.isDone()).toBe(true);
    expect(protection).toEqual({
      checks: [
        { context: 'ci/build', app_id: -1 },
        { context: 'readygate', app_id: APP_ID },
      ],
    });
    // The summary (and the digest at its end) is sent back unchanged; the result goes into the text.
    expect(update!.output.summary).toBe(currentRun.output.summary);
    expect(update!.output.title).toBe(currentRun.output.title);
    expect(update!.output.text).toContain(`branch protection of main: added readygate (app ${APP_ID})`);
    expect(update!.output.text).toContain('Requested by `octo-admin`');
    expect(update!.actions.map((a: Loose) => a.identifier)).toEqual(['readygate-recheck']);
  });

  it('for a writer: changes nothing and says only an administrator can', async () => {
    let update: Loose | undefined;
    const scope = permission(tokenScope(), 'octo-writer', 'write')
      .get(`${REPO_PATH}/check-runs/11`)
      .reply(200, { ...currentRun, output: { ...currentRun.output, text: 'earlier text' } })
      .patch(`${REPO_PATH}/check-runs/11`, (b) => ((update = b), true))
      .reply(200, {});
    const probot = await testProbot();
    await probot.receive({ id: 'protect-2', name: 'check_run', payload: clicked('octo-writer') } as never);
    expect(scope.isDone()).toBe(true);
    expect(update!.output.text).toContain('Only an administrator of acme/widgets can require this check');
    expect(update!.output.text).toContain('write permission');
    expect(update!.output.text).toMatch(/earlier text$/);
    expect(update!.actions.map((a: Loose) => a.identifier)).toEqual(['readygate-recheck', 'protect']);
  });

  it('without the administration permission: says which permission to grant, nothing thrown', async () => {
    let update: Loose | undefined;
    const scope = permission(tokenScope(), 'octo-admin', 'admin')
      .get(CHECKS)
      .reply(403, { message: 'Resource not accessible by integration' })
      .get(`${REPO_PATH}/check-runs/11`)
      .reply(200, currentRun)
      .patch(`${REPO_PATH}/check-runs/11`, (b) => ((update = b), true))
      .reply(200, {});
    const probot = await testProbot();
    await probot.receive({ id: 'protect-3', name: 'check_run', payload: clicked('octo-admin') } as never);
    expect(scope.isDone()).toBe(true);
    expect(update!.output.text).toContain('HTTP 403');
    expect(update!.output.text).toContain('administration: write');
    expect(update!.output.text).toContain(`readygate protect --app-id ${APP_ID}`);
  });
});
