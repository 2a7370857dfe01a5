/**
 * One App replica for the benchmark, in its own process: ROLE=web runs Probot's server with the
 * App's web side (verify, enqueue on Redis, answer); ROLE=worker runs the App's handlers from the
 * queue against the fake GitHub API. It says `ready` over IPC, answers `rss` with its peak
 * resident set, and on SIGTERM drains and exits.
 */
import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit, Server } from 'probot';
import { readygateApp } from '../../src/app/readygate-app.js';
import { BullDeliveryQueue } from '../../src/app/queue/bullmq.js';
import { deliveryKey } from '../../src/app/queue/delivery-key.js';
import { webApp } from '../../src/app/web.js';
import { deliveryWorker } from '../../src/app/worker.js';

const { ROLE, REDIS_URL, QUEUE_NAME, GITHUB_API, WEBHOOK_SECRET, WORKER_CONCURRENCY, PORT } = process.env;
if (!REDIS_URL || !QUEUE_NAME || !GITHUB_API || !WEBHOOK_SECRET) {
  throw new Error('bench replica: REDIS_URL, QUEUE_NAME, GITHUB_API and WEBHOOK_SECRET are required');
}
export const APP_ID = 4242;

const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();
// GitHub is a local fake here: no retries or throttling between the App and it.
const Octokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
}));
const probotOptions = {
  appId: APP_ID,
  privateKey,
  secret: WEBHOOK_SECRET,
  baseUrl: GITHUB_API,
  Octokit,
  logLevel: 'fatal' as const,
};

const queue = new BullDeliveryQueue({
  redisUrl: REDIS_URL,
  name: QUEUE_NAME,
  keyOf: deliveryKey,
  concurrency: Number(WORKER_CONCURRENCY ?? 4),
});
let stop: () => Promise<void>;

if (ROLE === 'web') {
  const server = new Server({
    host: '127.0.0.1',
    port: Number(PORT), // Probot's Server takes 0 as 3000: the parent picks a free port
    Probot: Probot.defaults(probotOptions),
    enableStaticFiles: false,
    log: (await readyProbot()).log,
  });
  await server.load(webApp(queue));
  await server.start();
  process.send?.({ ready: true, port: server.port });
  stop = async () => {
    await server.stop();
    await queue.close();
  };
} else {
  const probot = await readyProbot();
  await probot.load(
    readygateApp({
      appId: APP_ID,
      checkName: 'readygate',
      policyPath: '.github/readygate.yml',
      version: 'bench',
      now: () => new Date(),
      prs: queue.prs,
    }),
  );
  await queue.start(deliveryWorker(probot, probot.log));
  process.send?.({ ready: true });
  stop = () => queue.close();
}

async function readyProbot(): Promise<Probot> {
  const probot = new Probot(probotOptions);
  await probot.ready();
  return probot;
}

process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rssBytes: process.resourceUsage().maxRSS * 1024 });
});
process.on('SIGTERM', () => {
  void stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('bench replica: could not stop cleanly', error);
      process.exit(1);
    },
  );
});
