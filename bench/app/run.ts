/**
 * `npm run bench:app`: the App under load, replicas on a real Redis, GitHub replaced by a local
 * fake that answers every request after 50 ms. Measures
 *  - webhook acknowledgement time (p50, p99) for a burst of 1,000 signed deliveries sent at
 *    ~200/s to one web replica while two worker replicas drain the queue;
 *  - deliveries processed per second with 1, 2 and 4 worker replicas (the scaling ratio);
 *  - GitHub API requests per delivery, by route;
 *  - peak RSS of each replica.
 * Writes its section of bench/results.md (between its own markers) and bench/app-results.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BullDeliveryQueue } from '../../src/app/queue/bullmq.js';
import { machine } from '../machine.js';
import { startFakeGitHub } from './fake-github.js';
import { burst, pullRequestPush } from './load.js';
import { type AppBenchResults, renderAppSection, withAppSection } from './render.js';
import { startRedisServer, startReplica, type Replica } from './processes.js';

const here = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const ACK_DELIVERIES = quick ? 100 : 1000;
const ACK_RATE = 200;
const WARM_UP = 20;
const THROUGHPUT_DELIVERIES = quick ? 60 : 400;
const REPOS = 100;
const log = (line: string) => console.error(`[bench:app] ${line}`);

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const github = await startFakeGitHub(50);
  const secret = randomUUID();
  const replicas: Replica[] = [];
  const spawn = async (role: 'web' | 'worker', queueName: string) => {
    const r = await startReplica(role, {
      REDIS_URL: redis.url,
      QUEUE_NAME: queueName,
      GITHUB_API: github.url,
      WEBHOOK_SECRET: secret,
    });
    replicas.push(r);
    return r;
  };
  const peaks: { role: string; rssBytes: number }[] = [];
  const stopAll = async (list: Replica[]) => {
    for (const r of list) peaks.push({ role: r.role, rssBytes: await r.rss() });
    await Promise.all(list.map((r) => r.stop()));
  };
  try {
    // 1. Acknowledgement under a burst: what GitHub's 10-second clock sees. First the web replica
    // alone (as a ROLE=web replica on its own machine or container), the workers started only to
    // drain afterwards; then the same burst while two workers share this machine's cores with it.
    const ackRun = async (owner: string, workersDuring: boolean) => {
      const queueName = randomUUID();
      const web = await spawn('web', queueName);
      const workers = workersDuring ? [await spawn('worker', queueName), await spawn('worker', queueName)] : [];
      // A long-running server is measured, not its first requests: these load the handlers' lazily
      // imported modules and open the connections (unmeasured, at a gentle rate).
      await burst(
        `${web.url}/api/github/webhooks`,
        secret,
        Array.from({ length: WARM_UP }, (_, i) => pullRequestPush(i, REPOS, `${owner}-warm-up`)),
        50,
      );
      log(
        `ack (${workersDuring ? 'two workers running' : 'web replica alone'}): ${ACK_DELIVERIES} deliveries at ${ACK_RATE}/s`,
      );
      const deliveries = Array.from({ length: ACK_DELIVERIES }, (_, i) => pullRequestPush(i, REPOS, owner));
      const times = await burst(`${web.url}/api/github/webhooks`, secret, deliveries, ACK_RATE);
      log(
        `ack: p50 ${times.p50Ms.toFixed(1)} ms, p99 ${times.p99Ms.toFixed(1)} ms, statuses ${JSON.stringify(times.statuses)}`,
      );
      if (!workersDuring) workers.push(await spawn('worker', queueName), await spawn('worker', queueName));
      const observer = new BullDeliveryQueue({ redisUrl: redis.url, name: queueName });
      await drained(observer);
      await observer.close();
      await stopAll([web, ...workers]);
      return times;
    };
    const ack = await ackRun('bench-ack-alone', false);
    const ackShared = await ackRun('bench-ack-shared', true);

    // 2. Throughput by worker count, on a queue filled while the workers already wait.
    const throughput: AppBenchResults['throughput'] = [];
    let requests: Record<string, number> = {};
    for (const count of [1, 2, 4]) {
      const name = randomUUID();
      const workers: Replica[] = [];
      for (let i = 0; i < count; i++) workers.push(await spawn('worker', name));
      const queue = new BullDeliveryQueue({ redisUrl: redis.url, name });
      github.reset();
      const started = performance.now();
      for (let i = 0; i < THROUGHPUT_DELIVERIES; i++)
        await queue.enqueue(pullRequestPush(i, REPOS, `bench-${count}-workers`));
      await drained(queue);
      const seconds = (performance.now() - started) / 1000;
      const health = await queue.health();
      if (health.failed > 0)
        throw new Error(`${health.failed} deliveries failed with ${count} worker(s): see the replica logs`);
      throughput.push({
        workers: count,
        deliveries: THROUGHPUT_DELIVERIES,
        seconds,
        perSecond: THROUGHPUT_DELIVERIES / seconds,
      });
      log(`throughput: ${count} worker(s): ${(THROUGHPUT_DELIVERIES / seconds).toFixed(1)} deliveries/s`);
      if (count === 1) requests = github.counts();
      // A delivery that decides nothing (a stale head, say) is fast and proves nothing: refuse the run.
      if (Object.values(github.counts()).reduce((a, b) => a + b, 0) < THROUGHPUT_DELIVERIES)
        throw new Error(`${count} worker(s) made fewer GitHub requests than deliveries: the deliveries did no work`);
      await queue.close();
      await stopAll(workers);
    }

    const results: AppBenchResults = {
      generatedAt: new Date().toISOString(),
      quick,
      machine: machine(),
      latencyMs: 50,
      ack: { deliveries: ACK_DELIVERIES, ratePerSecond: ACK_RATE, ...ack },
      ackShared: { deliveries: ACK_DELIVERIES, ratePerSecond: ACK_RATE, ...ackShared },
      throughput,
      requests: { deliveries: THROUGHPUT_DELIVERIES, byRoute: requests },
      peakRss: peaks,
    };
    const dir = quick ? join(here, 'out') : here;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'app-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const mdPath = join(here, 'results.md');
    if (!quick) writeFileSync(mdPath, withAppSection(readFileSync(mdPath, 'utf8'), renderAppSection(results)));
    log(`wrote ${join(dir, 'app-results.json')}${quick ? '' : ' and the App section of bench/results.md'}`);
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await github.close();
    await redis.stop();
  }
}

async function drained(queue: BullDeliveryQueue): Promise<void> {
  for (;;) {
    const h = await queue.health();
    if (h.waiting + h.active + h.delayed === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

await main();
