/**
 * Decoding report bytes into text, chunk by chunk: byte order marks, UTF-16, a declared Latin-1
 * XML encoding, NUL bytes (binary files are refused), and read errors with the file named.
 */
import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { ReportParseError, describeError, fsReason } from '../errors.js';
import type { ReportSource } from '../reports/types.js';
import { chunks } from './chunks.js';

const ASCII_PIECE = 64 * 1024;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Picks the decoder from the first bytes: BOMs, UTF-16 without BOM (`<\0?\0`), or an XML declaration. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00)
    return { encoding: 'utf-16le', bomLength: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f)
    return { encoding: 'utf-16be', bomLength: 0 };
  if (head[0] === 0x3c && head[1] === 0x3f) {
    const decl = Buffer.from(head.subarray(0, 200)).toString('latin1');
    const match = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl);
    const name = match?.[1]?.toLowerCase();
    if (name && /^(iso-8859-1|latin-?1|windows-1252|cp1252|us-ascii|ascii)$/.test(name)) {
      return { encoding: 'windows-1252', bomLength: 0 };
    }
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * Yields decoded text chunks of a report. Refuses NUL bytes in UTF-8 and Latin-1 text (a binary
 * file or a corrupt upload) with the line where the first one sits.
 *
 * Speed: most reports are pure ASCII, so a chunk that is ASCII (checked with `isAscii`, which is
 * vectorised) and does not continue a multi-byte sequence is turned into a string with
 * a Latin-1 decode (identical for ASCII), skipping UTF-8 validation; anything else goes through the TextDecoder.
 */
export async function* readText(source: ReportSource): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let offset = 0;
  let checkNul = true;
  let ascii = false;
  /** True when the decoder holds no partial character: the next chunk may skip it if ASCII. */
  let clean = true;
  try {
    for await (const raw of chunks(source)) {
      let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      if (!decoder) {
        const { encoding, bomLength } = sniffEncoding(chunk);
        // The BOM is skipped here; a decoder would also drop a U+FEFF at the start of the first
        // chunk it sees, which is not the file's start when ASCII chunks came before.
        decoder = new TextDecoder(encoding, { ignoreBOM: true });
        checkNul = encoding === 'utf-8' || encoding === 'windows-1252';
        ascii = checkNul;
        chunk = chunk.subarray(bomLength);
        offset += bomLength;
      }
      if (checkNul) {
        const nul = chunk.indexOf(0);
        if (nul !== -1) {
          const line = await lineOfOffset(source, offset + nul);
          throw new ReportParseError(
            source.path,
            'contains a NUL byte: this is a binary file, not a text report',
            line,
          );
        }
      }
      offset += chunk.length;
      if (ascii && clean && isAscii(chunk)) {
        // Pieces below Node's external-string threshold (~1 MB): an external string is invisible
        // to V8's heap accounting, so hundreds of them pile up before a GC frees them.
        for (let at = 0; at < chunk.length; at += ASCII_PIECE)
          yield chunk.toString('latin1', at, Math.min(chunk.length, at + ASCII_PIECE));
      } else {
        const text = decoder.decode(chunk, { stream: true });
        clean = chunk.length === 0 || chunk[chunk.length - 1]! < 0x80;
        if (text.length > 0) yield text;
      }
    }
  } catch (error) {
    throw asReadError(source.path, error);
  }
  const rest = decoder?.decode() ?? '';
  if (rest.length > 0) yield rest;
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 keeps the whole decoded
 * chunk alive behind a slice of it, so a value a parser keeps for long (a path, a cache key) must be
 * detached, or a 500 MB report stays in memory one chunk per kept value.
 */
export function detach(s: string): string {
  return s.length === 0 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** 1-based line of a byte offset, by reading the file again: only ever needed on the error path. */
export async function lineOfOffset(source: ReportSource, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  for await (const raw of source.open()) {
    const chunk = (raw as Buffer).subarray(0, Math.max(0, offset - seen));
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) line++;
    seen += (raw as Buffer).length;
    if (seen >= offset) break;
  }
  return line;
}

/** Wraps a read failure (ENOENT, EISDIR, EACCES, …) in a message that names the file. */
export function asReadError(path: string, error: unknown): ReportParseError {
  if (error instanceof ReportParseError) return error;
  const known = fsReason(error);
  const reason =
    known === 'is a directory, not a file'
      ? 'is a directory, not a report file'
      : (known ?? `cannot read: ${describeError(error)}`);
  return new ReportParseError(path, reason, undefined, { cause: error });
}

/**
 * Calls `onLine` for every line (without its `\n` or `\r\n`), with 1-based line numbers. A line
 * longer than `maxLineBytes` characters is refused before it is held whole.
 */
export function forEachLine(
  source: ReportSource,
  maxLineBytes: number,
  onLine: (line: string, lineNo: number) => void,
): Promise<number> {
  return forEachLineSpan(source, maxLineBytes, (text, start, end, lineNo) => onLine(text.slice(start, end), lineNo));
}

/**
 * As `forEachLine`, but hands over the line as `text[start, end)` without cutting it out, so a hot
 * parser can read the characters it needs and allocate nothing for most lines.
 */
export async function forEachLineSpan(
  source: ReportSource,
  maxLineBytes: number,
  onLine: (text: string, start: number, end: number, lineNo: number) => void,
): Promise<number> {
  let carry = '';
  let lineNo = 0;
  for await (const text of readText(source)) {
    let start = 0;
    let nl = text.indexOf('\n');
    if (nl !== -1 && carry.length > 0) {
      const first = carry + text.slice(0, nl);
      carry = '';
      emit(first, 0, first.length);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    while (nl !== -1) {
      emit(text, start, nl);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) {
      const rest = text.length - start;
      if (carry.length + rest > maxLineBytes) {
        throw new ReportParseError(
          source.path,
          `line is longer than ${maxLineBytes} characters: not a report this format writes`,
          lineNo + 1,
        );
      }
      carry = carry.length === 0 ? text.slice(start) : carry + text.slice(start);
    }
  }
  if (carry.length > 0) emit(carry, 0, carry.length);
  return lineNo;

  function emit(text: string, start: number, end: number): void {
    lineNo++;
    onLine(text, start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end, lineNo);
  }
}
