// Two replicas sharing one real Redis: a burst of pushes to five PRs ends with one finished check
// run per PR on its newest head and nothing left in progress on a superseded one; a secondary
// rate limit delays only the delivery that hit it, without holding up a worker.
import { randomUUID } from 'node:crypto';
import { RequestError } from '@octokit/request-error';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BullDeliveryQueue, type BullDeliveryQueueOptions } from '../../src/app/queue/bullmq.js';
import { jobIdFor } from '../../src/app/queue/job-id.js';
import type { PrGate } from '../../src/app/queue/pr-lock.js';
import type { Delivery } from '../../src/app/queue/types.js';
import { prOf, pushDelivery } from '../helpers/deliveries.js';
import { waitFor } from '../helpers/poll.js';
import { describeRedis, RedisServer } from '../helpers/redis.js';

interface CheckRun {
  repo: string;
  sha: string;
  status: 'in_progress' | 'completed';
  conclusion?: 'success' | 'neutral';
}

/** GitHub's check runs, as the handler stub sees them (one store both replicas write to). */
class CheckRuns {
  readonly runs: CheckRun[] = [];
  /** Every run finished as a success, in order: a repository's must only ever move to newer heads. */
  readonly published: { repo: string; sha: string }[] = [];
  findOrCreate(repo: string, sha: string): CheckRun {
    let run = this.runs.find((r) => r.repo === repo && r.sha === sha);
    if (!run) this.runs.push((run = { repo, sha, status: 'in_progress' }));
    return run;
  }
  /** A newer head replaced `sha`: its run, if any, finishes as superseded. */
  supersede(repo: string, sha: string): void {
    for (const run of this.runs) {
      if (run.repo === repo && run.sha === sha && run.status === 'in_progress') {
        Object.assign(run, { status: 'completed', conclusion: 'neutral' });
      }
    }
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));

/** What the App's pull_request handler does with the PR gate, with GitHub replaced by a store. */
function pushHandler(prs: PrGate, github: CheckRuns) {
  return async (delivery: Delivery) => {
    const { repo, number, headSha, updatedAt } = prOf(delivery);
    await prs.withLock({ repo, number }, async () => {
      const head = await prs.advanceHead({ repo, number }, headSha, Date.parse(updatedAt));
      if (head.current !== headSha) return; // a newer push already owns the PR
      if (head.previous) github.supersede(repo, head.previous);
      await pause();
      const run = github.findOrCreate(repo, headSha);
      await pause();
      Object.assign(run, { status: 'completed', conclusion: 'success' });
      github.published.push({ repo, sha: headSha });
    });
  };
}

describeRedis('two replicas on one Redis', () => {
  const server = new RedisServer();
  const open: BullDeliveryQueue[] = [];
  beforeAll(() => server.start());
  afterAll(() => server.close());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()));
  });

  function replica(name: string, options: Partial<BullDeliveryQueueOptions> = {}) {
    const queue = new BullDeliveryQueue({ redisUrl: server.url, name, prGate: { retryDelayMs: 20 }, ...options });
    open.push(queue);
    return queue;
  }

  it('ends a burst of 50 pushes to 5 PRs with one check run per PR, on its newest head', async () => {
    const name = randomUUID();
    const replicas = [replica(name, { concurrency: 4 }), replica(name, { concurrency: 4 })];
    const github = new CheckRuns();
    for (const r of replicas) await r.start(pushHandler(r.prs, github));

    const prs = [1, 2, 3, 4, 5].map((number) => ({ repo: `octo-org/repo-${number}`, number }));
    const start = Date.parse('2026-12-01T10:00:00Z');
    const burst = Array.from({ length: 10 }, (_, push) =>
      prs.map((pr) =>
        pushDelivery({
          id: randomUUID(),
          ...pr,
          headSha: `${pr.number}${push}`.padEnd(40, '0'),
          updatedAt: new Date(start + push * 1000).toISOString(),
        }),
      ),
    ).flat();
    const results = await Promise.all(burst.map((d, i) => replicas[i % 2]!.enqueue(d)));
    expect(results.every((r) => r === 'queued')).toBe(true);

    await waitFor('every delivery to finish', async () => {
      const h = await replicas[0]!.health();
      return h.waiting + h.active + h.delayed === 0;
    });
    expect((await replicas[0]!.health()).failed).toBe(0);
    for (const pr of prs) {
      const newest = `${pr.number}9`.padEnd(40, '0');
      const runs = github.runs.filter((r) => r.repo === pr.repo);
      expect(
        runs.filter((r) => r.sha === newest),
        pr.repo,
      ).toEqual([{ repo: pr.repo, sha: newest, status: 'completed', conclusion: 'success' }]);
      expect(
        runs.filter((r) => r.status !== 'completed'),
        pr.repo,
      ).toEqual([]);
      // The push number is the SHA's second character: never a result for an older push after a newer one.
      const pushes = github.published.filter((p) => p.repo === pr.repo).map((p) => Number(p.sha[1]));
      expect(pushes, pr.repo).toEqual([...pushes].sort((a, b) => a - b));
      expect(pushes.at(-1), pr.repo).toBe(9);
      expect(await replicas[1]!.prs.head(pr)).toBe(newest);
    }
  });

  it('delays a delivery that hit a secondary rate limit, while one worker runs all the others', async () => {
    const name = randomUUID();
    const queue = replica(name, { concurrency: 1 });
    const limited = pushDelivery({ id: randomUUID(), number: 99 });
    const others = Array.from({ length: 8 }, (_, i) => pushDelivery({ id: randomUUID(), number: i + 1 }));
    const runs: string[] = [];
    const done = new Set<string>();
    await queue.start(async (d) => {
      runs.push(d.id);
      if (d.id === limited.id && runs.filter((id) => id === limited.id).length === 1) {
        const request = { method: 'POST' as const, url: 'https://api.github.com/repos/o/r/check-runs', headers: {} };
        const headers = { 'retry-after': '3600' };
        const response = { status: 403, url: request.url, headers, data: { message: 'secondary rate limit' } };
        throw new RequestError('You have exceeded a secondary rate limit', 403, { request, response });
      }
      done.add(d.id);
    });
    await queue.enqueue(limited);
    for (const d of others) await queue.enqueue(d);

    await waitFor('the other deliveries to finish', () => others.every((d) => done.has(d.id)));
    const health = await queue.health();
    expect(health).toMatchObject({ delayed: 1, failed: 0 });
    expect(done.has(limited.id)).toBe(false);

    // The hour's wait is the rate limit's, not the test's: promote the job to run it now.
    const admin = new Queue(name, { prefix: 'readygate', connection: { url: server.url } });
    try {
      await (await admin.getJob(jobIdFor(limited.id)))!.promote();
    } finally {
      await admin.close();
    }
    await waitFor('the delayed delivery to finish', () => done.has(limited.id));
    expect(runs.filter((id) => id === limited.id)).toHaveLength(2);
    expect(await queue.health()).toMatchObject({ delayed: 0, failed: 0 });
  });
});
