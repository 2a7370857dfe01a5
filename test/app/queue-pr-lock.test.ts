// Per pull request, the latest wins: the same contract for the in-memory gate and the Redis one,
// plus what only Redis can show (two clients, a lock taken over by another holder).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetryLaterError } from '../../src/app/queue/errors.js';
import { MemoryPrGate, type PrGate, RedisPrGate } from '../../src/app/queue/pr-lock.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';

const pr = { repo: 'Octo-Org/Widgets', number: 7 };
const sha = (c: string) => c.repeat(40);

function contract(name: string, gates: () => [PrGate, PrGate]) {
  describe(`${name}: the PR gate contract`, () => {
    it('refuses a second holder with a RetryLaterError, and frees the lock when the work ends or throws', async () => {
      const [a, b] = gates();
      let release!: () => void;
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const held = a.withLock(pr, () => {
        started();
        return new Promise<void>((resolve) => (release = resolve));
      });
      await running;
      await expect(b.withLock({ ...pr, repo: 'octo-org/widgets' }, async () => 'ran')).rejects.toBeInstanceOf(
        RetryLaterError,
      );
      expect(await b.withLock({ ...pr, number: 8 }, async () => 'other PR')).toBe('other PR');
      release();
      await held;
      await expect(b.withLock(pr, async () => Promise.reject(new Error('handler broke')))).rejects.toThrow(
        'handler broke',
      );
      expect(await a.withLock(pr, async () => 'free again')).toBe('free again');
    });

    it('records the newest head SHA and says what it replaced', async () => {
      const [a, b] = gates();
      const p = { repo: 'o/r', number: Math.floor(Math.random() * 1e9) };
      expect(await a.head(p)).toBeUndefined();
      expect(await a.advanceHead(p, sha('1'), 100)).toEqual({ current: sha('1') });
      expect(await b.advanceHead(p, sha('3'), 300)).toEqual({ current: sha('3'), previous: sha('1') });
      // A late delivery for an older push changes nothing and learns the newer head.
      expect(await a.advanceHead(p, sha('2'), 200)).toEqual({ current: sha('3') });
      expect(await a.advanceHead(p, sha('3'), 300)).toEqual({ current: sha('3') });
      expect(await b.head(p)).toBe(sha('3'));
    });
  });
}

const memory = new MemoryPrGate({ retryDelayMs: 5 });
contract('MemoryPrGate', () => [memory, memory]);

describeRedis('RedisPrGate on a real Redis', () => {
  const server = new RedisServer();
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(server.url);
    clients.push(redis);
    return redis;
  };
  beforeAll(() => server.start());
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server.close();
  });

  contract('RedisPrGate', () => [new RedisPrGate(client()), new RedisPrGate(client())]);

  it('never lets two replicas run work for one PR at once', async () => {
    const replicas = [new RedisPrGate(client(), { retryDelayMs: 1 }), new RedisPrGate(client(), { retryDelayMs: 1 })];
    let running = 0;
    let most = 0;
    let done = 0;
    const attempt = async (gate: PrGate): Promise<void> => {
      try {
        await gate.withLock(pr, async () => {
          most = Math.max(most, ++running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running--;
          done++;
        });
      } catch (error) {
        if (!(error instanceof RetryLaterError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, error.delayMs));
        return attempt(gate);
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(replicas[i % 2]!)));
    expect(done).toBe(20);
    expect(most).toBe(1);
  });

  it('releases only its own lock: a holder whose lease lapsed cannot free the next holder', async () => {
    const redis = client();
    const gate = new RedisPrGate(redis, { lockTtlMs: 60_000 });
    const key = 'readygate:pr-lock:octo-org/widgets#7';
    await gate.withLock(pr, async () => {
      // Another worker took the lock after this one's lease lapsed.
      await redis.set(key, 'someone-else', 'PX', 60_000);
    });
    expect(await redis.get(key)).toBe('someone-else');
    await redis.del(key);
  });

  it('keeps the lock past its lease while the work runs (renewed)', async () => {
    const redis = client();
    const gate = new RedisPrGate(redis, { lockTtlMs: 150 });
    const other = new RedisPrGate(client());
    await gate.withLock(pr, async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(other.withLock(pr, async () => 'stolen')).rejects.toBeInstanceOf(RetryLaterError);
    });
    expect(await other.withLock(pr, async () => 'after')).toBe('after');
  });
});
