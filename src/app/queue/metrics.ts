/**
 * The App's counters in Prometheus' text format: deliveries received, de-duplicated, processed and
 * failed, processing latency, and the queue's depth. One `AppMetrics` per process, passed to what
 * counts (no module-level state); `instrumentQueue` counts at the queue seam, so the web side and
 * the workers need no changes. Counters are this replica's; queue depth is the shared queue's.
 */
import { classifyFailure } from './failure.js';
import type { Delivery, DeliveryQueue, EnqueueResult, QueueHealth } from './types.js';

/** Upper bounds (seconds) of the processing-latency histogram's buckets. */
const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] as const;
type FailureKind = 'retry' | 'delay' | 'fatal';

export class AppMetrics {
  received = 0;
  deduplicated = 0;
  processed = 0;
  readonly failed: Record<FailureKind, number> = { retry: 0, delay: 0, fatal: 0 };
  readonly #buckets = BUCKETS.map(() => 0);
  #latencyCount = 0;
  #latencySum = 0;

  enqueued(result: EnqueueResult): void {
    this.received++;
    if (result === 'duplicate') this.deduplicated++;
  }

  /** One run of a delivery's handlers, and how long it took. */
  ran(seconds: number, failure?: FailureKind): void {
    if (failure) this.failed[failure]++;
    else this.processed++;
    this.#latencyCount++;
    this.#latencySum += seconds;
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.#buckets[i]!++;
    });
  }

  /** The exposition text, with the queue's state as gauges. */
  render(health: QueueHealth): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    metric('readygate_deliveries_received_total', 'counter', 'Webhook deliveries this replica accepted.', [
      ['', this.received],
    ]);
    metric('readygate_deliveries_deduplicated_total', 'counter', 'Deliveries already accepted before (redeliveries).', [
      ['', this.deduplicated],
    ]);
    metric('readygate_deliveries_processed_total', 'counter', 'Delivery runs whose handlers succeeded.', [
      ['', this.processed],
    ]);
    metric(
      'readygate_deliveries_failed_total',
      'counter',
      'Delivery runs whose handlers threw, by what happens next: retry, delay (rate limit, PR busy) or fatal.',
      Object.entries(this.failed).map(([kind, n]) => [`{outcome="${kind}"}`, n]),
    );
    const cumulative: [string, number][] = BUCKETS.map((bound, i) => [`_bucket{le="${bound}"}`, this.#buckets[i]!]);
    lines.push(
      '# HELP readygate_delivery_processing_seconds Time a delivery run took in this replica.',
      '# TYPE readygate_delivery_processing_seconds histogram',
      ...cumulative.map(([suffix, n]) => `readygate_delivery_processing_seconds${suffix} ${n}`),
      `readygate_delivery_processing_seconds_bucket{le="+Inf"} ${this.#latencyCount}`,
      `readygate_delivery_processing_seconds_sum ${this.#latencySum}`,
      `readygate_delivery_processing_seconds_count ${this.#latencyCount}`,
    );
    metric('readygate_queue_depth', 'gauge', 'Deliveries in the shared queue, by state.', [
      ['{state="waiting"}', health.waiting],
      ['{state="active"}', health.active],
      ['{state="delayed"}', health.delayed],
      ['{state="failed"}', health.failed],
    ]);
    metric(
      'readygate_queue_oldest_waiting_seconds',
      'gauge',
      'Age of the oldest waiting delivery (0 when none waits).',
      [['', (health.oldestWaitingMs ?? 0) / 1000]],
    );
    metric('readygate_queue_up', 'gauge', '1 when the queue accepts work (Redis reachable).', [
      ['', health.ok ? 1 : 0],
    ]);
    metric('readygate_workers_running', 'gauge', '1 when this replica runs workers.', [['', health.working ? 1 : 0]]);
    return `${lines.join('\n')}\n`;
  }
}

/** The same queue, counting what goes in and timing each run of what comes out. */
export function instrumentQueue(
  queue: DeliveryQueue,
  metrics: AppMetrics,
  clock: () => number = () => performance.now(),
): DeliveryQueue {
  return {
    async enqueue(delivery) {
      const result = await queue.enqueue(delivery);
      metrics.enqueued(result);
      return result;
    },
    start(process) {
      return queue.start(async (delivery: Delivery) => {
        const started = clock();
        try {
          await process(delivery);
        } catch (error) {
          metrics.ran((clock() - started) / 1000, classifyFailure(error).kind);
          throw error;
        }
        metrics.ran((clock() - started) / 1000);
      });
    },
    close: () => queue.close(),
    health: () => queue.health(),
  };
}
