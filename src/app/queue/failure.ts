/**
 * What a worker does with a delivery whose handler threw: retry it with backoff (a 5xx, a network
 * error, anything unknown), wait and run it again without spending an attempt (a GitHub rate
 * limit, a PR lock held by another worker), or fail it once (a 4xx that cannot succeed).
 * Handlers decide by the error they throw; Octokit's `RequestError` is read by its status.
 */

import { PermanentError, RetryLaterError } from './errors.js';

export type Failure =
  | { kind: 'retry'; reason: string }
  | { kind: 'delay'; delayMs: number; reason: string }
  | { kind: 'fatal'; reason: string };

/** GitHub's advice when a secondary rate limit gives no `retry-after`: wait at least a minute. */
export const SECONDARY_LIMIT_FALLBACK_MS = 60_000;

interface HttpLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function isHttpError(error: unknown): error is HttpLike {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

function rateLimitDelay(error: HttpLike, now: number): number | undefined {
  if (error.status !== 403 && error.status !== 429) return undefined;
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  if (/\bsecondary rate\b/i.test(error.message)) return SECONDARY_LIMIT_FALLBACK_MS;
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    return Number.isFinite(reset) && reset > now ? reset - now + 1000 : SECONDARY_LIMIT_FALLBACK_MS;
  }
  return error.status === 429 ? SECONDARY_LIMIT_FALLBACK_MS : undefined;
}

function classifyOne(error: unknown, now: number): Failure {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : `non-Error thrown: ${String(error)}`;
  if (error instanceof RetryLaterError) return { kind: 'delay', delayMs: Math.max(0, error.delayMs), reason };
  if (error instanceof PermanentError) return { kind: 'fatal', reason };
  if (isHttpError(error)) {
    const delayMs = rateLimitDelay(error, now);
    if (delayMs !== undefined) return { kind: 'delay', delayMs, reason };
    if (error.status >= 500 || error.status === 408) return { kind: 'retry', reason };
    // Octokit reports a network failure as status 500 with the cause attached; a real 4xx cannot
    // succeed by being sent again.
    if (error.status >= 400) return { kind: 'fatal', reason };
  }
  return { kind: 'retry', reason };
}

/**
 * Classifies what a handler threw. Probot gathers the errors of several handlers in an
 * `AggregateError`: the delivery waits if any part must wait, retries if any part may succeed
 * later, and fails only when every part is permanent.
 */
export function classifyFailure(error: unknown, now = Date.now()): Failure {
  const parts = error instanceof AggregateError && error.errors.length > 0 ? error.errors : [error];
  const failures = parts.map((part) => classifyOne(part, now));
  const reason = failures.map((f) => f.reason).join('; ');
  const delays = failures.filter((f) => f.kind === 'delay');
  if (delays.length > 0) return { kind: 'delay', delayMs: Math.max(...delays.map((f) => f.delayMs)), reason };
  if (failures.some((f) => f.kind === 'retry')) return { kind: 'retry', reason };
  return { kind: 'fatal', reason };
}
