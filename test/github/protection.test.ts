import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { describeProtection, protectFromButton } from '../../src/github/protection-text.js';
import { appliesTo, protectDefaultBranch } from '../../src/github/protection.js';
import { API, REPO, testOctokit } from './helpers.js';

const CHECKS = '/repos/acme/widgets/branches/main/protection/required_status_checks';
const APP = 123456;
/** A status-check-policy as GitHub answers it. */
const policy = (checks: { context: string; app_id: number | null }[]) => ({
  url: `${API}${CHECKS}`,
  strict: true,
  contexts: checks.map((c) => c.context),
  checks,
  contexts_url: `${API}${CHECKS}/contexts`,
});
const opts = { checkName: 'readygate', dryRun: false, branch: 'main' };

describe('protectDefaultBranch: classic branch protection', () => {
  it('adds the check pinned to the app, sending every existing check back unchanged', async () => {
    let body: unknown;
    const scope = nock(API)
      .get('/repos/acme/widgets')
      .reply(200, { default_branch: 'main' })
      .get(CHECKS)
      .reply(
        200,
        policy([
          { context: 'ci/build', app_id: null },
          { context: 'lint', app_id: 15368 },
        ]),
      )
      .patch(CHECKS, (b: unknown) => ((body = b), true))
      .reply(200, {});
    const change = await protectDefaultBranch(testOctokit(), REPO, {
      checkName: 'readygate',
      appId: APP,
      dryRun: false,
    });
    expect(scope.isDone()).toBe(true);
    // An unpinned check stays "any app" (-1): omitting app_id would let GitHub pin it.
    expect(body).toEqual({
      checks: [
        { context: 'ci/build', app_id: -1 },
        { context: 'lint', app_id: 15368 },
        { context: 'readygate', app_id: APP },
      ],
    });
    expect(change).toMatchObject({ kind: 'branch-protection', outcome: 'added', applied: true });
    expect(describeProtection(change, 'readygate')).toBe(
      `branch protection of main: added readygate (app ${APP}) to the required checks\n` +
        '  required before: ci/build (any app), lint (app 15368)\n' +
        `  required after:  ci/build (any app), lint (app 15368), readygate (app ${APP})\n`,
    );
  });

  it('without an app id leaves the new check to GitHub (no app_id)', async () => {
    let body: unknown;
    const scope = nock(API)
      .get(CHECKS)
      .reply(200, policy([]))
      .patch(CHECKS, (b: unknown) => ((body = b), true))
      .reply(200, {});
    await protectDefaultBranch(testOctokit(), REPO, opts);
    expect(scope.isDone()).toBe(true);
    expect(body).toEqual({ checks: [{ context: 'readygate' }] });
  });

  it('pins a readygate check any app may set to the App', async () => {
    let body: unknown;
    const scope = nock(API)
      .get(CHECKS)
      .reply(200, policy([{ context: 'readygate', app_id: null }]))
      .patch(CHECKS, (b: unknown) => ((body = b), true))
      .reply(200, {});
    const change = await protectDefaultBranch(testOctokit(), REPO, { ...opts, appId: APP });
    expect(scope.isDone()).toBe(true);
    expect(body).toEqual({ checks: [{ context: 'readygate', app_id: APP }] });
    expect(change.outcome).toBe('pinned');
  });

  it('changes nothing when the check is already required as asked', async () => {
    const scope = nock(API)
      .get(CHECKS)
      .reply(200, policy([{ context: 'readygate', app_id: APP }]));
    const change = await protectDefaultBranch(testOctokit(), REPO, { ...opts, appId: APP });
    expect(scope.isDone()).toBe(true);
    expect(describeProtection(change, 'readygate')).toBe(
      `readygate is already required by branch protection of main (app ${APP}): nothing to change\n`,
    );
  });

  it('a dry run reads and says what it would change, writing nothing', async () => {
    const scope = nock(API)
      .get(CHECKS)
      .reply(200, policy([{ context: 'ci', app_id: null }]));
    const change = await protectDefaultBranch(testOctokit(), REPO, { ...opts, dryRun: true });
    expect(scope.isDone()).toBe(true); // a PATCH would have no interceptor and fail
    expect(describeProtection(change, 'readygate')).toBe(
      'branch protection of main: would add readygate (any app) to the required checks\n' +
        '  required before: ci (any app)\n' +
        '  required after:  ci (any app), readygate (any app)\n' +
        'dry run: nothing was changed\n',
    );
  });

  it('says which rights it needs when GitHub refuses', async () => {
    const scope = nock(API).get(CHECKS).reply(403, { message: 'Resource not accessible by integration' });
    await expect(protectDefaultBranch(testOctokit(), REPO, opts)).rejects.toThrow(
      /GitHub refused reading the branch protection of main \(HTTP 403\).*admin rights.*administration: write/,
    );
    expect(scope.isDone()).toBe(true);
  });
});

