/**
 * Streaming a UTF-8 report as raw bytes, in blocks of whole lines, for parsers that read bytes
 * rather than text (the lcov scanner). Nothing is decoded: a parser decodes only the few values it
 * keeps as strings. The rules of `text.ts` hold: a UTF-8 BOM is skipped, NUL bytes are refused with
 * their line, a line longer than the limit is refused before it is held whole, and a file that is
 * not plain UTF-8 (UTF-16, a declared Latin-1) is left to the text path.
 */
import { ReportParseError } from '../errors.js';
import type { ReportFile, ReportSource } from '../reports/types.js';
import { asReadError, lineOfOffset, sniffEncoding } from './text.js';

const NL = 10;
const EMPTY = Buffer.alloc(0);

/**
 * Receives blocks of whole lines: `buf[start, end)` where every line, the last included, ends with
 * `\n`. A sink may keep pointing into the buffers it was handed until `release()` is called.
 */
export interface LineBlockSink {
  block(buf: Uint8Array, start: number, end: number): void;
  /** Every buffer handed over so far is about to be written again: copy out what is still needed. */
  release(): void;
  /** Lines read so far, to name the line in an error. */
  readonly lineNo: number;
}

/** Bytes per read from a file: two buffers of this size are all the memory the reading takes. */
const FILE_CHUNK = 1024 * 1024;
/** A smaller file gets buffers just larger than its size, but not under this. */
const MIN_FILE_CHUNK = 64 * 1024;

/**
 * Feeds `sink` the file's lines in blocks (the `\n` of a last line without one is added). Resolves
 * false, having used only the first chunk, when the file is not plain UTF-8: the caller then reads
 * it as text instead.
 */
export async function forEachLineBlock(
  source: ReportSource,
  maxLineBytes: number,
  sink: LineBlockSink,
): Promise<boolean> {
  if (source.openFile) return fromFile(source, source.openFile.bind(source), maxLineBytes, sink);
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
    if (length > maxLineBytes) throw tooLongError(source.path, maxLineBytes, sink.lineNo);
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
        throw new ReportParseError(
          source.path,
          'contains a NUL byte: this is a binary file, not a text report',
          await lineOfOffset(source, offset + nul),
        );
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

/**
 * forEachLineBlock on a file: reads into two buffers in turn, the next read running while the
 * parser works through the block before it. A line cut by the end of a read is copied to the start
 * of the other buffer, and the next read continues after it; a line longer than a buffer grows it
 * (up to the limit).
 */
async function fromFile(
  source: ReportSource,
  openFile: () => Promise<ReportFile>,
  maxLineBytes: number,
  sink: LineBlockSink,
): Promise<boolean> {
  let file: ReportFile;
  try {
    file = await openFile();
  } catch (error) {
    throw asReadError(source.path, error);
  }
  // Most reports are small: sized to the file, reading one takes a read or two and no megabytes.
  // (Should the file have grown since its size was taken, the reads only get more numerous.)
  const chunk = Math.min(FILE_CHUNK, Math.max(MIN_FILE_CHUNK, (source.size ?? FILE_CHUNK) + 1));
  let buf = Buffer.allocUnsafe(chunk);
  let spare = Buffer.allocUnsafe(chunk);
  /** File offset of the next read. */
  let position = 0;
  const read = (into: Buffer, at: number): Promise<number> => {
    const pending = file.read(into, at, into.length - at, position);
    pending.catch(ignoreAfterAbandon); // awaited below unless parsing fails first (see forEachLineBlock)
    return pending;
  };
  let pending = read(buf, 0);
  /** Bytes at the start of buf carried over from the block before: the start of a line. */
  let kept = 0;
  try {
    for (let first = true; ; first = false) {
      let n: number;
      try {
        n = await pending;
      } catch (error) {
        throw asReadError(source.path, error);
      }
      const filled = kept + n;
      const at = position - kept; // the file offset of buf[0]
      position += n;
      let start = 0;
      if (first) {
        const { encoding, bomLength } = sniffEncoding(buf.subarray(0, filled));
        if (encoding !== 'utf-8') return false;
        start = Math.min(bomLength, filled);
      }
      if (n === 0) {
        // The end: a last line without its `\n` gets one (step 3 below left room for it).
        if (filled > start) {
          buf[filled] = NL;
          sink.block(buf, start, filled + 1);
        }
        return true;
      }
      const nul = buf.subarray(Math.max(kept, start), filled).indexOf(0);
      if (nul !== -1) {
        throw new ReportParseError(
          source.path,
          'contains a NUL byte: this is a binary file, not a text report',
          await lineOfOffset(source, at + Math.max(kept, start) + nul),
        );
      }
      const last = buf.lastIndexOf(NL, filled - 1);
      const tail = last >= start ? last + 1 : start;
      // 1. The spare buffer is about to be written: whatever the sink still points at in it goes.
      sink.release();
      // 2. A line that is already too long is refused, after the lines before it are read.
      if (filled - tail > maxLineBytes) {
        if (tail > start) sink.block(buf, start, tail);
        throw tooLongError(source.path, maxLineBytes, sink.lineNo);
      }
      // 3. The cut line moves to the spare buffer (grown if it would leave little room to read),
      //    and the next read starts after it.
      kept = filled - tail;
      if (spare.length - kept < chunk / 4) spare = Buffer.allocUnsafe(Math.max(spare.length * 2, kept + chunk));
      spare.set(buf.subarray(tail, filled), 0);
      pending = read(spare, kept);
      // 4. The whole lines are parsed while that read runs.
      if (tail > start) sink.block(buf, start, tail);
      [buf, spare] = [spare, buf];
    }
  } finally {
    await file.close().catch(ignoreAfterAbandon);
  }
}

function tooLongError(path: string, maxLineBytes: number, linesBefore: number): ReportParseError {
  return new ReportParseError(
    path,
    `line is longer than ${maxLineBytes} characters: not a report this format writes`,
    linesBefore + 1,
  );
}

function ignoreAfterAbandon(): void {
  // Deliberately empty: see `ask` in forEachLineBlock.
}
