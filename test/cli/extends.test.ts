import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { fileReply, policyFile } from '../check/policy-helpers.js';
import { cli, tempRepo } from '../helpers/cli.js';

const JUNIT = '<testsuite name="s"><testcase name="ok" classname="c"/></testsuite>';
const CHILD = `_extends: platform/policies:readygate/strict.yml
reports:
  tests: [junit.xml]
levels:
  strict:
    coverage: { lines: 0, branches: 0 }
    lint: { errors: 5 }
`;

describe('readygate check with _extends', () => {
  it('reads the bases through the API with a token and repository', async () => {
    const scope = nock('https://api.github.com')
      .get('/repos/platform/policies/contents/readygate%2Fstrict.yml')
      .matchHeader('authorization', 'token t0k3n')
      .reply(200, fileReply(policyFile('shared-strict.yml')));
    const dir = tempRepo({ '.github/readygate.yml': CHILD, 'junit.xml': JUNIT });
    const r = await cli(['check', '--repo', 'acme/widgets', '--format', 'json'], dir, {
      env: { GITHUB_TOKEN: 't0k3n' },
    });
    expect(scope.isDone()).toBe(true);
    const report = JSON.parse(r.stdout) as { required: string; notices: string[]; gates: { id: string }[] };
    expect(report.required).toBe('strict');
    expect(report.notices).toContain('policy: .github/readygate.yml extends platform/policies:readygate/strict.yml');
    // tests.max_failed: 0 comes from the base; the child's lint and coverage gates too.
    expect(report.gates.map((g) => g.id)).toContain('tests.max_failed');
    expect(r.code).toBe(1); // coverage and lint reports are missing: the base's missing: fail applies
  });

  it('without a token judges the file alone and says plainly that the bases were not read', async () => {
    const dir = tempRepo({ '.github/readygate.yml': CHILD, 'junit.xml': JUNIT });
    const r = await cli(['check', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { notices: string[]; gates: { id: string }[] };
    expect(report.notices).toContain(
      '.github/readygate.yml extends "platform/policies:readygate/strict.yml", which readygate could not read (no GitHub token: set GITHUB_TOKEN or pass --token): the file is judged alone',
    );
    expect(report.gates.map((g) => g.id)).not.toContain('tests.max_failed');
  });

  it('fails with the reason when the file alone is not a policy', async () => {
    const dir = tempRepo({ '.github/readygate.yml': '_extends: .github\nrequire: production\n', 'junit.xml': JUNIT });
    const r = await cli(['validate'], dir, { env: { GITHUB_TOKEN: 't' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.github/readygate.yml: `levels`: define at least one level');
    expect(r.stderr).toContain(
      'which readygate could not read (no git remote "origin" to take the repository from: pass --repo OWNER/REPO)',
    );
  });

  it('validate checks the merged policy and names the base', async () => {
    const scope = nock('https://ghe.example/api/v3')
      .get('/repos/acme/.github/contents/.github%2Freadygate.yml')
      .reply(200, fileReply(policyFile('org-default.yml')));
    const dir = tempRepo({ '.github/readygate.yml': policyFile('repo-extends-org.yml') });
    const r = await cli(
      ['validate', '--repo', 'acme/widgets', '--token', 't', '--api-url', 'https://ghe.example/api/v3'],
      dir,
    );
    expect(scope.isDone()).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'note: policy: .github/readygate.yml extends acme/.github:.github/readygate.yml\n.github/readygate.yml is valid: levels mvp < production; required production; reports for coverage, tests\n',
    );
  });
});
