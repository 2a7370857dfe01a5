/**
 * Starts the App (what `npm start` runs, and what the end-to-end test starts): one Probot
 * instance holds the handlers and runs them from the queue (the workers); Probot's server, with a
 * second instance sharing the same settings, verifies webhooks at the webhook path and enqueues
 * them, and answers `/healthz`, `/readyz`, `/metrics` and, on the web side, the readiness badges and
 * page (pages/routes.ts) (added with Probot's `addHandler`; the
 * counters are this process's AppMetrics, the queue counted at its seam). `stop()` closes the listener,
 * then waits for every accepted delivery to finish: what SIGTERM does.
 */
import { Probot, Server, type ProbotOctokit } from 'probot';
import { VERSION } from '../version.js';
import type { AppConfig } from './config.js';
import { freePort } from './free-port.js';
import { startSweeper, type Picked } from './redeliver.js';
import type { GitHubClient } from '../github/octokit.js';
import { appOctokit, type RateLimitTuning } from './octokit.js';
import { deliveryKey } from './queue/delivery-key.js';
import { MemoryQueue } from './queue/memory.js';
import { MemoryPrGate, type PrGate } from './queue/pr-lock.js';
import { AppMetrics, instrumentQueue } from './queue/metrics.js';
import { opsRoutes } from './queue/routes.js';
import { redisStore } from './pages/redis-store.js';
import { readinessPages } from './pages/routes.js';
import type { DeliveryQueue } from './queue/types.js';
import type { HandlerDeps } from './handlers/deps.js';
import { readygateApp } from './readygate-app.js';
import { webApp } from './web.js';
import { deliveryWorker } from './worker.js';

export interface StartDeps {
  /** Default: the in-memory queue. */
  queue?: DeliveryQueue;
  /** Pull requests' newest heads; the Redis queue's own with REDIS_URL. Default: in memory. */
  prs?: PrGate;
  /** This process receives webhooks (default true; false for a ROLE=worker replica). */
  web?: boolean;
  /** This process runs deliveries (default true; false for a ROLE=web replica). */
  workers?: boolean;
  /** Default: Probot's Octokit with bounded rate-limit retries (octokit.ts). */
  Octokit?: typeof ProbotOctokit;
  tuning?: RateLimitTuning;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  /** When the first redelivery sweep runs after start (default 30 s). */
  firstSweepDelayMs?: number;
  handlers?: Partial<Pick<HandlerDeps, 'checkName' | 'policyPath' | 'limits'>>;
}

export interface RunningApp {
  /** http://host:port */
  url: string;
  port: number;
  queue: DeliveryQueue;
  metrics: AppMetrics;
  /** One redelivery sweep now (what the timer runs); undefined when sweeping is off or held elsewhere. */
  sweep(): Promise<Picked | undefined>;
  stop(): Promise<void>;
}

export async function startApp(config: AppConfig, deps: StartDeps = {}): Promise<RunningApp> {
  const request = deps.fetch ? { fetch: deps.fetch } : undefined;
  const probotOptions = {
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.baseUrl,
    Octokit: deps.Octokit ?? appOctokit(deps.tuning),
    logLevel: config.logLevel === 'silent' ? undefined : config.logLevel,
    logFormat: config.logFormat,
    // Probot clusters its request throttling (Bottleneck) through this Redis across replicas.
    ...(config.redisUrl && { redisConfig: config.redisUrl }),
    ...(request && { request }),
  };
  const worker = new Probot(probotOptions);
  await worker.ready();
  const prs = deps.prs ?? new MemoryPrGate();
  const log = worker.log;
  if (config.logLevel === 'silent') log.level = 'silent';
  await worker.load(
    readygateApp({
      appId: config.appId,
      checkName: deps.handlers?.checkName ?? 'readygate',
      policyPath: deps.handlers?.policyPath ?? '.github/readygate.yml',
      version: VERSION,
      now: deps.now ?? (() => new Date()),
      prs,
      ...(deps.handlers?.limits && { limits: deps.handlers.limits }),
    }),
  );

  const metrics = new AppMetrics();
  const queue = instrumentQueue(deps.queue ?? new MemoryQueue({ keyOf: deliveryKey }), metrics);
  if (deps.workers !== false) await queue.start(deliveryWorker(worker, log));

  const server = new Server({
    host: config.host,
    port: config.port || (await freePort(config.host)),
    webhookPath: config.webhookPath,
    log,
    enableStaticFiles: false,
    Probot: Probot.defaults({ ...probotOptions, log }),
    enablePing: deps.web !== false,
    ...(request && { request }),
  });
  if (deps.web !== false) await server.load(webApp(queue));
  const workers = deps.workers !== false;
  await server.load((_app, { addHandler }) => addHandler(opsRoutes({ queue, metrics, workers })));
  const pages = {
    appId: config.appId,
    checkName: deps.handlers?.checkName ?? 'readygate',
    now: deps.now ?? (() => new Date()),
  };
  // With REDIS_URL the replicas share what the badges and the page read from GitHub.
  const pagesStore = deps.web !== false && config.redisUrl ? redisStore(config.redisUrl) : undefined;
  // Connected before the first request when Redis answers within a second; else it joins later.
  if (pagesStore) await Promise.race([pagesStore.ready(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  if (deps.web !== false)
    await server.load(
      readinessPages({ ...pages, secret: config.badgeSecret, ...(pagesStore && { shared: pagesStore }) }),
    );
  await server.start();
  // The web side asks GitHub again for deliveries that failed (it is what GitHub failed to reach).
  const sweeper =
    deps.web !== false && config.redeliverMinutes > 0
      ? startSweeper({
          client: async () => (await worker.auth()) as unknown as GitHubClient,
          intervalMs: config.redeliverMinutes * 60_000,
          firstDelayMs: deps.firstSweepDelayMs ?? 30_000,
          exclusive: (work) => prs.withLock('redeliver-sweep', work),
          now: deps.now ?? (() => new Date()),
          maxAttempts: 3,
          log,
        })
      : undefined;
  const host = server.host.includes(':') && !server.host.startsWith('[') ? `[${server.host}]` : server.host;
  return {
    url: `http://${host}:${server.port}`,
    port: server.port,
    queue,
    metrics,
    sweep: async () => sweeper?.sweep(),
    async stop() {
      sweeper?.stop();
      await server.stop();
      await queue.close();
      await pagesStore?.close();
    },
  };
}
