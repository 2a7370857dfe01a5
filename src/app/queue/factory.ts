/**
 * Picks the delivery queue from the environment: with `REDIS_URL`, BullMQ on Redis (several
 * replicas); without it, the in-memory queue (one process). `ROLE` splits a replica's work:
 * `web` verifies and enqueues webhooks, `worker` runs deliveries, `all` (the default) does both.
 */
import { BullDeliveryQueue, type BullDeliveryQueueOptions, type QueueLog } from './bullmq.js';
import { QueueConfigError } from './errors.js';
import { MemoryPrGate, type PrGate } from './pr-lock.js';
import type { Delivery, DeliveryQueue } from './types.js';

export type Role = 'web' | 'worker' | 'all';

export interface QueueSetup {
  queue: DeliveryQueue;
  kind: 'memory' | 'redis';
  /** Per pull request, the latest wins: what handlers lock and compare head SHAs with. */
  prs: PrGate;
  role: Role;
  /** This process accepts webhooks. */
  web: boolean;
  /** This process runs deliveries: call `queue.start(process)`. */
  workers: boolean;
}

export interface QueueFactoryOptions {
  /** The in-memory queue, used when there is no `REDIS_URL`. */
  memory: () => DeliveryQueue;
  log?: QueueLog;
  /** Deliveries with the same key never run at once (the in-memory queue's `keyOf`, across replicas). */
  keyOf?: (delivery: Delivery) => string | undefined;
  /** Test knobs for the BullMQ queue (stalled interval, backoff, …). */
  bullmq?: Partial<BullDeliveryQueueOptions>;
}

const ROLES: readonly Role[] = ['web', 'worker', 'all'];

export function parseRole(value: string | undefined): Role {
  const role = (value ?? '').trim().toLowerCase() || 'all';
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new QueueConfigError(`ROLE must be one of web, worker or all (got "${value}")`);
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new QueueConfigError(`${name} must be a whole number of 1 or more (got "${value}")`);
  return n;
}

/** What the environment says about the queue, checked. */
export interface QueueSettings {
  /** Unset: the in-memory queue. */
  redisUrl?: string;
  role: Role;
  /** Deliveries one process runs at once. */
  concurrency?: number;
}

/** Reads `REDIS_URL`, `ROLE` and `WORKER_CONCURRENCY`; throws `QueueConfigError` naming what is wrong. */
export function readQueueSettings(env: Record<string, string | undefined>): QueueSettings {
  const role = parseRole(env.ROLE);
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const concurrency = positiveInteger('WORKER_CONCURRENCY', env.WORKER_CONCURRENCY);
  if (!redisUrl && role !== 'all') {
    throw new QueueConfigError(
      `ROLE=${role} needs REDIS_URL: without Redis the queue lives in one process, which must both receive and run deliveries`,
    );
  }
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new QueueConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  return { role, ...(redisUrl && { redisUrl }), ...(concurrency && { concurrency }) };
}

/** The queue the settings ask for: BullMQ on Redis with `redisUrl`, else the in-memory one. */
export function createDeliveryQueue(settings: QueueSettings, options: QueueFactoryOptions): QueueSetup {
  const { role, redisUrl, concurrency } = settings;
  const split = { role, web: role !== 'worker', workers: role !== 'web' };
  if (!redisUrl) return { queue: options.memory(), kind: 'memory', prs: new MemoryPrGate(), ...split };
  const queue = new BullDeliveryQueue({
    redisUrl,
    ...(concurrency ? { concurrency } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.keyOf ? { keyOf: options.keyOf } : {}),
    ...options.bullmq,
  });
  return { queue, kind: 'redis', prs: queue.prs, ...split };
}
