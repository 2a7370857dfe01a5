import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { cli, tempRepo } from '../helpers/cli.js';

const API = 'https://api.github.com';
const CHECKS = '/repos/acme/widgets/branches/trunk/protection/required_status_checks';

describe('readygate protect', () => {
  it('--dry-run reads the default branch and its protection, prints what it would change, writes nothing', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets')
      .matchHeader('authorization', 'token admin-token')
      .reply(200, { default_branch: 'trunk' })
      .get(CHECKS)
      .reply(200, { strict: false, contexts: ['ci'], checks: [{ context: 'ci', app_id: 15368 }] });
    const r = await cli(['protect', '--dry-run', '--repo', 'acme/widgets', '--app-id', '42'], tempRepo(), {
      env: { GITHUB_TOKEN: 'admin-token' },
    });
    expect(scope.isDone()).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'acme/widgets: branch protection of trunk: would add readygate (app 42) to the required checks\n' +
        '  required before: ci (app 15368)\n' +
        '  required after:  ci (app 15368), readygate (app 42)\n' +
        'dry run: nothing was changed\n',
    );
  });

  it('applies the change with --check-name and --api-url (GitHub Enterprise Server)', async () => {
    const scope = nock('https://ghe.example/api/v3')
      .get('/repos/acme/widgets')
      .reply(200, { default_branch: 'trunk' })
      .get(CHECKS)
      .reply(200, { strict: false, contexts: [], checks: [] })
      .patch(CHECKS, { checks: [{ context: 'gate' }] })
      .reply(200, {});
    const r = await cli(
      [
        'protect',
        '--check-name',
        'gate',
        '--repo',
        'acme/widgets',
        '--token',
        't',
        '--api-url',
        'https://ghe.example/api/v3',
      ],
      tempRepo(),
    );
    expect(scope.isDone()).toBe(true);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('acme/widgets: branch protection of trunk: added gate (any app) to the required checks');
  });

  it.each([
    [['protect', '--repo', 'a/b'], {}, 'no GitHub token'],
    [['protect', '--repo', 'a/b', '--app-id', 'readygate'], { GITHUB_TOKEN: 't' }, '--app-id must be'],
  ])('%j refuses with a usage error', async (args, env, message) => {
    const r = await cli(args, tempRepo(), { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
