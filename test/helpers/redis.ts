/**
 * The Redis tests' entry point: a real redis-server (redis-server.ts). Where redis-server is not
 * installed the Redis tests are reported as not run, with the reason; in CI (`CI=true`) a missing
 * redis-server fails the test file instead, so CI never skips them.
 */
import { describe } from 'vitest';
import { findRedisServer } from './redis-server.js';

export { RedisServer, startRedis } from './redis-server.js';

const binary = findRedisServer();
if (!binary && process.env.CI === 'true') {
  throw new Error(
    'redis-server is not installed, and CI must run the Redis tests: .ci/run installs it (apt-get install redis-server)',
  );
}
if (!binary) console.warn('readygate tests: redis-server is not installed, so the Redis tests are not run here');

/** `describe` for tests that need a real Redis: not run, and saying why, where there is none. */
export const describeRedis = (name: string, body: () => void) =>
  binary
    ? describe(name, body)
    : describe.skip(`${name} (not run: redis-server is not installed here; CI installs it and runs them)`, body);
