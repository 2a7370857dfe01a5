/**
 * The LCOV byte scanner: reads the records that make up nearly all of a tracefile (DA, BRDA, FN,
 * FNDA, end_of_record, and the LF/LH/BRF/… totals it skips) straight from the file's bytes, with
 * integers parsed from digits, no line cut out, no string made and no regex.
 *
 * Hand-written because reading large tracefiles fast and in little memory is what readygate
 * promises (issue 6: 15× lcov-parse, within 1.5× of merely splitting the file into lines, under
 * 250 MB on 500 MB). It is the product's own parser, so no library fits.
 *
 * Two halves: inside a record, the WebAssembly loop (scan.wat, through wasm.ts) reads the lines of
 * the usual shapes, sets DA bits itself and leaves BRDA/FN/FNDA on a tape this class hands to the
 * record; it stops at any other line. This class reads that line (the same shapes again, for the
 * lines the loop left to it, and SF, end_of_record and the totals); anything it does not recognise
 * in its exact well-formed shape (lcov 2.2's FNL/FNA, odd spacing, floats, errors) is decoded and
 * handed to LcovTextLines, which reads every record and words every error. So both fast paths
 * only ever decide how fast a line is read, never what it means.
 *
 * Lines that mean nothing (blank or whitespace-only lines, and records the parser skips such as
 * TN, LH or BRF) are passed over in place: by the WebAssembly loop, in a record and out of one,
 * and here with no string made. They used to leave the loop and go through TextDecoder and the text
 * reader one at a time, so a file of mostly blank lines cost ~30× a real one per byte (issue 12).
 * Measured with bench/lcov-blank.ts (10 MiB, CPU time, median of 5, loaded 2-core EPYC), ns/byte
 * before → after: real-looking 3.7 → 3.0; blank lines in records 149 → 6.6, between records
 * 97 → 6.6; CRLF blank lines 91 → 4.1; LH: lines in a record 22 → 3.3; DA and blank lines
 * alternating 21 → 2.9; without WebAssembly, blank lines in records 102 → 5.7.
 */
import { MAX_LINE } from '../../../coverage/table.js';
import type { LineBlockSink } from '../../../stream/bytes.js';
import type { LcovRecord } from './record.js';
import type { LcovTextLines } from './text-lines.js';
import { LcovWasm, TAPE_BRDA, TAPE_FN } from './wasm.js';

