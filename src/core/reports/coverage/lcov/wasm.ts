/**
 * The WebAssembly half of the LCOV scanner (scan.wat): one instance per running parse (kept for the next), its memory laid out
 * as the record's line bitset, the tape of BRDA/FN/FNDA lines it read, and the input block.
 */
import { MAX_LINE } from '../../../coverage/table.js';
import { LCOV_SCAN_WASM } from './scan-wasm.js';

/** The part of the WebAssembly API used here (TypeScript declares it only in its DOM lib). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface ScanExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(i: number, end: number, tape: number, tapeLimit: number, maxLine: number, open: number): number;
  lines: { value: number };
  used: { value: number };
  tapeEnd: { value: number };
}

/** Tape entry kinds and size (int32s), as scan.wat writes them. */
export const TAPE_BRDA = 1;
export const TAPE_FN = 2;
export const TAPE_FNDA = 3;
const ENTRY_INTS = 5;
const TAPE_ENTRIES = 4096;

/** Bytes of the bitset: two per 8 lines, up to MAX_LINE (as LcovRecord lays it out). */
const BITS_BYTES = Math.ceil((((MAX_LINE >>> 3) + 1) * 2) / 64) * 64;
const TAPE = BITS_BYTES;
const INPUT = TAPE + TAPE_ENTRIES * ENTRY_INTS * 4;
/** After the input: scan.wat reads 4 bytes at a time. */
const SLACK = 8;
const PAGE = 65_536;

let compiled: object | undefined;
/**
 * Instances whose parse is over, for the next parse: a new one (its memory holds the bitset of
 * every line up to MAX_LINE) costs several times a small report's whole parse.
 */
const idle: LcovWasm[] = [];
const MAX_IDLE = 2;

export class LcovWasm {
  private readonly exports: ScanExports;
  /** The memory as bytes; replaced when the memory grows (the old view is then empty). */
  mem: Uint8Array;
  /** The record's line bitset, in the memory. */
  bits: Uint8Array;
  /** The tape, in the memory: entries from 0 to `entries` * 5 after a scan. */
  tape: Int32Array;
  /** Where the input block starts in `mem`. */
  readonly input = INPUT;
  /** After a scan: lines read, tape entries written. */
  lines = 0;
  entries = 0;

  /**
   * An instance, or undefined where there is no WebAssembly (`node --jitless` turns it off): the
   * scanner then reads every line itself, with the same results, only slower.
   */
  static create(): LcovWasm | undefined {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!api) return undefined;
    return idle.pop() ?? new LcovWasm(api);
  }

  /**
   * The parse is over (to the end, or stopped by an error): clears the bitset's first `bitsUsed`
   * bytes (the rest is clear) and keeps the instance for the next parse. Not used after this.
   */
  recycle(bitsUsed: number): void {
    this.bits.fill(0, 0, Math.max(bitsUsed, this.used));
    if (idle.length < MAX_IDLE) idle.push(this);
  }

  private constructor(api: WasmApi) {
    compiled ??= new api.Module(Buffer.from(LCOV_SCAN_WASM, 'base64'));
    this.exports = new api.Instance(compiled).exports as ScanExports;
    this.mem = this.bits = new Uint8Array(0);
    this.tape = new Int32Array(0);
    this.fit(PAGE);
  }

  /** Copies buf[start, end) to the input, growing the memory if needed; returns the input's end in `mem`. */
  load(buf: Uint8Array, start: number, end: number): number {
    this.fit(end - start);
    this.mem.set(buf.subarray(start, end), INPUT);
    return INPUT + end - start;
  }

  /**
   * Reads lines from `mem[i]` up to `end` (see scan.wat) with the bitset's `used` bytes: those of
   * an open record, or (`open` false) only the lines a parse skips; returns where it stopped, with
   * `lines`, `entries` and the new `used` set.
   */
  scan(i: number, end: number, used: number, open = true): number {
    const x = this.exports;
    x.used.value = used;
    const next = x.scan(i, end, TAPE, TAPE + (TAPE_ENTRIES - 1) * ENTRY_INTS * 4, MAX_LINE, open ? 1 : 0);
    this.lines = x.lines.value;
    this.entries = (x.tapeEnd.value - TAPE) / (ENTRY_INTS * 4);
    return next;
  }

  get used(): number {
    return this.exports.used.value;
  }

  private fit(inputBytes: number): void {
    const memory = this.exports.memory;
    const pages = Math.ceil((INPUT + inputBytes + SLACK) / PAGE);
    const have = memory.buffer.byteLength / PAGE;
    if (pages <= have && this.mem.length > 0) return;
    if (pages > have) memory.grow(pages - have);
    this.mem = new Uint8Array(memory.buffer);
    this.bits = this.mem.subarray(0, BITS_BYTES);
    this.tape = new Int32Array(memory.buffer, TAPE, TAPE_ENTRIES * ENTRY_INTS);
  }
}
