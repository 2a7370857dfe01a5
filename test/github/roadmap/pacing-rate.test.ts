// Pacing at GitHub's documented rate, with an injected clock (sleep advances it): writes ≥ 1 s
// apart, content creation within 80 a minute and 500 an hour, and after a secondary limit the gap
// grows and stays grown. Asserts the pacing logic, never wall time.
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoadmapClient } from '../../../src/github/roadmap/client.js';
import { API } from './fake-github.js';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function clocked(extra: object = {}) {
  let now = 0;
  const sent: number[] = [];
  const octokit = createRoadmapClient({
    token: 't',
    baseUrl: API,
    // What reaches the network, and when on the injected clock.
    fetch: (input, init) => {
      sent.push(now);
      return globalThis.fetch(input, init);
    },
    pacing: {
      retryAfterUnitMs: 1_000,
      sleep: async (ms) => void (now += ms),
      now: () => now,
      ...extra,
    },
  });
  return { octokit, sent, clock: () => now };
}

const ref = { owner: 'acme', repo: 'app' };

describe('pacing at the documented rate (injected clock)', () => {
  it('with the defaults: writes 1 s apart, so 100 issues take about 100 s, never 80 in a minute', async () => {
    nock(API).post('/repos/acme/app/issues').times(100).reply(201, { number: 1, id: 1 });
    const { octokit, sent, clock } = clocked();
    for (let i = 0; i < 100; i++) await octokit.rest.issues.create({ ...ref, title: `t${i}` });
    const gaps = sent.slice(1).map((t, i) => t - sent[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    for (const t of sent) expect(sent.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(80);
    expect(clock()).toBeLessThan(150_000);
  });

  it('keeps content creation within the per-minute and per-hour windows when writes could go faster', async () => {
    nock(API).post('/repos/acme/app/labels').times(12).reply(201, {});
    const { octokit, sent } = clocked({ writeGapMs: 0, createsPerMinute: 5, createsPerHour: 8 });
    for (let i = 0; i < 12; i++) await octokit.rest.issues.createLabel({ ...ref, name: `l${i}`, color: '000000' });
    expect(sent.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(sent.slice(5, 8)).toEqual([60_000, 60_000, 60_000]); // the minute window
    expect(sent.slice(8)).toEqual([3_600_000, 3_600_000, 3_600_000, 3_600_000]); // the hour window
  });

  it('backs off on a secondary limit and stays backed off: later writes keep the doubled gap', async () => {
    nock(API)
      .patch('/repos/acme/app/issues/1')
      .reply(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '30' })
      .patch('/repos/acme/app/issues/1')
      .times(3)
      .reply(200, {});
    const { octokit, sent } = clocked();
    for (let i = 0; i < 3; i++) await octokit.rest.issues.update({ ...ref, issue_number: 1, title: `t${i}` });
    // refused at 0; retried after retry-after (30 s), then every write 2 s apart instead of 1 s.
    expect(sent).toEqual([0, 30_000, 32_000, 34_000]);
  });
});
