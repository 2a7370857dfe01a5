/**
 * Per pull request, the latest wins. Two deliveries for one PR never run at once (a lock per
 * repository + PR; a delivery that finds it held is put back with a delay, not waited for in a
 * worker), and the PR's newest head SHA is recorded by compare-and-set, so work for a superseded
 * head can see that it is superseded and publish nothing over the newer one.
 *
 * The queue takes the lock per delivery key (a repository's deliveries run in turn, on any
 * replica); the pull_request handler records heads with `advanceHead` (handlers/supersede.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RetryLaterError } from './errors.js';

export interface PrKey {
  /** `owner/name`; compared without regard to case, as GitHub does. */
  repo: string;
  number: number;
}

export interface HeadUpdate {
  /** The PR's head after the call: `headSha` when it was newer, else the newer one recorded. */
  current: string;
  /** The head this call replaced, when it replaced one with a different SHA. */
  previous?: string;
}

export interface PrGate {
  /**
   * Runs `work` holding the lock of a PR (or of any other key, e.g. a repository); throws
   * `RetryLaterError` at once when another run holds it.
   */
  withLock<T>(key: PrKey | string, work: () => Promise<T>): Promise<T>;
  /** Records `headSha` as the PR's head if `order` (e.g. the PR's `updated_at`) is later than the recorded head's. */
  advanceHead(pr: PrKey, headSha: string, order: number): Promise<HeadUpdate>;
  /** The recorded head SHA, if any. */
  head(pr: PrKey): Promise<string | undefined>;
}

export interface PrGateOptions {
  /** How long a lock lasts unless renewed; it is renewed while its work runs. */
  lockTtlMs?: number;
  /** How long a delivery that found the lock held waits before it runs again. */
  retryDelayMs?: number;
  /** How long a PR's recorded head is kept after its last change. */
  headTtlMs?: number;
}

const DEFAULTS = { lockTtlMs: 60_000, retryDelayMs: 2000, headTtlMs: 30 * 24 * 3600 * 1000 };

function keyOf(pr: PrKey | string): string {
  return typeof pr === 'string' ? pr : `${pr.repo.toLowerCase()}#${pr.number}`;
}

function lockHeld(pr: PrKey | string, delayMs: number): RetryLaterError {
  const what = typeof pr === 'string' ? pr : `${pr.repo}#${pr.number}`;
  return new RetryLaterError(`another delivery for ${what} is running`, delayMs);
}

/** One process: the in-memory queue's gate. */
export class MemoryPrGate implements PrGate {
  readonly #locks = new Set<string>();
  readonly #heads = new Map<string, { sha: string; order: number }>();
  readonly #retryDelayMs: number;

  constructor(options: PrGateOptions = {}) {
    this.#retryDelayMs = options.retryDelayMs ?? DEFAULTS.retryDelayMs;
  }

  async withLock<T>(pr: PrKey | string, work: () => Promise<T>): Promise<T> {
    const key = keyOf(pr);
    if (this.#locks.has(key)) throw lockHeld(pr, this.#retryDelayMs);
    this.#locks.add(key);
    try {
      return await work();
    } finally {
      this.#locks.delete(key);
    }
  }

  async advanceHead(pr: PrKey, headSha: string, order: number): Promise<HeadUpdate> {
    const key = keyOf(pr);
    const recorded = this.#heads.get(key);
    if (recorded && recorded.order >= order) return { current: recorded.sha };
    this.#heads.set(key, { sha: headSha, order });
    return recorded && recorded.sha !== headSha ? { current: headSha, previous: recorded.sha } : { current: headSha };
  }

  async head(pr: PrKey): Promise<string | undefined> {
    return this.#heads.get(keyOf(pr))?.sha;
  }
}

// KEYS[1] lock; ARGV[1] token. Deletes (or extends by ARGV[2] ms) only a lock this run still holds.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
// KEYS[1] head hash; ARGV sha, order, ttl. Returns {current, previous or ''}.
const ADVANCE = `
local sha = redis.call('HGET', KEYS[1], 'sha')
local order = tonumber(redis.call('HGET', KEYS[1], 'order'))
if sha and order and order >= tonumber(ARGV[2]) then return {sha, ''} end
redis.call('HSET', KEYS[1], 'sha', ARGV[1], 'order', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if sha and sha ~= ARGV[1] then return {ARGV[1], sha} end
return {ARGV[1], ''}`;

/** Several replicas: the lock and the head live in Redis. */
export class RedisPrGate implements PrGate {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #options: Required<PrGateOptions>;

  constructor(redis: Redis, options: PrGateOptions & { prefix?: string } = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? 'readygate';
    this.#options = { ...DEFAULTS, ...options };
  }

  async withLock<T>(pr: PrKey | string, work: () => Promise<T>): Promise<T> {
    const key = `${this.#prefix}:pr-lock:${keyOf(pr)}`;
    const token = randomUUID();
    const { lockTtlMs, retryDelayMs } = this.#options;
    if ((await this.#redis.set(key, token, 'PX', lockTtlMs, 'NX')) !== 'OK') throw lockHeld(pr, retryDelayMs);
    // A renewal that fails is tried again at the next tick; should the lock lapse meanwhile, the
    // head compare-and-set still keeps a superseded SHA from being published over a newer one.
    const renewal = setInterval(
      () => void this.#redis.eval(RENEW, 1, key, token, lockTtlMs).catch(() => 0),
      lockTtlMs / 3,
    );
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.#redis.eval(RELEASE, 1, key, token);
    }
  }

  async advanceHead(pr: PrKey, headSha: string, order: number): Promise<HeadUpdate> {
    const key = `${this.#prefix}:pr-head:${keyOf(pr)}`;
    const [current, previous] = (await this.#redis.eval(ADVANCE, 1, key, headSha, order, this.#options.headTtlMs)) as [
      string,
      string,
    ];
    return previous ? { current, previous } : { current };
  }

  async head(pr: PrKey): Promise<string | undefined> {
    return (await this.#redis.hget(`${this.#prefix}:pr-head:${keyOf(pr)}`, 'sha')) ?? undefined;
  }
}
