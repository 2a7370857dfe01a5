/**
 * Compact coverage of one file. Written by hand because it is the product's memory budget: a
 * 500 MB lcov file must fit in well under 250 MB, so each line costs two bits (coverable, covered)
 * rather than an object, and branches (per line: taken/total) and functions (per start line) sit
 * in packed typed arrays (packed.ts) rather than Maps. Data added in bulk (a whole lcov record) is
 * kept in slices of blocks shared by the table's files (arena.ts); data added line by line grows
 * arrays of its own.
 */
import type { Counter } from '../model.js';
import type { Arena } from './arena.js';
import { addCounter, mergeSummary, type CoverageSummary } from './summary.js';
import { KeyedLog } from './packed.js';

/** Branch counts per line are kept in 16 bits each; a line with more arms than this is clamped. */
const MAX_BRANCH_COUNT = 0xffff;
const EMPTY_BITS = new Uint8Array(0);
const maxHalves = (a: number, b: number): number => ((Math.max(a >>> 16, b >>> 16) << 16) | Math.max(a & 0xffff, b & 0xffff)) >>> 0;
const either = (a: number, b: number): number => a | b;

export class FileCoverage {
  /**
   * Interleaved bitsets in bits[bitsBase, bitsBase + bitsLength): byte 2i holds "coverable" for
   * lines 8i…8i+7, byte 2i+1 "covered". `bits` may be a block shared with other files.
   */
  private bits: Uint8Array = EMPTY_BITS;
  private bitsBase = 0;
  private bitsLength = 0;
  private lineCount = 0;
  private coveredCount = 0;
  /** line -> total << 16 | taken; a line seen twice keeps the larger total and taken count. */
  private branchLog = new KeyedLog(maxHalves);
  /** start line * 64 + ordinal (or a synthetic negative key when the format has none) -> hit (0/1) */
  private functionLog = new KeyedLog(either);
  private syntheticKey = 0;
  /** Totals of the logs while known, so that totals() costs nothing per file (undefined: count when asked). */
  private branchTotals: Counter | undefined;
  private functionTotals: Counter | undefined;
  hasLines = false;
  hasBranches = false;
  hasFunctions = false;
  summary: CoverageSummary | undefined;

  constructor(
    readonly path: string,
    /** Where bulk-added data is kept (shared with the other files of a table). */
    private readonly arena: Arena,
  ) {}

  /** Records a coverable line; `hits > 0` marks it covered. Lines from several reports are unioned. */
  addLine(line: number, hits: number): void {
    this.hasLines = true;
    const at = (line >>> 3) << 1;
    if (at >= this.bitsLength) this.grow(at + 2);
    const i = this.bitsBase + at;
    const bit = 1 << (line & 7);
    if ((this.bits[i]! & bit) === 0) {
      this.bits[i]! |= bit;
      this.lineCount++;
    }
    if (hits > 0 && (this.bits[i + 1]! & bit) === 0) {
      this.bits[i + 1]! |= bit;
      this.coveredCount++;
    }
  }

  /**
   * Adds many lines at once: bits[0, length) in this class's layout (byte 2i "coverable" for
   * lines 8i…8i+7, byte 2i+1 "covered"; `length` even). They are copied.
   */
  addLineBits(bits: Uint8Array, length: number): void {
    this.hasLines = true;
    if (length > this.bitsLength) {
      const own = this.bits;
      const ownBase = this.bitsBase;
      const ownLength = this.bitsLength;
      this.bitsBase = this.arena.bytes.copy(bits, length);
      this.bits = this.arena.bytes.block;
      this.bitsLength = length;
      this.orBits(own, ownBase, ownLength);
    } else this.orBits(bits, 0, length);
  }

  /** Records the branches of one line; a line seen twice keeps the larger total and taken count. */
  addBranches(line: number, total: number, taken: number): void {
    this.hasBranches = true;
    this.branchTotals = undefined;
    this.branchLog.add(line, ((Math.min(total, MAX_BRANCH_COUNT) << 16) | Math.min(taken, MAX_BRANCH_COUNT)) >>> 0);
  }

