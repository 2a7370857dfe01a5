/**
 * The in-memory DeliveryQueue (one process, the default when REDIS_URL is unset). A delivery id
 * seen within the retention window is a duplicate and does nothing (a redelivery keeps its
 * `X-GitHub-Delivery`). Deliveries with the same serial key (the repository, see delivery-key.ts)
 * run one after another, in arrival order, so two events of one pull request never race to create
 * a check run or a comment; different keys run side by side up to `concurrency`. A failed
 * delivery is counted and logged by the caller's `process`; it is not retried (GitHub redelivers
 * on request). `close()` stops taking work and waits for everything accepted to finish.
 */
import type { Delivery, DeliveryQueue, EnqueueResult, QueueHealth } from './types.js';

export interface MemoryQueueOptions {
  /** Deliveries running at once across keys (default 4). */
  concurrency?: number;
  /** How long a delivery id is remembered, ms (default 3 days: GitHub's redelivery window). */
  retentionMs?: number;
  /** Most ids remembered; the oldest are forgotten first (default 100,000). */
  maxRemembered?: number;
  /** Deliveries with the same key never run at once. */
  keyOf?: (delivery: Delivery) => string;
  now?: () => number;
  /** Told about a delivery whose `process` threw (the worker normally reports its own failures). */
  onError?: (error: unknown, delivery: Delivery) => void;
}

export class MemoryQueue implements DeliveryQueue {
  readonly #seen = new Map<string, number>();
  readonly #waiting: Delivery[] = [];
  readonly #busyKeys = new Set<string>();
  readonly #idle: (() => void)[] = [];
  #process: ((delivery: Delivery) => Promise<void>) | undefined;
  #active = 0;
  #failed = 0;
  #closed = false;
  readonly #concurrency: number;
  readonly #retentionMs: number;
  readonly #maxRemembered: number;
  readonly #keyOf: (delivery: Delivery) => string;
  readonly #now: () => number;
  readonly #onError: (error: unknown, delivery: Delivery) => void;

  constructor(options: MemoryQueueOptions = {}) {
    this.#concurrency = options.concurrency ?? 4;
    this.#retentionMs = options.retentionMs ?? 3 * 24 * 3600 * 1000;
    this.#maxRemembered = options.maxRemembered ?? 100_000;
    this.#keyOf = options.keyOf ?? ((d) => d.id);
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? (() => undefined);
  }

  async enqueue(delivery: Delivery): Promise<EnqueueResult> {
    if (this.#closed) throw new Error('the delivery queue is closed (the App is shutting down)');
    this.#forgetOld();
    if (this.#seen.has(delivery.id)) return 'duplicate';
    this.#seen.set(delivery.id, this.#now());
    this.#waiting.push(delivery);
    this.#pump();
    return 'queued';
  }

  async start(process: (delivery: Delivery) => Promise<void>): Promise<void> {
    this.#process = process;
    this.#pump();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (!this.#process) return;
    while (this.#active > 0 || this.#waiting.length > 0) await new Promise<void>((r) => this.#idle.push(r));
  }

  async health(): Promise<QueueHealth> {
    const oldest = this.#waiting[0];
    return {
      ok: !this.#closed,
      working: this.#process !== undefined && !this.#closed,
      waiting: this.#waiting.length,
      active: this.#active,
      delayed: 0,
      failed: this.#failed,
      ...(oldest && { oldestWaitingMs: Math.max(0, this.#now() - oldest.receivedAt) }),
    };
  }

  #pump(): void {
    const process = this.#process;
    if (!process) return;
    for (let i = 0; i < this.#waiting.length && this.#active < this.#concurrency;) {
      const delivery = this.#waiting[i]!;
      const key = this.#keyOf(delivery);
      if (this.#busyKeys.has(key)) {
        i++;
        continue;
      }
      this.#waiting.splice(i, 1);
      this.#busyKeys.add(key);
      this.#active++;
      void this.#run(process, delivery, key);
    }
  }

  async #run(process: (delivery: Delivery) => Promise<void>, delivery: Delivery, key: string): Promise<void> {
    try {
      await process(delivery);
    } catch (error) {
      this.#failed++;
      this.#onError(error, delivery);
    } finally {
      this.#active--;
      this.#busyKeys.delete(key);
      this.#pump();
      if (this.#active === 0 && this.#waiting.length === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  }

  #forgetOld(): void {
    const cutoff = this.#now() - this.#retentionMs;
    for (const [id, at] of this.#seen) {
      if (at >= cutoff && this.#seen.size < this.#maxRemembered) break;
      this.#seen.delete(id);
    }
  }
}
