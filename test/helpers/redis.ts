/**
 * The Redis tests' entry point: a real redis-server (redis-server.ts). Where redis-server is not
 * installed each Redis test file fails with the command that installs it: never a skip (.ci/run
 * installs it).
 */
import { describe, it } from 'vitest';
import { findRedisServer } from './redis-server.js';

export { RedisServer, startRedis } from './redis-server.js';

const binary = findRedisServer();

/** `describe` for tests that need a real Redis; without redis-server, one failing test says how to get it. */
export const describeRedis = (name: string, body: () => void) =>
  binary
    ? describe(name, body)
    : describe(name, () => {
        it('needs redis-server', () => {
          throw new Error('redis-server is not installed: apt-get install redis-server (.ci/run does)');
        });
      });
