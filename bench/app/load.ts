/** The benchmark's deliveries (real payload shapes) and its open-loop sender of signed webhooks. */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import { sign } from '@octokit/webhooks-methods';
import type { Delivery } from '../../src/app/queue/types.js';

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];
const synchronize = examples
  .find((d) => d.name === 'pull_request')!
  .examples.find((e) => (e as { action: string }).action === 'synchronize')!;

/**
 * The i-th push: to PR 1 of one of `repos` repositories of `owner`, with its own head SHA, each
 * push later than the one before. Each phase of the benchmark uses its own owner: the App records
 * every PR's newest head in Redis, and an older push to a PR it has seen is (rightly) ignored.
 */
export function pullRequestPush(i: number, repos: number, owner = 'bench-org'): Delivery {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a payload edited field by field
  const payload = structuredClone(synchronize) as any;
  const name = `repo-${i % repos}`;
  payload.number = 1;
  payload.pull_request.number = 1;
  payload.pull_request.head.sha = i.toString(16).padStart(40, '0');
  payload.pull_request.updated_at = new Date(Date.UTC(2026, 11, 1) + i * 1000).toISOString();
  payload.repository = { ...payload.repository, name, full_name: `${owner}/${name}`, default_branch: 'main' };
  payload.repository.owner = { ...payload.repository.owner, login: owner };
  payload.installation = { id: 77 };
  return { id: randomUUID(), name: 'pull_request', payload, receivedAt: Date.now() };
}

export interface AckTimes {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
}

/** Sends the deliveries at `perSecond`, without waiting for answers, and times each answer. */
export async function burst(url: string, secret: string, deliveries: Delivery[], perSecond: number): Promise<AckTimes> {
  const bodies = await Promise.all(
    deliveries.map(async (d) => {
      const body = JSON.stringify(d.payload);
      return { d, body, signature: await sign(secret, body) };
    }),
  );
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const start = performance.now();
  const sent = bodies.map(async ({ d, body, signature }, i) => {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': d.name,
        'x-github-delivery': d.id,
        'x-hub-signature-256': signature,
      },
      body,
    });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  });
  await Promise.all(sent);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times.at(-1)!, statuses };
}
