/**
 * Compact per-file coverage. Written by hand because it is the product's memory budget: a 500 MB
 * lcov file must fit in well under 250 MB, so each line costs two bits (coverable, covered) rather
 * than an object. Branches are kept per line (taken/total), functions per start line, both in
 * packed typed arrays (packed.ts) rather than Maps.
 *
 * Formats that only carry totals (coverage-summary.json, JaCoCo counters without lines) record a
 * per-file summary instead; such files count in totals but cannot serve patch coverage.
 */
import type { Counter } from '../model.js';
import { detach } from '../stream/text.js';
import { Arena } from './arena.js';
import { KeyedLog } from './packed.js';

/** Largest line number accepted: larger ones are corrupt input, and would cost memory. */
export const MAX_LINE = 10_000_000;
/** Branch counts per line are kept in 16 bits each; a line with more arms than this is clamped. */
const MAX_BRANCH_COUNT = 0xffff;

export interface CoverageSummary {
  lines?: Counter;
  branches?: Counter;
  functions?: Counter;
}

const EMPTY_BITS = new Uint8Array(0);
const maxHalves = (a: number, b: number): number => ((Math.max(a >>> 16, b >>> 16) << 16) | Math.max(a & 0xffff, b & 0xffff)) >>> 0;
const either = (a: number, b: number): number => a | b;

export class FileCoverage {
  /** Interleaved bitsets: byte 2i holds "coverable" for lines 8i…8i+7, byte 2i+1 "covered". */
  private bits: Uint8Array = EMPTY_BITS;
  private lineCount = 0;
  private coveredCount = 0;
  /** line -> total << 16 | taken; a line seen twice keeps the larger total and taken count. */
  private branchLog = new KeyedLog(maxHalves);
  /** start line * 64 + ordinal (or a synthetic negative key when the format has none) -> hit (0/1) */
  private functionLog = new KeyedLog(either);
  private syntheticKey = 0;
  /** Totals of the logs, kept while known so that totals() costs nothing per file (undefined: count when asked). */
  private branchTotals: Counter | undefined;
  private functionTotals: Counter | undefined;
  hasLines = false;
  hasBranches = false;
  hasFunctions = false;
  summary: CoverageSummary | undefined;

  constructor(
    readonly path: string,
    /** Where bulk-added data is kept (shared with the other files of a table). */
    private readonly arena = new Arena(),
  ) {}

  /** Records a coverable line; `hits > 0` marks it covered. Lines from several reports are unioned. */
  addLine(line: number, hits: number): void {
    this.hasLines = true;
    const at = (line >>> 3) << 1;
    if (at >= this.bits.length) this.grow(at + 2);
    const bit = 1 << (line & 7);
    if ((this.bits[at]! & bit) === 0) {
      this.bits[at]! |= bit;
      this.lineCount++;
    }
    if (hits > 0 && (this.bits[at + 1]! & bit) === 0) {
      this.bits[at + 1]! |= bit;
      this.coveredCount++;
    }
  }

  /**
   * Adds many lines at once: bits[0, length) in this class's layout (byte 2i "coverable" for
   * lines 8i…8i+7, byte 2i+1 "covered"; `length` even). They are copied.
   */
  addLineBits(bits: Uint8Array, length: number): void {
    this.hasLines = true;
    if (this.bits.length === 0) {
      this.bits = this.arena.bytes.copy(bits, length);
      this.countLines();
      return;
    }
    if (length > this.bits.length) {
      const own = this.bits;
      this.bits = this.arena.bytes.copy(bits, length);
      this.orBits(own, own.length);
    } else this.orBits(bits, length);
  }

  /** Records the branches of one line; a line seen twice keeps the larger total and taken count. */
  addBranches(line: number, total: number, taken: number): void {
    this.hasBranches = true;
    this.branchTotals = undefined;
    this.branchLog.add(line, ((Math.min(total, MAX_BRANCH_COUNT) << 16) | Math.min(taken, MAX_BRANCH_COUNT)) >>> 0);
  }

  /**
   * Adds many lines' branches at once: interleaved [line, total << 16 | taken] pairs (each half
   * already at most 0xffff), lines ascending and distinct. `pairs` is copied.
   */
  addBranchPairs(pairs: Int32Array): void {
    if (pairs.length === 0) return;
    const totals = this.hasBranches ? undefined : { covered: 0, total: 0 };
    if (totals) {
      for (let i = 1; i < pairs.length; i += 2) {
        totals.total += pairs[i]! >>> 16;
        totals.covered += pairs[i]! & 0xffff;
      }
    }
    this.hasBranches = true;
    this.branchLog.addSorted(this.arena.ints.copy(pairs, pairs.length));
    this.branchTotals = totals;
  }

