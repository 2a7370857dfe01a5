// The Redis test harness itself: a real server on a loopback port that answers, keeps its data
// across a restart on the same port, and is really gone when stopped.
import { Redis } from 'ioredis';
import { createConnection } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { describeRedis, RedisServer } from '../helpers/redis.js';

describeRedis('the redis-server test harness', () => {
  const server = new RedisServer();
  afterAll(() => server.close());

  it('starts a server on 127.0.0.1 that keeps its data across a restart and refuses when stopped', async () => {
    await server.start();
    expect(server.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await client.connect();
    await client.set('k', 'v');
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    client.disconnect();

    const port = server.port;
    await server.restart();
    expect(server.port).toBe(port);
    const again = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await again.connect();
    expect(await again.get('k')).toBe('v');
    again.disconnect();

    await server.stop();
    const refused = await new Promise<string>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => resolve('connected'));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
