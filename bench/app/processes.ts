/** The benchmark's processes: a redis-server and App replicas (bench/app/replica.ts) as children. */
import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:net';
import { RedisServer } from '../../test/helpers/redis-server.js';

export interface Replica {
  role: 'web' | 'worker';
  /** The web replica's base URL. */
  url: string;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await new RedisServer().start();
  return { url: server.url, stop: () => server.close() };
}

const script = new URL('./replica.ts', import.meta.url).pathname;

export async function startReplica(role: 'web' | 'worker', env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child: ChildProcess = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env, ROLE: role, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port?: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port?: number }));
    child.once('exit', (code) => reject(new Error(`bench ${role} replica exited with ${code} before it was ready`)));
  });
  let stopped: Promise<void> | undefined;
  return {
    role,
    url: `http://127.0.0.1:${ready.port ?? 0}`,
    rss: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve((m as { rssBytes: number }).rssBytes));
        child.send('rss');
      }),
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
