/**
 * The web side: Probot's webhook middleware verifies the signature (a bad one gets 400), then the
 * delivery is put on the queue and answered at once; a worker runs the handlers later (worker.ts).
 * A redelivery (same `X-GitHub-Delivery`) is answered and dropped.
 */
import type { ApplicationFunction } from 'probot';
import type { DeliveryQueue } from './queue/types.js';

export function webApp(queue: DeliveryQueue, now: () => number = Date.now): ApplicationFunction {
  return (app) => {
    app.onAny(async (event) => {
      const result = await queue.enqueue({ id: event.id, name: event.name, payload: event.payload, receivedAt: now() });
      app.log.info(
        { id: event.id, event: event.name },
        result === 'duplicate' ? 'a redelivery, already accepted: ignored' : 'queued',
      );
    });
  };
}
