// readWholeText: a report as one string, decoded once, with text.ts's rules.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../src/collect/file-source.js';
import { ReportParseError } from '../../../src/core/errors.js';
import type { ReportSource } from '../../../src/core/reports/types.js';
import { readWholeText } from '../../../src/core/stream/whole.js';
import { memoryFileSource } from '../../helpers/parse.js';

const streamOf = (bytes: Buffer, every: number, size?: number): ReportSource => ({
  path: 'r.json',
  size,
  open: () =>
    Readable.from(
      Array.from({ length: Math.ceil(bytes.length / every) }, (_, i) => bytes.subarray(i * every, (i + 1) * every)),
    ),
});
const tooBig = () => new ReportParseError('r.json', 'too big');
const read = (source: ReportSource, max = 1 << 20) => readWholeText(source, max, tooBig).catch((e: unknown) => e);

describe('readWholeText', () => {
  const text = `{"name": "é名🙂", "list": [${Array.from({ length: 5_000 }, (_, i) => `"v${i}·"`).join(',')}]}`;

  it('decodes UTF-8 cut anywhere, from a stream (size unknown or wrong) or a file', async () => {
    for (const every of [1, 7, 4096]) expect(await read(streamOf(Buffer.from(text), every))).toBe(text);
    expect(await read(streamOf(Buffer.from(text), 1000, 10))).toBe(text); // the file grew after stat
    expect(await read(memoryFileSource(text, 'r.json'))).toBe(text);
  });

  it('skips a UTF-8 BOM and reads UTF-16 with its BOM', async () => {
    expect(await read(streamOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 333))).toBe(text);
    expect(await read(streamOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 333))).toBe(
      text,
    );
  });

  it('refuses a NUL byte with its line, and a file over the limit as soon as it passes it', async () => {
    const nul = (await read(streamOf(Buffer.from('{\n"a":\n"\u0000"}'), 3))) as ReportParseError;
    expect(nul.message).toBe('r.json:3: contains a NUL byte: this is a binary file, not a text report');
    let produced = 0;
    const endless: ReportSource = {
      path: 'r.json',
      open: () =>
        Readable.from(
          (function* () {
            for (;;) {
              produced += 1024;
              yield Buffer.alloc(1024, 0x20);
            }
          })(),
        ),
    };
    expect(((await read(endless, 64 * 1024)) as Error).message).toBe('r.json: too big');
    expect(produced).toBeLessThan(256 * 1024);
  });

  it('names a file it cannot open', async () => {
    expect(((await read(fileSource('/nonexistent-dir', 'r.json'))) as Error).message).toBe('r.json: file not found');
  });
});
