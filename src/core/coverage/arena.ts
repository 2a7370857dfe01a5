/**
 * Exactly-sized slices of a few shared typed blocks, for the per-file arrays of a CoverageTable
 * (line bits, branch and function logs). A 500 MB lcov file has ~50,000 files: one small
 * ArrayBuffer each (plus the copies left behind by growing it) costs far more in allocation,
 * GC work and RSS than one view into a shared 256 KB block. Slices are never freed: a table's
 * data lives as long as the table, so the blocks do too.
 */

/** Larger slices get their own array, so a block's unused tail stays small. */
const BLOCK_BYTES = 256 * 1024;
const OWN_ARRAY_BYTES = BLOCK_BYTES / 8;

/** Shared blocks of one element type. */
class Blocks<T extends Uint8Array | Int32Array> {
  private block: T | undefined;
  private used = 0;

  constructor(private readonly make: (length: number) => T) {}

  /** A copy of src[0, length), in a shared block when it is small. */
  copy(src: T, length: number): T {
    if (length * src.BYTES_PER_ELEMENT > OWN_ARRAY_BYTES) return src.slice(0, length) as T;
    if (!this.block || this.used + length > this.block.length) {
      this.block = this.make(BLOCK_BYTES / src.BYTES_PER_ELEMENT);
      this.used = 0;
    }
    const slice = this.block.subarray(this.used, this.used + length) as T;
    for (let i = 0; i < length; i++) slice[i] = src[i]!; // short: cheaper than a view of src for set()
    this.used += length;
    return slice;
  }
}

export class Arena {
  readonly bytes = new Blocks<Uint8Array>((n) => new Uint8Array(n));
  readonly ints = new Blocks<Int32Array>((n) => new Int32Array(n));
}
