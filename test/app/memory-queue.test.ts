import { describe, expect, it } from 'vitest';
import { deliveryKey } from '../../src/app/queue/delivery-key.js';
import { MemoryQueue } from '../../src/app/queue/memory.js';
import type { Delivery } from '../../src/app/queue/types.js';

const delivery = (id: string, repo?: string): Delivery => ({
  id,
  name: 'pull_request',
  payload: repo ? { repository: { full_name: repo } } : {},
  receivedAt: 1000,
});

/** A promise and the function that resolves it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

describe('the in-memory delivery queue', () => {
  it('accepts a delivery id once: a redelivery is a duplicate and is not processed again', async () => {
    const queue = new MemoryQueue();
    const seen: string[] = [];
    await queue.start(async (d) => void seen.push(d.id));
    expect(await queue.enqueue(delivery('a'))).toBe('queued');
    expect(await queue.enqueue(delivery('a'))).toBe('duplicate');
    expect(await queue.enqueue(delivery('b'))).toBe('queued');
    await queue.close();
    expect(seen).toEqual(['a', 'b']);
  });

  it('forgets ids after the retention window, and the oldest past the size cap', async () => {
    let now = 0;
    const queue = new MemoryQueue({ retentionMs: 100, maxRemembered: 2, now: () => now });
    await queue.enqueue(delivery('a'));
    now = 50;
    expect(await queue.enqueue(delivery('a'))).toBe('duplicate');
    now = 200;
    expect(await queue.enqueue(delivery('a'))).toBe('queued');
    await queue.enqueue(delivery('b'));
    await queue.enqueue(delivery('c'));
    expect(await queue.enqueue(delivery('a'))).toBe('queued');
  });

  it('runs deliveries of one repository one at a time, in order, and others alongside', async () => {
    const queue = new MemoryQueue({ keyOf: deliveryKey, concurrency: 4 });
    const first = gate();
    const log: string[] = [];
    await queue.start(async (d) => {
      log.push(`start ${d.id}`);
      if (d.id === '1') await first.promise;
      log.push(`end ${d.id}`);
    });
    await queue.enqueue(delivery('1', 'acme/widgets'));
    await queue.enqueue(delivery('2', 'ACME/widgets'));
    await queue.enqueue(delivery('3', 'acme/other'));
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['start 1', 'start 3', 'end 3']);
    expect((await queue.health()).waiting).toBe(1);
    first.open();
    await queue.close();
    expect(log).toEqual(['start 1', 'start 3', 'end 3', 'end 1', 'start 2', 'end 2']);
  });

  it('close() waits for accepted work, then refuses more; failures are counted and reported', async () => {
    const errors: string[] = [];
    const queue = new MemoryQueue({ onError: (e, d) => errors.push(`${d.id}: ${(e as Error).message}`) });
    const slow = gate();
    let done = 0;
    await queue.start(async (d) => {
      if (d.id === 'bad') throw new Error('boom');
      await slow.promise;
      done++;
    });
    await queue.enqueue(delivery('x'));
    await queue.enqueue(delivery('bad'));
    const closing = queue.close();
    await expect(queue.enqueue(delivery('late'))).rejects.toThrow(/closed/);
    slow.open();
    await closing;
    expect(done).toBe(1);
    expect(errors).toEqual(['bad: boom']);
    expect(await queue.health()).toMatchObject({ ok: false, working: false, failed: 1, active: 0, waiting: 0 });
  });

  it('reports the age of the oldest waiting delivery', async () => {
    const queue = new MemoryQueue({ now: () => 1600 });
    await queue.enqueue(delivery('a'));
    expect(await queue.health()).toEqual({
      ok: true,
      working: false,
      waiting: 1,
      active: 0,
      delayed: 0,
      failed: 0,
      oldestWaitingMs: 600,
    });
  });
});
