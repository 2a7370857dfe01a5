// A 200 MB line with no newline, streamed from a generator or read from a (made-up) file: refused
// after a few MB, never held whole.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../src/core/errors.js';
import { lcov } from '../../src/core/reports/coverage/lcov.js';
import { DEFAULT_LIMITS } from '../../src/core/reports/types.js';
import { parseWith } from '../helpers/parse.js';

const MB = 1024 * 1024;
const TOTAL = 200 * MB;

describe('a 200 MB line with no newline', () => {
  it('is refused with "line is longer" after reading only a few MB', async () => {
    let produced = 0;
    const piece = Buffer.alloc(MB, 'A');
    function* bytes(): Generator<Buffer> {
      yield Buffer.from('TN:');
      while (produced < TOTAL) {
        produced += piece.length;
        yield piece;
      }
    }
    const source = {
      path: 'huge.info',
      size: TOTAL + 3,
      open: () => Readable.from(bytes(), { objectMode: false, highWaterMark: MB }),
    };
    const before = process.memoryUsage().rss;
    const error = await parseWith(lcov, source).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toBe(
      `huge.info:1: line is longer than ${DEFAULT_LIMITS.maxLineBytes} characters: not a report this format writes`,
    );
    // The limit is 4 MiB: the stream was abandoned long before its 200 MB end (read-ahead allowed).
    expect(produced).toBeLessThan(DEFAULT_LIMITS.maxLineBytes + 16 * MB);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB);
  });

  it('is refused the same way when read from a file, growing its buffers only to the limit', async () => {
    let produced = 0;
    const header = Buffer.from('TN:');
    const source = {
      path: 'huge.info',
      size: TOTAL + 3,
      open: () => Readable.from([]),
      // A 200 MB file of one line, made up as it is read: nothing is written to disk.
      openFile: async () => ({
        read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
          const n = Math.max(0, Math.min(length, TOTAL + 3 - position));
          buffer.fill(0x41, offset, offset + n);
          if (position < 3) buffer.set(header.subarray(position, Math.min(3, position + n)), offset);
          produced += n;
          return n;
        },
        close: async () => undefined,
      }),
    };
    const before = process.memoryUsage().rss;
    const error = await parseWith(lcov, source).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as ReportParseError).message).toBe(
      `huge.info:1: line is longer than ${DEFAULT_LIMITS.maxLineBytes} characters: not a report this format writes`,
    );
    expect(produced).toBeLessThan(DEFAULT_LIMITS.maxLineBytes + 16 * MB);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB);
  });
});
