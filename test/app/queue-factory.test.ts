// The queue is chosen by REDIS_URL and the replica's work by ROLE; wrong values stop the App.
import { afterAll, describe, expect, it } from 'vitest';
import { BullDeliveryQueue } from '../../src/app/queue/bullmq.js';
import { QueueConfigError } from '../../src/app/queue/errors.js';
import { createDeliveryQueue as create, parseRole, readQueueSettings } from '../../src/app/queue/factory.js';
import { MemoryPrGate, RedisPrGate } from '../../src/app/queue/pr-lock.js';
import type { DeliveryQueue } from '../../src/app/queue/types.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';

const memoryQueue = { enqueue: async () => 'queued' } as unknown as DeliveryQueue;
const memory = () => memoryQueue;
const createDeliveryQueue = (env: Record<string, string | undefined>, options: Parameters<typeof create>[1]) =>
  create(readQueueSettings(env), options);

describe('parseRole', () => {
  it.each([
    [undefined, 'all'],
    ['', 'all'],
    ['web', 'web'],
    [' Worker ', 'worker'],
    ['ALL', 'all'],
  ])('%j → %s', (value, role) => expect(parseRole(value)).toBe(role));

  it('refuses anything else and names the variable', () => {
    expect(() => parseRole('both')).toThrow(QueueConfigError);
    expect(() => parseRole('both')).toThrow(/ROLE must be one of web, worker or all/);
  });
});

describe('createDeliveryQueue without REDIS_URL', () => {
  it('uses the in-memory queue, receiving and running in one process', () => {
    const setup = createDeliveryQueue({}, { memory });
    expect(setup).toMatchObject({ queue: memoryQueue, kind: 'memory', role: 'all', web: true, workers: true });
    expect(setup.prs).toBeInstanceOf(MemoryPrGate);
  });

  it('refuses ROLE=web or worker, which need a shared queue', () => {
    expect(() => createDeliveryQueue({ ROLE: 'web' }, { memory })).toThrow(/ROLE=web needs REDIS_URL/);
    expect(() => createDeliveryQueue({ ROLE: 'worker' }, { memory })).toThrow(/ROLE=worker needs REDIS_URL/);
  });

  it('refuses a URL that is not redis:// without echoing it (it may hold a password)', () => {
    const run = () => createDeliveryQueue({ REDIS_URL: 'http://user:hunter2@cache' }, { memory });
    expect(run).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(run).not.toThrow(/hunter2/);
  });

  it('refuses a WORKER_CONCURRENCY that is not a whole number of 1 or more', () => {
    for (const bad of ['0', '-2', '1.5', 'many']) {
      expect(() => createDeliveryQueue({ WORKER_CONCURRENCY: bad }, { memory })).toThrow(/WORKER_CONCURRENCY/);
    }
  });
});

describeRedis('createDeliveryQueue with REDIS_URL', () => {
  const server = new RedisServer();
  afterAll(() => server.close());

  it('uses BullMQ and splits the work by ROLE', async () => {
    await server.start();
    for (const [role, web, workers] of [
      ['web', true, false],
      ['worker', false, true],
      [undefined, true, true],
    ] as const) {
      const setup = createDeliveryQueue({ REDIS_URL: server.url, ROLE: role, WORKER_CONCURRENCY: '2' }, { memory });
      expect(setup).toMatchObject({ kind: 'redis', role: role ?? 'all', web, workers });
      expect(setup.queue).toBeInstanceOf(BullDeliveryQueue);
      expect(setup.prs).toBeInstanceOf(RedisPrGate);
      expect((await setup.queue.health()).ok).toBe(true);
      await setup.queue.close();
    }
  });
});
