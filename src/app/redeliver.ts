/**
 * Webhooks GitHub could not deliver, asked for again. GitHub gives a receiver 10 seconds and never
 * redelivers by itself, so a delivery that failed while the App was down, restarting or without
 * Redis (the web side then answers 503) would be lost. Every few minutes one replica lists the
 * App's recent deliveries (`GET /app/hook/deliveries`, with the App's JWT) and asks GitHub to
 * redeliver each event that has no successful attempt yet (`POST …/attempts`). A redelivery keeps
 * its `X-GitHub-Delivery`, so one that did arrive after all is recognised and dropped by the queue.
 * An event is asked for at most `maxAttempts` times in all, so one that can never succeed (a
 * payload over the limit, say) is given up, and said so.
 */
import type { Logger } from 'probot';
import { describeError } from '../core/errors.js';
import type { GitHubClient } from '../github/octokit.js';
import { RetryLaterError } from './queue/errors.js';

export interface DeliveryAttempt {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
  action?: string | null;
}

export interface SweepOptions {
  now: Date;
  /** How far back to look (GitHub keeps deliveries 3 days; a redelivery can be asked within that). */
  windowMs: number;
  /** Attempts (the first and redeliveries) after which an event is given up. */
  maxAttempts: number;
}

export interface Redelivery {
  /** The attempt to redeliver (its id), the newest of the event's. */
  id: number;
  guid: string;
  event: string;
  attempts: number;
}

export interface Picked {
  redeliver: Redelivery[];
  /** Events that failed `maxAttempts` times: not asked again. */
  givenUp: Redelivery[];
}

const ok = (status: number) => status >= 200 && status < 300;

/** The events with no successful attempt in the window, newest attempt first considered. */
export function pickRedeliveries(attempts: readonly DeliveryAttempt[], options: SweepOptions): Picked {
  const since = options.now.getTime() - options.windowMs;
  const byGuid = new Map<string, DeliveryAttempt[]>();
  for (const a of attempts) byGuid.set(a.guid, [...(byGuid.get(a.guid) ?? []), a]);
  const picked: Picked = { redeliver: [], givenUp: [] };
  for (const [guid, list] of byGuid) {
    if (list.some((a) => ok(a.status_code))) continue;
    const newest = list.reduce((a, b) => (Date.parse(b.delivered_at) > Date.parse(a.delivered_at) ? b : a));
    if (!(Date.parse(newest.delivered_at) >= since)) continue;
    const item = {
      id: newest.id,
      guid,
      event: newest.action ? `${newest.event}.${newest.action}` : newest.event,
      attempts: list.length,
    };
    (list.length >= options.maxAttempts ? picked.givenUp : picked.redeliver).push(item);
  }
  return picked;
}

/** Lists the window's deliveries (newest first, stopping at the window's start) and asks for the redeliveries. */
export async function sweepDeliveries(
  octokit: GitHubClient,
  options: SweepOptions,
  log: Pick<Logger, 'info' | 'warn'>,
): Promise<Picked> {
  const since = options.now.getTime() - options.windowMs;
  const attempts: DeliveryAttempt[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.apps.listWebhookDeliveries, { per_page: 100 })) {
    const items = page.data as unknown as DeliveryAttempt[];
    attempts.push(...items);
    if (items.length === 0 || Date.parse(items.at(-1)!.delivered_at) < since) break;
  }
  const picked = pickRedeliveries(attempts, options);
  for (const r of picked.redeliver) {
    await octokit.rest.apps.redeliverWebhookDelivery({ delivery_id: r.id });
    log.info(`asked GitHub to redeliver ${r.event} ${r.guid} (attempt ${r.attempts + 1} of ${options.maxAttempts})`);
  }
  for (const r of picked.givenUp)
    log.warn(`gave up on ${r.event} ${r.guid}: ${r.attempts} deliveries failed; redeliver it by hand once fixed`);
  return picked;
}

export interface Sweeper {
  /** One sweep now (what the timer runs); undefined when another replica holds the sweep. */
  sweep(): Promise<Picked | undefined>;
  stop(): void;
}

/**
 * Sweeps shortly after start (deliveries that failed while the App was down) and then every
 * `intervalMs`, one replica at a time: `exclusive` runs the sweep holding a lock (Redis with several
 * replicas) and rejects when another replica holds it.
 */
export function startSweeper(options: {
  client: () => Promise<GitHubClient>;
  intervalMs: number;
  firstDelayMs: number;
  exclusive: (work: () => Promise<Picked>) => Promise<Picked>;
  now: () => Date;
  maxAttempts: number;
  log: Pick<Logger, 'info' | 'warn'>;
}): Sweeper {
  const sweep = async (): Promise<Picked | undefined> => {
    try {
      return await options.exclusive(async () =>
        sweepDeliveries(
          await options.client(),
          { now: options.now(), windowMs: 3 * 24 * 3600 * 1000, maxAttempts: options.maxAttempts },
          options.log,
        ),
      );
    } catch (error) {
      if (error instanceof RetryLaterError) return undefined; // another replica is sweeping
      options.log.warn(`redelivery sweep failed: ${describeError(error)}`);
      return undefined;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = (ms: number) => {
    timer = setTimeout(() => void sweep().finally(() => schedule(options.intervalMs)), ms);
    timer.unref();
  };
  schedule(options.firstDelayMs);
  return {
    sweep,
    stop: () => clearTimeout(timer),
  };
}
