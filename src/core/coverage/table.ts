/**
 * Compact per-file coverage. Written by hand because it is the product's memory budget: a 500 MB
 * lcov file must fit in well under 250 MB, so each line costs two bits (coverable, covered) rather
 * than an object. Branches are kept per line (taken/total), functions per start line.
 *
 * Formats that only carry totals (coverage-summary.json, JaCoCo counters without lines) record a
 * per-file summary instead; such files count in totals but cannot serve patch coverage.
 */
import type { Counter } from '../model.js';

/** Largest line number accepted: larger ones are corrupt input, and would cost memory. */
export const MAX_LINE = 10_000_000;
const BRANCH_SHIFT = 2 ** 24;

export interface CoverageSummary {
  lines?: Counter;
  branches?: Counter;
  functions?: Counter;
}

export class FileCoverage {
  private coverable = new Uint8Array(16);
  private covered = new Uint8Array(16);
  private lineCount = 0;
  /** line -> total * 2^24 + taken */
  private branchLines = new Map<number, number>();
  /** start line * 64 + ordinal (or a synthetic negative key when the format has none) -> hit */
  private functionHits = new Map<number, boolean>();
  private syntheticKey = 0;
  hasLines = false;
  hasBranches = false;
  hasFunctions = false;
  summary: CoverageSummary | undefined;

  constructor(readonly path: string) {}

  /** Records a coverable line; `hits > 0` marks it covered. Lines from several reports are unioned. */
  addLine(line: number, hits: number): void {
    this.hasLines = true;
    const byte = line >>> 3;
    if (byte >= this.coverable.length) this.grow(byte + 1);
    const bit = 1 << (line & 7);
    const wasCoverable = (this.coverable[byte]! & bit) !== 0;
    if (!wasCoverable) {
      this.coverable[byte]! |= bit;
      this.lineCount++;
    }
    if (hits > 0) this.covered[byte]! |= bit;
  }

  /** Records the branches of one line; a line seen twice keeps the larger total and taken count. */
  addBranches(line: number, total: number, taken: number): void {
    this.hasBranches = true;
    const prev = this.branchLines.get(line);
    if (prev === undefined) {
      this.branchLines.set(line, total * BRANCH_SHIFT + taken);
      return;
    }
    const prevTotal = Math.floor(prev / BRANCH_SHIFT);
    const prevTaken = prev % BRANCH_SHIFT;
    this.branchLines.set(line, Math.max(prevTotal, total) * BRANCH_SHIFT + Math.max(prevTaken, taken));
  }

  /**
   * Records a function by its start line and its ordinal among functions starting on that line
   * (several arrow functions can share a line); pass undefined when the format gives no line.
   */
  addFunction(line: number | undefined, hit: boolean, ordinal = 0): void {
    this.hasFunctions = true;
    const key = line === undefined ? --this.syntheticKey : line * 64 + Math.min(ordinal, 63);
    this.functionHits.set(key, hit || this.functionHits.get(key) === true);
  }

  isCoverable(line: number): boolean {
    const byte = line >>> 3;
    return byte < this.coverable.length && (this.coverable[byte]! & (1 << (line & 7))) !== 0;
  }

  isCovered(line: number): boolean {
    const byte = line >>> 3;
    return byte < this.covered.length && (this.covered[byte]! & (1 << (line & 7))) !== 0;
  }

  lines(): Counter | undefined {
    if (!this.hasLines) return this.summary?.lines;
    let covered = 0;
    for (const byte of this.covered) covered += popcount(byte);
    return { covered, total: this.lineCount };
  }

  branches(): Counter | undefined {
    if (!this.hasBranches) return this.summary?.branches;
    let covered = 0;
    let total = 0;
    for (const packed of this.branchLines.values()) {
      total += Math.floor(packed / BRANCH_SHIFT);
      covered += packed % BRANCH_SHIFT;
    }
    return { covered, total };
  }

  functions(): Counter | undefined {
    if (!this.hasFunctions) return this.summary?.functions;
    let covered = 0;
    for (const hit of this.functionHits.values()) if (hit) covered++;
    return { covered, total: this.functionHits.size };
  }

  /** Per-line detail for the lines that have it: [line, covered] pairs, ascending. */
  *lineEntries(): Generator<[number, boolean]> {
    for (let byte = 0; byte < this.coverable.length; byte++) {
      const bits = this.coverable[byte]!;
      if (bits === 0) continue;
      for (let bit = 0; bit < 8; bit++) {
        if (bits & (1 << bit)) yield [byte * 8 + bit, (this.covered[byte]! & (1 << bit)) !== 0];
      }
    }
  }

  mergeFrom(other: FileCoverage): void {
    if (other.hasLines) {
      this.hasLines = true;
      if (other.coverable.length > this.coverable.length) this.grow(other.coverable.length);
      this.lineCount = 0;
      for (let i = 0; i < this.coverable.length; i++) {
        this.coverable[i]! |= other.coverable[i] ?? 0;
        this.covered[i]! |= other.covered[i] ?? 0;
        this.lineCount += popcount(this.coverable[i]!);
      }
    }
    for (const [line, packed] of other.branchLines) {
      this.addBranches(line, Math.floor(packed / BRANCH_SHIFT), packed % BRANCH_SHIFT);
    }
    for (const [key, hit] of other.functionHits) {
      const k = key < 0 ? --this.syntheticKey : key;
      this.functionHits.set(k, hit || this.functionHits.get(k) === true);
    }
    this.hasFunctions ||= other.hasFunctions;
    if (other.summary) this.summary = mergeSummary(this.summary, other.summary);
  }

  private grow(minBytes: number): void {
    let size = this.coverable.length;
    while (size < minBytes) size *= 2;
    const coverable = new Uint8Array(size);
    coverable.set(this.coverable);
    const covered = new Uint8Array(size);
    covered.set(this.covered);
    this.coverable = coverable;
    this.covered = covered;
  }
}

function mergeSummary(a: CoverageSummary | undefined, b: CoverageSummary): CoverageSummary {
  if (!a) return { ...b };
  const pick = (x?: Counter, y?: Counter): Counter | undefined =>
    !x ? y : !y ? x : { covered: Math.max(x.covered, y.covered), total: Math.max(x.total, y.total) };
  return { lines: pick(a.lines, b.lines), branches: pick(a.branches, b.branches), functions: pick(a.functions, b.functions) };
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

  file(path: string): FileCoverage {
    let entry = this.files.get(path);
    if (!entry) {
      entry = new FileCoverage(path);
      this.files.set(path, entry);
    }
    return entry;
  }

  mergeFrom(other: CoverageTable): void {
    for (const [path, file] of other.files) this.file(path).mergeFrom(file);
  }

  totals(): CoverageSummary {
    const sum = (pick: (f: FileCoverage) => Counter | undefined): Counter | undefined => {
      let result: Counter | undefined;
      for (const file of this.files.values()) {
        const c = pick(file);
        if (!c) continue;
        result = { covered: (result?.covered ?? 0) + c.covered, total: (result?.total ?? 0) + c.total };
      }
      return result;
    };
    return { lines: sum((f) => f.lines()), branches: sum((f) => f.branches()), functions: sum((f) => f.functions()) };
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
