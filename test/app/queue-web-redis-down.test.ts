// The web side over HTTP through Probot's webhook middleware, with Redis stopped mid-run: signed
// deliveries are refused with 503 (GitHub records a failed delivery, nothing is silently dropped),
// and once Redis is back what was queued before runs and new deliveries are accepted again.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createNodeMiddleware, Probot } from 'probot';
import { afterAll, expect, it } from 'vitest';
import { BullDeliveryQueue } from '../../src/app/queue/bullmq.js';
import type { Delivery, DeliveryQueue } from '../../src/app/queue/types.js';
import { pushDelivery } from '../helpers/deliveries.js';
import { waitFor } from '../helpers/poll.js';
import { postWebhook } from './over-http.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';

const secret = 'webhook-secret-for-tests';

/** The web side's whole job: verified deliveries go on the queue (as src/app/web.ts does). */
async function webSide(queue: DeliveryQueue): Promise<{ server: Server; url: string }> {
  const probot = new Probot({ githubToken: 'unused', secret, logLevel: 'fatal' });
  const middleware = await createNodeMiddleware(
    (app) =>
      app.onAny(async (event) => {
        await queue.enqueue({ id: event.id, name: event.name, payload: event.payload, receivedAt: Date.now() });
      }),
    { probot },
  );
  const server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function post(baseUrl: string, delivery: Delivery): Promise<number> {
  const res = await postWebhook(baseUrl, secret, delivery);
  await res.text();
  return res.status;
}

describeRedis('the web side while Redis is down', () => {
  const redis = new RedisServer();
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await redis.close();
  });

  it('answers 503 while Redis is stopped, and the queued work completes once it is back', async () => {
    await redis.start();
    nock.enableNetConnect('127.0.0.1');
    const name = randomUUID();
    const queue = new BullDeliveryQueue({ redisUrl: redis.url, name });
    closers.push(() => queue.close());
    const { server, url } = await webSide(queue);
    closers.push(() => new Promise((resolve) => server.close(resolve)));

    const before = [pushDelivery({ id: randomUUID(), number: 1 }), pushDelivery({ id: randomUUID(), number: 2 })];
    for (const d of before) expect(await post(url, d)).toBe(200);

    await redis.stop({ keepData: true });
    const during = pushDelivery({ id: randomUUID(), number: 3 });
    expect(await post(url, during)).toBe(503);

    const worker = new BullDeliveryQueue({ redisUrl: redis.url, name });
    closers.push(() => worker.close());
    const ran: string[] = [];
    const starting = worker.start(async (d) => void ran.push(d.id));
    await redis.start();
    await starting;
    await waitFor('the deliveries queued before the outage to run', () => ran.length === 2);
    expect(ran.sort()).toEqual(before.map((d) => d.id).sort());

    // GitHub's redelivery of the refused one is accepted now, and runs.
    await waitFor('the web side to accept deliveries again', async () => (await post(url, during)) === 200);
    await waitFor('the redelivered one to run', () => ran.includes(during.id));
    expect(await post(url, during)).toBe(200); // a duplicate is answered, and not run again
    await waitFor('the queue to be empty', async () => {
      const h = await worker.health();
      return h.waiting + h.active === 0;
    });
    expect(ran.filter((id) => id === during.id)).toHaveLength(1);
  });
});
