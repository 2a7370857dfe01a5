import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createRoadmapClient } from '../../../src/github/roadmap/client.js';
import type { CachedResponse } from '../../../src/github/roadmap/pacing.js';
import { API, FakeGitHub } from './fake-github.js';
import { sync } from './helpers.js';

function clientWith(extra: object = {}) {
  const waits: number[] = [];
  const octokit = createRoadmapClient({
    token: 't',
    baseUrl: API,
    pacing: {
      writeGapMs: 5,
      createGapMs: 50,
      retryAfterUnitMs: 1,
      sleep: async (ms) => void waits.push(ms),
      now: () => 0,
      ...extra,
    },
  });
  return { octokit, waits };
}

describe('pacing hook', () => {
  it('spaces writes: content creation waits the longer gap (clock injected)', async () => {
    const scope = nock(API)
      .post('/repos/acme/app/labels')
      .times(2)
      .reply(201, {})
      .patch('/repos/acme/app/issues/1')
      .reply(200, {});
    const { octokit, waits } = clientWith();
    await octokit.rest.issues.createLabel({ owner: 'acme', repo: 'app', name: 'a', color: '000000' });
    await octokit.rest.issues.createLabel({ owner: 'acme', repo: 'app', name: 'b', color: '000000' });
    await octokit.rest.issues.update({ owner: 'acme', repo: 'app', issue_number: 1, title: 'x' });
    expect(waits).toEqual([50, 5]);
    expect(scope.isDone()).toBe(true);
  });

  it('answers a 304 from the ETag cache (conditional GET)', async () => {
    const store = new Map<string, CachedResponse>();
    const etags = { get: (u: string) => store.get(u), set: (u: string, v: CachedResponse) => void store.set(u, v) };
    const scope = nock(API)
      .get('/repos/acme/app/labels')
      .reply(200, [{ name: 'bug' }], { etag: '"v1"' })
      .get('/repos/acme/app/labels')
      .matchHeader('if-none-match', '"v1"')
      .reply(304, '');
    const { octokit } = clientWith({ etags });
    expect((await octokit.rest.issues.listLabelsForRepo({ owner: 'acme', repo: 'app' })).data).toEqual([
      { name: 'bug' },
    ]);
    expect((await octokit.rest.issues.listLabelsForRepo({ owner: 'acme', repo: 'app' })).data).toEqual([
      { name: 'bug' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('waits for the primary limit reset; a plain 403 is not retried', async () => {
    const scope = nock(API)
      .get('/repos/acme/app/labels')
      .reply(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' })
      .get('/repos/acme/app/labels')
      .reply(200, [])
      .get('/repos/acme/app/milestones')
      .reply(403, { message: 'Resource not accessible by integration' });
    const { octokit, waits } = clientWith();
    await octokit.rest.issues.listLabelsForRepo({ owner: 'acme', repo: 'app' });
    expect(waits).toEqual([3001]);
    await expect(octokit.rest.issues.listMilestones({ owner: 'acme', repo: 'app' })).rejects.toMatchObject({
      status: 403,
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('dependencies API refused', () => {
  it('falls back to "Blocked by #N" lines once, and the next sync writes nothing', async () => {
    const gh = new FakeGitHub();
    const text = '- [ ] A-1 Build\n- [ ] A-2 Ship\n  **Dependency:** A-1\n';
    gh.refuseDependencies = true;
    const { result } = await sync(text);
    expect(result!.warnings).toEqual([expect.stringMatching(/^the dependencies API refused #2 \(404\)/)]);
    const ship = gh.issue('A-2')!;
    expect(ship.body).toContain(' deps=body -->');
    expect(ship.body).toContain('Blocked by #1');
    const before = gh.requests.length;
    const again = await sync(text);
    expect(again.plan.ops).toEqual([]);
    expect(gh.readOnlySince(before)).toBe(true);
  });

  it('falls back too when a dependency is added to an issue that already exists (reading its blockers is refused as well)', async () => {
    const gh = new FakeGitHub();
    await sync('- [ ] A-1 Build\n- [ ] A-2 Ship\n');
    gh.refuseDependencies = true;
    const { result } = await sync('- [ ] A-1 Build\n- [ ] A-2 Ship\n  **Dependency:** A-1\n');
    expect(result!.warnings).toEqual([expect.stringMatching(/^the dependencies API refused #2 \(404\)/)]);
    expect(gh.issue('A-2')!.body).toContain('Blocked by #1');
  });
});

describe('reading GitHub fails', () => {
  it('names the repository and hints at the token on 401', async () => {
    nock(API).post('/graphql').reply(401, { message: 'Bad credentials' });
    await expect(sync('- [ ] A thing\n')).rejects.toThrow(
      /^cannot list the issues, milestones and labels of acme\/app: Bad credentials.* \(check the token\)$/,
    );
  });
});

describe('a body that quotes readygate markers', () => {
  it('is written once, and the next sync writes nothing', async () => {
    const gh = new FakeGitHub();
    const text =
      '- [ ] DOC-1 Explain the sync\n  It keeps its data between `<!-- readygate:roadmap … -->` and `<!-- /readygate:roadmap -->`.\n';
    await sync(text);
    const body = gh.issue('DOC-1')!.body;
    expect(body.match(/<!-- \/readygate:roadmap -->/g)).toHaveLength(1);
    const before = gh.requests.length;
    const again = await sync(text);
    expect(again.plan.ops).toEqual([]);
    expect(gh.readOnlySince(before)).toBe(true);
    expect(gh.issue('DOC-1')!.body).toBe(body);
  });
});