const TAB = 9;
const NL = 10;
const CR = 13;
const SPACE = 32;
const COMMA = 44;
const COLON = 58;
const ZERO = 48;
const NINE = 57;
const DASH = 45;
const END_OF_RECORD = Buffer.from('end_of_record');
// ignoreBOM: a U+FEFF in a value is part of it (the file's BOM is skipped before this).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export class LcovScanner implements LineBlockSink {
  lineNo = 0;
  private readonly wasm = LcovWasm.create();

  constructor(
    private readonly record: LcovRecord,
    private readonly text: LcovTextLines,
  ) {
    if (this.wasm) record.bits = this.wasm.bits;
  }

  /** Reads buf[start, end): whole lines, each ending with `\n` (from a copy in the WebAssembly memory). */
  block(buf: Uint8Array, start: number, end: number): void {
    const wasm = this.wasm;
    if (!wasm) {
      this.lines(buf, start, end);
      return;
    }
    this.record.functions.release(); // names may point into the block before, which the copy overwrites
    const to = wasm.load(buf, start, end);
    this.record.bits = wasm.bits; // a new view if the memory grew
    this.lines(wasm.mem, wasm.input, to);
  }

  /** The reader is about to reuse its buffers: only the TypeScript path keeps names in them. */
  release(): void {
    if (!this.wasm) this.record.functions.release();
  }

  /** The parse is over: the WebAssembly instance goes back for the next parse. */
  finish(): void {
    this.wasm?.recycle(this.record.bitsUsed);
  }

  /** Reads the lines of buf[start, end), counting them in lineNo. */
  private lines(buf: Uint8Array, start: number, end: number): void {
    const record = this.record;
    let lineNo = this.lineNo;
    let i = start;
    while (i < end) {
      if (this.wasm) {
        i = this.scan(this.wasm, buf, i, end);
        lineNo += this.wasm.lines;
        if (i >= end) break;
      }
      lineNo++;
      const c = buf[i]!;
      // DA:<line>,<hits>: with WebAssembly only the lines it handed back (before SF, an odd
      // line); without it (`node --jitless`), nearly every line of a tracefile.
      if (c === 68 /* D */ && buf[i + 1] === 65 /* A */ && buf[i + 2] === COLON && record.file !== undefined) {
        let j = i + 3;
        let d = buf[j]!;
        let line = 0;
        while (d >= ZERO && d <= NINE) {
          line = line * 10 + d - ZERO;
          d = buf[++j]!;
        }
        if (d === COMMA && j > i + 3 && line >= 1 && line <= MAX_LINE) {
          const countStart = ++j;
          d = buf[j]!;
          let hits = 0;
          while (d >= ZERO && d <= NINE) {
            hits = hits * 10 + d - ZERO;
            d = buf[++j]!;
          }
          const next = j === countStart ? -1 : lineEnd(buf, j, d);
          if (next !== -1) {
            record.addLine(line, hits);
            i = next;
            continue;
          }
        }
      }
      this.lineNo = lineNo; // for the messages of the text reader
      let next = -1;
      if (record.file !== undefined) {
        if (c === 70 /* F */) next = this.fn(buf, i);
        else if (c === 66 /* B */) next = this.brda(buf, i);
      }
      i = next === -1 ? this.other(buf, i) : next;
    }
    this.lineNo = lineNo;
  }

  /** Runs the WebAssembly loop from buf[i] and hands its tape to the record; returns where it stopped. */
  private scan(wasm: LcovWasm, buf: Uint8Array, i: number, end: number): number {
    const record = this.record;
    const next = wasm.scan(i, end, record.bitsUsed, record.file !== undefined);
    record.bitsUsed = wasm.used;
    const tape = wasm.tape;
    const functions = record.functions;
    for (let k = 0, stop = wasm.entries * 5; k < stop; k += 5) {
      const kind = tape[k]!;
      if (kind === TAPE_BRDA) record.addArms(tape[k + 1]!, tape[k + 2]!, tape[k + 3]!);
      else if (kind === TAPE_FN) functions.defineSpan(tape[k + 1]!, buf, tape[k + 2]!, tape[k + 3]!, tape[k + 4]!);
      else functions.hitSpan(tape[k + 1]!, buf, tape[k + 2]!, tape[k + 3]!);
    }
    return next;
  }

  /** `BRDA:<line>,<block>,<branch…>,<taken or ->`; -1 when not exactly that. */
  private brda(buf: Uint8Array, at: number): number {
    if (buf[at + 1] !== 82 /* R */ || buf[at + 2] !== 68 /* D */ || buf[at + 3] !== 65 /* A */ || buf[at + 4] !== COLON) return -1;
    let i = at + 5;
    let c = buf[i]!;
    let line = 0;
    while (c >= ZERO && c <= NINE) {
      line = line * 10 + c - ZERO;
      c = buf[++i]!;
    }
    if (c !== COMMA || i === at + 5 || line < 1 || line > MAX_LINE) return -1;
    let commas = 1;
    let last = i;
    for (c = buf[++i]!; c !== NL; c = buf[++i]!) {
      if (c === COMMA) {
        commas++;
        last = i;
      }
    }
    const end = buf[i - 1] === CR ? i - 1 : i;
    if (commas < 3) return -1;
    let taken = 0;
    if (end === last + 2 && buf[last + 1] === DASH) taken = 0;
    else {
      if (end === last + 1) return -1;
      for (let j = last + 1; j < end; j++) {
        c = buf[j]!;
        if (c < ZERO || c > NINE) return -1;
        taken = taken * 10 + c - ZERO;
      }
    }
    this.record.addBranch(line, taken);
    return i + 1;
  }

  /** `FN:<line>,[<end line>,]<name>` or `FNDA:<hits>,<name>`; -1 when not exactly that. */
  private fn(buf: Uint8Array, at: number): number {
    if (buf[at + 1] !== 78 /* N */) return -1;
    let i: number;
    const fnda = buf[at + 2] === 68 /* D */;
    if (fnda) {
      if (buf[at + 3] !== 65 /* A */ || buf[at + 4] !== COLON) return -1;
      i = at + 5;
    } else {
      if (buf[at + 2] !== COLON) return -1;
      i = at + 3;
    }
    const numberStart = i;
    let c = buf[i]!;
    let value = 0;
    while (c >= ZERO && c <= NINE) {
      value = value * 10 + c - ZERO;
      c = buf[++i]!;
    }
    if (c !== COMMA || i === numberStart) return -1;
    let nameStart = ++i;
    if (!fnda) {
      if (value < 1 || value > MAX_LINE) return -1;
      // lcov 2 writes FN:<line>,<end line>,<name>: digits then a comma mean an end line.
      for (c = buf[i]!; c >= ZERO && c <= NINE; c = buf[++i]!);
      if (c === COMMA && i > nameStart) nameStart = i + 1;
    }
    return fnda ? this.record.functions.hitAt(value, buf, nameStart) : this.record.functions.defineAt(value, buf, nameStart);
  }

  /**
   * Any other line: end_of_record, a record the parser skips (TN, LF, LH, BRF, BRH, FNF, FNH, VER,
   * future ones), or one for LcovTextLines (SF, FNL, FNA, blank, odd or malformed lines).
   */
  private other(buf: Uint8Array, at: number): number {
    let i = at;
    let c = buf[i]!;
    let blank = true;
    while (c !== COLON && c !== NL) {
      if (c !== SPACE && (c < TAB || c > CR)) blank = false;
      c = buf[++i]!;
    }
    // A blank line (the text reader trims it to nothing): skipped with no string made.
    if (c === NL && blank) return i + 1;
    if (c === COLON && !keptKey(buf, at, i - at)) {
      while (buf[i] !== NL) i++;
      return i + 1;
    }
    let nl = i;
    while (buf[nl] !== NL) nl++;
    const end = nl > at && buf[nl - 1] === CR ? nl - 1 : nl;
    if (isEndOfRecord(buf, at, end)) this.record.flush();
    else if (c === COLON && i === at + 2 && buf[at] === 83 /* S */ && buf[at + 1] === 70 /* F */) {
      // SF: only the path is decoded (through the general text reader, SF lines alone made that
      // large function hot enough for V8 to compile during the parse)
      this.text.sourceFile(decoder.decode(buf.subarray(at + 3, end)), this.lineNo);
    } else {
      const line = decoder.decode(buf.subarray(at, end));
      this.text.line(line, 0, line.length, this.lineNo);
    }
    return nl + 1;
  }
}

