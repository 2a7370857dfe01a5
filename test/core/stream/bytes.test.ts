// forEachLineBlock: whole lines in blocks, straight from the report's bytes, with text.ts's rules,
// from a stream (fresh chunks) and from a file (positional reads into two reused buffers).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../src/collect/file-source.js';
import { ReportParseError } from '../../../src/core/errors.js';
import type { ReportSource } from '../../../src/core/reports/types.js';
import { forEachLineBlock, type LineBlockSink } from '../../../src/core/stream/bytes.js';

/**
 * A sink that keeps views of every block and copies of what they held when handed over, and at
 * each release() checks that no view handed over so far has been written yet.
 */
function collector(): LineBlockSink & {
  lineNo: number;
  views: Uint8Array[];
  copies: string[];
  writtenBeforeRelease: number;
  text(): string;
} {
  const views: Uint8Array[] = [];
  const copies: string[] = [];
  let released = 0; // views before this one were released: their buffers may since hold other bytes
  return {
    views,
    copies,
    writtenBeforeRelease: 0,
    lineNo: 0,
    block(buf, start, end) {
      const view = buf.subarray(start, end);
      views.push(view);
      copies.push(Buffer.from(view).toString('latin1'));
      for (const b of view) if (b === 10) this.lineNo++;
    },
    release() {
      for (let i = released; i < views.length; i++)
        if (Buffer.from(views[i]!).toString('latin1') !== copies[i]) this.writtenBeforeRelease++;
      released = views.length;
    },
    text: () => copies.join(''),
  };
}

/** `bytes` as a stream whose chunks end at `cuts`. */
function streamOf(bytes: Buffer, cuts: number[] = [], path = 'r.info'): ReportSource {
  const points = [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
  const chunks = [0, ...points].map((from, i, all) => bytes.subarray(from, all[i + 1] ?? bytes.length));
  return { path, open: () => Readable.from(chunks) };
}

/** `bytes` as a file whose reads stop short at `cuts` (as reads may); counts reads and closes. */
function fileOf(bytes: Buffer, cuts: number[] = [], path = 'r.info'): ReportSource & { reads: number; closed: number } {
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  const source = {
    path,
    reads: 0,
    closed: 0,
    open: () => Readable.from([bytes]),
    openFile: async () => ({
      read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
        source.reads++;
        const stop = Math.min(position + length, points.find((p) => p > position) ?? bytes.length, bytes.length);
        if (stop <= position) return 0;
        buffer.set(bytes.subarray(position, stop), offset);
        return stop - position;
      },
      close: async () => {
        source.closed++;
      },
    }),
  };
  return source;
}

describe.each([
  ['a stream', streamOf],
  ['a file', fileOf],
])('forEachLineBlock from %s', (_kind, sourceOf) => {
  it('hands over whole lines however the reads cut them, and ends a last line without one with \\n', async () => {
    const text = 'SF:a\nDA:1,1\nDA:2,0\nend_of_record';
    for (const cuts of [[], [1], [4, 5], [6, 7, 8, 9, 10], [text.length - 1]]) {
      const sink = collector();
      expect(await forEachLineBlock(sourceOf(Buffer.from(text), cuts), 1000, sink)).toBe(true);
      expect(sink.text()).toBe(`${text}\n`);
      expect(sink.copies.every((block) => block.endsWith('\n'))).toBe(true);
    }
  });

  it('writes no buffer it handed over before release() is called', async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `DA:${i + 1},${i % 3}\n`).join('');
    const bytes = Buffer.from(lines);
    const sink = collector();
    await forEachLineBlock(
      sourceOf(
        bytes,
        Array.from({ length: Math.ceil(bytes.length / 97) }, (_, i) => i * 97),
      ),
      1000,
      sink,
    );
    expect(sink.views.length).toBeGreaterThan(100);
    expect(sink.writtenBeforeRelease).toBe(0);
    expect(sink.text()).toBe(lines);
  });

  it('skips a UTF-8 BOM, and hands a UTF-16 file back to the text reader', async () => {
    const sink = collector();
    await forEachLineBlock(sourceOf(Buffer.from('\uFEFFTN:\n'), [3]), 1000, sink);
    expect(sink.text()).toBe('TN:\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('TN:\n'.repeat(1000), 'utf16le')]);
    const other = collector();
    expect(await forEachLineBlock(sourceOf(utf16, [100, 200, 300]), 1000, other)).toBe(false);
    expect(other.views).toEqual([]);
  });

  it('refuses a line longer than the limit across reads, naming its line', async () => {
    const bytes = Buffer.concat([Buffer.from('TN:\nSF:'), Buffer.alloc(1200, 0x61)]);
    const error = await forEachLineBlock(sourceOf(bytes, [7, 607]), 1000, collector()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toBe(
      'r.info:2: line is longer than 1000 characters: not a report this format writes',
    );
  });

  it('refuses a NUL byte, naming its line', async () => {
    const bytes = Buffer.from('TN:\nSF:a\nDA:1,1\nDA:2\u0000,1\n');
    const error = await forEachLineBlock(sourceOf(bytes, [12]), 1000, collector()).catch((e: unknown) => e);
    expect((error as ReportParseError).message).toBe(
      'r.info:4: contains a NUL byte: this is a binary file, not a text report',
    );
  });

  it('passes errors from the parser through as they are', async () => {
    const bug = new TypeError('a bug in the parser');
    const sink = {
      lineNo: 0,
      block: () => {
        throw bug;
      },
      release: () => undefined,
    };
    await expect(forEachLineBlock(sourceOf(Buffer.from('TN:\n')), 1000, sink)).rejects.toBe(bug);
  });
});

