/**
 * A real `redis-server` on 127.0.0.1 on a free port with no automatic persistence
 * (`--save '' --appendonly no`), in a temporary directory. `restart()` stops it and starts it again
 * on the same port with the same data (a snapshot forced at shutdown). Used by the Redis tests
 * (through redis.ts) and by `npm run bench:app`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The redis-server binary on PATH (or `REDIS_SERVER`), or undefined when there is none. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.REDIS_SERVER
    ? [env.REDIS_SERVER]
    : [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin', '/usr/sbin'].map((dir) =>
        join(dir, 'redis-server'),
      );
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}

const binary = findRedisServer();

export class RedisServer {
  #child: ChildProcess | undefined;
  #port = 0;
  readonly #dir = mkdtempSync(join(tmpdir(), 'readygate-redis-'));
  #log = '';

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.#port}`;
  }

  /** Starts the server (on a new free port the first time, on the same port after `stop`). */
  async start(): Promise<this> {
    if (!binary) throw new Error('redis-server is not installed');
    if (this.#child) throw new Error(`redis-server already runs on port ${this.#port}`);
    for (let attempt = 1; ; attempt++) {
      const port = this.#port || (await freePort());
      try {
        await this.#spawn(binary, port);
        this.#port = port;
        return this;
      } catch (error) {
        // Another process may have taken the port between the probe and the bind: try another.
        if (this.#port || attempt >= 5) throw error;
      }
    }
  }

  /** Stops the server. With `keepData`, it snapshots first, so `start()` brings the same data back. */
  async stop({ keepData = false } = {}): Promise<void> {
    const child = this.#child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (keepData) await command(this.#port, 'SHUTDOWN SAVE');
    else child.kill('SIGKILL');
    await exited;
    this.#child = undefined;
  }

  async restart(): Promise<void> {
    await this.stop({ keepData: true });
    await this.start();
  }

  /** Stops the server and removes its directory. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  async #spawn(path: string, port: number): Promise<void> {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn(path, [...args, '--dir', this.#dir, '--dbfilename', 'dump.rdb'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#log = '';
    const keep = (chunk: Buffer) => (this.#log = (this.#log + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let exitCode: number | null | undefined;
    child.once('exit', (code) => (exitCode = code));
    const deadline = Date.now() + 10_000;
    while (exitCode === undefined) {
      if ((await command(port, 'PING').catch(() => '')) === '+PONG') {
        this.#child = child;
        return;
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`redis-server on port ${port} did not answer PING within 10 s:\n${this.#log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`redis-server on port ${port} exited with code ${exitCode}:\n${this.#log}`);
  }
}

/** Starts a server; the caller closes it (`afterAll(() => server.close())`). */
export async function startRedis(): Promise<RedisServer> {
  return new RedisServer().start();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

/** Sends one inline command and resolves with the first reply line ('' when the server hangs up). */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error(`redis on port ${port}: no reply to ${line}`)));
    socket.once('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.end();
        resolve(reply.split('\r\n')[0]!);
      }
    });
    socket.once('close', () => resolve(reply.split('\r\n')[0] ?? ''));
    socket.once('error', reject);
  });
}
