/**
 * The worker side: each queued delivery is handed to the Probot instance that holds the handlers
 * (`receive` skips the signature check: the web side verified it). A failure is logged with the
 * delivery id and rethrown for the queue to count; the message never carries a token (Octokit's
 * request errors redact the authorization header, and only the message is logged).
 */
import type { Logger, Probot } from 'probot';
import { describeError } from '../core/errors.js';
import type { Delivery } from './queue/types.js';

type ReceiveEvent = Parameters<Probot['receive']>[0];

export function deliveryWorker(probot: Probot, log: Logger): (delivery: Delivery) => Promise<void> {
  return async (delivery) => {
    const event = { id: delivery.id, name: delivery.name, payload: delivery.payload } as ReceiveEvent;
    try {
      await probot.receive(event);
    } catch (error) {
      const errors = error instanceof AggregateError ? error.errors : [error];
      log.error({ id: delivery.id, event: delivery.name }, `delivery failed: ${errors.map(describeError).join('; ')}`);
      throw error;
    }
  };
}