  /**
   * Adds many functions at once: interleaved [line * 64 + ordinal, hit (0/1)] pairs, keys
   * ascending and distinct. `pairs` is copied.
   */
  addFunctionPairs(pairs: Int32Array): void {
    if (pairs.length === 0) return;
    const totals = this.hasFunctions ? undefined : { covered: 0, total: pairs.length >> 1 };
    if (totals) for (let i = 1; i < pairs.length; i += 2) totals.covered += pairs[i]!;
    this.hasFunctions = true;
    this.functionLog.addSorted(this.arena.ints.copy(pairs, pairs.length));
    this.functionTotals = totals;
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

  isCoverable(line: number): boolean {
    const at = (line >>> 3) << 1;
    return at < this.bits.length && (this.bits[at]! & (1 << (line & 7))) !== 0;
  }

  isCovered(line: number): boolean {
    const at = ((line >>> 3) << 1) + 1;
    return at < this.bits.length && (this.bits[at]! & (1 << (line & 7))) !== 0;
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

  /** Per-line detail for the lines that have it: [line, covered] pairs, ascending. */
  *lineEntries(): Generator<[number, boolean]> {
    for (let at = 0; at < this.bits.length; at += 2) {
      const bits = this.bits[at]!;
      if (bits === 0) continue;
      for (let bit = 0; bit < 8; bit++) {
        if (bits & (1 << bit)) yield [(at >>> 1) * 8 + bit, (this.bits[at + 1]! & (1 << bit)) !== 0];
      }
    }
  }

  mergeFrom(other: FileCoverage): void {
    if (other.hasLines) {
      this.hasLines = true;
      if (other.bits.length > this.bits.length) this.grow(other.bits.length);
      this.orBits(other.bits, other.bits.length);
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

  /** ORs bits[0, length) (length at most this.bits.length) into this.bits and recounts the lines. */
  private orBits(bits: Uint8Array, length: number): void {
    for (let i = 0; i < length; i++) this.bits[i]! |= bits[i]!;
    this.countLines();
  }

  private countLines(): void {
    let coverable = 0;
    let covered = 0;
    for (let i = 0; i < this.bits.length; i += 2) {
      coverable += popcount(this.bits[i]!);
      covered += popcount(this.bits[i + 1]!);
    }
    this.lineCount = coverable;
    this.coveredCount = covered;
  }

  private grow(minBytes: number): void {
    // Few steps (each old array is garbage) but a bounded slack: at most a quarter over the need.
    const size = Math.ceil(Math.max(64, minBytes * 1.25, Math.min(this.bits.length * 2, minBytes * 2)) / 2) * 2;
    const bits = new Uint8Array(size);
    bits.set(this.bits);
    this.bits = bits;
  }
}

function mergeSummary(a: CoverageSummary | undefined, b: CoverageSummary): CoverageSummary {
  if (!a) return { ...b };
  const pick = (x?: Counter, y?: Counter): Counter | undefined =>
    !x ? y : !y ? x : { covered: Math.max(x.covered, y.covered), total: Math.max(x.total, y.total) };
  return { lines: pick(a.lines, b.lines), branches: pick(a.branches, b.branches), functions: pick(a.functions, b.functions) };
}

/** Adds `c` to `sum`; 1 when there was one to add. */
function add(sum: Counter, c: Counter | undefined): number {
  if (!c) return 0;
  sum.covered += c.covered;
  sum.total += c.total;
  return 1;
}

function popcount(byte: number): number {
  let n = byte;
  n = n - ((n >> 1) & 0x55);
  n = (n & 0x33) + ((n >> 2) & 0x33);
  return (n + (n >> 4)) & 0x0f;
}

/** All files of one coverage signal, keyed by repo-relative path. */
export class CoverageTable {
  readonly files = new Map<string, FileCoverage>();
  private readonly arena = new Arena();

  file(path: string): FileCoverage {
    let entry = this.files.get(path);
    if (!entry) {
      // Parsers hand over paths cut from a decoded chunk: keep a copy, not the chunk behind it.
      const own = detach(path);
      entry = new FileCoverage(own, this.arena);
      this.files.set(own, entry);
    }
    return entry;
  }

  mergeFrom(other: CoverageTable): void {
    for (const [path, file] of other.files) this.file(path).mergeFrom(file);
  }

  totals(): CoverageSummary {
    // One pass, adding numbers: a large report has tens of thousands of files.
    const lines = { covered: 0, total: 0 };
    const branches = { covered: 0, total: 0 };
    const functions = { covered: 0, total: 0 };
    let seen = 0;
    for (const file of this.files.values()) seen |= add(lines, file.lines()) | (add(branches, file.branches()) << 1) | (add(functions, file.functions()) << 2);
    return { lines: seen & 1 ? lines : undefined, branches: seen & 2 ? branches : undefined, functions: seen & 4 ? functions : undefined };
  }

  /** Coverage of the given added lines; undefined when no file in the diff has per-line data. */
  patch(added: ReadonlyMap<string, readonly number[]>): Counter | undefined {
    let covered = 0;
    let total = 0;
    let any = false;
    for (const [path, lines] of added) {
      const file = this.files.get(path);
      if (!file) continue;
      if (!file.hasLines) continue;
      any = true;
      for (const line of lines) {
        if (!file.isCoverable(line)) continue;
        total++;
        if (file.isCovered(line)) covered++;
      }
    }
    return any ? { covered, total } : undefined;
  }
}
