/**
 * Decoding report bytes into text, chunk by chunk: byte order marks, UTF-16, a declared Latin-1
 * XML encoding, NUL bytes (binary files are refused), and read errors with the file named.
 */
import { TextDecoder } from 'node:util';
import { ReportParseError, describeError } from '../errors.js';
import type { ReportSource } from '../reports/types.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Picks the decoder from the first bytes: BOMs, UTF-16 without BOM (`<\0?\0`), or an XML declaration. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return { encoding: 'utf-16le', bomLength: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return { encoding: 'utf-16be', bomLength: 0 };
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
 */
export async function* readText(source: ReportSource): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let line = 1;
  let checkNul = true;
  try {
    for await (const raw of source.open()) {
      let chunk = raw as Buffer;
      if (!decoder) {
        const { encoding, bomLength } = sniffEncoding(chunk);
        decoder = new TextDecoder(encoding);
        checkNul = encoding === 'utf-8' || encoding === 'windows-1252';
        chunk = chunk.subarray(bomLength);
      }
      if (checkNul) {
        const nul = chunk.indexOf(0);
        if (nul !== -1) {
          line += countNewlines(chunk.subarray(0, nul));
          throw new ReportParseError(source.path, 'contains a NUL byte: this is a binary file, not a text report', line);
        }
        line += countNewlines(chunk);
      }
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield text;
    }
  } catch (error) {
    throw asReadError(source.path, error);
  }
  const rest = decoder?.decode() ?? '';
  if (rest.length > 0) yield rest;
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  let i = buf.indexOf(10);
  while (i !== -1) {
    n++;
    i = buf.indexOf(10, i + 1);
  }
  return n;
}

/** Wraps a read failure (ENOENT, EISDIR, EACCES, …) in a message that names the file. */
export function asReadError(path: string, error: unknown): ReportParseError {
  if (error instanceof ReportParseError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'file not found',
    EISDIR: 'is a directory, not a report file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'too many symbolic links',
  };
  const reason = typeof code === 'string' && reasons[code] ? reasons[code] : `cannot read: ${describeError(error)}`;
  return new ReportParseError(path, reason, undefined, { cause: error });
}

/**
 * Calls `onLine` for every line (without its `\n` or `\r\n`), with 1-based line numbers. A line
 * longer than `maxLineBytes` characters is refused before it is held whole.
 */
export async function forEachLine(
  source: ReportSource,
  maxLineBytes: number,
  onLine: (line: string, lineNo: number) => void,
): Promise<number> {
  let carry = '';
  let lineNo = 0;
  for await (const text of readText(source)) {
    let start = 0;
    let nl = text.indexOf('\n');
    if (nl !== -1 && carry.length > 0) {
      const first = carry + text.slice(0, nl);
      carry = '';
      emit(first);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    while (nl !== -1) {
      emit(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) {
      carry = carry.length === 0 ? text.slice(start) : carry + text.slice(start);
      if (carry.length > maxLineBytes) {
        throw new ReportParseError(source.path, `line is longer than ${maxLineBytes} characters: not a report this format writes`, lineNo + 1);
      }
    }
  }
  if (carry.length > 0) emit(carry);
  return lineNo;

  function emit(line: string): void {
    lineNo++;
    onLine(line.endsWith('\r') ? line.slice(0, -1) : line, lineNo);
  }
}
