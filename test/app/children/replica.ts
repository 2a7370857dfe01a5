/**
 * One App replica's workers in a child process, for the tests that kill a replica outright.
 * Each run appends `start <id> <pid>` and, when it finishes, `done <id> <pid>` to RUN_LOG; with
 * HANG=1 a run never finishes (the parent kills the process mid-job).
 */
import { appendFileSync } from 'node:fs';
import { BullDeliveryQueue } from '../../../src/app/queue/bullmq.js';

const { REDIS_URL, QUEUE_NAME, RUN_LOG, HANG } = process.env;
if (!REDIS_URL || !QUEUE_NAME || !RUN_LOG)
  throw new Error('replica child: REDIS_URL, QUEUE_NAME and RUN_LOG are required');

const queue = new BullDeliveryQueue({
  redisUrl: REDIS_URL,
  name: QUEUE_NAME,
  lockDurationMs: 1000,
  stalledIntervalMs: 300,
});
await queue.start(async (delivery) => {
  appendFileSync(RUN_LOG, `start ${delivery.id} ${process.pid}\n`);
  if (HANG === '1') await new Promise(() => undefined);
  appendFileSync(RUN_LOG, `done ${delivery.id} ${process.pid}\n`);
});
process.send?.('ready');
process.on('SIGTERM', () => void queue.close().then(() => process.exit(0)));
