/**
 * `npm start`: the App's process. Reads the environment once, here (see .env.example), and
 * starts the App (start.ts); with no credentials at all, Probot's set-up flow registers the App
 * from app.yml. SIGTERM and SIGINT stop taking webhooks, let accepted deliveries finish, and exit.
 *
 * In a container: `npm ci` then `npm start` with HOST=0.0.0.0 and the variables of .env.example.
 * The start script `exec`s one Node process (tsx as its loader, a dev dependency), so the SIGTERM a
 * container runtime sends to npm reaches the App; with `sh -c` in between it would not.
 */
import { run } from 'probot';
import { describeError } from '../core/errors.js';
import { readStartPlan } from './config.js';
import { deliveryKey } from './queue/delivery-key.js';
import { createDeliveryQueue } from './queue/factory.js';
import { MemoryQueue } from './queue/memory.js';
import { startApp } from './start.js';

async function main(): Promise<void> {
  const plan = readStartPlan(process.env);
  if (plan.kind === 'setup') {
    console.info("No APP_ID or private key: starting Probot's set-up flow to register the App from app.yml");
    await run(() => undefined, { env: { ...process.env, HOST: plan.host, PORT: String(plan.port) } });
    return;
  }
  const setup = createDeliveryQueue(plan.config.queue, {
    memory: () => new MemoryQueue({ keyOf: deliveryKey }),
    bullmq: { keyOf: deliveryKey },
  });
  const app = await startApp(plan.config, {
    queue: setup.queue,
    prs: setup.prs,
    web: setup.web,
    workers: setup.workers,
  });
  console.info(`readygate app listening on ${app.url} (${setup.kind} queue, role ${setup.role})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal}: finishing accepted deliveries, then exiting`);
    try {
      await app.stop();
      process.exit(0);
    } catch (error) {
      console.error(`readygate app: could not stop cleanly: ${describeError(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`readygate app: ${describeError(error)}`);
  process.exit(1);
});
