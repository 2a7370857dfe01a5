// forEachLineBlock: whole lines in blocks, straight from the stream's bytes, with text.ts's rules.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../src/core/errors.js';
import { forEachLineBlock, type LineBlockSink } from '../../../src/core/stream/bytes.js';

/** A sink that keeps views of every block (and copies of what they held when handed over). */
function collector(): LineBlockSink & { lineNo: number; views: Uint8Array[]; copies: string[]; text(): string } {
  const views: Uint8Array[] = [];
  const copies: string[] = [];
  return {
    views,
    copies,
    lineNo: 0,
    block(buf, start, end) {
      const view = buf.subarray(start, end);
      views.push(view);
      copies.push(Buffer.from(view).toString('latin1'));
      for (const b of view) if (b === 10) this.lineNo++;
    },
    text: () => copies.join(''),
  };
}

const source = (chunks: Buffer[], path = 'r.info') => ({ path, open: () => Readable.from(chunks) });

describe('forEachLineBlock', () => {
  it('hands over whole lines however the chunks cut them, and ends a last line without one with \\n', async () => {
    const text = 'SF:a\nDA:1,1\nDA:2,0\nend_of_record';
    const bytes = Buffer.from(text);
    for (const cuts of [[], [1], [4, 5], [6, 7, 8, 9, 10], [text.length - 1]]) {
      const chunks = [0, ...cuts].map((from, i, all) => bytes.subarray(from, all[i + 1] ?? bytes.length));
      const sink = collector();
      expect(await forEachLineBlock(source(chunks), 1000, sink)).toBe(true);
      expect(sink.text()).toBe(`${text}\n`);
      expect(sink.copies.every((block) => block.endsWith('\n'))).toBe(true);
    }
  });

  it('never writes a buffer again once handed over (a sink may keep pointing into it)', async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `DA:${i + 1},${i % 3}\n`).join('');
    const bytes = Buffer.from(lines);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 97) }, (_, i) => Buffer.from(bytes.subarray(i * 97, (i + 1) * 97)));
    const sink = collector();
    await forEachLineBlock(source(chunks), 1000, sink);
    expect(sink.views.length).toBeGreaterThan(100);
    expect(sink.views.map((v) => Buffer.from(v).toString('latin1'))).toEqual(sink.copies);
    expect(sink.text()).toBe(lines);
  });

  it('skips a UTF-8 BOM, and leaves UTF-16 to the text reader after its first chunk', async () => {
    const sink = collector();
    await forEachLineBlock(source([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('TN:\n')]), 1000, sink);
    expect(sink.text()).toBe('TN:\n');
    let pulled = 0;
    const utf16 = { path: 'u.info', open: () => Readable.from((function* () { for (;;) { pulled++; yield Buffer.from([0xff, 0xfe, 0x54, 0x00]); } })()) };
    expect(await forEachLineBlock(utf16, 1000, collector())).toBe(false);
    expect(pulled).toBeLessThanOrEqual(2); // the first chunk, and at most one asked for ahead
  });

  it('refuses a line longer than the limit across chunks, naming its line', async () => {
    const chunks = [Buffer.from('TN:\nSF:'), Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x61)];
    const error = await forEachLineBlock(source(chunks), 1000, collector()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toBe('r.info:2: line is longer than 1000 characters: not a report this format writes');
  });

  it('reports a read error with the file named, and passes errors from the parser through as they are', async () => {
    const failing = { path: 'r.info', open: () => Readable.from((async function* () { yield Buffer.from('TN:\n'); throw new Error('disk gone'); })()) };
    const readError = await forEachLineBlock(failing, 1000, collector()).catch((e: unknown) => e);
    expect(readError).toBeInstanceOf(ReportParseError);
    expect((readError as ReportParseError).message).toBe('r.info: cannot read: disk gone');
    const bug = new TypeError('a bug in the parser');
    const sink = { lineNo: 0, block: () => { throw bug; } };
    await expect(forEachLineBlock(source([Buffer.from('TN:\n')]), 1000, sink)).rejects.toBe(bug);
  });
});
