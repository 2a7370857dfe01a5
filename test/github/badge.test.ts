import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { commitBadge, renderBadge } from '../../src/github/badge.js';
import { API, REPO, sampleReport, testOctokit } from './helpers.js';

const files = renderBadge(sampleReport());
const treeBody = (base?: string) => ({
  ...(base && { base_tree: base }),
  tree: Object.entries(files).map(([path, content]) => ({ path, mode: '100644', type: 'blob', content })),
});

describe('renderBadge', () => {
  it('shows the level reached, as SVG and as a shields.io endpoint', () => {
    expect(files['readygate.svg']).toMatch(/^<svg[\s\S]*beta[\s\S]*<\/svg>$/);
    expect(JSON.parse(files['readygate.json']!)).toEqual({
      schemaVersion: 1,
      label: 'readygate',
      message: 'beta',
      color: 'green',
    });
    expect(JSON.parse(renderBadge(sampleReport({ verdict: 'fail', level: null }))['readygate.json']!)).toMatchObject({
      message: 'not ready',
      color: 'red',
    });
  });

  it('writes a badge per signal, grey "unknown" for a signal without data so none goes stale', () => {
    expect(Object.keys(files).sort()).toEqual(
      ['readygate', ...['audit', 'coverage', 'lint', 'roadmap', 'tests'].map((s) => `readygate-${s}`)]
        .flatMap((name) => [`${name}.json`, `${name}.svg`])
        .sort(),
    );
    expect(JSON.parse(files['readygate-coverage.json']!)).toEqual({
      schemaVersion: 1,
      label: 'coverage',
      message: '80%',
      color: 'brightgreen',
    });
    expect(JSON.parse(files['readygate-tests.json']!)).toMatchObject({ label: 'tests', message: '9/10' });
    expect(JSON.parse(files['readygate-audit.json']!)).toEqual({
      schemaVersion: 1,
      label: 'audit',
      message: 'unknown',
      color: 'lightgrey',
    });
    expect(files['readygate-lint.svg']).toMatch(/^<svg[\s\S]*1 error[\s\S]*<\/svg>$/);
  });
});

describe('commitBadge', () => {
  it('creates the branch as an orphan commit, then updates only that branch', async () => {
    const octokit = testOctokit();
    const create = nock(API)
      .get('/repos/acme/widgets/git/ref/heads%2Fbadges')
      .reply(404, { message: 'Not Found' })
      .post('/repos/acme/widgets/git/trees', treeBody())
      .reply(201, { sha: 't1' })
      .post('/repos/acme/widgets/git/commits', { message: 'badge 1', tree: 't1', parents: [] })
      .reply(201, { sha: 'c1' })
      .post('/repos/acme/widgets/git/refs', { ref: 'refs/heads/badges', sha: 'c1' })
      .reply(201, { ref: 'refs/heads/badges' });
    expect(await commitBadge(octokit, REPO, 'badges', files, 'badge 1')).toEqual({ action: 'created', sha: 'c1' });
    expect(create.isDone()).toBe(true);

    const update = nock(API)
      .get('/repos/acme/widgets/git/ref/heads%2Fbadges')
      .reply(200, { object: { sha: 'c1' } })
      .get('/repos/acme/widgets/git/commits/c1')
      .reply(200, { sha: 'c1', tree: { sha: 't0' } })
      .post('/repos/acme/widgets/git/trees', treeBody('t0'))
      .reply(201, { sha: 't2' })
      .post('/repos/acme/widgets/git/commits', { message: 'badge 2', tree: 't2', parents: ['c1'] })
      .reply(201, { sha: 'c2' })
      .patch('/repos/acme/widgets/git/refs/heads%2Fbadges', { sha: 'c2', force: false })
      .reply(200, {});
    expect(await commitBadge(octokit, REPO, 'badges', files, 'badge 2')).toEqual({ action: 'updated', sha: 'c2' });
    expect(update.isDone()).toBe(true);
  });

  it('commits nothing when the badge is unchanged', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/git/ref/heads%2Fbadges')
      .reply(200, { object: { sha: 'c1' } })
      .get('/repos/acme/widgets/git/commits/c1')
      .reply(200, { sha: 'c1', tree: { sha: 't1' } })
      .post('/repos/acme/widgets/git/trees', treeBody('t1'))
      .reply(201, { sha: 't1' });
    expect(await commitBadge(testOctokit(), REPO, 'badges', files, 'm')).toEqual({ action: 'unchanged', sha: 'c1' });
    expect(scope.isDone()).toBe(true);
  });
});