const ruleset = (id: number, over: object) => ({
  id,
  name: `set ${id}`,
  target: 'branch',
  source_type: 'Repository',
  source: 'acme/widgets',
  enforcement: 'active',
  conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
  rules: [],
  ...over,
});

describe('protectDefaultBranch: rulesets', () => {
  it("adds the check to an active ruleset's required_status_checks rule, keeping every other rule", async () => {
    const statusRule = {
      type: 'required_status_checks',
      parameters: {
        strict_required_status_checks_policy: true,
        do_not_enforce_on_create: false,
        required_status_checks: [{ context: 'ci/build', integration_id: 15368 }],
      },
    };
    let body: unknown;
    const scope = nock(API)
      .get(CHECKS)
      .reply(404, { message: 'Branch not protected' })
      .get('/repos/acme/widgets/rulesets')
      .query({ includes_parents: 'false', per_page: '100' })
      .reply(
        200,
        [{ id: 1 }, { id: 2 }, { id: 3 }].map((r) => ruleset(r.id, {})),
      )
      .get('/repos/acme/widgets/rulesets/1')
      .reply(200, ruleset(1, { enforcement: 'disabled', rules: [statusRule] }))
      .get('/repos/acme/widgets/rulesets/2')
      .reply(200, ruleset(2, { conditions: { ref_name: { include: ['refs/heads/release/*'] } }, rules: [statusRule] }))
      .get('/repos/acme/widgets/rulesets/3')
      .reply(200, ruleset(3, { rules: [{ type: 'deletion' }, statusRule] }))
      .put('/repos/acme/widgets/rulesets/3', (b: unknown) => ((body = b), true))
      .reply(200, {});
    const change = await protectDefaultBranch(testOctokit(), REPO, { ...opts, appId: APP });
    expect(scope.isDone()).toBe(true);
    expect(body).toEqual({
      rules: [
        { type: 'deletion' },
        {
          type: 'required_status_checks',
          parameters: {
            strict_required_status_checks_policy: true,
            do_not_enforce_on_create: false,
            required_status_checks: [
              { context: 'ci/build', integration_id: 15368 },
              { context: 'readygate', integration_id: APP },
            ],
          },
        },
      ],
    });
    expect(change).toMatchObject({ kind: 'ruleset', where: 'ruleset "set 3" (id 3)', outcome: 'added' });
  });

  it('creates a ruleset for the default branch when nothing requires checks yet', async () => {
    let body: unknown;
    const scope = nock(API)
      .get(CHECKS)
      .reply(404, { message: 'Required status checks not enabled' })
      .get('/repos/acme/widgets/rulesets')
      .query(true)
      .reply(200, [ruleset(9, { source_type: 'Organization', source: 'acme' })])
      .post('/repos/acme/widgets/rulesets', (b: unknown) => ((body = b), true))
      .reply(201, { id: 10 });
    const change = await protectDefaultBranch(testOctokit(), REPO, { ...opts, appId: APP });
    expect(scope.isDone()).toBe(true); // the organization's ruleset is not read or edited
    expect(body).toEqual({
      name: 'readygate',
      target: 'branch',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
      rules: [
        {
          type: 'required_status_checks',
          parameters: {
            strict_required_status_checks_policy: false,
            required_status_checks: [{ context: 'readygate', integration_id: APP }],
          },
        },
      ],
    });
    expect(describeProtection(change, 'readygate')).toBe(
      `created a new ruleset "readygate" on the default branch requiring readygate (app ${APP})\n`,
    );
  });

  it.each([
    [{ include: ['~ALL'] }, true],
    [{ include: ['refs/heads/main'] }, true],
    [{ include: ['refs/heads/ma*'] }, true],
    [{ include: ['~ALL'], exclude: ['refs/heads/main'] }, false],
    [{ include: ['refs/heads/release/*'] }, false],
    [{}, false],
  ])('ref_name %j applies to main: %s', (refName, expected) => {
    expect(appliesTo(refName, 'main')).toBe(expected);
  });
});

describe('protectFromButton (the App)', () => {
  it('explains the optional administration permission when the installation lacks it', async () => {
    const scope = nock(API).get(CHECKS).reply(403, { message: 'Resource not accessible by integration' });
    const result = await protectFromButton(testOctokit(), REPO, { appId: APP, checkName: 'readygate', branch: 'main' });
    expect(scope.isDone()).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.text).toContain('optional permission');
    expect(result.text).toContain(`readygate protect --app-id ${APP}`);
  });

  it('requires the check with the App id and says so', async () => {
    const scope = nock(API)
      .get(CHECKS)
      .reply(200, policy([]))
      .patch(CHECKS, { checks: [{ context: 'readygate', app_id: APP }] })
      .reply(200, {});
    const result = await protectFromButton(testOctokit(), REPO, { appId: APP, checkName: 'readygate', branch: 'main' });
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      ok: true,
      text: `branch protection of main: added readygate (app ${APP}) to the required checks\n  required before: none\n  required after:  readygate (app ${APP})\n`,
    });
  });
});
