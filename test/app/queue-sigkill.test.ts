// A replica killed outright (SIGKILL) in the middle of a delivery: another replica picks the job
// up through stalled-job recovery and completes it, once. Replicas are real child processes.
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BullDeliveryQueue } from '../../src/app/queue/bullmq.js';
import { pushDelivery } from '../helpers/deliveries.js';
import { waitFor } from '../helpers/poll.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';

const child = new URL('./children/replica.ts', import.meta.url).pathname;

describeRedis('a replica killed mid-delivery', () => {
  const server = new RedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'readygate-replicas-'));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function replica(env: Record<string, string>): Promise<ChildProcess> {
    const proc = fork(child, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: 'inherit' });
    children.push(proc);
    await new Promise<void>((resolve, reject) => {
      proc.once('message', () => resolve());
      proc.once('exit', (code) => reject(new Error(`replica exited with ${code} before it was ready`)));
    });
    return proc;
  }

  it('completes on the other replica, once', async () => {
    await server.start();
    const log = join(dir, 'runs.log');
    const lines = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
    const env = { REDIS_URL: server.url, QUEUE_NAME: randomUUID(), RUN_LOG: log };
    const doomed = await replica({ ...env, HANG: '1' });

    const web = new BullDeliveryQueue({ redisUrl: server.url, name: env.QUEUE_NAME });
    const delivery = pushDelivery({ id: randomUUID() });
    try {
      expect(await web.enqueue(delivery)).toBe('queued');
      await waitFor('the first replica to start the delivery', () =>
        lines().includes(`start ${delivery.id} ${doomed.pid}`),
      );
      const killed = new Promise((resolve) => doomed.once('exit', resolve));
      doomed.kill('SIGKILL');
      await killed;

      const survivor = await replica(env);
      await waitFor('the delivery to complete on the survivor', () => lines().some((l) => l.startsWith('done')), {
        timeoutMs: 30_000,
      });
      await waitFor('the queue to be empty', async () => {
        const h = await web.health();
        return h.waiting + h.active + h.delayed === 0;
      });
      expect(lines()).toEqual([
        `start ${delivery.id} ${doomed.pid}`,
        `start ${delivery.id} ${survivor.pid}`,
        `done ${delivery.id} ${survivor.pid}`,
      ]);
      expect((await web.health()).failed).toBe(0);
      const stopped = new Promise((resolve) => survivor.once('exit', resolve));
      survivor.kill('SIGTERM');
      expect(await stopped).toBe(0);
    } finally {
      await web.close();
    }
  });
});
