/**
 * The delivery queue on BullMQ and Redis, for several replicas. The job id is the delivery id, so a
 * delivery that reaches two replicas, or is redelivered while its job is retained, runs once.
 * Finished jobs are kept for `retentionSeconds` (GitHub allows a manual redelivery for 3 days),
 * with the payload of a completed job dropped so the retained record stays small.
 */
import { randomUUID } from 'node:crypto';
import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueUnavailableError } from './errors.js';
import { classifyFailure } from './failure.js';
import { jobIdFor } from './job-id.js';
import { type PrGate, type PrGateOptions, RedisPrGate } from './pr-lock.js';
import type { Delivery, DeliveryQueue, EnqueueResult, QueueHealth } from './types.js';

/** Pino-compatible: `log.warn({ deliveryId }, 'message')`. */
export interface QueueLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface BullDeliveryQueueOptions {
  redisUrl: string;
  /** Queue name; replicas sharing a Redis and a name share the work. */
  name?: string;
  /** Redis key prefix. */
  prefix?: string;
  /** Deliveries one process runs at once. */
  concurrency?: number;
  /** Runs of a delivery that fails with a transient error, the first included. */
  attempts?: number;
  /** First retry delay; each further retry doubles it, with jitter. */
  backoffMs?: number;
  /** How long a finished delivery is remembered (de-duplication) and a failed one kept. */
  retentionSeconds?: number;
  /** How often workers look for jobs whose worker died (stalled-job recovery). */
  stalledIntervalMs?: number;
  /** How long a worker's claim on a job lasts without renewal. */
  lockDurationMs?: number;
  /** How long `close()` waits for running deliveries before leaving them to stalled-job recovery. */
  drainTimeoutMs?: number;
  /** How long an enqueue waits for Redis before the web side gives up (and answers 503). */
  enqueueTimeoutMs?: number;
  log?: QueueLog;
  /** The per-PR lock and head record that handlers use (`prs`). */
  prGate?: PrGateOptions;
  /**
   * Deliveries with the same key never run at once on any replica (as the in-memory queue's
   * `keyOf`): a run whose key is busy waits in Redis and runs again shortly after.
   */
  keyOf?: (delivery: Delivery) => string | undefined;
}

/** Stored job data: the delivery, with the payload dropped once the job completed. */
type DeliveryJobData = Delivery;