/** After the digits of a count: the line's end (index past `\n`), or past a `,checksum`; -1 otherwise. */
function lineEnd(buf: Uint8Array, i: number, c: number): number {
  if (c === NL) return i + 1;
  if (c === CR && buf[i + 1] === NL) return i + 2;
  if (c !== COMMA) return -1;
  while (buf[i] !== NL) i++;
  return i + 1;
}

function isEndOfRecord(buf: Uint8Array, at: number, end: number): boolean {
  if (end - at !== END_OF_RECORD.length) return false;
  for (let i = 0; i < END_OF_RECORD.length; i++) if (buf[at + i] !== END_OF_RECORD[i]) return false;
  return true;
}

/** Is buf[at, at + length) the key of a record the parser reads (as opposed to skips)? */
function keptKey(buf: Uint8Array, at: number, length: number): boolean {
  const a = buf[at];
  const b = buf[at + 1];
  if (length === 2) return (a === 83 && b === 70) /* SF */ || (a === 68 && b === 65) /* DA */ || (a === 70 && b === 78) /* FN */;
  if (length === 3) return a === 70 && b === 78 && (buf[at + 2] === 76 /* FNL */ || buf[at + 2] === 65); /* FNA */
  if (length === 4) return (a === 66 && b === 82 && buf[at + 2] === 68 && buf[at + 3] === 65) /* BRDA */ || (a === 70 && b === 78 && buf[at + 2] === 68 && buf[at + 3] === 65); /* FNDA */
  return false;
}
