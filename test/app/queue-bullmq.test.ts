// The BullMQ delivery queue against a real redis-server: a delivery id runs once however often it
// arrives, transient failures retry, permanent ones fail once and are reported, close() drains.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BullDeliveryQueue, type BullDeliveryQueueOptions } from '../../src/app/queue/bullmq.js';
import { PermanentError } from '../../src/app/queue/errors.js';
import { jobIdFor } from '../../src/app/queue/job-id.js';
import type { Delivery } from '../../src/app/queue/types.js';
import { prOf, pushDelivery } from '../helpers/deliveries.js';
import { waitFor } from '../helpers/poll.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';

describeRedis('BullDeliveryQueue on a real Redis', () => {
  const server = new RedisServer();
  const open: BullDeliveryQueue[] = [];
  beforeAll(() => server.start());
  afterAll(() => server.close());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()));
  });

  /** A replica's queue; replicas made with the same `name` share the work. */
  function replica(name: string, options: Partial<BullDeliveryQueueOptions> = {}) {
    const queue = new BullDeliveryQueue({ redisUrl: server.url, name, backoffMs: 10, ...options });
    open.push(queue);
    return queue;
  }

  function recorder(handler: (d: Delivery) => Promise<void> = async () => undefined) {
    const runs: string[] = [];
    return {
      runs,
      process: async (d: Delivery) => {
        runs.push(d.id);
        await handler(d);
      },
    };
  }

  it('runs a delivery posted to two replicas once, and calls the second posting a duplicate', async () => {
    const name = randomUUID();
    const [a, b] = [replica(name), replica(name)];
    const delivery = pushDelivery({ id: randomUUID() });
    expect(await a.enqueue(delivery)).toBe('queued');
    expect(await b.enqueue(delivery)).toBe('duplicate');
    const seen = recorder();
    await a.start(seen.process);
    await b.start(seen.process);
    await waitFor('the delivery to complete', async () => (await a.health()).waiting + (await a.health()).active === 0);
    await waitFor('one run', () => seen.runs.length === 1);
    // A manual redelivery after it completed is still recognised while the job is retained.
    expect(await b.enqueue(delivery)).toBe('duplicate');
    expect(seen.runs).toEqual([delivery.id]);
  });

  it('keeps a completed delivery without its payload, and passes the payload to the handler intact', async () => {
    const name = randomUUID();
    const queue = replica(name);
    const delivery = pushDelivery({ id: `x:${randomUUID()}`, headSha: 'b'.repeat(40) });
    const received: Delivery[] = [];
    await queue.start(async (d) => void received.push(d));
    expect(await queue.enqueue(delivery)).toBe('queued');
    await waitFor('the delivery to run', () => received.length === 1);
    expect(received[0]).toEqual(delivery);
    const redis = new Redis(server.url);
    try {
      const key = `readygate:${name}:${jobIdFor(delivery.id)}`;
      await waitFor('the completed job to drop its payload', async () => {
        const data = await redis.hget(key, 'data');
        return data !== null && (JSON.parse(data) as Delivery).payload === null;
      });
    } finally {
      redis.disconnect();
    }
  });

  it('retries a 5xx with backoff until it succeeds', async () => {
    const queue = replica(randomUUID());
    let calls = 0;
    const seen = recorder(async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('Service Unavailable'), { status: 503 });
    });
    await queue.start(seen.process);
    const delivery = pushDelivery({ id: randomUUID() });
    await queue.enqueue(delivery);
    await waitFor('the third run', () => seen.runs.length === 3);
    await waitFor('the queue to be empty', async () => {
      const h = await queue.health();
      return h.waiting + h.active + h.delayed === 0 && h.failed === 0;
    });
    expect(seen.runs).toEqual([delivery.id, delivery.id, delivery.id]);
  });

  it('fails a 4xx once, keeps it in the failed set and reports it', async () => {
    const queue = replica(randomUUID(), { attempts: 5 });
    const seen = recorder(async () => {
      throw Object.assign(new Error('Validation Failed'), { status: 422 });
    });
    await queue.start(seen.process);
    await queue.enqueue(pushDelivery({ id: randomUUID() }));
    await waitFor('the failed set to hold it', async () => (await queue.health()).failed === 1);
    await queue.enqueue(pushDelivery({ id: randomUUID() }));
    await queue.enqueue(pushDelivery({ id: randomUUID() }));
    await waitFor('all three in the failed set', async () => (await queue.health()).failed === 3);
    expect(seen.runs).toHaveLength(3);
  });

  it('stops retrying a transient failure after its attempts and keeps it as failed', async () => {
    const queue = replica(randomUUID(), { attempts: 2 });
    const seen = recorder(async () => {
      throw new Error('socket hang up');
    });
    await queue.start(seen.process);
    await queue.enqueue(pushDelivery({ id: randomUUID() }));
    await waitFor('the failed set to hold it', async () => (await queue.health()).failed === 1);
    expect(seen.runs).toHaveLength(2);
  });

  it('fails a PermanentError at once', async () => {
    const queue = replica(randomUUID());
    const seen = recorder(async () => {
      throw new PermanentError('the artifact is not a readygate report');
    });
    await queue.start(seen.process);
    await queue.enqueue(pushDelivery({ id: randomUUID() }));
    await waitFor('the failed set to hold it', async () => (await queue.health()).failed === 1);
    expect(seen.runs).toHaveLength(1);
  });

  it('reports waiting work and its age to health() while no worker runs, and whether workers run', async () => {
    const queue = replica(randomUUID());
    const before = await queue.health();
    expect(before).toEqual({ ok: true, working: false, waiting: 0, active: 0, delayed: 0, failed: 0 });
    await queue.enqueue(pushDelivery({ id: randomUUID() }));
    await queue.enqueue(pushDelivery({ id: randomUUID() }));
    const waiting = await queue.health();
    expect(waiting).toMatchObject({ ok: true, working: false, waiting: 2 });
    expect(waiting.oldestWaitingMs).toBeGreaterThanOrEqual(0);
    await queue.start(async () => undefined);
    await waitFor('the queue to drain', async () => (await queue.health()).waiting === 0);
    expect(await queue.health()).toMatchObject({ working: true, waiting: 0, failed: 0 });
  });

  it('never runs two deliveries with the same key at once on any replica (keyOf), and runs them all', async () => {
    const name = randomUUID();
    const keyOf = (d: Delivery) => prOf(d).repo;
    const options = { keyOf, concurrency: 4, prGate: { retryDelayMs: 5 } };
    const [a, b] = [replica(name, options), replica(name, options)];
    const running = new Map<string, number>();
    let most = 0;
    const done: string[] = [];
    const process = async (d: Delivery) => {
      const repo = keyOf(d);
      running.set(repo, (running.get(repo) ?? 0) + 1);
      most = Math.max(most, running.get(repo)!);
      await new Promise((resolve) => setTimeout(resolve, 3));
      running.set(repo, running.get(repo)! - 1);
      done.push(d.id);
    };
    await a.start(process);
    await b.start(process);
    const deliveries = Array.from({ length: 24 }, (_, i) => pushDelivery({ id: randomUUID(), repo: `o/r${i % 3}` }));
    for (const [i, d] of deliveries.entries()) await (i % 2 ? a : b).enqueue(d);
    await waitFor('all 24 to run', () => done.length === 24);
    expect(most).toBe(1);
    expect(new Set(done).size).toBe(24);
  });

  it('close() lets a running delivery finish before it returns', async () => {
    const queue = new BullDeliveryQueue({ redisUrl: server.url, name: randomUUID() });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const finished: string[] = [];
    await queue.start(async (d) => {
      await gate;
      finished.push(d.id);
    });
    const delivery = pushDelivery({ id: randomUUID() });
    await queue.enqueue(delivery);
    await waitFor('the delivery to start', async () => (await queue.health()).active === 1);
    const closing = queue.close();
    release();
    await closing;
    expect(finished).toEqual([delivery.id]);
  });
});