const THREE_DAYS_S = 3 * 24 * 3600;
const silent: QueueLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class BullDeliveryQueue implements DeliveryQueue {
  readonly #options: Required<Omit<BullDeliveryQueueOptions, 'log' | 'prGate' | 'keyOf'>>;
  readonly #keyOf: ((delivery: Delivery) => string | undefined) | undefined;
  readonly #redis: Redis;
  /** Per pull request, the latest wins: the lock and head record, shared by every replica. */
  readonly prs: PrGate;
  readonly #log: QueueLog;
  readonly #queue: Queue<DeliveryJobData>;
  #worker: Worker<DeliveryJobData> | undefined;

  constructor(options: BullDeliveryQueueOptions) {
    this.#options = {
      name: 'deliveries',
      prefix: 'readygate',
      concurrency: 4,
      attempts: 5,
      backoffMs: 5000,
      retentionSeconds: THREE_DAYS_S,
      stalledIntervalMs: 30_000,
      lockDurationMs: 30_000,
      drainTimeoutMs: 25_000,
      enqueueTimeoutMs: 3000,
      ...options,
    };
    this.#log = options.log ?? silent;
    this.#keyOf = options.keyOf;
    const { redisUrl, name, prefix, enqueueTimeoutMs, attempts, backoffMs, retentionSeconds } = this.#options;
    // The web side must fail fast when Redis is away, never hold a webhook until GitHub's 10 s pass.
    this.#queue = new Queue<DeliveryJobData>(name, {
      prefix,
      connection: {
        url: redisUrl,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: enqueueTimeoutMs,
      },
      defaultJobOptions: {
        attempts,
        backoff: { type: 'exponential', delay: backoffMs, jitter: 0.5 },
        removeOnComplete: { age: retentionSeconds },
        removeOnFail: { age: retentionSeconds },
      },
    });
    this.#queue.on('error', (error) => this.#log.warn({ err: error }, 'delivery queue: Redis connection error'));
    this.#redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
    this.#redis.on('error', (error) => this.#log.warn({ err: error }, 'PR lock: Redis connection error'));
    this.prs = new RedisPrGate(this.#redis, { prefix, ...options.prGate });
  }

  async enqueue(delivery: Delivery): Promise<EnqueueResult> {
    const jobId = jobIdFor(delivery.id);
    // The job's name carries a nonce: BullMQ answers an existing id with that id and adds nothing,
    // so reading the name back tells this enqueue's job from one another replica created earlier.
    const jobName = `${delivery.name}#${randomUUID()}`;
    try {
      await this.#queue.add(jobName, delivery, { jobId });
      const client = await this.#queue.backend.client;
      const stored = await client.hget(this.#queue.toKey(jobId), 'name');
      return stored !== null && stored !== jobName ? 'duplicate' : 'queued';
    } catch (error) {
      throw new QueueUnavailableError(`delivery ${delivery.id} could not be queued: Redis did not accept it`, {
        cause: error,
      });
    }
  }

  async start(process: (delivery: Delivery) => Promise<void>): Promise<void> {
    if (this.#worker) throw new Error('the delivery queue workers are already running');
    const { redisUrl, name, prefix, concurrency, stalledIntervalMs, lockDurationMs } = this.#options;
    const worker = new Worker<DeliveryJobData>(name, (job, token) => this.#run(job, token, process), {
      prefix,
      concurrency,
      stalledInterval: stalledIntervalMs,
      lockDuration: lockDurationMs,
      // Workers wait for Redis to come back instead of failing their blocking reads.
      connection: { url: redisUrl, maxRetriesPerRequest: null },
    });
    worker.on('error', (error) => this.#log.warn({ err: error }, 'delivery worker: Redis connection error'));
    worker.on('stalled', (jobId) => this.#log.warn({ jobId }, 'delivery worker: a job whose worker died runs again'));
    worker.on('failed', (job, error) => {
      const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      const fields = {
        deliveryId: job?.data.id,
        event: job?.data.name,
        attempts: job?.attemptsMade,
        reason: error.message,
      };
      if (final) this.#log.error(fields, 'delivery failed; kept in the failed set');
      else this.#log.warn(fields, 'delivery failed; it will be retried');
    });
    this.#worker = worker;
    await worker.waitUntilReady();
  }

  async #run(job: Job<DeliveryJobData>, token: string | undefined, process: (d: Delivery) => Promise<void>) {
    const { id, name, payload, receivedAt } = job.data;
    const delivery = { id, name, payload, receivedAt };
    const key = this.#keyOf?.(delivery);
    try {
      if (key === undefined) await process(delivery);
      else await this.prs.withLock(`serial:${key}`, () => process(delivery));
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === 'delay') {
        // Waiting in Redis, not in this worker: the other jobs keep running. No attempt is spent.
        this.#log.info({ deliveryId: id, delayMs: failure.delayMs, reason: failure.reason }, 'delivery delayed');
        await job.moveToDelayed(Date.now() + failure.delayMs, token);
        throw new DelayedError(failure.reason);
      }
      if (failure.kind === 'fatal') throw new UnrecoverableError(failure.reason);
      throw error;
    }
    await job.updateData({ ...job.data, payload: null });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    if (worker) {
      if (!(await within(worker.close(), this.#options.drainTimeoutMs))) {
        this.#log.warn({}, 'delivery worker: running deliveries did not finish in time; another replica recovers them');
        await worker.close(true);
      }
    }
    // Closing politely needs Redis, and BullMQ's close (and even its disconnect) can wait for a
    // reconnection indefinitely: give each a few seconds (what was queued stays in Redis).
    const closed = await within(this.#queue.close(), this.#options.enqueueTimeoutMs).catch((error: unknown) => {
      this.#log.warn({ err: error }, 'delivery queue: could not close politely');
      return false;
    });
    if (!closed && !(await within(this.#queue.disconnect(), this.#options.enqueueTimeoutMs))) {
      this.#log.warn({}, 'delivery queue: Redis unreachable; left its connection to be dropped at exit');
    }
    this.#redis.disconnect();
  }

  async health(): Promise<QueueHealth> {
    const working = this.#worker?.isRunning() ?? false;
    try {
      const counts = await this.#queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
      const [oldest] = await this.#queue.getJobs(['waiting'], 0, 0, true);
      return {
        ok: true,
        working,
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        ...(oldest ? { oldestWaitingMs: Math.max(0, Date.now() - oldest.timestamp) } : {}),
      };
    } catch (error) {
      this.#log.warn({ err: error }, 'delivery queue: health check could not reach Redis');
      return { ok: false, working, waiting: 0, active: 0, delayed: 0, failed: 0 };
    }
  }
}

/** Resolves true when `promise` settles in time, false when `ms` pass first (its rejection propagates). */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
