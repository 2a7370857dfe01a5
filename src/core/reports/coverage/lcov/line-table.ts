/**
 * A small hash table from line number (1 or more) to an int32, for one LCOV record: sums a
 * record's branch arms per line and numbers the functions that share a start line. A typed-array
 * sort per record did the same and was ~5% of reading a large tracefile. Reused from record to
 * record; clearing costs one step per line added.
 */
export class LineTable {
  /** Open addressing: keys[slot] is a line (0: empty), values[slot] its value (read and written by callers, at slot()). */
  private keys = new Int32Array(64);
  values = new Int32Array(64);
  private shift = 32 - 6;
  /** Slots in the order their lines were first added. */
  private order = new Int32Array(32);
  size = 0;

  /** The slot of `line`, added with value 0 when new. */
  slot(line: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let slot = Math.imul(line, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const key = keys[slot];
      if (key === line) return slot;
      if (key === 0) {
        if (this.size * 2 >= keys.length) {
          this.grow();
          return this.slot(line);
        }
        keys[slot] = line;
        this.order[this.size++] = slot;
        return slot;
      }
    }
  }

  /** The line added `i`-th (0-based), and its value. */
  lineAt(i: number): number {
    return this.keys[this.order[i]!]!;
  }

  valueAt(i: number): number {
    return this.values[this.order[i]!]!;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) {
      const slot = this.order[i]!;
      this.keys[slot] = 0;
      this.values[slot] = 0;
    }
    this.size = 0;
  }

  private grow(): void {
    const lines = Array.from({ length: this.size }, (_, i) => [this.lineAt(i), this.valueAt(i)] as const);
    const capacity = this.keys.length * 2;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.shift--;
    this.order = new Int32Array(capacity / 2);
    this.size = 0;
    for (const [line, value] of lines) this.values[this.slot(line)] = value;
  }
}
