// Deliveries GitHub failed to make are asked for again: only events with no successful attempt,
// within the window, at most three times in all; one replica sweeps at a time; the sweep runs
// through the App's JWT against GitHub's delivery API.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { readAppConfig } from '../../src/app/config.js';
import { MemoryPrGate } from '../../src/app/queue/pr-lock.js';
import { pickRedeliveries, type DeliveryAttempt } from '../../src/app/redeliver.js';
import { startApp, type RunningApp } from '../../src/app/start.js';
import { API, APP, PRIVATE_KEY, TestOctokit } from './harness.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const WINDOW = { now: NOW, windowMs: 3 * 24 * 3600 * 1000, maxAttempts: 3 };
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3600 * 1000).toISOString();
const attempt = (
  id: number,
  guid: string,
  status: number,
  hoursAgo: number,
  event = 'pull_request',
): DeliveryAttempt => ({
  id,
  guid,
  delivered_at: at(hoursAgo),
  status_code: status,
  event,
  action: event === 'pull_request' ? 'synchronize' : null,
});

describe('pickRedeliveries', () => {
  it('asks again for events whose every attempt failed, by their newest attempt', () => {
    const picked = pickRedeliveries(
      [
        attempt(1, 'down', 503, 2),
        attempt(2, 'down', 0, 1), // a timeout records status 0
        attempt(3, 'fine', 200, 2),
        attempt(4, 'retried-ok', 502, 5),
        attempt(5, 'retried-ok', 202, 4),
        attempt(6, 'push-failed', 500, 3, 'push'),
      ],
      WINDOW,
    );
    expect(picked.redeliver).toEqual([
      { id: 2, guid: 'down', event: 'pull_request.synchronize', attempts: 2 },
      { id: 6, guid: 'push-failed', event: 'push', attempts: 1 },
    ]);
    expect(picked.givenUp).toEqual([]);
  });

  it('gives up after three failed attempts and ignores failures older than the window', () => {
    const picked = pickRedeliveries(
      [
        attempt(1, 'hopeless', 400, 3),
        attempt(2, 'hopeless', 400, 2),
        attempt(3, 'hopeless', 400, 1),
        attempt(4, 'ancient', 500, 24 * 3 + 1),
      ],
      WINDOW,
    );
    expect(picked.redeliver).toEqual([]);
    expect(picked.givenUp.map((r) => [r.guid, r.attempts])).toEqual([['hopeless', 3]]);
  });
});

describe('the App’s redelivery sweep', () => {
  const apps: RunningApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.stop()));
  });

  async function start(prs = new MemoryPrGate()) {
    const config = readAppConfig({
      APP_ID: String(APP.id),
      PRIVATE_KEY,
      WEBHOOK_SECRET: 'sweep-secret',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      REDELIVER_MINUTES: '10',
    });
    nock.enableNetConnect('127.0.0.1');
    const app = await startApp(config, {
      Octokit: TestOctokit,
      fetch: globalThis.fetch,
      now: () => NOW,
      prs,
      firstSweepDelayMs: 3_600_000, // the test runs the sweep itself
    });
    apps.push(app);
    return app;
  }

  it('lists the deliveries with the App JWT, page by page until the window ends, and redelivers the failed', async () => {
    // The App's own JWT (a delivery list is not an installation's to read).
    const scope = nock(API, { reqheaders: { authorization: /^bearer eyJ/i } })
      .get('/app/hook/deliveries')
      .query({ per_page: '100' })
      .reply(200, [attempt(12, 'b', 200, 1), attempt(11, 'a', 503, 2)], {
        link: `<${API}/app/hook/deliveries?per_page=100&cursor=v1_11>; rel="next"`,
      })
      .get('/app/hook/deliveries')
      .query({ per_page: '100', cursor: 'v1_11' })
      .reply(200, [attempt(10, 'old', 500, 24 * 4)], {
        link: `<${API}/app/hook/deliveries?per_page=100&cursor=v1_10>; rel="next"`,
      })
      .post('/app/hook/deliveries/11/attempts')
      .reply(202, {});
    const app = await start();
    const picked = await app.sweep();
    expect(scope.isDone()).toBe(true); // the third page, past the window, was never asked for
    expect(picked?.redeliver.map((r) => r.guid)).toEqual(['a']);
  });

  it('one replica sweeps at a time: a second sweep while one runs does nothing', async () => {
    const prs = new MemoryPrGate();
    const [one, two] = [await start(prs), await start(prs)];
    const scope = nock(API)
      .get('/app/hook/deliveries')
      .query(true)
      .delay(200)
      .reply(200, [attempt(21, 'c', 502, 1)])
      .post('/app/hook/deliveries/21/attempts')
      .reply(202, {});
    const [a, b] = await Promise.all([one!.sweep(), two!.sweep()]);
    expect(scope.isDone()).toBe(true);
    expect([a, b].filter((p) => p === undefined)).toHaveLength(1);
    expect([a, b].find((p) => p !== undefined)?.redeliver.map((r) => r.id)).toEqual([21]);
  });
});