  /**
   * Adds many lines' branches at once: `count` interleaved [line, total << 16 | taken] pairs (each
   * half at most 0xffff), no line twice; `sorted` when the lines ascend. They are copied.
   */
  addBranchPairs(pairs: Int32Array, count: number, sorted: boolean): void {
    if (count === 0) return;
    let totals: Counter | undefined;
    if (!this.hasBranches) {
      totals = { covered: 0, total: 0 };
      for (let i = 1; i < count * 2; i += 2) {
        totals.total += pairs[i]! >>> 16;
        totals.covered += pairs[i]! & 0xffff;
      }
    }
    this.hasBranches = true;
    const base = this.arena.ints.copy(pairs, count * 2); // first: it may move on to a new block
    this.branchLog.addPairs(this.arena.ints.block, base, count, sorted);
    this.branchTotals = totals;
  }

  /**
   * Records a function by its start line and its ordinal among functions starting on that line
   * (several arrow functions can share a line); pass undefined when the format gives no line.
   */
  addFunction(line: number | undefined, hit: boolean, ordinal = 0): void {
    this.hasFunctions = true;
    this.functionTotals = undefined;
    const key = line === undefined ? --this.syntheticKey : line * 64 + Math.min(ordinal, 63);
    this.functionLog.add(key, hit ? 1 : 0);
  }

  /**
   * Adds many functions at once: `count` interleaved [line * 64 + ordinal, hit (0/1)] pairs, no
   * key twice; `sorted` when the keys ascend. They are copied.
   */
  addFunctionPairs(pairs: Int32Array, count: number, sorted: boolean): void {
    if (count === 0) return;
    let totals: Counter | undefined;
    if (!this.hasFunctions) {
      totals = { covered: 0, total: count };
      for (let i = 1; i < count * 2; i += 2) totals.covered += pairs[i]!;
    }
    this.hasFunctions = true;
    const base = this.arena.ints.copy(pairs, count * 2); // first: it may move on to a new block
    this.functionLog.addPairs(this.arena.ints.block, base, count, sorted);
    this.functionTotals = totals;
  }

  isCoverable(line: number): boolean {
    const at = (line >>> 3) << 1;
    return at < this.bitsLength && (this.bits[this.bitsBase + at]! & (1 << (line & 7))) !== 0;
  }

  isCovered(line: number): boolean {
    const at = (line >>> 3) << 1;
    return at < this.bitsLength && (this.bits[this.bitsBase + at + 1]! & (1 << (line & 7))) !== 0;
  }

  /** Calls `fn` for each coverable line in ascending order, with whether it is covered. */
  forEachLine(fn: (line: number, covered: boolean) => void): void {
    for (let at = 0; at < this.bitsLength; at += 2) {
      const coverable = this.bits[this.bitsBase + at]!;
      if (coverable === 0) continue;
      const covered = this.bits[this.bitsBase + at + 1]!;
      const first = (at >>> 1) << 3;
      for (let bit = 0; bit < 8; bit++) if (coverable & (1 << bit)) fn(first + bit, (covered & (1 << bit)) !== 0);
    }
  }

  lines(): Counter | undefined {
    if (!this.hasLines) return this.summary?.lines;
    return { covered: this.coveredCount, total: this.lineCount };
  }

  branches(): Counter | undefined {
    if (!this.hasBranches) return this.summary?.branches;
    if (!this.branchTotals) {
      const totals = { covered: 0, total: 0 };
      this.branchLog.forEach((_, packed) => {
        totals.total += packed >>> 16;
        totals.covered += packed & 0xffff;
      });
      this.branchTotals = totals;
    }
    return { ...this.branchTotals };
  }

