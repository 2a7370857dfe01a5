/**
 * The functions of one LCOV record. FN gives a name its start line, FNDA adds to its hit count.
 * Tools write one FN per function and then the FNDA lines in the same order, so the fast path
 * keeps each name where it is in the file (no copy, no string) and checks each FNDA name against
 * the one expected next. Anything else (a name twice, FNDA out of order or without FN, lcov 2.2's
 * FNL/FNA, lines the text reader handles) switches the record to Maps keyed by name, replaying
 * what came before: the result is the same either way, the fast path only avoids the work.
 * All storage is reused from record to record.
 */
import type { FileCoverage } from '../../../coverage/table.js';
import { LineTable } from './line-table.js';

const NL = 10;
const CR = 13;
const SMALL = 0x3fffffff;
const NO_BUFFER = new Uint8Array(0);

export class RecordFunctions {
  /**
   * Fast path: functions in FN order, each with its name in place (the buffer it was read from,
   * until release(), and its bounds), its line, the name's hash and its FNDA hits.
   */
  private buffers: Uint8Array[] = [];
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private lines = new Int32Array(64);
  private hashes = new Int32Array(64);
  private hits = new Float64Array(64);
  private hasHits = new Uint8Array(64);
  private count = 0;
  /** The function the next FNDA line most likely names. */
  private cursor = 0;
  /** Slow path, once switched to: FN line and FNDA hits by name, in first-seen order (as Maps keep it). */
  private fnLines: Map<string, number> | undefined;
  private fnHits = new Map<string, number>();
  private pairs = new Int32Array(128);
  /** Per record, at flush: functions per start line (their ordinals), then names by hash. */
  private table = new LineTable();

  /** FN with the name from buf[at] to the end of the line (not its CR). Returns where the next line starts. */
  defineAt(line: number, buf: Uint8Array, at: number): number {
    let hash = 0;
    let before = 0;
    let i = at;
    for (let c = buf[i]!; c !== NL; c = buf[++i]!) {
      before = hash;
      hash = (Math.imul(hash, 31) + c) & SMALL;
    }
    let end = i;
    if (end > at && buf[end - 1] === CR) {
      end--;
      hash = before;
    }
    this.defineSpan(line, buf, at, end, hash);
    return i + 1;
  }

  /** FN with the name buf[start, end) and its hash (as defineAt computes it). */
  defineSpan(line: number, buf: Uint8Array, start: number, end: number, hash: number): void {
    if (this.fnLines) {
      this.fnLines.set(key(buf, start, end), line);
      return;
    }
    const n = this.count;
    if (n === this.lines.length) this.grow();
    this.buffers[n] = buf;
    this.starts[n] = start;
    this.ends[n] = end;
    this.lines[n] = line;
    this.hashes[n] = hash;
    this.hits[n] = 0;
    this.hasHits[n] = 0;
    this.count = n + 1;
  }

  /** FNDA with the name from buf[at] to the end of the line (not its CR). Returns where the next line starts. */
  hitAt(hits: number, buf: Uint8Array, at: number): number {
    let i = at;
    while (buf[i] !== NL) i++;
    this.hitSpan(hits, buf, at, i > at && buf[i - 1] === CR ? i - 1 : i);
    return i + 1;
  }

  /** FNDA with the name buf[start, end). Only whether `hits` is above 0 matters. */
  hitSpan(hits: number, buf: Uint8Array, start: number, end: number): void {
    if (!this.fnLines && this.cursor < this.count) {
      const from = this.starts[this.cursor]!;
      const length = this.ends[this.cursor]! - from;
      if (end - start === length) {
        const name = this.buffers[this.cursor]!;
        let k = 0;
        while (k < length && buf[start + k] === name[from + k]) k++;
        if (k === length) {
          this.hits[this.cursor]! += hits;
          this.hasHits[this.cursor++] = 1;
          return;
        }
      }
    }
    this.hit(hits, key(buf, start, end));
  }

