// chunks(): a file is read into two buffers in turn; other sources are streamed as they are.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../src/collect/file-source.js';
import { chunks } from '../../../src/core/stream/chunks.js';
import { readText } from '../../../src/core/stream/text.js';
import { lcov } from '../../../src/core/reports/coverage/lcov.js';
import { parseWith } from '../../helpers/parse.js';
import type { ReportSource } from '../../../src/core/reports/types.js';

const dir = mkdtempSync(join(tmpdir(), 'readygate-chunks-'));

describe('chunks', () => {
  it('reads a file of several megabytes into two reused buffers, in order', async () => {
    const text = Array.from({ length: 300_000 }, (_, i) => `<testcase name="t${i}"/>\n`).join('');
    writeFileSync(join(dir, 'big.xml'), text);
    const buffers = new Set<ArrayBufferLike>();
    const copies: Buffer[] = [];
    for await (const chunk of chunks(fileSource(dir, 'big.xml'))) {
      buffers.add(chunk.buffer);
      copies.push(Buffer.from(chunk));
    }
    expect(Buffer.concat(copies).toString()).toBe(text);
    expect(copies.length).toBeGreaterThan(4);
    expect(buffers.size).toBe(2);
  });

  it('decodes the same text from a file as from a stream (multi-byte characters across reads)', async () => {
    const text = `<a>${'é名🙂'.repeat(400_000)}</a>\n`;
    writeFileSync(join(dir, 'utf8.xml'), text);
    const fromFile: string[] = [];
    for await (const t of readText(fileSource(dir, 'utf8.xml'))) fromFile.push(t);
    const streamed: ReportSource = { path: 'utf8.xml', open: () => Readable.from([Buffer.from(text)]) };
    const fromStream: string[] = [];
    for await (const t of readText(streamed)) fromStream.push(t);
    expect(fromFile.join('')).toBe(text);
    expect(fromStream.join('')).toBe(text);
  });

  it('closes the file when the reader stops early, and names the file it cannot open', async () => {
    let closed = 0;
    const source: ReportSource = {
      path: 'r.xml',
      open: () => Readable.from([]),
      openFile: async () => ({
        read: async (buffer: Uint8Array, offset: number) => {
          buffer.fill(0x61, offset, offset + 10);
          return 10;
        },
        close: async () => {
          closed++;
        },
      }),
    };
    for await (const chunk of chunks(source)) {
      expect(chunk.length).toBe(10);
      break;
    }
    expect(closed).toBe(1);
    const missing = async () => {
      for await (const t of readText(fileSource(dir, 'missing.xml'))) void t;
    };
    await expect(missing()).rejects.toThrow('missing.xml: file not found');
  });

  it('keeps a U+FEFF that is text, not the file’s BOM, after ASCII chunks', async () => {
    const text = `${'a'.repeat(1024 * 1024)}\ufeffb\n`;
    writeFileSync(join(dir, 'feff.txt'), text);
    const parts: string[] = [];
    for await (const t of readText(fileSource(dir, 'feff.txt'))) parts.push(t);
    expect(parts.join('')).toBe(text);
  });

  it('streams a named pipe, which cannot be read by position', async () => {
    const fifo = join(dir, 'cov.info');
    execFileSync('mkfifo', [fifo]);
    const source = fileSource(dir, 'cov.info');
    expect(source.openFile).toBeUndefined();
    const writing = writeFile(fifo, 'TN:\nSF:a.ts\nDA:1,1\nDA:2,0\nend_of_record\n');
    const { table } = await parseWith(lcov, source);
    await writing;
    expect(table.totals().lines).toEqual({ covered: 1, total: 2 });
  });
});
