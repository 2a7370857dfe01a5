import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { MAX_EXTENDS, parseExtends, readRemotePolicy } from '../../src/check/policy-chain.js';
import { ConfigError } from '../../src/core/errors.js';
import { API, REPO, testOctokit } from '../github/helpers.js';
import { fileReply, policyFile } from './policy-helpers.js';

const POLICY = '.github%2Freadygate.yml';
const ORIGIN = { ...REPO, path: '.github/readygate.yml' };

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('readRemotePolicy: org defaults', () => {
  it("uses the owner's .github repository when the default branch has no policy, and says so", async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query({ ref: 'main' })
      .reply(404, { message: 'Not Found' })
      .get('/repos/acme/widgets/contents/.github')
      .query({ ref: 'main' })
      .reply(200, [{ name: 'workflows', type: 'dir' }])
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(200, fileReply(policyFile('org-default.yml')));
    const policy = await readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main');
    expect(scope.isDone()).toBe(true);
    expect(policy!.ownText).toBeUndefined();
    expect(Object.keys(policy!.config.levels)).toEqual(['mvp', 'production']);
    expect(policy!.config.require).toBe('production');
    expect(policy!.notices).toEqual([
      "main has no .github/readygate.yml: using the owner's default, acme/.github:.github/readygate.yml",
    ]);
  });

  it("never swaps a repository's policy under another name for the owner's default", async () => {
    // A PR's workflow can point `config` at a path main lacks: that must not reach the org default.
    const scope = nock(API)
      .get('/repos/acme/widgets/contents/.github%2Fmissing.yml')
      .query({ ref: 'main' })
      .reply(404, {})
      .get('/repos/acme/widgets/contents/.github')
      .query({ ref: 'main' })
      .reply(200, [{ name: 'readygate.yml', type: 'file' }]);
    const error = await configError(readRemotePolicy(testOctokit(), REPO, '.github/missing.yml', 'main'));
    expect(scope.isDone()).toBe(true); // acme/.github is never read
    expect(error.message).toContain('main has no .github/missing.yml, but it has a readygate policy');
  });

  it("fails with the reason when the owner's .github is there but refused, rather than judging by less", async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query(true)
      .reply(404, {})
      .get('/repos/acme/widgets/contents/.github')
      .query(true)
      .reply(404, {})
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(403, { message: 'Resource not accessible by integration' });
    await expect(readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main')).rejects.toThrow(
      "cannot read the owner's default policy acme/.github:.github/readygate.yml: Resource not accessible by integration",
    );
    expect(scope.isDone()).toBe(true);
  });

  it('is undefined when neither repository has the file', async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query(true)
      .reply(404, { message: 'Not Found' })
      .get('/repos/acme/widgets/contents/.github')
      .query({ ref: 'main' })
      .reply(200, [{ name: 'workflows', type: 'dir' }])
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(404, { message: 'Not Found' });
    expect(await readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main')).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it('does not look for a default of the .github repository in itself', async () => {
    const scope = nock(API)
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .query(true)
      .reply(404, {})
      .get('/repos/acme/.github/contents/.github')
      .query(true)
      .reply(404, {});
    const repo = { owner: 'acme', repo: '.github' };
    expect(await readRemotePolicy(testOctokit(), repo, '.github/readygate.yml', 'main')).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });
});

