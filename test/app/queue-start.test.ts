// npm start's path with REDIS_URL: the real server enqueues on Redis, ROLE=web runs no workers, /readyz
// and /metrics answer from the shared queue, and a stopped Redis turns webhooks into 503s.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import nock from 'nock';
import { afterAll, expect, it } from 'vitest';
import type { AppConfig } from '../../src/app/config.js';
import { deliveryKey } from '../../src/app/queue/delivery-key.js';
import { createDeliveryQueue } from '../../src/app/queue/factory.js';
import { MemoryQueue } from '../../src/app/queue/memory.js';
import { startApp, type RunningApp } from '../../src/app/start.js';
import { postWebhook } from './over-http.js';
import { pushDelivery } from '../helpers/deliveries.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';

const secret = 'start-test-secret';
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();

describeRedis('startApp with REDIS_URL and ROLE=web', () => {
  const redis = new RedisServer();
  let app: RunningApp | undefined;
  afterAll(async () => {
    await app?.stop();
    await redis.close();
  });

  it('enqueues on Redis without running deliveries, reports it on /readyz and /metrics, and answers 503 without Redis', async () => {
    await redis.start();
    nock.enableNetConnect('127.0.0.1');
    const config: AppConfig = {
      appId: 1,
      privateKey,
      webhookSecret: secret,
      baseUrl: 'https://api.github.com',
      host: '127.0.0.1',
      port: 0,
      webhookPath: '/api/github/webhooks',
      logLevel: 'silent',
      logFormat: 'json',
      redeliverMinutes: 0,
      queue: { redisUrl: redis.url, role: 'web' },
    };
    // As npm start does (server.ts): the queue from the checked settings, the role's halves.
    const setup = createDeliveryQueue(config.queue, {
      memory: () => new MemoryQueue({ keyOf: deliveryKey }),
      bullmq: { keyOf: deliveryKey },
    });
    expect(setup).toMatchObject({ kind: 'redis', web: true, workers: false });
    app = await startApp(config, { queue: setup.queue, web: setup.web, workers: setup.workers });
    const post = async (id: string) => {
      const res = await postWebhook(app!.url, secret, {
        id,
        name: 'pull_request',
        payload: pushDelivery({ id }).payload,
      });
      await res.text();
      return res.status;
    };

    const id = randomUUID();
    expect(await post(id)).toBe(200);
    expect(await post(id)).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, ok: true, working: false, waiting: 1 });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('readygate_deliveries_received_total 2\n');
    expect(metrics).toContain('readygate_deliveries_deduplicated_total 1\n');
    expect(metrics).toContain('readygate_queue_depth{state="waiting"} 1\n');

    await redis.stop();
    expect(await post(randomUUID())).toBe(503);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
  });
});
