/**
 * Streaming a UTF-8 report as raw bytes, in blocks of whole lines, for parsers that read bytes
 * rather than text (the lcov scanner). Nothing is decoded: a parser decodes only the few values it
 * keeps as strings. The rules of `text.ts` hold: a UTF-8 BOM is skipped, NUL bytes are refused with
 * their line, a line longer than the limit is refused before it is held whole, and a file that is
 * not plain UTF-8 (UTF-16, a declared Latin-1) is left to the text path.
 */
import { ReportParseError } from '../errors.js';
import type { ReportSource } from '../reports/types.js';
import { asReadError, sniffEncoding } from './text.js';

const NL = 10;
const EMPTY = Buffer.alloc(0);

/**
 * Receives blocks of whole lines: `buf[start, end)` where every line, the last included, ends with
 * `\n`. `buf` is never written after it is handed over (a chunk of the file, or a copy of a line
 * that crossed chunks), so a sink may keep pointing into it.
 */
export interface LineBlockSink {
  block(buf: Uint8Array, start: number, end: number): void;
  /** Lines read so far, to name the line in an error. */
  readonly lineNo: number;
}

/**
 * Feeds `sink` the file's lines in blocks (the `\n` of a last line without one is added). Resolves
 * false, having used only the first chunk, when the file is not plain UTF-8: the caller then reads
 * it as text instead.
 */
export async function forEachLineBlock(source: ReportSource, maxLineBytes: number, sink: LineBlockSink): Promise<boolean> {
  // The start of a line that continues in the next chunk, copied out of the chunk: a Buffer like the
  // chunks, so the parser's loop sees one kind of array.
  let carry = EMPTY;
  let carryLength = 0;
  let offset = 0;
  const keep = (chunk: Uint8Array, start: number, end: number): void => {
    const length = carryLength + end - start;
    if (length > carry.length) {
      const grown = Buffer.alloc(Math.max(length, carry.length * 2, 4096));
      grown.set(carry.subarray(0, carryLength));
      carry = grown;
    }
    carry.set(chunk.subarray(start, end), carryLength);
    carryLength = length;
  };
  const tooLong = (length: number): void => {
    if (length > maxLineBytes) {
      throw new ReportParseError(source.path, `line is longer than ${maxLineBytes} characters: not a report this format writes`, sink.lineNo + 1);
    }
  };
  const feed = (chunk: Uint8Array): void => {
    let start = 0;
    if (carryLength > 0) {
      const nl = chunk.indexOf(NL);
      if (nl === -1) {
        tooLong(carryLength + chunk.length);
        keep(chunk, 0, chunk.length);
        return;
      }
      keep(chunk, 0, nl + 1);
      sink.block(carry, 0, carryLength);
      carry = EMPTY; // the sink may keep pointing into it: the next line starts a new one
      carryLength = 0;
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= start) {
      sink.block(chunk, start, last + 1);
      start = last + 1;
    }
    if (start < chunk.length) {
      tooLong(chunk.length - start);
      keep(chunk, start, chunk.length);
    }
  };

  const stream = source.open();
  const chunks = stream[Symbol.asyncIterator]();
  // The next chunk is asked for before this one is parsed, so the file is read while the parser
  // works (a stream reads on only when its buffer is taken, after the loop body: ~1 ms per MB).
  const ask = (): Promise<IteratorResult<unknown>> => {
    const pending = chunks.next();
    // If parsing fails first, the stream is destroyed and this read's outcome no longer matters;
    // otherwise it is awaited below, where a read error is reported.
    pending.catch(ignoreAfterAbandon);
    return pending;
  };
  let pending = ask();
  try {
    for (let first = true; ; first = false) {
      let next: IteratorResult<unknown>;
      try {
        next = await pending;
      } catch (error) {
        throw asReadError(source.path, error);
      }
      if (next.done) break;
      pending = ask();
      let chunk = next.value as Buffer;
      if (first) {
        const { encoding, bomLength } = sniffEncoding(chunk);
        if (encoding !== 'utf-8') return false;
        chunk = chunk.subarray(bomLength);
        offset = bomLength;
      }
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        throw new ReportParseError(source.path, 'contains a NUL byte: this is a binary file, not a text report', await lineOfOffset(source, offset + nul));
      }
      offset += chunk.length;
      feed(chunk);
    }
  } finally {
    stream.destroy();
  }
  if (carryLength > 0) {
    keep(new Uint8Array([NL]), 0, 1);
    sink.block(carry, 0, carryLength);
  }
  return true;
}

function ignoreAfterAbandon(): void {
  // Deliberately empty: see `ask` in forEachLineBlock.
}

/** 1-based line of a byte offset, by reading the file again: only ever needed on the error path. */
async function lineOfOffset(source: ReportSource, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  for await (const raw of source.open()) {
    const chunk = (raw as Buffer).subarray(0, Math.max(0, offset - seen));
    for (let i = chunk.indexOf(NL); i !== -1; i = chunk.indexOf(NL, i + 1)) line++;
    seen += (raw as Buffer).length;
    if (seen >= offset) break;
  }
  return line;
}
