/**
 * Exactly-sized slices of a few shared typed blocks, for the per-file arrays of a CoverageTable
 * (line bits, branch and function logs), which keep the block and where their slice starts. A
 * 500 MB lcov file has ~50,000 files: one small array each (plus the copies left behind by
 * growing it, or even a view per slice) costs far more in allocation, GC work and RSS than a
 * slice of a shared 32 KB block. Slices are never freed: a table's data lives as long as the
 * table, so the blocks do too.
 */

/** Larger slices get their own array, so a block's unused tail stays small. */
const BLOCK_BYTES = 32 * 1024;
const OWN_ARRAY_BYTES = BLOCK_BYTES / 8;

/** Shared blocks of one element type. */
class Blocks<T extends Uint8Array | Int32Array> {
  /** The block the last copy went to. */
  block: T;
  /** The block small copies go to, and how much of it is used. */
  private shared: T;
  private used = 0;

  constructor(private readonly make: (length: number) => T) {
    this.block = this.shared = make(0);
  }

  /** Copies src[0, length) into a block (then `this.block`) and returns where it starts there. */
  copy(src: T, length: number): number {
    if (length * src.BYTES_PER_ELEMENT > OWN_ARRAY_BYTES) {
      this.block = src.slice(0, length) as T;
      return 0;
    }
    if (this.used + length > this.shared.length) {
      this.shared = this.make(BLOCK_BYTES / src.BYTES_PER_ELEMENT);
      this.used = 0;
    }
    const base = this.used;
    const block = (this.block = this.shared);
    if (length > 64) block.set(src.subarray(0, length), base);
    else for (let i = 0; i < length; i++) block[base + i] = src[i]!; // short: cheaper than a view of src for set()
    this.used += length;
    return base;
  }
}

export class Arena {
  readonly bytes = new Blocks<Uint8Array>((n) => new Uint8Array(n));
  readonly ints = new Blocks<Int32Array>((n) => new Int32Array(n));
}
