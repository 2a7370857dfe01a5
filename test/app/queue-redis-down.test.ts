// Redis going away and coming back: the web side refuses work (so GitHub records a failed
// delivery) instead of holding or dropping it, and what was queued before runs once Redis returns.
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { BullDeliveryQueue } from '../../src/app/queue/bullmq.js';
import { QueueUnavailableError } from '../../src/app/queue/errors.js';
import type { Delivery } from '../../src/app/queue/types.js';
import { pushDelivery } from '../helpers/deliveries.js';
import { waitFor } from '../helpers/poll.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';

describeRedis('the delivery queue while Redis is down', () => {
  const server = new RedisServer();
  const queues: BullDeliveryQueue[] = [];
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await server.close();
  });

  it('refuses new deliveries, reports not ok, and runs the queued ones once Redis is back', async () => {
    await server.start();
    const name = randomUUID();
    const web = new BullDeliveryQueue({ redisUrl: server.url, name });
    queues.push(web);
    const queued = [pushDelivery({ id: randomUUID() }), pushDelivery({ id: randomUUID() })];
    for (const d of queued) expect(await web.enqueue(d)).toBe('queued');

    await server.stop({ keepData: true });
    await expect(web.enqueue(pushDelivery({ id: randomUUID() }))).rejects.toBeInstanceOf(QueueUnavailableError);
    expect(await web.health()).toMatchObject({ ok: false });

    const worker = new BullDeliveryQueue({ redisUrl: server.url, name });
    queues.push(worker);
    const ran: Delivery[] = [];
    const starting = worker.start(async (d) => void ran.push(d));
    await server.start();
    await starting;
    await waitFor('the queued deliveries to run', () => ran.length === 2);
    expect(ran.map((d) => d.id).sort()).toEqual(queued.map((d) => d.id).sort());
    await waitFor('the web side to accept work again', async () => (await web.health()).ok);
    expect(await web.enqueue(pushDelivery({ id: randomUUID() }))).toBe('queued');
  });
});
