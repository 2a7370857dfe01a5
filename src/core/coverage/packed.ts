/**
 * A small growable log of (key, 32-bit value) pairs for FileCoverage: a typed array per file (or a
 * slice of a block the table's files share, see arena.ts) instead of a Map, because a 500 MB lcov
 * file has ~50,000 files and a Map costs ~40 bytes per entry where this costs 8. Pairs are appended
 * and combined by key lazily (sort, then merge equal keys), so adding stays O(1) amortised and
 * memory stays bounded by the number of distinct keys.
 */

const EMPTY = new Int32Array(0);
/** key * INDEX_SPAN + index stays an exact float64 for any int32 key (2^31 * 2^21 = 2^52). */
const INDEX_SPAN = 2 ** 21;
/** Below this many pairs, duplicates are tolerated until the log is read: sorting on every growth costs more. */
const MERGE_WHEN_FULL_AT = 512;

export class KeyedLog {
  /**
   * Interleaved [key, value] pairs in data[base, base + capacity); values are stored as int32 bit
   * patterns, read back unsigned. `data` may be a block shared with other logs (see addSorted).
   */
  private data: Int32Array = EMPTY;
  private base = 0;
  private capacity = 0;
  private length = 0;
  /** Pairs [0, sorted) are sorted by key and unique. */
  private sorted = 0;

  /** `merge` combines the values of two pairs with the same key (both unsigned 32-bit). */
  constructor(private readonly merge: (a: number, b: number) => number) {}

  add(key: number, value: number): void {
    if (this.length * 2 === this.capacity) {
      // Full. A large log merges duplicates first (there can be some only if keys arrived out of
      // order); a small one just grows, and is merged once when read.
      if (this.length >= MERGE_WHEN_FULL_AT) this.normalize();
      if (this.length * 8 >= this.capacity * 3) this.resize(Math.max(32, Math.ceil(this.length * 1.5)));
    }
    const at = this.base + this.length * 2;
    if (this.sorted === this.length && (this.length === 0 || key > this.data[at - 2]!)) this.sorted++;
    this.data[at] = key;
    this.data[at + 1] = value;
    this.length++;
  }

  /**
   * Adds `count` pairs with no key twice, interleaved [key, value] from data[base]; `sorted` when
   * the keys ascend. An empty log keeps them where they are (the caller hands over memory it will
   * not touch again, such as a slice of a shared block), to be sorted only if it is ever read in
   * order; otherwise they are added one by one.
   */
  addPairs(data: Int32Array, base: number, count: number, sorted: boolean): void {
    if (this.length === 0) {
      this.data = data;
      this.base = base;
      this.capacity = count * 2;
      this.length = count;
      this.sorted = sorted ? count : 0;
      return;
    }
    for (let i = base; i < base + count * 2; i += 2) this.add(data[i]!, data[i + 1]! >>> 0);
  }

  /** Number of distinct keys. */
  get size(): number {
    this.normalize();
    return this.length;
  }

  /** Visits distinct keys in ascending order. */
  forEach(fn: (key: number, value: number) => void): void {
    this.normalize();
    for (let i = this.base; i < this.base + this.length * 2; i += 2) fn(this.data[i]!, this.data[i + 1]! >>> 0);
  }

  private normalize(): void {
    if (this.sorted === this.length) return;
    const order = this.sortedOrder();
    const src = this.data;
    const out = new Int32Array(this.capacity);
    let n = 0;
    for (let k = 0; k < order.length; k++) {
      const i = this.base + order[k]! * 2;
      const key = src[i]!;
      const value = src[i + 1]! >>> 0;
      if (n > 0 && out[n * 2 - 2] === key) out[n * 2 - 1] = this.merge(out[n * 2 - 1]! >>> 0, value);
      else {
        out[n * 2] = key;
        out[n * 2 + 1] = value;
        n++;
      }
    }
    this.data = out;
    this.base = 0;
    this.length = n;
    this.sorted = n;
  }

  /** Pair indices by ascending key (stable). Keys and indices pack into one float64, so the sort is native. */
  private sortedOrder(): ArrayLike<number> {
    const n = this.length;
    const key = (i: number): number => this.data[this.base + i * 2]!;
    if (n >= INDEX_SPAN) return Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = key(i) * INDEX_SPAN + i;
    packed.sort();
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = packed[i]! - Math.floor(packed[i]! / INDEX_SPAN) * INDEX_SPAN;
    return order;
  }

  private resize(pairs: number): void {
    const data = new Int32Array(pairs * 2);
    data.set(this.data.subarray(this.base, this.base + this.length * 2));
    this.data = data;
    this.base = 0;
    this.capacity = data.length;
  }
}