  functions(): Counter | undefined {
    if (!this.hasFunctions) return this.summary?.functions;
    if (!this.functionTotals) {
      let covered = 0;
      this.functionLog.forEach((_, hit) => (covered += hit));
      this.functionTotals = { covered, total: this.functionLog.size };
    }
    return { ...this.functionTotals };
  }

  /**
   * Adds this file's lines, branches and functions to sums[0..5] ([covered, total] each, as
   * lines(), branches() and functions() give them); returns a bit per counter it had (1, 2, 4).
   */
  addTotalsTo(sums: Float64Array): number {
    let seen = 0;
    if (this.hasLines) {
      sums[0]! += this.coveredCount;
      sums[1]! += this.lineCount;
      seen = 1;
    } else seen = addCounter(sums, 0, this.summary?.lines);
    if (this.hasBranches && this.branchTotals) {
      sums[2]! += this.branchTotals.covered;
      sums[3]! += this.branchTotals.total;
      seen |= 2;
    } else seen |= addCounter(sums, 2, this.branches()) << 1;
    if (this.hasFunctions && this.functionTotals) {
      sums[4]! += this.functionTotals.covered;
      sums[5]! += this.functionTotals.total;
      seen |= 4;
    } else seen |= addCounter(sums, 4, this.functions()) << 2;
    return seen;
  }

  /** Per-line detail for the lines that have it: [line, covered] pairs, ascending. */
  *lineEntries(): Generator<[number, boolean]> {
    for (let at = 0; at < this.bitsLength; at += 2) {
      const coverable = this.bits[this.bitsBase + at]!;
      if (coverable === 0) continue;
      const covered = this.bits[this.bitsBase + at + 1]!;
      for (let bit = 0; bit < 8; bit++) {
        if (coverable & (1 << bit)) yield [(at >>> 1) * 8 + bit, (covered & (1 << bit)) !== 0];
      }
    }
  }

  mergeFrom(other: FileCoverage): void {
    if (other.hasLines) {
      this.hasLines = true;
      if (other.bitsLength > this.bitsLength) this.grow(other.bitsLength);
      this.orBits(other.bits, other.bitsBase, other.bitsLength);
    }
    this.branchTotals = undefined;
    this.functionTotals = undefined;
    if (other.hasBranches) {
      this.hasBranches = true;
      other.branchLog.forEach((line, packed) => this.branchLog.add(line, packed));
    }
    other.functionLog.forEach((key, hit) => this.functionLog.add(key < 0 ? --this.syntheticKey : key, hit));
    this.hasFunctions ||= other.hasFunctions;
    if (other.summary) this.summary = mergeSummary(this.summary, other.summary);
  }

  /** ORs src[base, base + length) (length at most bitsLength) into this file's bits and recounts its lines. */
  private orBits(src: Uint8Array, base: number, length: number): void {
    const bits = this.bits;
    for (let i = 0; i < length; i++) bits[this.bitsBase + i]! |= src[base + i]!;
    let coverable = 0;
    let covered = 0;
    for (let i = this.bitsBase; i < this.bitsBase + this.bitsLength; i += 2) {
      coverable += POPCOUNT[bits[i]!]!;
      covered += POPCOUNT[bits[i + 1]!]!;
    }
    this.lineCount = coverable;
    this.coveredCount = covered;
  }

  /** Moves the bits to an array of this file's own with room for at least `minBytes`. */
  private grow(minBytes: number): void {
    // Few steps (each old array is garbage) but a bounded slack: at most a quarter over the need.
    const size = Math.ceil(Math.max(64, minBytes * 1.25, Math.min(this.bitsLength * 2, minBytes * 2)) / 2) * 2;
    const bits = new Uint8Array(size);
    bits.set(this.bits.subarray(this.bitsBase, this.bitsBase + this.bitsLength));
    this.bits = bits;
    this.bitsBase = 0;
    this.bitsLength = size;
  }
}


/** Set bits of each byte value. */
const POPCOUNT = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let v = b; v > 0; v >>= 1) n += v & 1;
  return n;
});
