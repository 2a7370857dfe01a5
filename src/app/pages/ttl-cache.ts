/**
 * A small in-memory cache for what the badges and the page read from GitHub: each entry lives for
 * the time its loader gives it, concurrent misses of one key share one load (a README with five
 * badges costs one set of API calls), a failed load is not kept, and past `maxEntries` the
 * oldest entry goes (so requests for made-up repositories cannot grow it without bound). With a
 * shared store (Redis, when REDIS_URL is set) a miss asks the store before loading, and a load is
 * written there for its TTL: the replicas then share what they read from GitHub. The store is an
 * optimisation only: when it fails or holds something unreadable, the value is loaded as without it.
 *
 * @example await cache.get('acme/widgets', async () => ({ value: await read(), ttlMs: 300_000 }))
 */
export interface Loaded<T> {
  value: T;
  ttlMs: number;
}

/** Text values that expire, shared by the replicas (redis-store.ts). */
export interface SharedStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

export interface Shared {
  store: SharedStore;
  /** Prefix that keeps this cache's keys apart from the others' in the store. */
  namespace: string;
  onError?: (error: unknown) => void;
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
    private readonly shared?: Shared,
  ) {}

  get(key: string, load: () => Promise<Loaded<T>>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    this.#entries.delete(key);
    const entry: Entry<T> = {
      expires: Infinity,
      value: (this.shared ? this.#throughStore(this.shared, key, load) : load()).then(
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

  /** The store's value while it lasts (stored as `{ v, exp }`), else `load`'s, written to the store. */
  async #throughStore(shared: Shared, key: string, load: () => Promise<Loaded<T>>): Promise<Loaded<T>> {
    const storeKey = `${shared.namespace}:${key}`;
    try {
      const text = await shared.store.get(storeKey);
      if (text !== null) {
        const stored = JSON.parse(text) as { v?: T; exp?: unknown };
        const ttlMs = typeof stored.exp === 'number' ? stored.exp - this.now() : 0;
        if (ttlMs > 0) return { value: stored.v as T, ttlMs };
      }
    } catch (error) {
      shared.onError?.(error);
    }
    const loaded = await load();
    if (loaded.ttlMs > 0) {
      const text = JSON.stringify({ v: loaded.value, exp: this.now() + loaded.ttlMs });
      shared.store.set(storeKey, text, loaded.ttlMs).catch((error: unknown) => shared.onError?.(error));
    }
    return loaded;
  }

  get size(): number {
    return this.#entries.size;
  }
}
