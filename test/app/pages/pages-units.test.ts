import { describe, expect, it } from 'vitest';
import { isBranchName, parseRepoName } from '../../../src/app/pages/names.js';
import { notModified } from '../../../src/app/pages/respond.js';
import { TtlCache } from '../../../src/app/pages/ttl-cache.js';
import type { IncomingMessage } from 'node:http';

describe('names', () => {
  it.each([
    ['acme', 'widgets', true],
    ['octo-cat_emu', 'my.repo-2', true],
    ['a'.repeat(39), 'r'.repeat(100), true],
    ['a'.repeat(40), 'widgets', false],
    ['acme', 'r'.repeat(101), false],
    ['-acme', 'widgets', false],
    ['acme', '.', false],
    ['acme', '..', false],
    ['acme', 'wid gets', false],
    ['acme', 'wid%2Fgets', false],
    ['ac/me', 'widgets', false],
    ['acme', '<img>', false],
  ])('%s/%s is a repository name: %s', (owner, repo, ok) => {
    expect(parseRepoName(owner, repo) !== undefined).toBe(ok);
  });

  it.each([
    ['main', true],
    ['release/1.x', true],
    ['feature/a+b', true],
    ['../main', false],
    ['a..b', false],
    ['a//b', false],
    ['/main', false],
    ['main/', false],
    ['-x', false],
    ['x.lock', false],
    ['a/.hidden', false],
    ['main@{1}', false],
    ['ma in', false],
    ['x'.repeat(256), false],
  ])('%s is a branch name: %s', (branch, ok) => {
    expect(isBranchName(branch)).toBe(ok);
  });
});

describe('If-None-Match', () => {
  const req = (value?: string) =>
    ({ headers: value === undefined ? {} : { 'if-none-match': value } }) as IncomingMessage;
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
  ])('%s matches "abc": %s', (header, match) => {
    expect(notModified(req(header), '"abc"')).toBe(match);
  });
});

describe('TtlCache', () => {
  it('keeps a value for its time, then loads again', async () => {
    const clock = { now: 0 };
    const cache = new TtlCache<number>(() => clock.now);
    let loads = 0;
    const load = async () => ({ value: ++loads, ttlMs: 100 });
    expect(await cache.get('k', load)).toBe(1);
    clock.now = 99;
    expect(await cache.get('k', load)).toBe(1);
    clock.now = 100;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('shares one load between concurrent misses of a key', async () => {
    const cache = new TtlCache<string>(() => 0);
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = async () => {
      loads++;
      await gate;
      return { value: 'v', ttlMs: 1_000 };
    };
    const both = Promise.all([cache.get('k', load), cache.get('k', load)]);
    release();
    expect(await both).toEqual(['v', 'v']);
    expect(loads).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const cache = new TtlCache<string>(() => 0);
    await expect(cache.get('k', () => Promise.reject(new Error('GitHub 500')))).rejects.toThrow('GitHub 500');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', async () => ({ value: 'ok', ttlMs: 1_000 }))).toBe('ok');
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const cache = new TtlCache<number>(() => 0, 3);
    for (let i = 0; i < 5; i++) await cache.get(`k${i}`, async () => ({ value: i, ttlMs: 1_000 }));
    expect(cache.size).toBe(3);
    let loaded = false;
    await cache.get('k0', async () => ((loaded = true), { value: 0, ttlMs: 1_000 }));
    expect(loaded).toBe(true);
  });
});
