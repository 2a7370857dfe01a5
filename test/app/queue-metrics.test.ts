// The App's metrics and probes: what instrumentQueue counts at the queue seam, the Prometheus
// text it renders, and /readyz and /metrics answered over HTTP from the queue's health.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError, RetryLaterError } from '../../src/app/queue/errors.js';
import { AppMetrics, instrumentQueue } from '../../src/app/queue/metrics.js';
import { opsRoutes } from '../../src/app/queue/routes.js';
import type { Delivery, DeliveryQueue, QueueHealth } from '../../src/app/queue/types.js';
import { pushDelivery } from '../helpers/deliveries.js';

const healthy: QueueHealth = {
  ok: true,
  working: true,
  waiting: 3,
  active: 1,
  delayed: 2,
  failed: 4,
  oldestWaitingMs: 1500,
};

/** A queue that remembers ids and runs each delivery when told to. */
function scriptedQueue(health: QueueHealth = healthy) {
  const seen = new Set<string>();
  let run: ((d: Delivery) => Promise<void>) | undefined;
  const queue: DeliveryQueue = {
    enqueue: async (d) => (seen.has(d.id) ? 'duplicate' : (seen.add(d.id), 'queued')),
    start: async (process) => void (run = process),
    close: async () => undefined,
    health: async () => health,
  };
  return { queue, deliver: (d: Delivery) => run!(d) };
}

describe('instrumentQueue and AppMetrics', () => {
  it('counts received, de-duplicated, processed and failed deliveries, and times each run', async () => {
    const metrics = new AppMetrics();
    const { queue, deliver } = scriptedQueue();
    let now = 0;
    const counted = instrumentQueue(queue, metrics, () => now);
    const outcomes = [
      undefined,
      new RetryLaterError('PR busy', 10),
      new PermanentError('bad artifact'),
      new Error('x'),
    ];
    let next = 0;
    await counted.start(async () => {
      now += 300; // each run takes 0.3 s on this clock
      const outcome = outcomes[next++];
      if (outcome) throw outcome;
    });
    const [a, b] = [pushDelivery({ id: 'a' }), pushDelivery({ id: 'b' })];
    expect(await counted.enqueue(a)).toBe('queued');
    expect(await counted.enqueue(a)).toBe('duplicate');
    expect(await counted.enqueue(b)).toBe('queued');
    await deliver(a);
    for (let i = 0; i < 3; i++) await expect(deliver(b)).rejects.toBeInstanceOf(Error);

    expect(metrics).toMatchObject({
      received: 3,
      deduplicated: 1,
      processed: 1,
      failed: { retry: 1, delay: 1, fatal: 1 },
    });
    const text = metrics.render(healthy);
    expect(text).toContain('readygate_deliveries_received_total 3\n');
    expect(text).toContain('readygate_deliveries_deduplicated_total 1\n');
    expect(text).toContain('readygate_deliveries_processed_total 1\n');
    expect(text).toContain('readygate_deliveries_failed_total{outcome="delay"} 1\n');
    expect(text).toContain('readygate_delivery_processing_seconds_bucket{le="0.25"} 0\n');
    expect(text).toContain('readygate_delivery_processing_seconds_bucket{le="0.5"} 4\n');
    expect(text).toContain('readygate_delivery_processing_seconds_count 4\n');
    expect(text).toMatch(/readygate_delivery_processing_seconds_sum 1\.2\d*\n/);
    expect(text).toContain('readygate_queue_depth{state="waiting"} 3\n');
    expect(text).toContain('readygate_queue_depth{state="failed"} 4\n');
    expect(text).toContain('readygate_queue_oldest_waiting_seconds 1.5\n');
    expect(text).toContain('readygate_queue_up 1\n');
  });

  it('writes every sample under a HELP and TYPE line of its own metric', () => {
    const text = new AppMetrics().render({ ok: false, working: false, waiting: 0, active: 0, delayed: 0, failed: 0 });
    let family = '';
    for (const line of text.trimEnd().split('\n')) {
      const typed = /^# TYPE (\S+) (counter|gauge|histogram)$/.exec(line);
      if (typed) family = typed[1]!;
      else if (!line.startsWith('# HELP ')) expect(line.startsWith(family), line).toBe(true);
    }
    expect(text).toContain('readygate_queue_up 0\n');
    expect(text).toContain('readygate_queue_oldest_waiting_seconds 0\n');
  });

  it('keeps no state between instances', () => {
    const one = new AppMetrics();
    one.enqueued('queued');
    expect(new AppMetrics().received).toBe(0);
  });
});

describe('/healthz, /readyz and /metrics', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  async function serve(health: QueueHealth, workers: boolean) {
    const handler = opsRoutes({ queue: scriptedQueue(health).queue, metrics: new AppMetrics(), workers });
    server = createServer(async (req, res) => {
      if (!(await handler(req, res))) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    nock.enableNetConnect('127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return (path: string, method = 'GET') => fetch(base + path, { method });
  }

  it('is ready with Redis reachable and workers running, and says the queue depth', async () => {
    const get = await serve(healthy, true);
    const res = await get('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, ...healthy });
  });

  it('is not ready when Redis is unreachable, or when this replica should run workers and does not', async () => {
    const down = await serve({ ...healthy, ok: false }, false);
    expect((await down('/readyz')).status).toBe(503);
    // Liveness is not readiness: a replica whose Redis is down is alive and must not be restarted.
    const live = await down('/healthz');
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ alive: true });
    await new Promise((resolve) => server!.close(resolve));
    const idle = await serve({ ...healthy, working: false }, true);
    expect((await idle('/readyz')).status).toBe(503);
    await new Promise((resolve) => server!.close(resolve));
    const web = await serve({ ...healthy, working: false }, false);
    expect((await web('/readyz')).status).toBe(200);
  });

  it('serves the metrics as Prometheus text and leaves other paths and methods alone', async () => {
    const get = await serve(healthy, true);
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toContain('readygate_queue_depth{state="delayed"} 2\n');
    expect((await get('/other')).status).toBe(404);
    expect((await get('/metrics', 'POST')).status).toBe(404);
  });
});
