// With REDIS_URL the replicas share what the badges and the page read from GitHub: what one
// replica loaded serves another until it expires, a remembered "nothing here" expires sooner,
// and a Redis that is away never fails a read (GitHub is read as without it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitDigest, ReadinessSource, RepoAccess } from '../../../src/app/pages/github-source.js';
import { ReadinessData } from '../../../src/app/pages/readiness-data.js';
import { redisStore, type RedisStore } from '../../../src/app/pages/redis-store.js';
import { describeRedis, RedisServer } from '../../helpers/redis.js';

const NAME = { owner: 'acme', repo: 'widgets' };
const ACCESS: RepoAccess = { installationId: 7, fullName: 'acme/widgets', restricted: false, defaultBranch: 'main' };

/** A source that counts its reads; `digest` has one for commit `aaa…` only. */
function countingSource() {
  const calls = { repo: 0, digest: 0 };
  const source: ReadinessSource = {
    repo: async () => (calls.repo++, ACCESS),
    commits: async () => [{ sha: 'a'.repeat(40) }],
    digest: async (_a, _n, sha) => (
      calls.digest++,
      sha === 'a'.repeat(40) ? ({ readiness: { verdict: 'pass' } } as unknown as CommitDigest) : undefined
    ),
    pulls: async () => [],
    milestones: async () => [],
  };
  return { source, calls };
}

describeRedis('the pages’ cache shared through Redis', () => {
  const redis = new RedisServer();
  const stores: RedisStore[] = [];
  beforeAll(() => redis.start());
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis.close();
  });
  const store = (prefix: string) => {
    const s = redisStore(redis.url, prefix);
    stores.push(s);
    return s;
  };

  it('a second replica is served what the first read, until it expires', async () => {
    let now = 1_000_000;
    const shared = store('test-a:');
    await shared.ready();
    const one = countingSource();
    const two = countingSource();
    const first = new ReadinessData(one.source, () => now, { ttlMs: 60_000 }, { store: shared });
    const second = new ReadinessData(two.source, () => now, { ttlMs: 60_000 }, { store: shared });
    expect(await first.repo(NAME)).toEqual(ACCESS);
    // The write to the store is not awaited by the read: wait until it lands.
    for (let i = 0; i < 50 && (await shared.get('repo:acme/widgets')) === null; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await second.repo(NAME)).toEqual(ACCESS);
    expect([one.calls.repo, two.calls.repo]).toEqual([1, 0]);
    expect((await second.latest(ACCESS, NAME, 'main'))?.commit.sha).toBe('a'.repeat(40));

    now += 61_000; // past the TTL the store's copy is not believed, even if Redis still held it
    const third = new ReadinessData(two.source, () => now, { ttlMs: 60_000 }, { store: shared });
    await third.repo(NAME);
    expect(two.calls.repo).toBe(1);
  });

  it('Redis away: every read still answers, from GitHub, and the failure is reported', async () => {
    const away = redisStore('redis://127.0.0.1:1'); // nothing listens on port 1
    stores.push(away);
    const errors: unknown[] = [];
    const { source, calls } = countingSource();
    const data = new ReadinessData(source, () => 5_000, {}, { store: away, onError: (e) => errors.push(e) });
    expect(await data.repo(NAME)).toEqual(ACCESS);
    expect(calls.repo).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('the shared store is optional', () => {
  it('without one, each ReadinessData reads for itself', async () => {
    const one = countingSource();
    const data = new ReadinessData(one.source, () => 0);
    await data.repo(NAME);
    await new ReadinessData(one.source, () => 0).repo(NAME);
    expect(one.calls.repo).toBe(2);
  });
});