describe('readRemotePolicy: _extends', () => {
  it('deep-merges the repository file over the base it names; lists replace', async () => {
    const own = policyFile('repo-extends-org.yml');
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query({ ref: 'main' })
      .reply(200, fileReply(own))
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(200, fileReply(policyFile('org-default.yml')));
    const policy = (await readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main'))!;
    expect(scope.isDone()).toBe(true);
    expect(policy.ownText).toBe(own);
    const { config } = policy;
    // Mappings merge key by key: only coverage.lines changed in production.
    expect(config.levels.production).toEqual({
      coverage: { lines: 70, patch: 80 },
      tests: { pass_rate: 100, min_total: 1 },
      audit: { critical: 0, high: 0 },
    });
    expect(config.levels.mvp).toEqual({ tests: { pass_rate: 95 } });
    // A list replaces the base's list, so a repository can narrow it.
    expect(config.reports.audit).toEqual([]);
    expect(config.reports.coverage).toEqual(['coverage/lcov.info']);
    expect(config.audit_ignore).toEqual([]);
    expect(config.require).toBe('production');
    expect(config).not.toHaveProperty('_extends');
    expect(policy.notices).toEqual(['policy: .github/readygate.yml (main) extends acme/.github:.github/readygate.yml']);
  });

  it("reads owner/repo:path from that repository's default branch (never a ref of the judged change)", async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query({ ref: 'main' })
      .reply(200, fileReply(policyFile('repo-extends-shared.yml')))
      .get('/repos/platform/policies/contents/readygate%2Fstrict.yml')
      .reply(200, fileReply(policyFile('shared-strict.yml')));
    const { config } = (await readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main'))!;
    expect(scope.isDone()).toBe(true);
    expect(config.mode).toBe('warn');
    expect(config.require).toBe('strict');
    expect(config.reports.coverage).toEqual(['coverage/lcov.info']);
    expect(config.levels.strict!.lint).toEqual({ errors: 0 });
  });

  it("follows the owner's default's own _extends", async () => {
    const org = `_extends: platform/policies:readygate/strict.yml\nmode: warn\n`;
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query(true)
      .reply(404, {})
      .get('/repos/acme/widgets/contents/.github')
      .query({ ref: 'main' })
      .reply(200, [{ name: 'workflows', type: 'dir' }])
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(200, fileReply(org))
      .get('/repos/platform/policies/contents/readygate%2Fstrict.yml')
      .reply(200, fileReply(policyFile('shared-strict.yml')));
    const policy = (await readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main'))!;
    expect(scope.isDone()).toBe(true);
    expect(policy.config.mode).toBe('warn');
    expect(policy.notices[1]).toBe(
      'policy: acme/.github:.github/readygate.yml extends platform/policies:readygate/strict.yml',
    );
  });

  it('refuses a cycle, naming every file in it', async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query(true)
      .reply(200, fileReply(policyFile('cycle-a.yml')))
      .get(`/repos/acme/policy-b/contents/${POLICY}`)
      .reply(200, fileReply(policyFile('cycle-b.yml')));
    const error = await configError(readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main'));
    expect(scope.isDone()).toBe(true);
    expect(error.message).toBe('.github/readygate.yml (main): `_extends` makes a cycle');
    expect(error.issues).toEqual([
      '.github/readygate.yml (main) extends acme/policy-b:.github/readygate.yml extends acme/widgets:.github/readygate.yml: remove one of these `_extends`',
    ]);
  });

  it(`stops a chain longer than ${MAX_EXTENDS} bases`, async () => {
    let scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query(true)
      .reply(200, fileReply('_extends: base1\nlevels: { a: {} }\n'));
    for (let i = 1; i <= MAX_EXTENDS; i++)
      scope = scope.get(`/repos/acme/base${i}/contents/${POLICY}`).reply(200, fileReply(`_extends: base${i + 1}\n`));
    const error = await configError(readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main'));
    expect(scope.isDone()).toBe(true); // base6 is never requested
    expect(error.message).toBe(`.github/readygate.yml (main): \`_extends\` goes deeper than ${MAX_EXTENDS} files`);
    expect(error.issues[0]).toContain('acme/base5:.github/readygate.yml: flatten the chain');
  });

  it('fails on a base that does not exist, naming the file that names it', async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query(true)
      .reply(200, fileReply('_extends: acme/gone\nrequire: a\n'))
      .get(`/repos/acme/gone/contents/${POLICY}`)
      .reply(404, { message: 'Not Found' });
    const error = await configError(readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main'));
    expect(scope.isDone()).toBe(true);
    expect(error.message).toBe(
      '.github/readygate.yml (main): its `_extends` base acme/gone:.github/readygate.yml does not exist',
    );
  });

  it('names the file and line that sets a bad value in the merged policy', async () => {
    const scope = nock(API)
      .get(`/repos/acme/widgets/contents/${POLICY}`)
      .query(true)
      .reply(200, fileReply('_extends: .github\nrequire: gold\n'))
      .get(`/repos/acme/.github/contents/${POLICY}`)
      .reply(200, fileReply('levels:\n  silver:\n    tests: { pass_rate: 190 }\n'));
    const error = await configError(readRemotePolicy(testOctokit(), REPO, '.github/readygate.yml', 'main'));
    expect(scope.isDone()).toBe(true);
    expect(error.message).toBe('.github/readygate.yml (main) + acme/.github:.github/readygate.yml has 2 problems');
    expect(error.issues).toEqual([
      'acme/.github:.github/readygate.yml:3: `levels.silver.tests.pass_rate`: must be at most 100',
      '.github/readygate.yml (main):2: `require`: unknown level "gold" (levels: silver)',
    ]);
  });
});

describe('parseExtends', () => {
  const file = 'x.yml';
  it.each([
    ['.github', { owner: 'acme', repo: '.github', path: '.github/readygate.yml' }],
    ['other/settings', { owner: 'other', repo: 'settings', path: '.github/readygate.yml' }],
    ['settings:policies/ci.yaml', { owner: 'acme', repo: 'settings', path: 'policies/ci.yaml' }],
  ])('reads %s as Probot does', (value, expected) => {
    expect(parseExtends(value, file, ORIGIN)).toEqual(expected);
  });

  it.each([[42], [['a']], ['a/b/c'], ['repo:../secrets.yml'], ['repo:/etc/x.yml'], ['repo:policy.json'], ['']])(
    'refuses %j, naming the file and the accepted forms',
    (value) => {
      let error: unknown;
      try {
        parseExtends(value, file, ORIGIN);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/^x\.yml: `_extends/);
      expect((error as ConfigError).issues[0]).toContain('`owner/repo:path/to/file.yml`');
    },
  );
});
