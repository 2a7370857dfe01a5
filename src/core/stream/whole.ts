/**
 * A report read whole into one string, for formats that are parsed whole (JSON). The bytes go
 * into one buffer and are decoded once: decoding chunk by chunk and joining the pieces took three
 * times as long on a 44 MB file and held the text twice. The rules of text.ts hold: BOMs, UTF-16,
 * NUL bytes refused with their line, read errors with the file named.
 */
import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { ReportParseError } from '../errors.js';
import type { ReportSource } from '../reports/types.js';
import { chunks } from './chunks.js';
import { asReadError, lineOfOffset, sniffEncoding } from './text.js';

/** The report's text; `tooBig()` is thrown as soon as the file passes `maxBytes`. */
export async function readWholeText(source: ReportSource, maxBytes: number, tooBig: () => Error): Promise<string> {
  let buf = Buffer.allocUnsafe(Math.min(source.size ?? 64 * 1024, maxBytes) + 1);
  let length = 0;
  let over = false;
  try {
    for await (const chunk of chunks(source)) {
      if (length + chunk.length > maxBytes) {
        over = true; // leaving the loop closes the file
        break;
      }
      if (length + chunk.length > buf.length) {
        const grown = Buffer.allocUnsafe(Math.min(Math.max(buf.length * 2, length + chunk.length), maxBytes));
        grown.set(buf.subarray(0, length));
        buf = grown;
      }
      buf.set(chunk, length);
      length += chunk.length;
    }
  } catch (error) {
    throw asReadError(source.path, error);
  }
  if (over) throw tooBig();
  const { encoding, bomLength } = sniffEncoding(buf.subarray(0, Math.min(length, 4096)));
  const bytes = buf.subarray(Math.min(bomLength, length), length);
  if (encoding === 'utf-8' || encoding === 'windows-1252') {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      throw new ReportParseError(
        source.path,
        'contains a NUL byte: this is a binary file, not a text report',
        await lineOfOffset(source, bomLength + nul),
      );
    }
  }
  // ASCII (most reports) reads the same as Latin-1, which skips UTF-8 validation.
  if (encoding === 'utf-8' && isAscii(bytes)) return bytes.toString('latin1');
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes); // the BOM is already skipped
}
