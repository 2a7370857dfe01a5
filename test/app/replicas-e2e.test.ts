// Two App replicas as npm start runs them with REDIS_URL (ROLE=all), sharing one real Redis, with
// the real handlers, receiving signed webhooks over HTTP and talking to a fake GitHub over HTTP:
// one delivery posted to both makes one check run; a burst of pushes to one pull request, spread
// over both, leaves exactly one run in progress (on the newest head) and the others superseded.
import { randomUUID } from 'node:crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { readAppConfig } from '../../src/app/config.js';
import { deliveryKey } from '../../src/app/queue/delivery-key.js';
import { createDeliveryQueue } from '../../src/app/queue/factory.js';
import { MemoryQueue } from '../../src/app/queue/memory.js';
import { startApp, type RunningApp } from '../../src/app/start.js';
import { waitFor } from '../helpers/poll.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';
import type { FakeGitHub } from './fake-github.js';
import { postWebhook, startWidgetsGitHub } from './over-http.js';
import { APP, PRIVATE_KEY, SHA, example } from './harness.js';

const SECRET = 'replicas-e2e-secret';

describeRedis('two App replicas on one Redis, end to end', () => {
  const redis = new RedisServer();
  let github: FakeGitHub;
  const apps: RunningApp[] = [];
  beforeAll(() => redis.start());
  afterAll(() => redis.close());
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.stop()));
    await github?.close();
    nock.disableNetConnect();
  });

  async function replica(queueName: string): Promise<RunningApp> {
    const config = readAppConfig({
      APP_ID: String(APP.id),
      PRIVATE_KEY,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      REDIS_URL: redis.url,
      REDELIVER_MINUTES: '0',
    });
    // As server.ts does: the queue from the checked settings, its PR record shared through Redis.
    const setup = createDeliveryQueue(config.queue, {
      memory: () => new MemoryQueue({ keyOf: deliveryKey }),
      bullmq: { keyOf: deliveryKey, name: queueName, prGate: { retryDelayMs: 20 } },
    });
    const app = await startApp(config, { queue: setup.queue, prs: setup.prs, web: setup.web, workers: setup.workers });
    apps.push(app);
    return app;
  }

  async function post(app: RunningApp, id: string, payload: object) {
    const res = await postWebhook(app.url, SECRET, { id, name: 'pull_request', payload });
    expect(res.status).toBe(200);
  }

  const push = (sha: string, minute: number) => {
    const payload = example('pull_request', 'synchronize');
    Object.assign(payload.pull_request, {
      number: 5,
      updated_at: `2026-12-01T10:${String(minute).padStart(2, '0')}:00Z`,
    });
    payload.pull_request.head.sha = sha;
    payload.pull_request.base.ref = 'main';
    return payload;
  };

  async function settled(apps: RunningApp[]) {
    await waitFor('both replicas to finish', async () => {
      const health = await Promise.all(apps.map((a) => a.queue.health()));
      return health.every((h) => h.waiting + h.active + h.delayed === 0);
    });
  }

  it('one delivery posted to both replicas makes one check run', async () => {
    nock.enableNetConnect('127.0.0.1');
    github = await startWidgetsGitHub();
    const name = randomUUID();
    const [a, b] = [await replica(name), await replica(name)];
    const payload = push(SHA, 0);
    await Promise.all([post(a!, 'same-delivery', payload), post(b!, 'same-delivery', payload)]);
    await settled([a!, b!]);
    expect(github.state.checkRuns.map((r) => [r.head_sha, r.status])).toEqual([[SHA, 'in_progress']]);
  });

  it('a burst of pushes to one PR over both replicas leaves one run in progress, on the newest head', async () => {
    nock.enableNetConnect('127.0.0.1');
    github = await startWidgetsGitHub();
    const name = randomUUID();
    const replicas = [await replica(name), await replica(name)];
    const heads = Array.from({ length: 8 }, (_, i) => String(i + 1).repeat(40));
    await Promise.all(heads.map((sha, i) => post(replicas[i % 2]!, `push-${i}`, push(sha, i + 1))));
    await settled(replicas);
    const runs = github.state.checkRuns;
    const newest = heads.at(-1)!;
    expect(runs.filter((r) => r.status !== 'completed').map((r) => r.head_sha)).toEqual([newest]);
    for (const run of runs.filter((r) => r.head_sha !== newest))
      expect(run, run.head_sha).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    // At most one run per commit.
    expect(new Set(runs.map((r) => r.head_sha)).size).toBe(runs.length);
  });
});
