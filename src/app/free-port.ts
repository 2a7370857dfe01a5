/**
 * A port the OS says is free on `host`. Probot's Server reads port 0 as "unset" and binds 3000, so
 * PORT=0 ("any free port": tests, several local replicas) asks the OS first. Another process could
 * take the port between this and the listen; the listen then fails loudly (EADDRINUSE), never
 * silently on a port nobody asked for.
 */
import { createServer } from 'node:net';

export async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
