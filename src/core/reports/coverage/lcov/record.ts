/**
 * The data of one LCOV file record (SF … end_of_record), gathered in scratch storage that is
 * reused from record to record and handed to the file's FileCoverage in bulk when the record
 * ends: lines as a bitset, branches as sorted per-line counts, functions through RecordFunctions.
 * Nothing is allocated per line, and the table receives exactly-sized data once per record.
 */
import type { FileCoverage } from '../../../coverage/table.js';
import { RecordFunctions } from './functions.js';

/** Branch counts per line are kept in 16 bits each; a line with more arms than this is clamped. */
const MAX_BRANCH_COUNT = 0xffff;
/** Where the low and high halves of a 64-bit entry sit among the Int32Array's elements. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;

export class LcovRecord {
  /** The file of the open record; undefined between records. */
  file: FileCoverage | undefined;
  /** Same layout as FileCoverage: byte 2i "coverable" for lines 8i…8i+7, byte 2i+1 "covered". */
  private bits = new Uint8Array(1024);
  /** Bytes of `bits` in use (a multiple of 2). */
  private bitsUsed = 0;
  /**
   * BRDA records in arrival order, consecutive ones of a line folded, one 64-bit entry each: the
   * high 32 bits the line, the low 32 arms << 16 | arms taken (each at most 0xffff). Written
   * through an Int32Array over the same memory, so that a plain numeric sort of the 64-bit values
   * orders them by line without building keys.
   */
  private branches = new BigInt64Array(256);
  private branchInts = new Int32Array(this.branches.buffer);
  private branchCount = 0;
  private branchesSorted = true;
  private branchPairs = new Int32Array(512);
  readonly functions = new RecordFunctions();
  /** lcov 2.2 FNL: function index -> start line. Rare, so a plain Map. */
  readonly fnlLines = new Map<string, number>();

  open(file: FileCoverage): void {
    this.file = file;
  }

  /** DA: `line` (1…MAX_LINE) ran `hits` times. */
  addLine(line: number, hits: number): void {
    const at = (line >>> 3) << 1;
    if (at >= this.bitsUsed) this.useBits(at + 2);
    const bit = 1 << (line & 7);
    this.bits[at]! |= bit;
    if (hits > 0) this.bits[at + 1]! |= bit;
  }

  private useBits(used: number): void {
    if (used > this.bits.length) {
      const bits = new Uint8Array(Math.max(this.bits.length * 2, used));
      bits.set(this.bits.subarray(0, this.bitsUsed));
      this.bits = bits;
    }
    this.bitsUsed = used;
  }

  /** BRDA: one arm of a branch on `line`, taken when `taken > 0`. */
  addBranch(line: number, taken: number): void {
    const n = this.branchCount;
    const ints = this.branchInts;
    if (n > 0 && ints[n * 2 - 2 + HI] === line) {
      const counts = ints[n * 2 - 2 + LO]!;
      const total = Math.min((counts >>> 16) + 1, MAX_BRANCH_COUNT);
      const hit = Math.min((counts & 0xffff) + (taken > 0 ? 1 : 0), MAX_BRANCH_COUNT);
      ints[n * 2 - 2 + LO] = (total << 16) | hit;
      return;
    }
    if (n * 2 === ints.length) this.growBranches();
    if (n > 0 && line < this.branchInts[n * 2 - 2 + HI]!) this.branchesSorted = false;
    this.branchInts[n * 2 + LO] = (1 << 16) | (taken > 0 ? 1 : 0);
    this.branchInts[n * 2 + HI] = line;
    this.branchCount = n + 1;
  }

  /** Ends the record: its data goes to the file, and the scratch storage is cleared for the next one. */
  flush(): void {
    const file = this.file;
    if (!file) return;
    if (this.bitsUsed > 0) {
      file.addLineBits(this.bits, this.bitsUsed);
      this.bits.fill(0, 0, this.bitsUsed);
      this.bitsUsed = 0;
    }
    if (this.branchCount > 0) this.flushBranches(file);
    this.functions.flush(file);
    this.fnlLines.clear();
    this.file = undefined;
  }

  /** Sums the arms per line (in line order) and hands [line, total << 16 | taken] pairs to the file. */
  private flushBranches(file: FileCoverage): void {
    const n = this.branchCount;
    if (!this.branchesSorted) this.branches.subarray(0, n).sort();
    const ints = this.branchInts;
    if (this.branchPairs.length < n * 2) this.branchPairs = new Int32Array(n * 4);
    const pairs = this.branchPairs;
    let count = 0;
    for (let k = 0; k < n; ) {
      const line = ints[k * 2 + HI]!;
      let total = 0;
      let taken = 0;
      for (; k < n && ints[k * 2 + HI] === line; k++) {
        total += ints[k * 2 + LO]! >>> 16;
        taken += ints[k * 2 + LO]! & 0xffff;
      }
      pairs[count * 2] = line;
      pairs[count * 2 + 1] = (Math.min(total, MAX_BRANCH_COUNT) << 16) | Math.min(taken, MAX_BRANCH_COUNT);
      count++;
    }
    file.addBranchPairs(pairs, count);
    this.branchCount = 0;
    this.branchesSorted = true;
  }

  private growBranches(): void {
    const grown = new BigInt64Array(this.branches.length * 2);
    grown.set(this.branches);
    this.branches = grown;
    this.branchInts = new Int32Array(grown.buffer);
  }
}
