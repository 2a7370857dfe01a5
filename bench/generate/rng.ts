/**
 * A seeded pseudo-random generator (mulberry32) so every benchmark file is the same bytes on every
 * machine. Hand-written because it is six lines and must never change between versions.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

const WORDS = [
  'cart',
  'user',
  'order',
  'parse',
  'render',
  'cache',
  'queue',
  'token',
  'session',
  'invoice',
  'search',
  'report',
  'config',
  'router',
  'store',
  'client',
  'stream',
  'buffer',
  'matrix',
  'worker',
];

/** A plausible identifier such as `renderCacheQueue`. */
export function identifier(rng: Rng, parts = 2): string {
  let name = rng.pick(WORDS);
  for (let i = 1; i < parts; i++) {
    const w = rng.pick(WORDS);
    name += w[0]!.toUpperCase() + w.slice(1);
  }
  return name;
}

/** A repo-style source path such as `packages/pkg12/src/order/cacheStore.ts`. */
export function sourcePath(rng: Rng, index: number, ext = 'ts'): string {
  return `packages/pkg${index % 97}/src/${rng.pick(WORDS)}/${identifier(rng)}${index}.${ext}`;
}
