import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../../src/github/roadmap/lock.js';

const lockPath = () => join(mkdtempSync(join(tmpdir(), 'rg-lock-')), '.readygate-lock');
const pidIn = (path: string) => Number(readFileSync(path, 'utf8').split(' ')[0]);
/** 999 is the dead process that left a stale lock; every other pid is alive. */
const alive = (pid: number) => pid !== 999;

describe('roadmap sync lock', () => {
  it('refuses while the holder lives, takes over a stale lock, releases', () => {
    const path = lockPath();
    const release = acquireLock(path, { pid: 111, alive });
    expect(readFileSync(path, 'utf8')).toMatch(/^111 [0-9a-f]{16}\n$/);
    expect(() => acquireLock(path, { pid: 222, alive })).toThrow(/another roadmap sync \(pid 111\) is running/);
    release();
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, '999\n'); // a lock left by an older readygate whose process died
    const again = acquireLock(path, { pid: 444, alive });
    expect(pidIn(path)).toBe(444);
    again();
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it('two processes that both find the lock stale: the second to act sees the first holds it', () => {
    const path = lockPath();
    writeFileSync(path, '999 deadbeef\n');
    let releaseB: (() => void) | undefined;
    // A reads the stale lock; before A acts, B runs its whole takeover.
    const a = () =>
      acquireLock(path, {
        pid: 111,
        alive,
        step: (what) => {
          if (what === 'stale' && !releaseB) releaseB = acquireLock(path, { pid: 222, alive });
        },
      });
    expect(a).toThrow(/another roadmap sync \(pid 222\) is running/);
    expect(pidIn(path)).toBe(222);
    releaseB!();
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it('two processes that both find the lock stale: the one that comes while the other holds the claim is refused', () => {
    const path = lockPath();
    writeFileSync(path, '999 deadbeef\n');
    let bError: unknown;
    // A claims the takeover; before A renames the claim over the lock, B tries.
    const releaseA = acquireLock(path, {
      pid: 111,
      alive,
      step: (what) => {
        if (what !== 'claimed') return;
        try {
          acquireLock(path, { pid: 222, alive });
        } catch (error) {
          bError = error;
        }
      },
    });
    expect(String(bError)).toMatch(/another roadmap sync \(pid 111\) is running/);
    expect(pidIn(path)).toBe(111);
    releaseA();
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it('a release never deletes a lock another process has taken over', () => {
    const path = lockPath();
    const releaseA = acquireLock(path, { pid: 111, alive });
    // A looks dead to B (say, a pid namespace B cannot see into): B takes the lock over.
    const releaseB = acquireLock(path, { pid: 222, alive: (pid) => pid !== 111 });
    releaseA();
    expect(pidIn(path)).toBe(222);
    releaseB();
    expect(existsSync(path)).toBe(false);
  });

  it('a takeover whose process died halfway is reported, not guessed at', () => {
    const path = lockPath();
    writeFileSync(path, '999 deadbeef\n');
    expect(() =>
      acquireLock(path, {
        pid: 111,
        alive,
        step: (what) => {
          if (what === 'claimed') throw new Error('killed');
        },
      }),
    ).toThrow('killed');
    writeFileSync(
      readdirSync(dirname(path))
        .map((f) => join(dirname(path), f))
        .find((f) => f.includes('.takeover-'))!,
      '998 cafe\n',
    );
    expect(() => acquireLock(path, { pid: 222, alive: (pid) => pid < 998 })).toThrow(
      /a takeover of the stale roadmap sync lock .* did not finish \(.*\.takeover-[0-9a-f]{16} is left\)/,
    );
  });
});