  /**
   * The buffers the fast path's names point into are about to be written again: the names move
   * into one buffer of the record's own. Only a record that spans two reads has names to move.
   */
  release(): void {
    if (this.fnLines || this.count === 0) return;
    let total = 0;
    for (let i = 0; i < this.count; i++) total += this.ends[i]! - this.starts[i]!;
    const own = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < this.count; i++) {
      const start = this.starts[i]!;
      const length = this.ends[i]! - start;
      own.set(this.buffers[i]!.subarray(start, start + length), at);
      this.buffers[i] = own;
      this.starts[i] = at;
      this.ends[i] = at + length;
      at += length;
    }
  }

  /** FN from the text reader: `name` as its UTF-8 bytes read as Latin-1 (see key()). */
  define(line: number, name: string): void {
    this.slow().set(name, line);
  }

  /** FNDA from the text reader (`name` as in define). */
  hit(hits: number, name: string): void {
    this.slow();
    this.fnHits.set(name, (this.fnHits.get(name) ?? 0) + hits);
  }

  /**
   * Hands the record's functions to `file` and forgets them. Functions sharing a start line are
   * told apart by their rank among them; functions without a line (FNDA only, or line 0) count
   * without a place.
   */
  flush(file: FileCoverage): void {
    if (!this.fnLines && this.count > 1 && this.namesRepeat()) this.slow();
    const fnLines = this.fnLines;
    if (fnLines) {
      let n = 0;
      for (const [name, line] of fnLines) this.add(n++, line, (this.fnHits.get(name) ?? 0) > 0);
      this.addAll(file, n);
      for (const [name, hits] of this.fnHits) if (!fnLines.has(name)) file.addFunction(undefined, hits > 0);
      this.fnLines = undefined;
      this.fnHits.clear();
    } else {
      for (let i = 0; i < this.count; i++) this.add(i, this.lines[i]!, this.hits[i]! > 0);
      this.addAll(file, this.count);
    }
    this.forget();
  }

  /** Clears the fast path's functions, keeping its arrays (and not the chunks they pointed into). */
  private forget(): void {
    this.buffers.fill(NO_BUFFER, 0, this.count);
    this.count = 0;
    this.cursor = 0;
  }

  /** Puts function `i` of the record in `pairs`, as [start line (0: none), hit]. */
  private add(i: number, line: number, hit: boolean): void {
    if (this.pairs.length < (i + 1) * 2) {
      const pairs = new Int32Array(this.pairs.length * 2);
      pairs.set(this.pairs);
      this.pairs = pairs;
    }
    this.pairs[i * 2] = line;
    this.pairs[i * 2 + 1] = hit ? 1 : 0;
  }

  /** Numbers the `n` functions in `pairs` among those sharing their start line and adds them to `file`. */
  private addAll(file: FileCoverage, n: number): void {
    const pairs = this.pairs;
    const ordinals = this.table;
    let count = 0;
    let sorted = true;
    let crowded = false;
    for (let i = 0; i < n; i++) {
      const line = pairs[i * 2]!;
      const hit = pairs[i * 2 + 1]!;
      if (line === 0) {
        file.addFunction(undefined, hit === 1);
        continue;
      }
      const slot = ordinals.slot(line); // first: it may grow the table, and so replace `values`
      const ordinal = ordinals.values[slot]!++;
      crowded ||= ordinal >= 63;
      pairs[count * 2] = line * 64 + Math.min(ordinal, 63);
      pairs[count * 2 + 1] = hit;
      if (count > 0 && pairs[count * 2]! < pairs[count * 2 - 2]!) sorted = false;
      count++;
    }
    ordinals.clear();
    // 64 or more functions on one line share a key: rare enough to add them one by one.
    if (crowded) for (let i = 0; i < count; i++) file.addFunction(pairs[i * 2]! >> 6, pairs[i * 2 + 1] === 1, pairs[i * 2]! & 63);
    else if (count > 0) file.addFunctionPairs(pairs, count, sorted);
  }

  /** Whether two FN lines of the fast path may name one function (two equal hashes). */
  private namesRepeat(): boolean {
    const seen = this.table;
    let repeat = false;
    for (let i = 0; i < this.count && !repeat; i++) {
      const slot = seen.slot(this.hashes[i]! + 1);
      repeat = seen.values[slot]! > 0;
      seen.values[slot] = 1;
    }
    seen.clear();
    return repeat;
  }

  /** Switches the record to the Maps, replaying the fast path's functions into them. */
  private slow(): Map<string, number> {
    if (this.fnLines) return this.fnLines;
    const fnLines = (this.fnLines = new Map());
    for (let i = 0; i < this.count; i++) fnLines.set(this.keyOf(i), this.lines[i]!);
    for (let i = 0; i < this.cursor; i++) {
      const name = this.keyOf(i);
      this.fnHits.set(name, (this.fnHits.get(name) ?? 0) + this.hits[i]!);
    }
    this.forget();
    return fnLines;
  }

  private keyOf(i: number): string {
    return key(this.buffers[i]!, this.starts[i]!, this.ends[i]!);
  }

  private grow(): void {
    const double = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const grown = make(a.length * 2);
      grown.set(a);
      return grown;
    };
    this.starts = double(this.starts, (n) => new Int32Array(n));
    this.ends = double(this.ends, (n) => new Int32Array(n));
    this.lines = double(this.lines, (n) => new Int32Array(n));
    this.hashes = double(this.hashes, (n) => new Int32Array(n));
    this.hits = double(this.hits, (n) => new Float64Array(n));
    this.hasHits = double(this.hasHits, (n) => new Uint8Array(n));
  }
}

/** A name's key in the Maps: its bytes, one character each (Latin-1), so equal bytes mean equal keys. */
function key(buf: Uint8Array, start: number, end: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1');
}

/** The key of a name the text reader decoded: its UTF-8 bytes, as key() reads them. */
export function textKey(name: string): string {
  return Buffer.from(name, 'utf8').toString('latin1');
}
