/**
 * `/healthz`, `/readyz` and `/metrics`, as a Probot `addHandler` handler. `/healthz` is liveness:
 * 200 while the process serves HTTP, whatever Redis does, so an orchestrator never restarts every
 * replica because Redis is down (that is readiness's business). `/readyz` answers 200 only when the
 * queue accepts work (Redis reachable) and, on a replica that runs workers, they run; the body
 * says the queue's depth and its oldest waiting delivery's age. `/metrics` is Prometheus text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppMetrics } from './metrics.js';
import type { DeliveryQueue } from './types.js';

export interface OpsRoutes {
  queue: DeliveryQueue;
  metrics: AppMetrics;
  /** This replica runs workers (ROLE=worker or all): /readyz requires them running. */
  workers: boolean;
}

export function opsRoutes({ queue, metrics, workers }: OpsRoutes, started: number = Date.now()) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(`${JSON.stringify({ alive: true, uptimeSeconds: Math.round((Date.now() - started) / 1000) })}\n`);
      return true;
    }
    if (path === '/readyz') {
      const health = await queue.health();
      const ready = health.ok && (!workers || health.working);
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(`${JSON.stringify({ ready, ...health })}\n`);
      return true;
    }
    if (path === '/metrics') {
      const text = metrics.render(await queue.health());
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
      res.end(text);
      return true;
    }
    return false;
  };
}
