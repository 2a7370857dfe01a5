/**
 * The pages' shared cache store on Redis (REDIS_URL): what one replica read from GitHub serves the
 * others until it expires. Keys are `readygate:pages:<cache>:<owner/repo…>`, each with its TTL
 * (minutes). Commands fail fast instead of queueing while Redis is away: the pages then read
 * GitHub as a single replica would.
 */
import { Redis } from 'ioredis';
import type { SharedStore } from './ttl-cache.js';

export interface RedisStore extends SharedStore {
  /** Resolves once connected (commands before that fail, and the pages read GitHub). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function redisStore(url: string, prefix = 'readygate:pages:'): RedisStore {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 });
  redis.on('error', () => undefined); // each failed command says so to its caller (ttl-cache.ts)
  return {
    get: (key) => redis.get(prefix + key),
    set: async (key, value, ttlMs) => {
      await redis.set(prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    ready: () =>
      redis.status === 'ready' ? Promise.resolve() : new Promise((resolve) => redis.once('ready', () => resolve())),
    close: async () => {
      redis.disconnect();
    },
  };
}
