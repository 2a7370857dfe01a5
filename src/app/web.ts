/**
 * The web side: Probot's webhook middleware verifies the signature (a bad one gets 400), then the
 * delivery is put on the queue and answered at once; a worker runs the handlers later (worker.ts).
 * A redelivery (same `X-GitHub-Delivery`) is answered and dropped. `/healthz` reports the queue.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationFunction } from 'probot';
import type { DeliveryQueue } from './queue/types.js';

export function webApp(queue: DeliveryQueue, now: () => number = Date.now): ApplicationFunction {
  return (app, { addHandler }) => {
    app.onAny(async (event) => {
      const result = await queue.enqueue({ id: event.id, name: event.name, payload: event.payload, receivedAt: now() });
      app.log.info(
        { id: event.id, event: event.name },
        result === 'duplicate' ? 'a redelivery, already accepted: ignored' : 'queued',
      );
    });
    addHandler(healthHandler(queue));
  };
}

/** `/healthz`: the queue's health as JSON, 200 when it accepts work, else 503. */
export function healthHandler(queue: DeliveryQueue) {
  return (req: IncomingMessage, res: ServerResponse) => healthz(queue, req, res);
}

async function healthz(queue: DeliveryQueue, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path !== '/healthz') return false;
  const health = await queue.health();
  res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' });
  res.end(`${JSON.stringify(health)}\n`);
  return true;
}