describe('forEachLineBlock from a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readygate-bytes-'));

  it('reads a file of many megabytes into the same two buffers, with lines longer than a read', async () => {
    const long = `SF:${'x'.repeat(2_500_000)}\n`;
    const lines = Array.from({ length: 400_000 }, (_, i) => `DA:${i + 1},${i % 7}\n`).join('');
    const text = `TN:\n${long}${lines}${long}end_of_record`;
    writeFileSync(join(dir, 'big.info'), text);
    const sink = collector();
    expect(await forEachLineBlock(fileSource(dir, 'big.info'), 4 * 1024 * 1024, sink)).toBe(true);
    expect(sink.writtenBeforeRelease).toBe(0);
    expect(sink.lineNo).toBe(400_004);
    // Views of the same buffer now show what it holds at the end: compare the copies.
    expect(sink.copies.join('')).toBe(`${text}\n`);
    const buffers = new Set(sink.views.map((v) => v.buffer));
    expect(buffers.size).toBeLessThanOrEqual(4); // two, and the two the long lines grew them into
    expect(sink.views.length).toBeGreaterThan(buffers.size);
  });

  it('reads a small file in buffers sized to it, and a file longer than its stated size whole', async () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `DA:${i + 1},${i % 7}`).join('\n');
    for (const size of [text.length, 100]) {
      const source = { ...fileOf(Buffer.from(text)), size };
      const sink = collector();
      expect(await forEachLineBlock(source, 1000, sink)).toBe(true);
      expect(sink.copies.join('')).toBe(`${text}\n`);
      expect(Math.max(...sink.views.map((v) => v.buffer.byteLength))).toBeLessThan(1024 * 1024);
    }
  });

  it('closes the file when done, when the parser fails, and after a read error', async () => {
    const ok = fileOf(Buffer.from('TN:\nDA:1,1\n'), [4]);
    await forEachLineBlock(ok, 1000, collector());
    expect(ok.closed).toBe(1);
    const failing = fileOf(Buffer.from('TN:\n'));
    const sink = {
      lineNo: 0,
      block: () => {
        throw new Error('parser');
      },
      release: () => undefined,
    };
    await expect(forEachLineBlock(failing, 1000, sink)).rejects.toThrow('parser');
    expect(failing.closed).toBe(1);
    const broken: ReportSource & { closed: number } = {
      path: 'r.info',
      closed: 0,
      open: () => Readable.from([]),
      openFile: async () => ({
        read: async (_b: Uint8Array, _o: number, _l: number, position: number) => {
          if (position > 0) throw new Error('disk gone');
          _b.set(Buffer.from('TN:\n'), _o);
          return 4;
        },
        close: async () => {
          broken.closed++;
        },
      }),
    };
    const error = await forEachLineBlock(broken, 1000, collector()).catch((e: unknown) => e);
    expect((error as ReportParseError).message).toBe('r.info: cannot read: disk gone');
    expect(broken.closed).toBe(1);
  });

  it('says which file cannot be opened and why', async () => {
    const error = await forEachLineBlock(fileSource(dir, 'missing.info'), 1000, collector()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toBe('missing.info: file not found');
  });
});

describe('forEachLineBlock from a stream', () => {
  it('reports a read error with the file named', async () => {
    const failing = {
      path: 'r.info',
      open: () =>
        Readable.from(
          (async function* () {
            yield Buffer.from('TN:\n');
            throw new Error('disk gone');
          })(),
        ),
    };
    const readError = await forEachLineBlock(failing, 1000, collector()).catch((e: unknown) => e);
    expect(readError).toBeInstanceOf(ReportParseError);
    expect((readError as ReportParseError).message).toBe('r.info: cannot read: disk gone');
  });

  it('leaves UTF-16 to the text reader after its first chunk', async () => {
    let pulled = 0;
    const utf16 = {
      path: 'u.info',
      open: () =>
        Readable.from(
          (function* () {
            for (;;) {
              pulled++;
              yield Buffer.from([0xff, 0xfe, 0x54, 0x00]);
            }
          })(),
        ),
    };
    expect(await forEachLineBlock(utf16, 1000, collector())).toBe(false);
    expect(pulled).toBeLessThanOrEqual(2); // the first chunk, and at most one asked for ahead
  });
});
