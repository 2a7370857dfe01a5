/**
 * The functions of one LCOV record, keyed by name as raw bytes. FN gives a name its start line,
 * FNDA adds to its hit count; a name can come in either order. A small open-addressing hash table
 * over the name bytes instead of a Map of strings: a large tracefile has millions of FN/FNDA lines,
 * and decoding each name to a string (and hashing that) is most of what reading them would cost.
 * Tools write the FNDA lines in the order of the FN lines, so an FNDA name is first compared with
 * the one expected next, and hashed only when it is not that one. All storage is reused from
 * record to record.
 */
import type { FileCoverage } from '../../../coverage/table.js';
import { LineTable } from './line-table.js';

const NL = 10;
const CR = 13;
const NO_LINE = -1;
const SMALL = 0x3fffffff;
/**
 * FNV-1a, kept to 30 bits: a hash that fits V8's small integers stays an untagged int in the loops
 * (a full 32-bit one is boxed as a float on every byte, measured 4x slower).
 */
const FNV_OFFSET = 0x811c9dc5 & SMALL;
const FNV_PRIME = 0x01000193;

/** FNV-1a of buf[start, end): the hash RecordFunctions expects with a name (the scanner computes it as it reads). */
export function nameHash(buf: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME) & SMALL;
  return hash;
}


export class RecordFunctions {
  private names: Uint8Array = new Uint8Array(4096);
  private namesUsed = 0;
  /** Per entry: where its name is, its hash and table slot, its FN line (or NO_LINE), its FNDA hits. */
  private nameStart = new Int32Array(64);
  private nameLength = new Int32Array(64);
  private nameHashes = new Int32Array(64);
  private slotOf = new Int32Array(64);
  private line = new Int32Array(64);
  private hits = new Float64Array(64);
  private hasHits = new Uint8Array(64);
  private count = 0;
  /** Entries in the order of their first FN line (a Map's insertion order in the text parser). */
  private fnOrder = new Int32Array(64);
  private fnCount = 0;
  /** Index in fnOrder of the function the next FNDA line most likely names. */
  private hitCursor = 0;
  /** Slot -> entry + 1 (0: empty). Size a power of two, at least twice the entries. */
  private table = new Int32Array(128);
  private pairs = new Int32Array(128);
  /** Functions per start line so far, at flush: their ordinals. */
  private ordinals = new LineTable();

  /**
   * FN with the name from buf[at] to the end of the line (not its CR): copies the name while it
   * hashes it and finds the line's end, then defines it. Returns where the next line starts.
   */
  defineAt(line: number, buf: Uint8Array, at: number): number {
    const names = this.names;
    const room = names.length;
    let j = this.namesUsed;
    let hash = FNV_OFFSET;
    let before = hash;
    let i = at;
    let c = buf[i]!;
    // No call in this loop, so V8 keeps it tight; a name that does not fit is redone after growing.
    for (; c !== NL && j < room; c = buf[++i]!) {
      names[j++] = c;
      before = hash;
      hash = Math.imul(hash ^ c, FNV_PRIME) & SMALL;
    }
    if (c !== NL) {
      while (buf[i] !== NL) i++;
      this.growNames(this.namesUsed + (i - at));
      return this.defineAt(line, buf, at);
    }
    let length = i - at;
    if (length > 0 && buf[i - 1] === CR) {
      length--;
      hash = before;
    }
    this.define(line, hash, names, this.namesUsed, this.namesUsed + length);
    return i + 1;
  }

  /** FNDA with the name from buf[at] to the end of the line (not its CR). Returns where the next line starts. */
  hitAt(hits: number, buf: Uint8Array, at: number): number {
    if (this.hitCursor < this.fnCount) {
      const expected = this.fnOrder[this.hitCursor]!;
      const length = this.nameLength[expected]!;
      const names = this.names;
      let k = 0;
      for (let j = this.nameStart[expected]!; k < length && buf[at + k] === names[j + k]; k++);
      if (k === length) {
        const c = buf[at + k];
        const next = c === NL ? at + k + 1 : c === CR && buf[at + k + 1] === NL ? at + k + 2 : -1;
        if (next !== -1) {
          this.hitCursor++;
          this.hits[expected]! += hits;
          this.hasHits[expected] = 1;
          return next;
        }
      }
    }
    let hash = FNV_OFFSET;
    let before = hash;
    let i = at;
    for (let c = buf[i]!; c !== NL; c = buf[++i]!) {
      before = hash;
      hash = Math.imul(hash ^ c, FNV_PRIME) & SMALL;
    }
    let end = i;
    if (end > at && buf[end - 1] === CR) {
      end--;
      hash = before;
    }
    this.hit(hits, hash, buf, at, end);
    return i + 1;
  }

