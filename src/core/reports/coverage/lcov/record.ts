/**
 * The data of one LCOV file record (SF … end_of_record), gathered in scratch storage that is
 * reused from record to record and handed to the file's FileCoverage in bulk when the record
 * ends: lines as a bitset, branches as per-line counts, functions through RecordFunctions.
 * Nothing is allocated per line, and the table receives exactly-sized data once per record.
 */
import type { FileCoverage } from '../../../coverage/table.js';
import { RecordFunctions } from './functions.js';
import { LineTable } from './line-table.js';

/** Branch counts per line are kept in 16 bits each; a line with more arms than this is clamped. */
const MAX_BRANCH_COUNT = 0xffff;

export class LcovRecord {
  /** The file of the open record; undefined between records. */
  file: FileCoverage | undefined;
  /**
   * Same layout as FileCoverage: byte 2i "coverable" for lines 8i…8i+7, byte 2i+1 "covered".
   * The byte scanner points it at its WebAssembly memory (sized for every line up to MAX_LINE),
   * where scan.wat sets the bits of the DA lines it reads.
   */
  bits: Uint8Array = new Uint8Array(1024);
  /** Bytes of `bits` in use (a multiple of 2); kept in step with scan.wat's by the scanner. */
  bitsUsed = 0;
  /** BRDA arms summed per line: arms << 16 | arms taken, each at most MAX_BRANCH_COUNT. */
  private branches = new LineTable();
  /** The line of the last BRDA arm and its slot: a branch's arms come one after another. */
  private branchLine = 0;
  private branchSlot = 0;
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
    this.addArms(line, 1, taken > 0 ? 1 : 0);
  }

  /** `arms` BRDA arms on `line`, `taken` of them taken. */
  addArms(line: number, arms: number, taken: number): void {
    if (line !== this.branchLine) {
      this.branchSlot = this.branches.slot(line);
      this.branchLine = line;
    }
    const slot = this.branchSlot;
    const counts = this.branches.values[slot]!;
    const total = Math.min((counts >>> 16) + arms, MAX_BRANCH_COUNT);
    const hit = Math.min((counts & 0xffff) + taken, MAX_BRANCH_COUNT);
    this.branches.values[slot] = (total << 16) | hit;
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
    if (this.branches.size > 0) this.flushBranches(file);
    this.functions.flush(file);
    this.fnlLines.clear();
    this.file = undefined;
  }

  /** Hands the record's [line, arms << 16 | taken] pairs to the file, in the order the lines came. */
  private flushBranches(file: FileCoverage): void {
    const table = this.branches;
    const n = table.size;
    if (this.branchPairs.length < n * 2) this.branchPairs = new Int32Array(n * 4);
    const pairs = this.branchPairs;
    let sorted = true;
    for (let i = 0; i < n; i++) {
      pairs[i * 2] = table.lineAt(i);
      pairs[i * 2 + 1] = table.valueAt(i);
      if (i > 0 && pairs[i * 2]! < pairs[i * 2 - 2]!) sorted = false;
    }
    file.addBranchPairs(pairs, n, sorted);
    table.clear();
    this.branchLine = 0;
  }
}
