/**
 * The seam between the App's web side and its workers. The web side verifies a webhook and
 * enqueues it; a worker hands it to the Probot instance that holds the event handlers
 * (`probot.receive`). Two implementations: in memory (one process, the default) and BullMQ on
 * Redis (`REDIS_URL`, several replicas).
 */

/** One verified webhook delivery. */
export interface Delivery {
  /** `X-GitHub-Delivery`: a redelivery keeps it, so it is the de-duplication key. */
  id: string;
  /** `X-GitHub-Event`. */
  name: string;
  payload: unknown;
  /** When the web side accepted it (ms since the epoch), for queue-age metrics. */
  receivedAt: number;
}

/** `duplicate`: this delivery id was already accepted within the retention window. */
export type EnqueueResult = 'queued' | 'duplicate';

export interface QueueHealth {
  /** The queue can accept work (Redis reachable, for BullMQ). */
  ok: boolean;
  /** Workers are running in this process. */
  working: boolean;
  waiting: number;
  active: number;
  delayed: number;
  /** Jobs that exhausted their retries and are kept for inspection. */
  failed: number;
  /** Age of the oldest waiting job, when one waits. */
  oldestWaitingMs?: number;
}

export interface DeliveryQueue {
  enqueue(delivery: Delivery): Promise<EnqueueResult>;
  /** Starts workers that call `process` for each delivery. */
  start(process: (delivery: Delivery) => Promise<void>): Promise<void>;
  /** Stops taking work and waits for running deliveries to finish (or releases them). */
  close(): Promise<void>;
  health(): Promise<QueueHealth>;
}