  /**
   * FN: the function named buf[start, end) (`hash` its nameHash) starts at `line` (0: unknown). A
   * later FN of a name moves it.
   */
  define(line: number, hash: number, buf: Uint8Array, start: number, end: number): void {
    const entry = this.entry(hash, buf, start, end);
    if (this.line[entry] === NO_LINE) {
      if (this.fnCount === this.fnOrder.length) this.fnOrder = grow(this.fnOrder);
      this.fnOrder[this.fnCount++] = entry;
    }
    this.line[entry] = line;
  }

  /** FNDA: the function named buf[start, end) (`hash` its nameHash) ran `hits` times. */
  hit(hits: number, hash: number, buf: Uint8Array, start: number, end: number): void {
    const entry = this.entry(hash, buf, start, end);
    this.hits[entry]! += hits;
    this.hasHits[entry] = 1;
  }

  /**
   * Hands the record's functions to `file` and forgets them. Functions sharing a start line are
   * told apart by their rank among them; functions without a line (FNDA only, or line 0) count
   * without a place.
   */
  flush(file: FileCoverage): void {
    const n = this.fnCount;
    if (n > 0) {
      if (this.pairs.length < n * 2) this.pairs = new Int32Array(n * 4);
      const pairs = this.pairs;
      const ordinals = this.ordinals;
      let count = 0;
      let sorted = true;
      let crowded = false;
      for (let rank = 0; rank < n; rank++) {
        const entry = this.fnOrder[rank]!;
        const fnLine = this.line[entry]!;
        const hit = this.hits[entry]! > 0 ? 1 : 0;
        if (fnLine === 0) {
          file.addFunction(undefined, hit === 1);
          continue;
        }
        const slot = ordinals.slot(fnLine);
        const ordinal = ordinals.values[slot]!++;
        crowded ||= ordinal >= 63;
        pairs[count * 2] = fnLine * 64 + Math.min(ordinal, 63);
        pairs[count * 2 + 1] = hit;
        if (count > 0 && pairs[count * 2]! < pairs[count * 2 - 2]!) sorted = false;
        count++;
      }
      ordinals.clear();
      // 64 or more functions on one line share a key: rare enough to add them one by one.
      if (crowded) for (let i = 0; i < count; i++) file.addFunction(pairs[i * 2]! >> 6, pairs[i * 2 + 1] === 1, pairs[i * 2]! & 63);
      else file.addFunctionPairs(pairs, count, sorted);
    }
    for (let entry = 0; entry < this.count; entry++) {
      if (this.hasHits[entry] === 1 && this.line[entry] === NO_LINE) file.addFunction(undefined, this.hits[entry]! > 0);
      this.table[this.slotOf[entry]!] = 0;
    }
    this.count = 0;
    this.fnCount = 0;
    this.hitCursor = 0;
    this.namesUsed = 0;
  }

  /** The entry for a name, made if new. */
  private entry(hash: number, buf: Uint8Array, start: number, end: number): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = this.table[slot]! - 1;
      if (found === -1) return this.add(hash, buf, start, end, slot);
      if (this.nameHashes[found] === hash && this.nameLength[found] === end - start && this.sameName(found, buf, start, end)) return found;
    }
  }

  private sameName(entry: number, buf: Uint8Array, start: number, end: number): boolean {
    const names = this.names;
    for (let i = start, j = this.nameStart[entry]!; i < end; i++, j++) if (names[j] !== buf[i]) return false;
    return true;
  }

  private add(hash: number, buf: Uint8Array, start: number, end: number, slot: number): number {
    const length = end - start;
    // defineAt has already copied the name into place; anything else is copied here.
    if (buf !== this.names || start !== this.namesUsed) {
      if (this.namesUsed + length > this.names.length) this.growNames(this.namesUsed + length);
      for (let i = start, j = this.namesUsed; i < end; i++, j++) this.names[j] = buf[i]!; // no subarray: names are short
    }
    if (this.count === this.line.length) this.growEntries();
    const entry = this.count++;
    this.nameStart[entry] = this.namesUsed;
    this.nameLength[entry] = length;
    this.nameHashes[entry] = hash;
    this.namesUsed += length;
    this.line[entry] = NO_LINE;
    this.hits[entry] = 0;
    this.hasHits[entry] = 0;
    this.slotOf[entry] = slot;
    this.table[slot] = entry + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return entry;
  }

  private growNames(atLeast: number): Uint8Array {
    const names = new Uint8Array(Math.max(this.names.length * 2, atLeast));
    names.set(this.names.subarray(0, this.namesUsed));
    this.names = names;
    return names;
  }

  private growEntries(): void {
    this.nameStart = grow(this.nameStart);
    this.nameLength = grow(this.nameLength);
    this.nameHashes = grow(this.nameHashes);
    this.slotOf = grow(this.slotOf);
    this.line = grow(this.line);
    this.hasHits = grow(this.hasHits);
    const hits = new Float64Array(this.hits.length * 2);
    hits.set(this.hits);
    this.hits = hits;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    const mask = this.table.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.nameHashes[entry]! & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = entry + 1;
      this.slotOf[entry] = slot;
    }
  }
}

function grow<T extends Int32Array | Uint8Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}
