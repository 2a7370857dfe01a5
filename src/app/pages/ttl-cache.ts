/**
 * A small in-memory cache for what the badges and the page read from GitHub: each entry lives for
 * the time its loader gives it, concurrent misses of one key share one load (a README with five
 * badges costs one set of API calls), a failed load is not kept, and past `maxEntries` the
 * oldest entry goes (so requests for made-up repositories cannot grow it without bound). One per
 * process: replicas do not share it (there is no Redis variant yet).
 *
 * @example await cache.get('acme/widgets', async () => ({ value: await read(), ttlMs: 300_000 }))
 */
export interface Loaded<T> {
  value: T;
  ttlMs: number;
}

interface Entry<T> {
  expires: number;
  value: Promise<T>;
}

export class TtlCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(
    private readonly now: () => number,
    private readonly maxEntries = 5_000,
  ) {}

  get(key: string, load: () => Promise<Loaded<T>>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    this.#entries.delete(key);
    const entry: Entry<T> = {
      expires: Infinity,
      value: load().then(
        (loaded) => {
          entry.expires = this.now() + loaded.ttlMs;
          return loaded.value;
        },
        (error: unknown) => {
          if (this.#entries.get(key) === entry) this.#entries.delete(key);
          throw error;
        },
      ),
    };
    this.#entries.set(key, entry);
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
