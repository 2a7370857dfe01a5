/**
 * Deliveries for queue tests, built on real payload shapes: `@octokit/webhooks-examples`'
 * `pull_request.synchronize` example, with the repository, number and head SHA set per test.
 */
import { createRequire } from 'node:module';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import type { Delivery } from '../../src/app/queue/types.js';

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];
const synchronize = examples
  .find((d) => d.name === 'pull_request')!
  .examples.find((e) => (e as { action: string }).action === 'synchronize')!;

export interface PullRequestPush {
  id: string;
  repo?: string;
  number?: number;
  headSha?: string;
  installationId?: number;
  /** The PR's `updated_at`: later for a later push. */
  updatedAt?: string;
}

/** A `pull_request.synchronize` delivery: a push to the PR's head. */
export function pushDelivery({
  id,
  repo = 'octo-org/widgets',
  number = 1,
  headSha = 'a'.repeat(40),
  installationId = 4242,
  updatedAt = new Date().toISOString(),
}: PullRequestPush): Delivery {
  const payload = structuredClone(synchronize) as unknown as {
    number: number;
    pull_request: { number: number; updated_at: string; head: { sha: string } };
    repository: { full_name: string; name: string; owner: { login: string } };
    installation?: { id: number };
  };
  const [owner, name] = repo.split('/') as [string, string];
  payload.number = number;
  payload.pull_request.number = number;
  payload.pull_request.head.sha = headSha;
  payload.pull_request.updated_at = updatedAt;
  payload.repository.full_name = repo;
  payload.repository.name = name;
  payload.repository.owner.login = owner;
  payload.installation = { id: installationId };
  return { id, name: 'pull_request', payload, receivedAt: Date.now() };
}

/** What a queue test reads back from a delivery's payload. */
export function prOf(delivery: Delivery): { repo: string; number: number; headSha: string; updatedAt: string } {
  const p = delivery.payload as {
    repository: { full_name: string };
    number: number;
    pull_request: { updated_at: string; head: { sha: string } };
  };
  const { full_name: repo } = p.repository;
  return { repo, number: p.number, headSha: p.pull_request.head.sha, updatedAt: p.pull_request.updated_at };
}
